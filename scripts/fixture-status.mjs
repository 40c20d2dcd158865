// `node scripts/fixture-status.mjs [name-part]`: runs the administrator script
// fixtures (test/fixtures/scripts) through the headless shell and prints PASS
// or FAIL for each, with the first difference, so a language change can be
// measured at a glance. The assertions themselves are in test/cli/admin-scripts.test.ts.

import { buildCli, CLI_BUNDLE } from './build-cli.mjs';
import { listFixtures, runFixture } from '../test/support/admin-scripts.mjs';

const only = process.argv[2];
await buildCli();
let passed = 0;
const names = listFixtures().filter((n) => only === undefined || n.includes(only));
for (const name of names) {
  const { actual, expected } = runFixture(CLI_BUNDLE, name);
  const diffs = Object.keys(expected).filter((k) => JSON.stringify(actual[k]) !== JSON.stringify(expected[k]));
  if (diffs.length === 0) {
    passed++;
    console.log(`PASS  ${name}`);
    continue;
  }
  console.log(`FAIL  ${name}  (${diffs.join(', ')} differ)`);
  for (const key of diffs) {
    if (typeof expected[key] !== 'string') {
      console.log(`      ${key}: expected ${JSON.stringify(expected[key])}, got ${JSON.stringify(actual[key])}`);
      continue;
    }
    const want = expected[key].split('\n');
    const got = String(actual[key]).split('\n');
    const i = want.findIndex((line, k) => line !== got[k]);
    const at = i < 0 ? want.length : i;
    console.log(`      ${key} line ${at + 1}: expected ${JSON.stringify(want[at])}`);
    console.log(`      ${' '.repeat(key.length + String(at + 1).length + 6)}     got ${JSON.stringify(got[at])}`);
  }
}
console.log(`${passed} of ${names.length} fixtures pass`);
process.exit(passed === names.length ? 0 : 1);
