// `exit` end to end in a session: it ends the input at once (what ran before
// it stays done and written), the result carries the exit code converted as
// PowerShell converts it, output written before it inside ForEach-Object
// still comes out, and the session goes on taking input afterwards.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

async function exec(line: string) {
  const r = await t.session.execute(line);
  return { text: r.lines.map((l) => l.text), success: r.success, exitCode: r.exitCode };
}

describe('exit', () => {
  it('ends the input at once; what ran before it is kept and written', async () => {
    expect(await exec('"before"; New-CsPersistentChatConfiguration site:A | Out-Null; exit; "after"; New-CsPersistentChatConfiguration site:B')).toEqual({
      text: ['before'],
      success: true,
      exitCode: 0,
    });
    expect(t.identities()).toEqual(['Global', 'site:A']);
  });

  it('ends every statement of a script, newline-separated too', async () => {
    expect(await exec('1\nexit 4\n2')).toEqual({ text: ['1'], success: false, exitCode: 4 });
  });

  it.each([
    ['exit 3', 3],
    ['exit -1', -1],
    ['exit "7"', 7],
    ['exit 2.5', 2],
    ['exit 3.5', 4],
    ['exit $true', 1],
    ['exit $null', 0],
    ['exit "abc"', 0],
    ['exit 1, 2', 0],
    ['exit 99999999999', 0],
    ['exit (1 + 1)', 2],
    ['$code = 6; exit $code', 6],
    ['exit(5)', 5],
  ])('%s gives exit code %d (converted like [int]; a value that does not convert gives 0)', async (line, code) => {
    expect((await exec(line)).exitCode).toBe(code);
  });

  it('sets $LASTEXITCODE and $? for what comes next; input without exit has no exit code', async () => {
    await exec('exit 3');
    expect(await exec('$?; $LASTEXITCODE')).toEqual({ text: ['False', '3'], success: true, exitCode: undefined });
    await exec('exit');
    expect(await exec('$LASTEXITCODE')).toEqual({ text: ['0'], success: true, exitCode: undefined });
  });

  it('inside a scriptblock ends the whole input; ForEach-Object\'s output so far still goes on down the pipeline', async () => {
    expect(await exec('1, 2, 3 | ForEach-Object { $_; exit 9; "never" } | ForEach-Object { "got $_" }; "after"')).toEqual({
      text: ['got 1'],
      success: false,
      exitCode: 9,
    });
  });

  it('inside $( ), ( ) and an assignment ends the input too, without writing the captured output', async () => {
    expect(await exec('$x = $(1; exit 2); "after"')).toEqual({ text: [], success: false, exitCode: 2 });
    expect(await exec('(exit 5); "after"')).toEqual({ text: [], success: false, exitCode: 5 });
  });

  it('the window\'s console (allowIncomplete) prints nothing and keeps the session usable', async () => {
    const r = await t.session.execute('exit', { allowIncomplete: true });
    expect(r).toEqual({ lines: [], success: true, incomplete: false, changed: false, exitCode: 0 });
    expect(await exec('Get-CsPersistentChatConfiguration global | % Identity')).toEqual({ text: ['Global'], success: true, exitCode: undefined });
    expect((await exec('Get-History | % CommandLine')).text).toEqual(['exit', 'Get-CsPersistentChatConfiguration global | % Identity']);
  });

  it('after a pipe it is a command name like any other', async () => {
    expect((await exec('1 | exit')).text[0]).toMatch(/^exit : The term 'exit' is not recognized as the name of a cmdlet/);
  });
});
