// Bundles the headless shell into one ES module (out/cli/pchat-shell.mjs):
// one file to load keeps start-up close to bare Node's. Rebuilds only when a
// source under src-main/ (or the lockfile) is newer than the bundle, so
// `npm run shell` needs no manual build step.

import { join } from 'node:path';
import { bundleForNode, isStale, ROOT } from './build-tools.mjs';

export const CLI_BUNDLE = join(ROOT, 'out', 'cli', 'pchat-shell.mjs');

export function cliBundleIsStale() {
  return isStale(CLI_BUNDLE, [join(ROOT, 'src-main'), join(ROOT, 'package-lock.json')]);
}

export async function buildCli() {
  await bundleForNode({ entry: join(ROOT, 'src-main', 'cli', 'index.ts'), outfile: CLI_BUNDLE, minify: true, sourcemap: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  console.log(`built ${CLI_BUNDLE}`);
}
