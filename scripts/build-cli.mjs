// Bundles the headless shell into one ES module (out/cli/pchat-shell.mjs) and
// its session worker (out/cli/session-worker.mjs):
// one file to load keeps start-up close to bare Node's. Rebuilds only when a
// source under src-main/ (or the lockfile) is newer than the bundle, so
// `npm run shell` needs no manual build step.

import { join } from 'node:path';
import { bundleForNode, isStale, ROOT } from './build-tools.mjs';

export const CLI_BUNDLE = join(ROOT, 'out', 'cli', 'pchat-shell.mjs');
/** The session worker the shell runs the engine in (src-main/host/session-worker.ts). */
export const CLI_WORKER = join(ROOT, 'out', 'cli', 'session-worker.mjs');

export function cliBundleIsStale() {
  const inputs = [join(ROOT, 'src-main'), join(ROOT, 'package-lock.json')];
  return isStale(CLI_BUNDLE, inputs) || isStale(CLI_WORKER, inputs);
}

export async function buildCli() {
  await Promise.all([
    bundleForNode({ entry: join(ROOT, 'src-main', 'host', 'session-worker.ts'), outfile: CLI_WORKER, minify: true, sourcemap: true }),
    bundleForNode({ entry: join(ROOT, 'src-main', 'cli', 'index.ts'), outfile: CLI_BUNDLE, minify: true, sourcemap: true }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  console.log(`built ${CLI_BUNDLE}`);
}
