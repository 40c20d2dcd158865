// The one way the renderer reaches the engine. In Electron the preload puts
// `window.pchat` in place; in the web preview (development and tests) the
// page is opened as `http://127.0.0.1:<port>/#token=<token>` and talks to the
// same handler table over HTTP. The rest of the renderer imports `pchat` from
// here rather than touching the global.

import type { PchatApi } from '../../../src-main/ipc/contract';
import { createWebClient } from './web-client';

function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token === null || token === '' ? null : token;
}

function connect(): PchatApi | null {
  if (window.pchat !== undefined) return window.pchat;
  const token = tokenFromHash(location.hash);
  return token === null ? null : createWebClient(location.origin, token);
}

/** Null when neither the preload nor a preview token is present (page opened some other way). */
export const pchat: PchatApi | null = connect();
