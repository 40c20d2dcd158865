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
  // electronegativity AUXCLICK_JS_CHECK asks for disableBlinkFeatures: 'Auxclick'.
  // False positive: Chromium dropped that runtime flag once the auxclick event
  // shipped, so the option does nothing in Electron 45 (electron/electron#10315).
  // What a middle click could do, open a window or navigate away, is refused for
  // every web contents by guardAllWebContents() in security.ts.
  const window = new BrowserWindow({ /* eng-disable AUXCLICK_JS_CHECK */
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'pchat-admin',
    show: false,
    webPreferences: {
      // electronegativity PRELOAD_JS_CHECK asks for a review of the preload.
      // Reviewed: src-main/preload/index.ts runs sandboxed and context-isolated and
      // exposes one frozen object of fixed-channel calls through contextBridge; no
      // ipcRenderer, Node API or IPC event object reaches the page. Review it again
      // whenever it changes.
      preload: options.preloadPath, /* eng-disable PRELOAD_JS_CHECK */
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
  // A failed first load would leave a hidden window and no message: show it and say why.
  window.loadURL(options.entryUrl).catch((error: unknown) => {
    console.error('pchat-admin: the window could not load its page:', error);
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
