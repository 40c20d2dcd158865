// `npm test`: type-checks, runs the unit tests (Vitest under Node), the Electron
// security check (scripts/electronegativity.mjs), then the Playwright suites when
// present, and ends with one totals line: "N passed, N failed, N skipped".
// The type check and the security check are not tests and add nothing to the
// totals. Exits non-zero when anything failed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'pchat-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
const checksFailed = [];

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (run('typecheck', 'npm', ['run', '--silent', 'typecheck']) !== 0) {
  console.log('typecheck failed');
  checksFailed.push('typecheck');
  broken = true;
}

// Unit and integration tests (engine, store, CLI, IPC) under plain Node.
const vitestJson = join(work, 'vitest.json');
const vitestStatus = run('unit tests (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (vitestStatus !== 0 && (report.numFailedTests ?? 0) === 0) broken = true; // e.g. a suite failed to load
} else {
  broken = true;
}

// Electron security check (electronegativity over src-main and the built app).
// A check, not a test: it adds nothing to the totals, but any finding fails the run.
if (run('Electron security check (electronegativity)', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]) !== 0) {
  console.log('electronegativity check FAILED: see its findings above');
  checksFailed.push('electronegativity');
  broken = true;
}

// Browser and Electron end-to-end suites (Playwright), when they exist.
for (const [title, config] of [
  ['web preview end-to-end (Playwright, Chromium)', 'test/e2e/playwright.config.ts'],
  ['Electron end-to-end (Playwright _electron)', 'test/electron/playwright.config.ts'],
]) {
  if (!existsSync(join(root, config))) continue;
  const out = join(work, `${title.split(' ')[0]}.json`);
  const status = run(title, npx, ['playwright', 'test', '-c', config, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!existsSync(out)) {
    broken = true;
    continue;
  }
  const stats = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
  totals.passed += stats.expected ?? 0;
  totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  totals.skipped += stats.skipped ?? 0;
  if (status !== 0 && !(stats.unexpected > 0)) broken = true;
}

if (checksFailed.length > 0) console.log(`\nfailed checks (not counted as tests): ${checksFailed.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken || totals.failed > 0 ? 1 : 0);
