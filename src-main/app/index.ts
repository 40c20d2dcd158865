// Electron main-process entry: single-instance lock, hardening, app:// protocol,
// the store and its IPC handlers, the menu, then the one window. Startup order
// matters and is spelled out below.
//
// The engine and the store run in a session worker (src-main/host), never on
// this thread: a runaway statement cannot freeze the window or the menus, and
// Stop always works. The worker opens the store with conf (what
// electron-store wraps; electron-store itself needs Electron's main thread
// and would also register an unchecked IPC listener of its own).
//
// This file is bundled as ESM (package.json "type": "module"). Everything at
// module top level runs before `ready`; nothing before `ready` may be async.

import path from 'node:path';
import { app, dialog, ipcMain, screen, session, type BrowserWindow } from 'electron';
import { checkBulk } from '../engine/cmdlets/bulk-line';
import { commandHelpData } from '../engine/cmdlets/help/help-data';
import { checkCmdlet } from '../engine/cmdlets/form-check';
import { STORE_FILE_NAME } from '../engine/store/file-name';
import { SessionHost } from '../host/session-host';
import { CONFIGURATION_CHANGED, MENU_COMMAND, type MenuCommand } from '../ipc/contract';
import { registerIpc } from '../ipc/register';
import { installMenu, showAboutDialog } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ENTRY_URL, APP_ORIGIN } from './renderer-files';
import { guardAllWebContents, hardenSession } from './security';
import { createMainWindow } from './window';
import { loadWindowState, saveWindowState } from './window-state';

// out/main/index.js → out/preload/index.cjs and out/renderer/ (inside app.asar when packaged).
const PRELOAD_PATH = path.join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_DIR = path.join(import.meta.dirname, '../renderer');
// out/main/session-worker.js, built beside this file (electron.vite.config.ts).
const SESSION_WORKER = path.join(import.meta.dirname, 'session-worker.js');

/**
 * electron-vite dev sets ELECTRON_RENDERER_URL to its dev server. Honour it
 * only in an unpackaged app and only on loopback, so an environment variable
 * can never point a shipped app at remote content.
 */
function devServerUrl(): URL | undefined {
  const raw = process.env['ELECTRON_RENDERER_URL'];
  if (app.isPackaged || raw === undefined || raw === '') return undefined;
  try {
    const url = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback ? url : undefined;
  } catch {
    return undefined;
  }
}

let mainWindow: BrowserWindow | undefined;

function focusMainWindow(): void {
  if (mainWindow === undefined || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** One-way messages to the page; dropped while there is no live window. */
function sendToWindow(channel: string, ...args: unknown[]): void {
  if (mainWindow === undefined || mainWindow.isDestroyed() || mainWindow.webContents.isDestroyed()) return;
  mainWindow.webContents.send(channel, ...args);
}

function openMainWindow(entryUrl: string, service: SessionHost): void {
  if (mainWindow !== undefined && !mainWindow.isDestroyed()) {
    focusMainWindow();
    return;
  }
  const userData = app.getPath('userData');
  const state = loadWindowState(userData, screen.getAllDisplays().map((d) => d.workArea));
  const window = createMainWindow({ preloadPath: PRELOAD_PATH, entryUrl, devTools: !app.isPackaged, state });
  mainWindow = window;
  window.on('close', () => saveWindowState(userData, window.getNormalBounds(), window.isMaximized()));
  // A (re)loaded page knows nothing of a console prompt the previous page showed.
  window.webContents.on('did-finish-load', () => void service.cancelPrompt().catch(() => {}));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
}

/**
 * The session worker: beside this file, or — in an unpackaged app only, like
 * the other test hooks below — where PCHAT_SESSION_WORKER says (tests run the
 * sources, which have no built worker beside them).
 */
function sessionWorkerFile(): string {
  const override = process.env['PCHAT_SESSION_WORKER'];
  return !app.isPackaged && override !== undefined && path.isAbsolute(override) ? override : SESSION_WORKER;
}

/** Starts the engine over the store in the user-data folder; on failure says why and quits. */
async function openSession(): Promise<SessionHost | undefined> {
  const userData = app.getPath('userData');
  try {
    return await SessionHost.open({
      storeDir: userData,
      fileName: STORE_FILE_NAME,
      workerFile: sessionWorkerFile(),
      checkForm: checkCmdlet,
      helpData: commandHelpData,
      checkBulk,
      // Electron's V8 may share one pointer-compression cage between main and the worker: keep the worker well inside it.
      memoryLimitMb: 1024,
    });
  } catch (error) {
    dialog.showErrorBox('pchat-admin cannot open its configuration store', `${path.join(userData, `${STORE_FILE_NAME}.json`)}\n\n${(error as Error).message}`);
    return undefined;
  }
}

async function start(): Promise<void> {
  const devUrl = devServerUrl();
  const entryUrl = devUrl?.href ?? APP_ENTRY_URL;
  const trustedOrigin = devUrl?.origin ?? APP_ORIGIN;

  // 1. Before ready: these only take effect if called before the app is ready.
  app.enableSandbox();
  registerAppScheme();
  guardAllWebContents(trustedOrigin);

  app.on('second-instance', () => focusMainWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  await app.whenReady();

  // 2. After ready: session-level hardening and the renderer protocol.
  hardenSession(session.defaultSession, trustedOrigin);
  serveRenderer(session.defaultSession, RENDERER_DIR);

  // 3. The store and the IPC channel table, registered before the first
  //    window exists, so no renderer call can reach an unregistered channel.
  const service = await openSession();
  if (service === undefined) {
    app.exit(1);
    return;
  }
  const warnings = service.warnings;
  registerIpc(ipcMain, service, trustedOrigin);
  service.onConfigurationChanged(() => sendToWindow(CONFIGURATION_CHANGED));
  service.start(); // the headless shell may write the same file
  app.on('will-quit', () => void service.dispose());

  // 4. The menu.
  installMenu(
    {
      send: (command: MenuCommand) => sendToWindow(MENU_COMMAND, command),
      showAbout: () => showAboutDialog(mainWindow, app.getVersion(), service.path),
    },
    { isMac: process.platform === 'darwin', devTools: !app.isPackaged },
  );

  // 5. The window; then anything the store had to repair, where it will be seen.
  openMainWindow(entryUrl, service);
  app.on('activate', () => openMainWindow(entryUrl, service));
  const window = mainWindow;
  if (warnings.length > 0 && window !== undefined) {
    // After the window is on screen: a dialog parented to a hidden window may not show.
    window.once('ready-to-show', () =>
      void dialog.showMessageBox(window, {
        type: 'warning',
        title: 'pchat-admin',
        message: 'The configuration store needed attention.',
        detail: warnings.map((w) => w.message).join('\n\n'),
      }),
    );
  }
}

/**
 * End-to-end tests run each app instance against its own user-data folder.
 * Honoured only in an unpackaged app (like the dev server URL), and set before
 * the single-instance lock, which lives in that folder.
 */
const testUserData = process.env['PCHAT_USER_DATA_DIR'];
if (!app.isPackaged && testUserData !== undefined && path.isAbsolute(testUserData)) app.setPath('userData', testUserData);

// A second launch hands its arguments to the first instance (the
// 'second-instance' event above) and exits without touching anything.
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    console.error('pchat-admin failed to start:', error);
    app.exit(1);
  });
} else {
  app.quit();
}
