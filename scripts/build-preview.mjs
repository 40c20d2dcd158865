// Bundles the web preview server (src-main/preview/main.ts) into one ES module,
// out/preview/pchat-preview.mjs, with esbuild. npm packages stay external and
// resolve from the project's node_modules. Rebuilds only when something under
// src-main/ (or the lockfile) is newer than the bundle.

import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const PREVIEW_BUNDLE = join(root, 'out', 'preview', 'pchat-preview.mjs');

/** Newest modification time of the files under `dir` whose names pass `accept`. */
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

export function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

export function previewBundleIsStale() {
  const built = mtimeOf(PREVIEW_BUNDLE);
  if (built < 0) return true;
  return newestMtime(join(root, 'src-main'), (name) => name.endsWith('.ts')) > built || mtimeOf(join(root, 'package-lock.json')) > built;
}

export async function buildPreview() {
  await build({
    entryPoints: [join(root, 'src-main', 'preview', 'main.ts')],
    outfile: PREVIEW_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildPreview();
  console.error(`built ${PREVIEW_BUNDLE}`);
}
