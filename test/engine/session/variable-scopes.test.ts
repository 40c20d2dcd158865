// `$null = …` runs the right side and discards its value, and the scope
// modifiers ($global:, $script:, $local:, $private:) name the console's one
// scope (before, `$global:x` silently read $null and `$null = …` failed).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeAll(() => {
  t = createTestSession();
});
afterAll(() => t.cleanup());

describe('variables', () => {
  it('$null = … runs the command and discards its output', async () => {
    const r = await t.run('$null = New-CsPersistentChatConfiguration -Identity site:Quiet; "done"');
    expect(r.text).toBe('done');
    expect(r.success).toBe(true);
    expect(t.identities()).toContain('site:Quiet');
  });

  it('scope modifiers read and write the same variable', async () => {
    expect((await t.run('$global:a = 1; $a; $script:b = 2; $global:b; $local:c = 3; $script:c; $private:d = 4; $d')).text).toBe('1\n2\n3\n4');
    expect((await t.run('$e = 5; $GLOBAL:e')).text).toBe('5');
  });

  it('$env:NAME reads and writes the environment; an unset one is $null', async () => {
    process.env['PCHAT_TEST_VAR'] = 'from-env';
    expect((await t.run('$env:PCHAT_TEST_VAR; $env:PCHAT_TEST_MISSING -eq $null')).text).toBe('from-env\nTrue');
    await t.run("$env:PCHAT_TEST_VAR = 'changed'");
    expect(process.env['PCHAT_TEST_VAR']).toBe('changed');
    await t.run('$env:PCHAT_TEST_VAR = $null');
    expect(process.env['PCHAT_TEST_VAR']).toBeUndefined();
  });

  it('$true and $false stay constant, with or without a modifier', async () => {
    expect((await t.run('$global:true = 1')).text).toContain('Cannot overwrite variable true because it is read-only or constant.');
    expect((await t.run('$true')).text).toBe('True');
  });
});
