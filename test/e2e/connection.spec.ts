// The window's side of the live round trip (issue 9) in the web preview: the
// status bar's connection indicator, the Connect dialog (its
// Connect-PchatServer line, run in the console), Pull (Sync-PchatBaseline,
// keeping or discarding pending changes as the user chooses) and the Push dialog (the WhatIf run
// through the console, its lines shown in the dialog). The preview has no
// application menu: Pull and Push are reached from the Pending changes panel,
// Connect also from the indicator. The last tests run the whole round trip
// against a stand-in server (the headless shell over a second store).

import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { AppPage } from '../support/app-page';
import { createStandIn, type StandIn } from '../helpers/stand-in-powershell';
import { expect, test } from './fixtures';

const FIXTURE = path.resolve('test/fixtures/server/pchat-config.clixml.xml');

test('status bar: Not connected, and a saved profile with the last push', async ({ app, preview }) => {
  const bar = app.getByRole('contentinfo');
  const indicator = bar.getByRole('button', { name: 'Server connection: Not connected' });
  await expect(indicator).toHaveText('Not connected');

  const pushedAt = new Date(Date.now() - 2 * 60_000).toISOString();
  fs.writeFileSync(
    path.join(preview.storeDir, 'connection.json'),
    JSON.stringify({
      format: 'pchat-admin-connection',
      version: 1,
      powerShellPath: 'powershell.exe',
      mode: 'Remote',
      module: 'Auto',
      connectionUri: 'https://pool01.contoso.com/OcsPowershell',
      userName: null,
      timeoutSeconds: 600,
      connectedAt: pushedAt,
      lastPull: null,
      lastPush: { at: pushedAt, result: 'Verified', message: 'Pushed 2 changes; the server now matches the working configuration.' },
    }),
  );
  // The indicator re-reads the profile after every console input.
  await new AppPage(app).runCmdlet('Get-Date | Out-Null');
  const connected = bar.getByRole('button', { name: /^Server connection: Connected: remote session to pool01\.contoso\.com/ });
  await expect(connected).toHaveText('Connected: remote session to pool01.contoso.com · pushed and verified 2 min ago');
  await expect(connected).toHaveAttribute('title', /Last push, .+: Verified — Pushed 2 changes; the server now matches/);
  await connected.click();
  const dialog = app.getByRole('dialog', { name: 'Connect to server' });
  await expect(dialog).toContainText('Connected now: remote session to pool01.contoso.com');
  await expect(dialog.getByLabel('Connection URI')).toHaveValue('https://pool01.contoso.com/OcsPowershell');
  await expect(dialog.getByRole('button', { name: 'Disconnect' })).toBeVisible();
});

