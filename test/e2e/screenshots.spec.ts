// Writes the README's screenshots (main view in light and dark, and the edit
// dialog) from a realistic store, and checks the page has no horizontal
// overflow at the window's default size.

import path from 'node:path';
import { AppPage } from '../support/app-page';
import { ROOT } from '../support/build-app';
import { expect, test } from './fixtures';

const OUT = path.join(ROOT, 'docs', 'screenshots');

const SEED = [
  'New-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 50 -ParticipantUpdateLimit 100 | Out-Null',
  'New-CsPersistentChatConfiguration -Identity site:Paris -MaxFileSizeKB 40000 | Out-Null',
  'New-CsPersistentChatConfiguration -Identity service:PersistentChatServer:pchat01.contoso.com -RoomManagementUrl https://chat.contoso.com/rooms -FileServiceUrl https://chat.contoso.com/files | Out-Null',
].join('; ');

for (const scheme of ['light', 'dark'] as const) {
  test(`main view (${scheme})`, async ({ browser, preview }) => {
    preview.shell(SEED);
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    await page.goto(preview.url);
    const ui = new AppPage(page);
    await expect(ui.row('site:Redmond')).toBeVisible();
    await ui.runCmdlet('Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30} | Select-Object Identity, DefaultChatHistory');
    await ui.runCmdlet('Set-CsPersistentChatConfiguration -Identity site:Paris -DefaultChatHistory 600');
    await ui.row('site:Redmond').click();
    await page.screenshot({ path: path.join(OUT, `main-${scheme}.png`) });
    await page.close();
  });
}

test('edit dialog', async ({ app, preview }) => {
  preview.shell(SEED);
  const ui = new AppPage(app);
  await expect(ui.row('site:Redmond')).toBeVisible();
  const dialog = await ui.openEdit('site:Redmond');
  await dialog.getByLabel('DefaultChatHistory', { exact: true }).fill('600');
  await expect(dialog.getByRole('alert').first()).toBeVisible();
  await app.screenshot({ path: path.join(OUT, 'edit-dialog.png') });
});

test('bulk edit dialog', async ({ app, preview }) => {
  preview.shell(SEED);
  const ui = new AppPage(app);
  await expect(ui.row('site:Redmond')).toBeVisible();
  await ui.row('site:Paris').click();
  await ui.row('site:Redmond').click({ modifiers: ['Control'] });
  await app.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = ui.dialog('Edit 2 configurations');
  await dialog.getByLabel('ParticipantUpdateLimit', { exact: true }).fill('150');
  await expect(dialog.getByRole('group', { name: 'Equivalent cmdlet' })).toContainText('-ParticipantUpdateLimit 150');
  await app.screenshot({ path: path.join(OUT, 'bulk-edit.png') });
});

test('help pane', async ({ app }) => {
  const ui = new AppPage(app);
  await app.getByRole('button', { name: 'Help', exact: true }).click();
  await ui.dialog(/^Help/).getByRole('button', { name: 'Set-CsPersistentChatConfiguration' }).click();
  await expect(ui.dialog('Help: Set-CsPersistentChatConfiguration').getByRole('region', { name: 'Parameters' })).toBeVisible();
  await app.screenshot({ path: path.join(OUT, 'help-pane.png') });
});
