// `npm run dist [-- electron-builder arguments]`: the installers.
//
//   1. Is there an Electron to package? electron-builder downloads Electron's
//      distribution zip from the same place `npx install-electron` does, so
//      where that binary is missing (its download failed) packaging would fail
//      too, after a long wait and a stack trace: say so in one line, exit 1.
//      Passing your own -c.electronDist=… skips this check.
//   2. npm run build (type check, electron-vite build) into out/.
//   3. electron-builder --publish never, for the current platform unless
//      arguments say otherwise (--linux, --win, --mac, --x64, --arm64, --dir…),
//      into a fresh dist/.
//   4. scripts/check-package.mjs reads every packaged app back: fuses,
//      app.asar contents, asar integrity.

import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, INSTALL_ELECTRON } from './electron-binary.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const isWindows = process.platform === 'win32';

if (!args.some((arg) => arg.includes('electronDist'))) {
  const found = findElectronBinary();
  if (!found.ok) {
    console.error(
      `npm run dist: cannot package: ${found.reason}, so electron-builder could not download Electron either; run \`${INSTALL_ELECTRON}\` where github.com is reachable, then \`npm run dist\` again.`,
    );
    process.exit(1);
  }
}

/** Runs one step; npm/npx are .cmd files on Windows, which need a shell there. */
function step(title, command, commandArgs, { npmBin = true } = {}) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(npmBin && isWindows ? `${command}.cmd` : command, commandArgs, { cwd: ROOT, stdio: 'inherit', shell: npmBin && isWindows });
  if (result.status !== 0) {
    console.error(`npm run dist: ${title} failed (exit ${result.status ?? result.signal}); see above.`);
    process.exit(result.status || 1);
  }
}

step('build (npm run build)', 'npm', ['run', 'build']);
rmSync(join(ROOT, 'dist'), { recursive: true, force: true }); // only this run's installers get checked and uploaded
step('package (electron-builder)', 'npx', ['electron-builder', '--publish', 'never', ...args]);
step('check the packaged app (scripts/check-package.mjs)', process.execPath, [join(ROOT, 'scripts', 'check-package.mjs'), join(ROOT, 'dist')], { npmBin: false });
console.log('\nnpm run dist: installers are in dist/');
