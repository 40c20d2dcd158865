/// <reference lib="dom" />
// The real desktop app: launch, the hardening flags, single-instance, and one
// create-edit-remove round trip through the window, with the store on disk
// checked after each step. Skipped where no Electron binary is installed.

import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppPage } from '../support/app-page';
import { ROOT } from '../support/build-app';
import { electronBinary } from '../support/electron-binary';

const binary = electronBinary();
test.skip(!binary, 'no Electron binary');

let userData: string;
let app: ElectronApplication;
let page: Page;

function env(): Record<string, string> {
  const vars: Record<string, string> = { ...(process.env as Record<string, string>), PCHAT_USER_DATA_DIR: userData };
  delete vars['ELECTRON_RUN_AS_NODE']; // would start the binary as plain Node
  return vars;
}

test.beforeEach(async () => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-electron-'));
  app = await electron.launch({ executablePath: binary!, args: [ROOT], cwd: ROOT, env: env() });
  page = await app.firstWindow();
  await expect(new AppPage(page).table).toBeVisible();
});

test.afterEach(async () => {
  await app?.close();
  fs.rmSync(userData, { recursive: true, force: true });
});

function stored(): Record<string, Record<string, unknown>> {
  return JSON.parse(fs.readFileSync(path.join(userData, 'config.json'), 'utf8')).collections;
}

test('launches one window on the app:// page with the store in user data', async () => {
  expect(page.url()).toMatch(/^app:\/\/renderer\//);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(fs.statSync(path.join(userData, 'config.json')).mode & 0o777).toBe(0o600);
  await expect(new AppPage(page).row('Global')).toBeVisible();
});

test('the renderer is isolated and sandboxed', async () => {
  // Electron has no public getter for a window's webPreferences, so check their effects.
  const inPage = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const api = w['pchat'] as Record<string, unknown>;
    return {
      require: typeof w['require'],
      process: typeof w['process'],
      frozen: Object.isFrozen(api),
      ipcRenderer: 'ipcRenderer' in api,
      // With contextIsolation, bridged functions are proxies, not the preload's own code.
      bridged: Function.prototype.toString.call(api['metadata']).includes('[native code]'),
      popup: window.open('https://example.com/') === null,
    };
  });
  expect(inPage).toEqual({ require: 'undefined', process: 'undefined', frozen: true, ipcRenderer: false, bridged: true, popup: true });
  const sandboxed = await app.evaluate(({ app: a }) => a.getAppMetrics().filter((m) => m.type === 'Tab').map((m) => m.sandboxed));
  // Reported on Windows and macOS only; where reported it must be true.
  for (const s of sandboxed) if (s !== undefined) expect(s).toBe(true);
  // Navigation away from the app is blocked.
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(1000);
  expect(page.url()).toMatch(/^app:\/\/renderer\//);
});

test('a second launch exits and focuses the first window', async () => {
  // Playwright adds --no-sandbox for root on Linux; a plain second launch needs it too.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', ROOT] : [ROOT];
  const second = spawn(binary!, args, { cwd: ROOT, env: env(), stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
  expect(code).toBe(0);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('create, edit and remove a site configuration through the window', async () => {
  const ui = new AppPage(page);
  await ui.commit(await ui.startNew('site', 'Redmond'), { ParticipantUpdateLimit: '100' });
  await expect(ui.row('site:Redmond')).toBeVisible();
  expect(stored()['site:Redmond']).toMatchObject({ ParticipantUpdateLimit: 100 });

  await ui.commit(await ui.openEdit('site:Redmond'), { DefaultChatHistory: '45' });
  await expect.poll(() => ui.cell('site:Redmond', 'DefaultChatHistory')).toBe('45');
  expect(stored()['site:Redmond']).toMatchObject({ DefaultChatHistory: 45 });

  await ui.row('site:Redmond').click();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await ui.commit(ui.dialog('Remove configuration'));
  await expect(ui.row('site:Redmond')).toHaveCount(0);
  expect(Object.keys(stored())).toEqual(['Global']);
});

test('a runaway command never freezes the main process, and Stop ends it without changing anything', async () => {
  const ui = new AppPage(page);
  await ui.runCmdlet('New-CsPersistentChatConfiguration -Identity site:Lima | Out-Null');
  await expect(ui.row('site:Lima')).toBeVisible();
  await ui.consoleInput.fill("$kept = 1; Get-CsPersistentChatConfiguration -Identity site:Lima | ForEach-Object { $_ | Set-CsPersistentChatConfiguration -DefaultChatHistory 9; ('a'*40+'!') -match '^(a+)+$' }");
  await ui.consoleInput.press('Enter');
  const stop = page.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeVisible();
  // The main process answers at once: the engine runs in its worker thread.
  const started = Date.now();
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(Date.now() - started).toBeLessThan(1_000);
  await stop.click();
  await expect(stop).toBeHidden({ timeout: 2_000 });
  expect(stored()['site:Lima']).toMatchObject({ DefaultChatHistory: 30 });
  await ui.runCmdlet('$kept');
  await expect(ui.consoleOutput).toContainText('^C — stopped');
});
