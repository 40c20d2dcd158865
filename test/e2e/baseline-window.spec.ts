// Issue 8 in the window: cells changed since the baseline are marked in the
// table (apart from the "differs from the default" mark), new rows carry a
// New tag, and the Pending changes panel saves the change script as the file
// Export-PchatChangeScript writes.

import fs from 'node:fs';
import path from 'node:path';
import { AppPage } from '../support/app-page';
import { expect, test } from './fixtures';

const FIXTURE = path.resolve('test/fixtures/server/pchat-config.clixml.xml');
const SHOTS = path.resolve('test-results', 'baseline-window');

test('cells changed since the baseline are marked, new rows tagged; the default mark stays apart', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await expect(ui.row('Global')).toBeVisible();
  expect(preview.shell(`Import-PchatBaseline '${FIXTURE}' | Out-Null`).code).toBe(0);
  expect(preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 45 -ParticipantUpdateLimit 75').code).toBe(0);
  expect(preview.shell('New-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 50 | Out-Null').code).toBe(0);
  await expect(ui.row('site:Redmond')).toBeVisible();

  const table = app.getByRole('grid', { name: 'Persistent Chat configurations' });
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.replace(/\s+/g, ''));
  const column = (name: string) => headers.indexOf(name);

  // Global: DefaultChatHistory differs from the baseline (40 → 45): marked, with both values said.
  const changed = ui.row('Global').getByRole('gridcell').nth(column('DefaultChatHistory'));
  await expect(changed).toHaveText('45');
  await expect(changed).toHaveClass(/\bpending\b/);
  await expect(changed).toHaveAttribute('title', /Baseline: 40 → working: 45/);
  await expect(changed).toHaveAccessibleDescription('Baseline: 40 → working: 45');
  // A value equal to the baseline (75) is not marked as pending, whatever its default says.
  const same = ui.row('Global').getByRole('gridcell').nth(column('ParticipantUpdateLimit'));
  await expect(same).toHaveText('75');
  await expect(same).not.toHaveClass(/\bpending\b/);
  expect(await same.getAttribute('aria-description')).toBeNull();

  // site:Redmond is new since the baseline: a New tag; its name stays the identity.
  const identity = ui.row('site:Redmond').getByRole('gridcell', { name: 'site:Redmond', exact: true });
  await expect(identity).toContainText('New');
  await expect(identity).toHaveAccessibleDescription('New since the baseline');
  // Its values differ from the default (the old mark) but are not baseline marks (the row is marked as a whole).
  const redmond = ui.row('site:Redmond').getByRole('gridcell').nth(column('DefaultChatHistory'));
  await expect(redmond).toHaveClass(/\bchanged\b/);
  await expect(redmond).not.toHaveClass(/\bpending\b/);
  // (The Scope column also reads Global: the identity cell is the first.)
  await expect(ui.row('Global').getByRole('gridcell', { name: 'Global', exact: true }).first()).not.toContainText('New');

  // The marks look different: the baseline mark has its own edge and tint.
  const look = (cell: typeof changed) => cell.evaluate((td) => ({ bg: getComputedStyle(td).backgroundColor, edge: getComputedStyle(td).boxShadow }));
  const marked = await look(changed);
  const defaultOnly = await look(redmond);
  expect(marked.bg).not.toBe(defaultOnly.bg);
  expect(marked.edge).not.toBe(defaultOnly.edge);

  // Back to the baseline value: the mark goes.
  expect(preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 40').code).toBe(0);
  await expect(changed).toHaveText('40');
  await expect(changed).not.toHaveClass(/\bpending\b/);

  expect(preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 45').code).toBe(0);
  await expect(changed).toHaveClass(/\bpending\b/);
  fs.mkdirSync(SHOTS, { recursive: true });
  await app.screenshot({ path: path.join(SHOTS, 'marked-table.png') });
});

test('Save script downloads pchat-changes.ps1: UTF-8 with a byte order mark and CR LF, as Export-PchatChangeScript writes', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await expect(ui.row('Global')).toBeVisible();
  // Unfolded first: with a baseline its summary also shows the count and the source.
  await app.getByText('Pending changes', { exact: true }).click();
  expect(preview.shell(`Import-PchatBaseline '${FIXTURE}' | Out-Null`).code).toBe(0);
  expect(preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 45').code).toBe(0);
  await expect.poll(() => ui.cell('Global', 'DefaultChatHistory')).toBe('45');
  const panel = app.getByRole('region', { name: 'Pending changes' });
  await panel.getByText('Change script', { exact: true }).click();
  await expect(panel.getByLabel('Change script')).toContainText("-DefaultChatHistory 45");

  const [download] = await Promise.all([app.waitForEvent('download'), panel.getByRole('button', { name: 'Save script…' }).click()]);
  expect(download.suggestedFilename()).toBe('pchat-changes.ps1');
  const saved = path.join(preview.storeDir, 'downloaded.ps1');
  await download.saveAs(saved);
  const bytes = fs.readFileSync(saved);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text).toContain("Set-CsPersistentChatConfiguration -Identity 'Global' -DefaultChatHistory 45 -WhatIf:$WhatIf -Confirm:$false\r\n");
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  expect(text.endsWith('\r\n')).toBe(true);

  // The same bytes as the cmdlet's file, but for the generated-at time.
  const exported = path.join(preview.storeDir, 'exported.ps1');
  expect(preview.shell(`Export-PchatChangeScript -Path '${exported}'`).code).toBe(0);
  const generated = /^# Generated: [^.]+\.\d+Z\./m;
  const strip = (b: Buffer) => b.toString('latin1').replace(/# Generated: \S+\./, '# Generated: <time>.');
  expect(generated.test(text)).toBe(true);
  expect(strip(bytes)).toBe(strip(fs.readFileSync(exported)));
});

test('Back up… downloads pchat-backup.json, the file Export-PchatConfiguration writes', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await expect(ui.row('Global')).toBeVisible();
  // Unfolded first: with a baseline its summary also shows the count and the source.
  await app.getByText('Pending changes', { exact: true }).click();
  expect(preview.shell(`Import-PchatBaseline '${FIXTURE}' | Out-Null`).code).toBe(0);
  expect(preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 45').code).toBe(0);
  await expect.poll(() => ui.cell('Global', 'DefaultChatHistory')).toBe('45');
  const panel = app.getByRole('region', { name: 'Pending changes' });
  const [download] = await Promise.all([app.waitForEvent('download'), panel.getByRole('button', { name: 'Back up…' }).click()]);
  expect(download.suggestedFilename()).toBe('pchat-backup.json');
  const saved = path.join(preview.storeDir, 'downloaded.json');
  await download.saveAs(saved);
  const text = fs.readFileSync(saved, 'utf8');
  expect(text.charCodeAt(0)).toBe(0x7b);
  expect(JSON.parse(text)).toMatchObject({ format: 'pchat-admin-configuration', version: 1, baseline: { source: { file: 'pchat-config.clixml.xml' } } });

  const exported = path.join(preview.storeDir, 'exported.json');
  expect(preview.shell(`Export-PchatConfiguration '${exported}'`).code).toBe(0);
  const withoutTime = (t: string) => t.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "<time>"');
  expect(withoutTime(text)).toBe(withoutTime(fs.readFileSync(exported, 'utf8')));
});

test('Restore… previews what a backup changes, then restores it; a file that is not a backup shows the engine message', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await expect(ui.row('Global')).toBeVisible();
  const backup = path.join(preview.storeDir, 'pchat-backup.json');
  expect(preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 45').code).toBe(0);
  expect(preview.shell(`Export-PchatConfiguration '${backup}'`).code).toBe(0);
  expect(preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 12').code).toBe(0);
  await expect.poll(() => ui.cell('Global', 'DefaultChatHistory')).toBe('12');

  await app.getByText('Pending changes', { exact: true }).click();
  await app.getByRole('region', { name: 'Pending changes' }).getByRole('button', { name: 'Restore…' }).click();
  const dialog = ui.dialog('Restore a backup');
  await dialog.getByLabel('Backup file').setInputFiles(FIXTURE);
  await expect(dialog.getByRole('alert')).toHaveText(
    "Cannot restore 'pchat-config.clixml.xml': it is not a pchat-admin backup (format \"pchat-admin-configuration\"); to import what the server exported, use Import-PchatBaseline. Nothing was changed.",
  );
  await expect(dialog.getByRole('button', { name: 'Restore' })).toBeDisabled();

  await dialog.getByLabel('Backup file').setInputFiles(backup);
  const changes = dialog.getByRole('table', { name: 'What the restore changes' });
  await expect(changes.getByRole('row', { name: /Global Set DefaultChatHistory 12 45/ })).toBeVisible();
  expect(preview.stored()['Global']).toMatchObject({ DefaultChatHistory: 12 });
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => ui.cell('Global', 'DefaultChatHistory')).toBe('45');
  expect(preview.stored()['Global']).toMatchObject({ DefaultChatHistory: 45 });
});

test('Import topology… records the sites and pools; the New dialog then offers them', async ({ app }) => {
  const ui = new AppPage(app);
  await expect(ui.row('Global')).toBeVisible();
  const fixtures = path.resolve('test/fixtures/server');
  await app.getByText('Pending changes', { exact: true }).click();
  await app.getByRole('region', { name: 'Pending changes' }).getByRole('button', { name: 'Import topology…' }).click();
  const dialog = ui.dialog('Import topology');
  await dialog.getByLabel('Topology files').setInputFiles([path.join(fixtures, 'sites.clixml.xml'), path.join(fixtures, 'pchat-services.clixml.xml')]);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Recorded 2 sites and 2 pools.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await app.getByRole('button', { name: 'New', exact: true }).click();
  await app.getByRole('menuitem', { name: 'Site configuration' }).click();
  const sites = ui.dialog('New site configuration').getByRole('listbox', { name: 'Known sites' });
  await expect(sites.getByRole('option')).toHaveText([/Redmond/, /Zürich Nord/]);
});
