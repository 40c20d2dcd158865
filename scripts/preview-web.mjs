// `npm run preview:web -- --port <p> --store <dir>`: the web preview
// (development and tests only). Builds what is missing or stale first — the
// renderer with `electron-vite build`, the server bundle with esbuild — with
// all progress on stderr, so the page URL stays the FIRST line of stdout.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPreview, mtimeOf, newestMtime, PREVIEW_BUNDLE, previewBundleIsStale } from './build-preview.mjs';

const root = new URL('..', import.meta.url).pathname;
const RENDERER_DIR = join(root, 'out', 'renderer');
const args = process.argv.slice(2);

/** out/renderer is older than anything it is built from (or missing). */
function rendererIsStale() {
  const built = mtimeOf(join(RENDERER_DIR, 'index.html'));
  if (built < 0) return true;
  const inputs = [
    newestMtime(join(root, 'src-renderer')),
    mtimeOf(join(root, 'electron.vite.config.ts')),
    mtimeOf(join(root, 'src-main', 'app', 'csp.ts')),
    mtimeOf(join(root, 'package-lock.json')),
  ];
  return Math.max(...inputs) > built;
}

const ownRenderer = args.some((a) => a === '--renderer-dir' || a.startsWith('--renderer-dir='));
const help = args.includes('--help') || args.includes('-h');

if (!ownRenderer && !help && rendererIsStale()) {
  process.stderr.write('preview:web: building the renderer (electron-vite build)…\n');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
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
