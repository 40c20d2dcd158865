// Preload (sandboxed, context-isolated, built as one CommonJS file): exposes
// a small frozen API as `window.pchat`. No raw ipcRenderer, no generic invoke.

import { contextBridge } from 'electron';
import type { PchatApi } from './api';

declare const __PCHAT_VERSION__: string;

const api: PchatApi = Object.freeze({
  version: __PCHAT_VERSION__,
});

contextBridge.exposeInMainWorld('pchat', api);
