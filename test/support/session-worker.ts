// The session worker for tests that start a SessionHost (src-main/host) from
// the TypeScript sources: Node cannot run the worker's .ts entry itself, so
// the vitest global setup bundles it once per run into node_modules/.cache
// (where its npm imports resolve from the project's node_modules). The file
// name carries a hash of the checkout, so git worktrees sharing one
// node_modules never run each other's worker.

import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);

export const TEST_SESSION_WORKER = path.join(root, 'node_modules', '.cache', 'pchat-admin-tests', `session-worker-${checkout}.mjs`);
