// The Help pane (Get-Help for people, from the engine's help data), opened
// from the toolbar, the console's cmdlet and a form field; the Effective
// settings pane; and the forms' plain-language messages.

import { AppPage } from '../support/app-page';
import { expect, test } from './fixtures';

const POOL = 'service:PersistentChatServer:pc1.contoso.com';

test('Help pane: the cmdlet list, syntax, parameters with ranges and defaults, examples that copy and run', async ({ app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const ui = new AppPage(app);
  await app.getByRole('button', { name: 'Help', exact: true }).click();
  const help = ui.dialog(/^Help/);
  await help.getByRole('button', { name: 'Set-CsPersistentChatConfiguration' }).click();
  await expect(help).toHaveAccessibleName('Help: Set-CsPersistentChatConfiguration');
  await expect(help.getByRole('region', { name: 'Syntax' })).toContainText('Set-CsPersistentChatConfiguration [[-Identity] <XdsIdentity>]');
  const parameter = help.getByRole('region', { name: 'Parameters' }).locator('[data-parameter="DefaultChatHistory"]');
  await expect(parameter).toContainText('Valid values 1–500');
  await expect(parameter).toContainText('Default 30');

  await help.getByRole('button', { name: 'All cmdlets' }).click();
  await help.getByRole('button', { name: 'Get-CsPersistentChatConfiguration' }).click();
  const first = help.getByRole('article').first();
  await first.getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => app.evaluate(() => navigator.clipboard.readText())).toBe('Get-CsPersistentChatConfiguration');
  await first.getByRole('button', { name: 'Run in console' }).click();
  await expect(help).toBeHidden();
  await expect(ui.consoleOutput).toContainText('PS> Get-CsPersistentChatConfiguration');
  await expect(ui.consoleOutput).toContainText('DefaultChatHistory     : 30');
});

test('Help pane: an example that changes the configuration asks before it runs', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await app.getByRole('button', { name: 'Help', exact: true }).click();
  const help = ui.dialog(/^Help/);
  await help.getByRole('button', { name: 'Set-CsPersistentChatConfiguration' }).click();
  const example = help.getByRole('article').filter({ hasText: /^Example 1/ });
  await example.getByRole('button', { name: 'Run in console' }).click();
  await expect(example.getByRole('button', { name: 'Run: it changes the configuration' })).toBeVisible();
  await example.getByRole('button', { name: 'Don’t run' }).click();
  await expect(example.getByRole('button', { name: 'Run in console' })).toBeVisible();
  await expect(help).toBeVisible();
  expect(preview.stored()['Global']).toMatchObject({ DefaultChatHistory: 30 });
});

test('F1 in the console opens the help of the cmdlet being typed; F1 in a form field opens that parameter', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration -Identity site:Oslo | Out-Null');
  const ui = new AppPage(app);
  await ui.consoleInput.fill('Get-CsPersistentChatConfiguration | Where-Object {$_.Identity -like "site:*"} | Sort-Object Identity');
  await ui.consoleInput.press('End');
  await ui.consoleInput.press('F1');
  const help = ui.dialog(/^Help/);
  await expect(help).toHaveAccessibleName('Help: Sort-Object');
  await app.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(ui.consoleInput).toBeFocused();

  const dialog = await ui.openEdit('site:Oslo');
  await dialog.getByLabel('MaxFileSizeKB', { exact: true }).focus();
  await app.keyboard.press('F1');
  await expect(help).toHaveAccessibleName('Help: Set-CsPersistentChatConfiguration');
  const parameter = help.locator('[data-parameter="MaxFileSizeKB"]');
  await expect(parameter).toHaveClass(/highlight/);
  await expect(parameter).toBeInViewport();
  await app.keyboard.press('Escape');
  // The form is still there, with focus back in the field.
  await expect(dialog.getByLabel('MaxFileSizeKB', { exact: true })).toBeFocused();
});

