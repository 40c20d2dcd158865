// Reads the preload's `window.pchat` once; the rest of the renderer imports it
// from here rather than touching the global.

import type { PchatApi } from '../../../src-main/preload/api';

export const pchat: PchatApi | undefined = window.pchat;
