// The window through the web preview in Chromium: dialogs, inline validation,
// the console, and the table kept in sync both ways, with the store file
// checked on disk after each action.

import { AppPage } from '../support/app-page';
import { expect, test } from './fixtures';

test('create a site and a pool configuration through the dialogs', async ({ app, preview }) => {
  const ui = new AppPage(app);
  const site = await ui.startNew('site', 'Redmond');
  await expect(site.getByRole('group', { name: 'Equivalent cmdlet' })).toContainText('New-CsPersistentChatConfiguration -Identity "site:Redmond"');
  await site.getByLabel('ParticipantUpdateLimit', { exact: true }).fill('100');
  await expect(site.getByRole('group', { name: 'Equivalent cmdlet' })).toContainText('-ParticipantUpdateLimit 100');
  await ui.commit(site);
  await expect(ui.row('site:Redmond')).toBeVisible();
  expect(await ui.cell('site:Redmond', 'ParticipantUpdateLimit')).toBe('100');

  const pool = await ui.startNew('pool', 'PChat01.Contoso.com');
  await ui.commit(pool, { RoomManagementUrl: 'https://rooms.contoso.com/manage' });
  await expect(ui.row('service:PersistentChatServer:pchat01.contoso.com')).toBeVisible();

  expect(preview.stored()['site:Redmond']).toMatchObject({ ParticipantUpdateLimit: 100, DefaultChatHistory: 30 });
  expect(preview.stored()['service:PersistentChatServer:pchat01.contoso.com']).toMatchObject({ RoomManagementUrl: 'https://rooms.contoso.com/manage' });
});

test('a form action is echoed in the console as the cmdlet it ran', async ({ app }) => {
  const ui = new AppPage(app);
  await ui.commit(await ui.startNew('site', 'Paris'), { DefaultChatHistory: '45' });
  await expect(ui.consoleOutput).toContainText('PS> New-CsPersistentChatConfiguration -Identity "site:Paris" -DefaultChatHistory 45');
});

test('edit: an invalid value is refused inline and not saved; a valid one is', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration site:Oslo | Out-Null');
  const ui = new AppPage(app);
  await expect(ui.row('site:Oslo')).toBeVisible();
  const dialog = await ui.openEdit('site:Oslo');
  const field = dialog.getByLabel('DefaultChatHistory', { exact: true });
  await field.fill('600');
  await expect(dialog.getByRole('alert').filter({ hasText: 'The 600 argument is greater than the maximum allowed range of 500' })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Commit' })).toBeDisabled();
  await field.fill('abc');
  await expect(dialog.getByRole('alert').filter({ hasText: 'Cannot convert value "abc" to type "System.Int16"' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Commit' })).toBeDisabled();
  expect(preview.stored()['site:Oslo']).toMatchObject({ DefaultChatHistory: 30 });

  await ui.commit(dialog, { DefaultChatHistory: '120' });
  expect(await ui.cell('site:Oslo', 'DefaultChatHistory')).toBe('120');
  expect(preview.stored()['site:Oslo']).toMatchObject({ DefaultChatHistory: 120 });
});

test('reset Global shows what will change, then resets it', async ({ app, preview }) => {
  preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 99 -RoomManagementUrl https://r.contoso.com');
  const ui = new AppPage(app);
  await expect.poll(() => ui.cell('Global', 'DefaultChatHistory')).toBe('99');
  await ui.row('Global').click();
  await app.getByRole('button', { name: 'Reset to defaults' }).click();
  const dialog = ui.dialog('Reset Global to defaults');
  const changes = dialog.getByRole('table', { name: 'Values that will change' });
  await expect(changes.getByRole('row', { name: /DefaultChatHistory/ })).toContainText('99');
  await expect(changes.getByRole('row', { name: /RoomManagementUrl/ })).toContainText('https://r.contoso.com');
  await expect(changes.getByRole('row', { name: /MaxFileSizeKB/ })).toHaveCount(0);
  await ui.commit(dialog);
  await expect.poll(() => ui.cell('Global', 'DefaultChatHistory')).toBe('30');
  expect(preview.stored()['Global']).toMatchObject({ DefaultChatHistory: 30, RoomManagementUrl: null });
});

test('remove a configuration', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration site:Lima | Out-Null; New-CsPersistentChatConfiguration site:Quito | Out-Null');
  const ui = new AppPage(app);
  await expect(ui.row('site:Lima')).toBeVisible();
  await ui.row('site:Lima').click();
  await app.getByRole('button', { name: 'Remove', exact: true }).click();
  await ui.commit(ui.dialog('Remove configuration'));
  await expect(ui.row('site:Lima')).toHaveCount(0);
  expect(Object.keys(preview.stored()).sort()).toEqual(['Global', 'site:Quito']);
});

test('cmdlets typed in the console change the table at once', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await ui.runCmdlet('New-CsPersistentChatConfiguration -Identity site:Typed -DefaultChatHistory 12');
  await expect(ui.row('site:Typed')).toBeVisible();
  expect(await ui.cell('site:Typed', 'DefaultChatHistory')).toBe('12');
  await ui.runCmdlet('Get-CsPersistentChatConfiguration -Filter "site:*" | Set-CsPersistentChatConfiguration -DefaultChatHistory 77');
  await expect.poll(() => ui.cell('site:Typed', 'DefaultChatHistory')).toBe('77');
  await ui.runCmdlet('Set-CsPersistentChatConfiguration -Foo 1');
  await expect(ui.consoleOutput.getByText("A parameter cannot be found that matches parameter name 'Foo'.")).toBeVisible();
  expect(preview.stored()['site:Typed']).toMatchObject({ DefaultChatHistory: 77 });
});

test('-Confirm is answered inline in the console', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration site:Keep | Out-Null; New-CsPersistentChatConfiguration site:Drop | Out-Null');
  const ui = new AppPage(app);
  await expect(ui.row('site:Drop')).toBeVisible();
  await ui.runCmdlet('Remove-CsPersistentChatConfiguration site:Keep -Confirm');
  await expect(ui.consoleOutput).toContainText('Are you sure you want to perform this action?');
  await expect(ui.consoleOutput).toContainText('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"):');
  await ui.consoleInput.fill('n');
  await ui.consoleInput.press('Enter');
  await ui.runCmdlet('Remove-CsPersistentChatConfiguration site:Drop -Confirm');
  await ui.consoleInput.fill('y');
  await ui.consoleInput.press('Enter');
  await expect(ui.row('site:Drop')).toHaveCount(0);
  await expect(ui.row('site:Keep')).toBeVisible();
  expect(Object.keys(preview.stored()).sort()).toEqual(['Global', 'site:Keep']);
});

