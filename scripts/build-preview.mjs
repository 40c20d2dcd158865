// Bundles the web preview server (src-main/preview/main.ts) into one ES module,
// out/preview/pchat-preview.mjs. npm packages stay external and resolve from
// the project's node_modules. Rebuilds only when something under src-main/ (or
// the lockfile) is newer than the bundle.

import { join } from 'node:path';
import { bundleForNode, isStale, ROOT } from './build-tools.mjs';

export const PREVIEW_BUNDLE = join(ROOT, 'out', 'preview', 'pchat-preview.mjs');

export function previewBundleIsStale() {
  return isStale(PREVIEW_BUNDLE, [join(ROOT, 'src-main'), join(ROOT, 'package-lock.json')]);
}

export async function buildPreview() {
  await bundleForNode({ entry: join(ROOT, 'src-main', 'preview', 'main.ts'), outfile: PREVIEW_BUNDLE, external: true, sourcemap: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildPreview();
  console.error(`built ${PREVIEW_BUNDLE}`);
}
