// The build helpers every script and test setup shares: file-age checks, one
// esbuild configuration for plain-Node bundles, and "is out/ (the Electron
// app's three targets) older than its sources?" with the build that fixes it.

import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** Newest modification time of the files under `dir` whose names pass `accept` (0 when none). */
export function newestMtime(dir, accept = () => true) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, accept));
    else if (accept(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when `output` is missing or older than any of `inputs` (files or folders). */
export function isStale(output, inputs) {
  const built = mtimeOf(output);
  return built < 0 || inputs.some((input) => Math.max(mtimeOf(input), newestMtime(input)) > built);
}

/**
 * One ES module for plain Node. `external`: npm packages stay imports that
 * resolve from node_modules; otherwise everything is inlined (fast start-up)
 * and CommonJS dependencies get a `require`.
 */
export async function bundleForNode({ entry, outfile, external = false, minify = false, sourcemap = false, logLevel = 'warning' }) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify,
    sourcemap: sourcemap ? 'linked' : false,
    legalComments: 'none',
    logLevel,
    ...(external
      ? { packages: 'external' }
      : { banner: { js: "import { createRequire as __pchatCreateRequire } from 'node:module'; const require = __pchatCreateRequire(import.meta.url);" } }),
  });
}

const APP_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
// Vendor code is bundled too, hence the lockfile.
const APP_INPUTS = ['src-main', 'src-renderer', 'electron.vite.config.ts', 'package-lock.json'];

/** out/ (main, preload, renderer) is missing or older than anything it is built from. */
export function appBuildIsStale() {
  return APP_OUTPUTS.some((output) => isStale(join(ROOT, output), APP_INPUTS.map((input) => join(ROOT, input))));
}

/** Runs `electron-vite build` when out/ is stale. Progress goes to stderr, so a caller's stdout stays clean. */
export function buildAppIfStale(note = 'building the app (electron-vite build)') {
  if (!appBuildIsStale()) return false;
  process.stderr.write(`${note}…\n`);
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  return true;
}
