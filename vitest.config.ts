import { defineConfig } from 'vitest/config';

// Unit and integration tests of the engine, store, CLI and IPC under plain Node.
// Browser and Electron end-to-end suites are run by Playwright (see test/e2e).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/electron/**', 'node_modules/**'],
    environment: 'node',
    // Bundles the session worker that SessionHost tests start.
    globalSetup: ['test/support/vitest-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
