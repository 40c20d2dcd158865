// `npm start`: builds the app and opens the desktop window (electron-vite
// preview). Where the Electron binary is missing — its download failed or was
// blocked — it says so in one line, with the two ways forward, and exits 1
// before building anything (electron-vite would build, then die with
// "Error: Electron uninstall" and a stack trace).
//
// Arguments after `npm start --` go to electron-vite preview.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, INSTALL_ELECTRON } from './electron-binary.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const found = findElectronBinary();
if (!found.ok) {
  console.error(
    `npm start: ${found.reason}. Get it with \`${INSTALL_ELECTRON}\` where github.com is reachable, or open the same window in a browser with \`npm run preview:web\`.`,
  );
  process.exit(1);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const child = spawn(npx, ['electron-vite', 'preview', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  shell: process.platform === 'win32', // .cmd files need a shell on Windows (Node ≥ 20.12)
  env: { ...process.env, ELECTRON_EXEC_PATH: found.path },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
