// Vitest global setup: bundles the session worker once before any test runs
// (see session-worker.ts beside this file).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../scripts/build-tools.mjs';
import { TEST_SESSION_WORKER } from './session-worker';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(): Promise<void> {
  await bundleForNode({ entry: path.join(root, 'src-main', 'host', 'session-worker.ts'), outfile: TEST_SESSION_WORKER, external: true, logLevel: 'silent' });
}
