// Electron main-process entry: single-instance lock, hardening, app:// protocol,
// then the one window. Startup order matters and is spelled out below.
//
// This file is bundled as ESM (package.json "type": "module"). Everything at
// module top level runs before `ready`; nothing before `ready` may be async.

import path from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ENTRY_URL, APP_ORIGIN } from './renderer-files';
import { guardAllWebContents, hardenSession } from './security';
import { createMainWindow } from './window';

// out/main/index.js → out/preload/index.cjs and out/renderer/ (inside app.asar when packaged).
const PRELOAD_PATH = path.join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_DIR = path.join(import.meta.dirname, '../renderer');

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

function openMainWindow(entryUrl: string): void {
  if (mainWindow !== undefined && !mainWindow.isDestroyed()) {
    focusMainWindow();
    return;
  }
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, entryUrl, devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
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
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, RENDERER_DIR);

  // 3. IPC: the channel table from src-main/ipc is registered here, before the
  //    first window exists, so no renderer call can reach an unregistered
  //    channel. (Not wired yet: this step only builds the skeleton.)

  // 4. The window.
  openMainWindow(entryUrl);
  app.on('activate', () => openMainWindow(entryUrl));
}

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
