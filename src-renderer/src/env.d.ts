// Globals the renderer can see. `window.pchat` comes from the preload through
// contextBridge; its type is imported type-only, so no main code is bundled.

import type { PchatApi } from '../../src-main/preload/api';

declare global {
  interface Window {
    /** Absent outside Electron (e.g. the page opened directly in a browser). */
    readonly pchat?: PchatApi;
  }
}

export {};