test('Connect dialog: the local and the remote line, run in the console; never a password field', async ({ app }) => {
  const ui = new AppPage(app);
  await app.getByRole('button', { name: 'Server connection: Not connected' }).click();
  const dialog = ui.dialog('Connect to server');
  await expect(dialog).toBeVisible();
  const line = dialog.getByRole('group', { name: 'Equivalent cmdlet' }).locator('code');
  // Local module (the default), this platform's PowerShell, the defaults left out.
  await expect(dialog.getByLabel('PowerShell executable')).toHaveValue('pwsh');
  await expect(dialog.getByRole('radio', { name: 'Local module' })).toBeChecked();
  await expect(line).toHaveText("Connect-PchatServer -PowerShellPath 'pwsh'");
  await expect(dialog.getByRole('radiogroup', { name: 'Module' }).getByRole('radio', { name: /^Auto/ })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Lync', exact: true }).check();
  await dialog.getByLabel('Timeout (seconds)').fill('120');
  await expect(line).toHaveText("Connect-PchatServer -PowerShellPath 'pwsh' -Module Lync -TimeoutSeconds 120");
  await dialog.getByLabel('Timeout (seconds)').fill('2');
  await expect(dialog.getByRole('alert')).toHaveText('Type a whole number of seconds from 5 to 86400.');
  await expect(dialog.getByRole('button', { name: 'Connect' })).toBeDisabled();
  await dialog.getByLabel('Timeout (seconds)').fill('120');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toBeHidden();
  await expect(ui.consoleOutput).toContainText("PS> Connect-PchatServer -PowerShellPath 'pwsh' -Module Lync -TimeoutSeconds 120");
  // The console has the focus: a password prompt is answered there.
  await expect(ui.consoleInput).toBeFocused();

  await app.getByRole('button', { name: 'Server connection: Not connected' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Remote session' }).check();
  await expect(dialog.getByRole('radiogroup', { name: 'Module' })).toHaveCount(0);
  const uri = dialog.getByLabel('Connection URI');
  await uri.fill('http://pool01.contoso.com/OcsPowershell');
  await uri.blur();
  await expect(dialog.getByRole('alert')).toContainText('must start with https://');
  await expect(dialog.getByRole('button', { name: 'Connect' })).toBeDisabled();
  await uri.fill('https://pool01.contoso.com/OcsPowershell');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(line).toHaveText("Connect-PchatServer -PowerShellPath 'pwsh' -ConnectionUri 'https://pool01.contoso.com/OcsPowershell'");
  await dialog.getByRole('radio', { name: 'User name' }).check();
  await expect(dialog.getByRole('button', { name: 'Connect' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'User name' }).fill("CONTOSO\\o'neil");
  await expect(line).toHaveText("Connect-PchatServer -PowerShellPath 'pwsh' -ConnectionUri 'https://pool01.contoso.com/OcsPowershell' -Credential 'CONTOSO\\o''neil'");
  await expect(dialog.locator('input[type="password"]')).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'User name' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(ui.consoleOutput).toContainText("PS> Connect-PchatServer -PowerShellPath 'pwsh' -ConnectionUri 'https://pool01.contoso.com/OcsPowershell' -Credential 'CONTOSO\\o''neil'");
});

test('Pull runs Sync-PchatBaseline; with pending changes it asks whether to keep or discard them', async ({ app, preview }) => {
  const ui = new AppPage(app);
  await app.getByText('Pending changes', { exact: true }).click();
  const panel = app.getByRole('region', { name: 'Pending changes' });
  await panel.getByRole('button', { name: 'Pull from server' }).click();
  await expect(ui.consoleOutput).toContainText('PS> Sync-PchatBaseline');

  expect(preview.shell(`Import-PchatBaseline '${FIXTURE}' | Out-Null`).code).toBe(0);
  expect(preview.shell('Set-CsPersistentChatConfiguration -DefaultChatHistory 41').code).toBe(0);
  // The preview's engine has seen both writes once the panel lists the change.
  await expect(panel.getByRole('table', { name: 'Changes since the baseline' }).getByRole('row', { name: /Global Set DefaultChatHistory 40 41/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Pull from server' }).click();
  const confirm = ui.dialog('Pull with 1 pending change?');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Keep my changes and pull' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(ui.consoleOutput).not.toContainText('Sync-PchatBaseline -');
  await panel.getByRole('button', { name: 'Pull from server' }).click();
  await confirm.getByRole('button', { name: 'Keep my changes and pull' }).click();
  await expect(ui.consoleOutput).toContainText('PS> Sync-PchatBaseline -KeepChanges');
  await panel.getByRole('button', { name: 'Pull from server' }).click();
  await confirm.getByRole('button', { name: 'Discard and pull' }).click();
  await expect(ui.consoleOutput).toContainText('PS> Sync-PchatBaseline -Force');
});

test('Push dialog: runs Publish-PchatChange -WhatIf in the console and shows its lines; Push waits for a WhatIf run that succeeded', async ({ app }) => {
  const ui = new AppPage(app);
  await app.getByText('Pending changes', { exact: true }).click();
  await app.getByRole('region', { name: 'Pending changes' }).getByRole('button', { name: 'Push to server…' }).click();
  const dialog = ui.dialog('Push to server');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('No pending changes: the working configuration equals the baseline.');
  const log = dialog.getByRole('log', { name: 'Push output' });
  await expect(log).toContainText('PS> Publish-PchatChange -WhatIf');
  await expect(ui.consoleOutput).toContainText('PS> Publish-PchatChange -WhatIf');
  // What the console printed for that input is in the dialog too (not connected: an error).
  await expect(dialog.getByRole('status')).toHaveText('The WhatIf run did not succeed: nothing can be pushed until it does.');
  await expect(log.locator('.error')).not.toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Push', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Run WhatIf again' }).click();
  await expect(log.getByText('PS> Publish-PchatChange -WhatIf')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test.describe('against a stand-in server', () => {
  let server: StandIn;
  test.beforeEach(() => {
    server = createStandIn();
    expect(server.shell(`Import-PchatBaseline '${FIXTURE}' | Out-Null`).code).toBe(0);
  });
  test.afterEach(() => server.cleanup());

  async function connectAndPull(app: Page): Promise<{ ui: AppPage; panel: Locator }> {
    const ui = new AppPage(app);
    await app.getByRole('button', { name: 'Server connection: Not connected' }).click();
    const dialog = ui.dialog('Connect to server');
    await dialog.getByLabel('PowerShell executable').fill(server.executable);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(app.getByRole('contentinfo').getByRole('button', { name: /^Server connection: Connected: / })).toBeVisible({ timeout: 20_000 });
    await app.getByText('Pending changes', { exact: true }).click();
    const panel = app.getByRole('region', { name: 'Pending changes' });
    await panel.getByRole('button', { name: 'Pull from server' }).click();
    await expect(ui.consoleOutput).toContainText('PS> Sync-PchatBaseline');
    await expect(ui.consoleOutput.getByText(/^Source\s+: pulled from /)).toBeVisible({ timeout: 20_000 });
    return { ui, panel };
  }

  test('connect, pull, edit, push with the server\'s WhatIf lines first, and verify', async ({ app }) => {
    const { ui, panel } = await connectAndPull(app);
    await ui.runCmdlet('Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41');
    await panel.getByRole('button', { name: 'Push to server…' }).click();
    const push = ui.dialog('Push to server');
    const log = push.getByRole('log', { name: 'Push output' });
    await expect(log).toContainText('What if: Performing the operation "Set-CsPersistentChatConfiguration" on target "Global"', { timeout: 20_000 });
    await expect(push.getByRole('button', { name: 'Push', exact: true })).toBeEnabled();
    expect(server.shell('(Get-CsPersistentChatConfiguration -Identity Global).DefaultChatHistory').stdout.trim()).not.toBe('41');
    // The README's picture of a push: the server's own what-if lines before anything changes.
    await app.screenshot({ path: 'docs/screenshots/push-dialog.png' });
    await push.getByRole('button', { name: 'Push', exact: true }).click();
    await expect(log).toContainText('Verified', { timeout: 30_000 });
    expect(server.shell('(Get-CsPersistentChatConfiguration -Identity Global).DefaultChatHistory').stdout.trim()).toBe('41');
    await push.getByRole('button', { name: 'Close' }).click();
    await expect(app.getByRole('contentinfo').getByRole('button', { name: /^Server connection: / })).toContainText('pushed and verified');
  });

  test('a server that changed meanwhile: the push stops before any change, and Pull keeping my changes makes it go through', async ({ app }) => {
    const { ui, panel } = await connectAndPull(app);
    await ui.runCmdlet('Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41');
    expect(server.shell('Set-CsPersistentChatConfiguration -Identity Global -MaxFileSizeKB 12345').code).toBe(0);
    await panel.getByRole('button', { name: 'Push to server…' }).click();
    const push = ui.dialog('Push to server');
    await expect(push).toContainText("The server's configuration changed since the last pull, and nothing was changed.", { timeout: 20_000 });
    await expect(push.getByRole('button', { name: 'Push', exact: true })).toBeDisabled();
    await push.getByRole('button', { name: 'Pull keeping my changes' }).click();
    await expect(ui.consoleOutput).toContainText('PS> Sync-PchatBaseline -KeepChanges');
    await expect(ui.consoleOutput.getByText(/^Source\s+: pulled from /)).toHaveCount(2, { timeout: 20_000 });
    await panel.getByRole('button', { name: 'Push to server…' }).click();
    await expect(push.getByRole('button', { name: 'Push', exact: true })).toBeEnabled({ timeout: 20_000 });
    await push.getByRole('button', { name: 'Push', exact: true }).click();
    await expect(push.getByRole('log', { name: 'Push output' })).toContainText('Verified', { timeout: 30_000 });
    expect(server.shell('(Get-CsPersistentChatConfiguration -Identity Global).DefaultChatHistory').stdout.trim()).toBe('41');
    expect(server.shell('(Get-CsPersistentChatConfiguration -Identity Global).MaxFileSizeKB').stdout.trim()).toBe('12345');
  });
});

test('a password prompt hides what is typed and never shows it in the console', async ({ app }) => {
  const ui = new AppPage(app);
  await ui.runCmdlet('$p = Read-Host -AsSecureString -Prompt Password; "length $($p.Length)"');
  await expect(ui.consoleInput).toHaveAttribute('placeholder', 'Type the password and press Enter (it is not shown)');
  expect(await ui.consoleInput.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).toBe('disc');
  await ui.consoleInput.fill('hunter2');
  await ui.consoleInput.press('Enter');
  await expect(ui.consoleOutput).toContainText('length 7');
  await expect(ui.consoleOutput).toContainText('Password: ********');
  await expect(ui.consoleOutput).not.toContainText('hunter2');
  // The next prompt is an ordinary one again.
  expect(await ui.consoleInput.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).not.toBe('disc');
});
