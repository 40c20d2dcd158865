// The session worker for tests that start a SessionHost (src-main/host) from
// the TypeScript sources: Node cannot run the worker's .ts entry itself, so
// the vitest global setup bundles it once per run into node_modules/.cache
// (where its npm imports resolve from the project's node_modules).

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const TEST_SESSION_WORKER = path.join(root, 'node_modules', '.cache', 'pchat-admin-tests', 'session-worker.mjs');
