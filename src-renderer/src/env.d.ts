// Globals the renderer can see. `window.pchat` comes from the preload through
// contextBridge; its type is imported type-only, so no main code is bundled.

import type { PchatApi } from '../../src-main/ipc/contract';

declare global {
  interface Window {
    /** Absent outside Electron (e.g. the web preview, which uses lib/web-client.ts). */
    readonly pchat?: PchatApi;
  }
}

export {};
