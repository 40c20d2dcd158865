// `$null = …` and `[void](…)` run the right side and discard its value, and
// the scope modifiers ($global:, $script:, $local:, $private:) name the
// console's one scope (before, `$global:x` silently read $null, `$null = …`
// failed and `[void]` was refused as an unsupported type literal).

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

  it('[void](…) runs the command and discards its output; as a value it is $null', async () => {
    const r = await t.run('[void](New-CsPersistentChatConfiguration -Identity site:Void); [void] (Get-CsPersistentChatConfiguration); "done"');
    expect(r.text).toBe('done');
    expect(t.identities()).toContain('site:Void');
    expect((await t.run('$v = [void]1; $v -eq $null; @([void]1).Count; [void]$v + 1')).text).toBe('True\n0\n1');
  });

  it('[void](…) keeps an error inside it: the statement fails', async () => {
    const r = await t.run('[void](Get-Nothing)');
    expect(r.success).toBe(false);
    expect(r.text).toContain("The term 'Get-Nothing' is not recognized");
  });

  it('scope modifiers read and write the same variable', async () => {
    expect((await t.run('$global:a = 1; $a; $script:b = 2; $global:b; $local:c = 3; $script:c; $private:d = 4; $d')).text).toBe('1\n2\n3\n4');
    expect((await t.run('$e = 5; $GLOBAL:e')).text).toBe('5');
    expect((await t.run('$g = 1; $global:g++; $script:g += 2; "$global:g/${local:g}"')).text).toBe('4/4');
  });

  it('a preference variable keeps its type through a modifier', async () => {
    expect((await t.run("$global:ErrorActionPreference = 'stop'; $ErrorActionPreference")).text).toBe('Stop');
    expect((await t.run("$script:ErrorActionPreference = 'Bogus'")).text).toContain('Unable to match the identifier name Bogus');
    expect((await t.run("$ErrorActionPreference = 'Continue'; $local:ErrorActionPreference")).text).toBe('Continue');
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
