// Is the Electron binary installed? Answered the way electron-vite finds it
// (ELECTRON_EXEC_PATH, else node_modules/electron/path.txt → dist/<path>),
// without requiring 'electron' (that would start a download). `npm start` and
// `npm run dist` ask before doing anything, so a machine where Electron's
// download failed gets one clear line instead of a stack trace.
//
// CLI: `node scripts/electron-binary.mjs` prints the binary's path and exits 0,
// or prints why it is missing and exits 1 (the release workflow's check that
// the Electron suite will really run).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** How to get the binary where the network allows (Electron 45 downloads it on demand, not at npm install). */
export const INSTALL_ELECTRON = 'npx install-electron';

/**
 * `{ ok: true, path }` when an Electron binary is there to run, else
 * `{ ok: false, reason }` with a short reason that fits in one line.
 */
export function findElectronBinary(env = process.env, root = ROOT) {
  const override = env['ELECTRON_EXEC_PATH'];
  if (override) {
    return existsSync(override) ? { ok: true, path: override } : { ok: false, reason: `the Electron binary is missing (ELECTRON_EXEC_PATH=${override} does not exist)` };
  }
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: 'the Electron binary is missing (node_modules/electron/dist was never downloaded)' };
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { ok: true, path: binary } : { ok: false, reason: `the Electron binary is missing (${binary} does not exist)` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findElectronBinary();
  if (found.ok) {
    console.log(found.path);
  } else {
    console.error(`${found.reason}; get it with \`${INSTALL_ELECTRON}\` where github.com is reachable`);
    process.exit(1);
  }
}