test('Effective settings: a pool shows the values that apply and what its site or Global would give without it', async ({ app, preview }) => {
  preview.shell(
    [
      'New-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 50 | Out-Null',
      `New-CsPersistentChatConfiguration -Identity ${POOL} -DefaultChatHistory 70 -MaxFileSizeKB 900 | Out-Null`,
    ].join('; '),
  );
  const ui = new AppPage(app);
  await ui.row(POOL).click();
  await app.getByRole('button', { name: 'Effective settings', exact: true }).click();
  const pane = app.getByRole('complementary', { name: 'Effective settings' });
  const row = (name: string) => pane.getByRole('row', { name: new RegExp(`^${name}\\b`) });
  await expect(row('DefaultChatHistory')).toContainText(`70 from ${POOL}30 from Global`);
  await pane.getByLabel('Site of this pool').selectOption('site:Redmond');
  await expect(row('DefaultChatHistory')).toContainText('50 from site:Redmond');
  await expect(row('MaxFileSizeKB')).toContainText(`900 from ${POOL}20000 from site:Redmond`);
  await ui.row('Global').click();
  await expect(row('DefaultChatHistory')).toContainText('30 from Global30 the default');
});

test('form fields speak plainly first, keep the PowerShell message, and say what a rounded value will be stored as', async ({ app, preview }) => {
  preview.shell('New-CsPersistentChatConfiguration -Identity site:Oslo | Out-Null');
  const ui = new AppPage(app);
  const dialog = await ui.openEdit('site:Oslo');
  const field = dialog.getByLabel('DefaultChatHistory', { exact: true });
  await field.fill('600');
  const error = dialog.getByRole('alert').filter({ hasText: 'Must be a whole number from 1 to 500.' });
  await expect(error).toContainText('The 600 argument is greater than the maximum allowed range of 500');
  await field.fill('12.5');
  await expect(dialog.getByRole('status').filter({ hasText: 'Will be stored as 12' })).toBeVisible();
  await field.fill('0x20');
  await expect(dialog.getByRole('status').filter({ hasText: 'Will be stored as 32' })).toBeVisible();
  await field.fill('40');
  await expect(dialog.getByRole('status').filter({ hasText: 'Will be stored as' })).toHaveCount(0);
  const url = dialog.getByLabel('FileServiceUrl', { exact: true });
  await expect(url).not.toHaveAttribute('placeholder', /\$null/);
  await url.fill('ftp://x');
  await expect(dialog.getByRole('alert').filter({ hasText: 'Must be an absolute http or https URL, or empty to leave it not set.' })).toBeVisible();
  await url.fill('');
  await ui.commit(dialog, { DefaultChatHistory: '1e2' });
  expect(preview.stored()['site:Oslo']).toMatchObject({ DefaultChatHistory: 100 });
});

test('removing a pool says where its settings then come from', async ({ app, preview }) => {
  preview.shell(`New-CsPersistentChatConfiguration -Identity ${POOL} | Out-Null`);
  const ui = new AppPage(app);
  await ui.row(POOL).click();
  await app.keyboard.press('Delete');
  const dialog = ui.dialog('Remove configuration');
  await expect(dialog).toContainText('The pool then uses its site’s configuration if the site has one, and the global settings otherwise.');
});

test('Run in console never answers a waiting prompt with the example', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await ui.runCmdlet('Set-CsPersistentChatConfiguration -DefaultChatHistory 44 -Confirm');
  await expect(ui.consoleOutput).toContainText('[Y] Yes');
  await app.getByRole('button', { name: 'Help', exact: true }).click();
  const help = ui.dialog(/^Help/);
  await help.getByRole('button', { name: 'Get-CsPersistentChatConfiguration' }).click();
  await help.getByRole('article').first().getByRole('button', { name: 'Run in console' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'answer its prompt, then run the example' })).toBeVisible();
  await expect(ui.consoleOutput).not.toContainText('PS> Get-CsPersistentChatConfiguration');
  expect(preview.stored()['Global']).toMatchObject({ DefaultChatHistory: 30 });
});

