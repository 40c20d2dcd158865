// The shape of `window.pchat`, the only thing the preload exposes. It is the
// IPC contract's PchatApi; re-exported here for code that still imports it
// from the preload. Type-only: no main-process code reaches the renderer.

export type { PchatApi } from '../ipc/contract';
