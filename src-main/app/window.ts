// The main window: hardened web preferences, shown once the first paint is ready.

import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  /** Absolute path to the built CommonJS preload (out/preload/index.cjs). */
  readonly preloadPath: string;
  /** app://renderer/index.html, or the Vite dev server URL in development. */
  readonly entryUrl: string;
  /** Developer tools are for unpackaged builds only. */
  readonly devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'pchat-admin',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });

  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.entryUrl);
  return window;
}
