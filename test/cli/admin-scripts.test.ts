// Expected outputs follow Windows PowerShell 5.1; written before the language landed.
//
// Realistic administrator scripts (test/fixtures/scripts) run through the
// headless shell's real bundle with `-File script.ps1 <args>` against a store
// seeded as each fixture's header says; stdout, stderr, the exit code, the
// collections left in the store and any file written are asserted whole.
// `node scripts/fixture-status.mjs` prints which fixtures pass.

import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE } from '../../scripts/build-cli.mjs';
import { listFixtures, runFixture } from '../support/admin-scripts.mjs';

beforeAll(async () => {
  await buildCli();
}, 60_000);

describe('administrator scripts through the headless shell', () => {
  const fixtures = listFixtures();

  it('there are at least 12', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });

  it.each(fixtures)('%s', (name) => {
    const { actual, expected } = runFixture(CLI_BUNDLE as string, name);
    expect(actual).toEqual(expected);
  });
});