test('Tab completes cmdlet names, parameter names and identities', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration site:Redmond | Out-Null');
  const ui = new AppPage(app);
  await ui.consoleInput.fill('Get-CsPersistentChatConf');
  await ui.consoleInput.press('Tab');
  await expect(ui.consoleInput).toHaveValue('Get-CsPersistentChatConfiguration');
  await ui.consoleInput.fill('Set-CsPersistentChatConfiguration -DefaultC');
  await ui.consoleInput.press('Tab');
  await expect(ui.consoleInput).toHaveValue('Set-CsPersistentChatConfiguration -DefaultChatHistory');
  await ui.consoleInput.fill('Get-CsPersistentChatConfiguration -Identity site:R');
  await ui.consoleInput.press('Tab');
  await expect(ui.consoleInput).toHaveValue('Get-CsPersistentChatConfiguration -Identity site:Redmond');
});

test('console history survives a reload', async ({ app }) => {
  const ui = new AppPage(app);
  await ui.runCmdlet('Get-CsPersistentChatConfiguration -Identity global');
  await ui.runCmdlet('Get-Command *PersistentChat*');
  await app.reload();
  await expect(ui.table).toBeVisible();
  await ui.consoleInput.click();
  await ui.consoleInput.press('ArrowUp');
  await expect(ui.consoleInput).toHaveValue('Get-Command *PersistentChat*');
  await ui.consoleInput.press('ArrowUp');
  await expect(ui.consoleInput).toHaveValue('Get-CsPersistentChatConfiguration -Identity global');
});

test('a change made by the headless shell appears in the open window', async ({ app, preview }) => {
  const ui = new AppPage(app);
  // Give the change stream a moment to connect, as a user would take to look.
  await app.waitForTimeout(500);
  const r = preview.shell('New-CsPersistentChatConfiguration -Identity site:FromShell -DefaultChatHistory 33 | Out-Null');
  expect(r.code).toBe(0);
  await expect(ui.row('site:FromShell')).toBeVisible();
  expect(await ui.cell('site:FromShell', 'DefaultChatHistory')).toBe('33');
});

test('a runaway command leaves the window responsive, and Stop (or Ctrl+C) ends it without changing anything', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration -Identity site:Lima | Out-Null');
  const ui = new AppPage(app);
  await expect(ui.row('site:Lima')).toBeVisible();
  const input = app.getByRole('textbox', { name: 'Cmdlet console input' });

  // A catastrophic regular expression: minutes of backtracking, no stop check inside.
  await input.fill("$before = 'kept'; ('a'*40+'!') -match '^(a+)+$'");
  await input.press('Enter');
  const stop = app.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeVisible();
  // The window still works meanwhile: a form opens and checks its values as they are typed.
  const dialog = await ui.openEdit('site:Lima');
  await dialog.getByLabel('DefaultChatHistory', { exact: true }).fill('600');
  await expect(dialog.getByRole('alert').filter({ hasText: 'greater than the maximum allowed range of 500' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await ui.dialog('Discard changes?').getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await stop.click();
  await expect(ui.consoleOutput).toContainText('^C — stopped; the statement that was running changed nothing.');
  await expect(stop).toBeHidden();

  // Ctrl+C in the input stops a runaway pipeline that was changing the store; nothing of it is saved.
  await input.fill("Get-CsPersistentChatConfiguration -Identity site:Lima | ForEach-Object { $_ | Set-CsPersistentChatConfiguration -DefaultChatHistory 9; ,0*10000000 | ForEach-Object { } }");
  await input.press('Enter');
  await expect(stop).toBeVisible();
  await input.press('Control+c');
  await expect(stop).toBeHidden();
  expect(preview.stored()['site:Lima']).toMatchObject({ DefaultChatHistory: 30 });

  // The session lives on.
  await input.fill('$before');
  await input.press('Enter');
  await expect(ui.consoleOutput).toContainText('kept');
});
