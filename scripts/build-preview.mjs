// Bundles the web preview server (src-main/preview/main.ts) into one ES module,
// out/preview/pchat-preview.mjs, and its session worker beside it. npm
// packages stay external and resolve from
// the project's node_modules. Rebuilds only when something under src-main/ (or
// the lockfile) is newer than the bundle.

import { join } from 'node:path';
import { bundleForNode, isStale, ROOT } from './build-tools.mjs';

export const PREVIEW_BUNDLE = join(ROOT, 'out', 'preview', 'pchat-preview.mjs');
/** The session worker the preview runs the engine in (src-main/host/session-worker.ts). */
export const PREVIEW_WORKER = join(ROOT, 'out', 'preview', 'session-worker.mjs');

export function previewBundleIsStale() {
  const inputs = [join(ROOT, 'src-main'), join(ROOT, 'package-lock.json')];
  return isStale(PREVIEW_BUNDLE, inputs) || isStale(PREVIEW_WORKER, inputs);
}

export async function buildPreview() {
  await Promise.all([
    bundleForNode({ entry: join(ROOT, 'src-main', 'host', 'session-worker.ts'), outfile: PREVIEW_WORKER, external: true, sourcemap: true }),
    bundleForNode({ entry: join(ROOT, 'src-main', 'preview', 'main.ts'), outfile: PREVIEW_BUNDLE, external: true, sourcemap: true }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildPreview();
  console.error(`built ${PREVIEW_BUNDLE}`);
}
