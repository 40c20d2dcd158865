// Types for electron-binary.mjs, which the packaging tests import.
export const INSTALL_ELECTRON: string;
export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };
export function findElectronBinary(env?: NodeJS.ProcessEnv, root?: string): ElectronBinary;
