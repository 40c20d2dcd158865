// Bundles the headless shell into one ES module (out/cli/pchat-shell.mjs) with
// esbuild: one file to load keeps start-up close to bare Node's. Rebuilds only
// when a source under src-main/ is newer than the bundle, so `npm run shell`
// needs no manual build step.

import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const CLI_BUNDLE = join(root, 'out', 'cli', 'pchat-shell.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function bundleTime() {
  try {
    return statSync(CLI_BUNDLE).mtimeMs;
  } catch {
    return -1;
  }
}

export function cliBundleIsStale() {
  const built = bundleTime();
  if (built < 0) return true;
  return newestSource(join(root, 'src-main', 'engine')) > built || newestSource(join(root, 'src-main', 'cli')) > built
    || statSync(join(root, 'package-lock.json')).mtimeMs > built;
}

export async function buildCli() {
  await build({
    entryPoints: [join(root, 'src-main', 'cli', 'index.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    // Some bundled CommonJS dependencies (ajv) call require(); give ESM one.
    banner: { js: "import { createRequire as __pchatCreateRequire } from 'node:module'; const require = __pchatCreateRequire(import.meta.url);" },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  console.log(`built ${CLI_BUNDLE}`);
}
