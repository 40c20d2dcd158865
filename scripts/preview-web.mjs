// `npm run preview:web -- --port <p> --store <dir>`: the web preview
// (development and tests only). Builds what is missing or stale first — the
// renderer with `electron-vite build`, the server bundle with esbuild — with
// all progress on stderr, so the page URL stays the FIRST line of stdout.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPreview, PREVIEW_BUNDLE, previewBundleIsStale } from './build-preview.mjs';
import { buildAppIfStale, ROOT } from './build-tools.mjs';

const RENDERER_DIR = join(ROOT, 'out', 'renderer');
const args = process.argv.slice(2);

const ownRenderer = args.some((a) => a === '--renderer-dir' || a.startsWith('--renderer-dir='));
const help = args.includes('--help') || args.includes('-h');

if (!ownRenderer && !help) {
  try {
    buildAppIfStale('preview:web: building the renderer (electron-vite build)');
  } catch {
    process.stderr.write('preview:web: the renderer build failed.\n');
    process.exit(1);
  }
}
if (previewBundleIsStale()) {
  process.stderr.write('preview:web: bundling the preview server…\n');
  await buildPreview();
}

const { main } = await import(pathToFileURL(PREVIEW_BUNDLE).href);
process.exitCode = await main(args, RENDERER_DIR);
