// The main window: hardened web preferences, remembered bounds, shown once
// the first paint is ready.

import { BrowserWindow } from 'electron';
import { DEFAULT_WINDOW_STATE, MIN_SIZE, type WindowState } from './window-state';

export interface MainWindowOptions {
  /** Absolute path to the built CommonJS preload (out/preload/index.cjs). */
  readonly preloadPath: string;
  /** app://renderer/index.html, or the Vite dev server URL in development. */
  readonly entryUrl: string;
  /** Developer tools are for unpackaged builds only. */
  readonly devTools: boolean;
  /** Remembered bounds, already fitted to the attached displays. */
  readonly state?: WindowState;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = options.state ?? DEFAULT_WINDOW_STATE;
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'pchat-admin',
    show: false,
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

  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(options.entryUrl);
  return window;
}
