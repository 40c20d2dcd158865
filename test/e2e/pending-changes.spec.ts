// The Pending changes panel in the web preview: what the baseline was, what
// differs from it, and the script those differences make, kept in step with
// the table.

import path from 'node:path';
import { AppPage } from '../support/app-page';
import { expect, test } from './fixtures';

const FIXTURE = path.resolve('test/fixtures/server/pchat-config.clixml.xml');

test('pending changes: without a baseline it says how to get one; after an import it lists changes and the script', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await expect(ui.row('Global')).toBeVisible();
  await app.getByText('Pending changes', { exact: true }).click();
  const panel = app.getByRole('region', { name: 'Pending changes' });
  await expect(panel).toContainText('No baseline has been imported.');

  expect(preview.shell(`Import-PchatBaseline '${FIXTURE}' | Out-Null`).code).toBe(0);
  expect(preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 41').code).toBe(0);
  await expect.poll(() => ui.cell('Global', 'DefaultChatHistory')).toBe('41');
  await expect(panel).toContainText('Baseline: pchat-config.clixml.xml (CliXML), imported just now');
  await expect(app.getByRole('contentinfo')).toContainText('Baseline: pchat-config.clixml.xml, just now');
  const changes = panel.getByRole('table', { name: 'Changes since the baseline' });
  await expect(changes.getByRole('row', { name: /Global Set DefaultChatHistory 40 41/ })).toBeVisible();
  await panel.getByText('Change script', { exact: true }).click();
  await expect(panel.getByLabel('Change script')).toContainText("Set-CsPersistentChatConfiguration -Identity 'Global' -DefaultChatHistory 41 -WhatIf:$WhatIf -Confirm:$false");
});

test('import from server export: the one-liner, a preview of the changes, then the import', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await expect(ui.row('Global')).toBeVisible();
  await app.getByText('Pending changes', { exact: true }).click();
  await app.getByRole('button', { name: 'Import from server export…' }).click();
  const dialog = ui.dialog('Import from server export');
  await expect(dialog).toContainText('Get-CsPersistentChatConfiguration | Export-Clixml pchat-server.xml');
  await dialog.getByLabel('Server export file').setInputFiles(FIXTURE);
  const changes = dialog.getByRole('table', { name: 'What the import changes' });
  await expect(changes.getByRole('row', { name: /Global Set DefaultChatHistory 30 40/ })).toBeVisible();
  await expect(dialog).toContainText('3 collections (CliXML, Unicode).');
  await expect(dialog).toContainText('WARNING: The file has properties pchat-admin does not manage');
  expect(preview.stored()['Global']).toMatchObject({ DefaultChatHistory: 30 });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(ui.row('site:Zürich Nord')).toBeVisible();
  expect(preview.stored()['Global']).toMatchObject({ DefaultChatHistory: 40 });
  await expect(app.getByRole('region', { name: 'Pending changes' })).toContainText('No pending changes');
});

test('the New dialogs offer the sites and pools of the imported topology', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await expect(ui.row('Global')).toBeVisible();
  const fixtures = path.resolve('test/fixtures/server');
  expect(preview.shell(`Import-PchatTopology '${path.join(fixtures, 'sites.clixml.xml')}', '${path.join(fixtures, 'pchat-services.clixml.xml')}'`).code).toBe(0);
  await app.getByRole('button', { name: 'New', exact: true }).click();
  await app.getByRole('menuitem', { name: 'Site configuration' }).click();
  const sites = ui.dialog('New site configuration').getByRole('listbox', { name: 'Known sites' });
  await expect(sites.getByRole('option')).toHaveText([/Redmond/, /Zürich Nord/]);
  await ui.dialog('New site configuration').getByRole('button', { name: 'Cancel' }).click();
  await app.getByRole('button', { name: 'New', exact: true }).click();
  await app.getByRole('menuitem', { name: 'Pool configuration' }).click();
  const pools = ui.dialog('New pool configuration').getByRole('listbox', { name: 'Known pools' });
  await expect(pools.getByRole('option')).toHaveText([/pchat01\.contoso\.com/, /pchat01\.emea\.corp\.contoso\.com/]);
});
