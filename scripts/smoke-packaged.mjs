// Starts the packaged app that `npm run dist` left in dist/ and waits for it to
// create its store — proof that, with the fuses flipped, Electron loaded
// app.asar (and, on macOS and Windows, accepted its integrity hash), the main
// process started, and the session worker ran from inside the archive and
// opened the store where the README says. Then it stops the app.
//
// For CI (the release workflow), on a machine with a display (xvfb-run on
// Linux). On Linux the store goes to a fresh temporary XDG_CONFIG_HOME; on
// macOS and Windows Electron ignores such variables, so the real store
// location is used and the check refuses to run if a store is already there.
//
// CLI: node scripts/smoke-packaged.mjs [output-dir, default dist] [--timeout <s>]

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackagedApps, loadBuilderConfig } from './check-package.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STORE_FILE = 'config.json';

/** The app's process, once started; `exited` once it has gone. */
let child;
let exited;
let scratch;

const argv = process.argv.slice(2);
const timeoutIndex = argv.indexOf('--timeout');
const timeoutMs = (timeoutIndex >= 0 ? Number(argv.splice(timeoutIndex, 2)[1]) : 90) * 1000;
const outputDir = argv[0] ?? join(ROOT, 'dist');

const platform = { linux: 'linux', win32: 'win', darwin: 'mac' }[process.platform];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const config = await loadBuilderConfig(ROOT);
const app = findPackagedApps(outputDir, config, pkg).find((candidate) => candidate.platform === platform && !candidate.name.includes('arm64') === (process.arch !== 'arm64'));
if (app === undefined) fail(`no packaged ${platform} app for ${process.arch} in ${outputDir}`);

// Electron's app name is the package name (package.json has no productName): the store's folder.
const appName = pkg.productName ?? pkg.name;
const env = { ...process.env };
let storeDir;
if (platform === 'linux') {
  scratch = mkdtempSync(join(tmpdir(), 'pchat-smoke-'));
  env['XDG_CONFIG_HOME'] = scratch;
  storeDir = join(scratch, appName);
} else if (platform === 'mac') {
  storeDir = join(homedir(), 'Library', 'Application Support', appName);
} else {
  storeDir = join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), appName);
}
const storeFile = join(storeDir, STORE_FILE);
if (scratch === undefined && existsSync(storeFile)) fail(`a store already exists at ${storeFile}; run this on a clean machine (CI)`);

const executable = platform === 'mac' ? join(app.executable, 'Contents', 'MacOS', pkg.productName ?? config.productName ?? pkg.name) : app.executable;
console.log(`smoke: starting ${executable}`);
child = spawn(executable, [], { env, stdio: ['ignore', 'inherit', 'inherit'] });
child.on('exit', (code, signal) => (exited = { code, signal }));
child.on('error', (error) => fail(`could not start ${executable}: ${error.message}`));

const started = Date.now();
while (!existsSync(storeFile)) {
  if (exited !== undefined) fail(`the app exited (${exited.code ?? exited.signal}) before it created ${storeFile}`);
  if (Date.now() - started > timeoutMs) fail(`no ${storeFile} after ${timeoutMs / 1000} s`);
  await new Promise((resolve) => setTimeout(resolve, 250));
}
await new Promise((resolve) => setTimeout(resolve, 2000)); // still up a moment later?
if (exited !== undefined) fail(`the app exited (${exited.code ?? exited.signal}) right after creating its store`);
let store;
try {
  store = JSON.parse(readFileSync(storeFile, 'utf8'));
} catch (error) {
  fail(`${storeFile} is not JSON: ${error.message}`);
}
if (typeof store.schemaVersion !== 'number') fail(`${storeFile} has no schemaVersion`);
console.log(`smoke: ok: the packaged app created ${storeFile} (schemaVersion ${store.schemaVersion}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
stop();

function stop() {
  if (child !== undefined && exited === undefined) child.kill();
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
}

function fail(message) {
  console.error(`smoke: FAILED: ${message}`);
  stop();
  process.exit(1);
}
