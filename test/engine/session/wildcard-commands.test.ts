// Wildcards where the console takes them: a malformed pattern is PowerShell's
// WildcardPatternException record wherever it is given (operators, -Filter,
// every cmdlet's wildcard parameter), never an internal error; pathological
// patterns answer (speed figures: scripts/bench.mjs); completion of an
// unfinished pattern does not fail.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../../src-main/engine/cmdlets/registry';
import { complete } from '../../../src-main/engine/shell/completion';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeAll(async () => {
  t = createTestSession();
  await t.run('New-CsPersistentChatConfiguration -Identity site:Redmond | Out-Null');
  await t.run(`New-CsPersistentChatConfiguration -Identity service:PersistentChatServer:${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.contoso.com | Out-Null`);
});
afterAll(() => t.cleanup());

const INVALID = 'The specified wildcard character pattern is not valid: ';

describe('malformed wildcard patterns', () => {
  it.each([
    ["Get-Help '['", 'Get-Help', '['],
    ["'x' | Where-Object -Property '[' -EQ 1", 'Where-Object', '['],
    ["Where-Object -Property 'a[b' -InputObject 1", 'Where-Object', 'a[b'],
    ["'x' | ForEach-Object -MemberName '[z-a]'", 'ForEach-Object', '[z-a]'],
    ["'x' | Get-Member -Name '['", 'Get-Member', '['],
    ["Get-Command '[a'", 'Get-Command', '[a'],
    ["Get-CsPersistentChatConfiguration -Filter '['", 'Get-CsPersistentChatConfiguration', '['],
    ["Get-CsPersistentChatConfiguration -Filter 'site:[z-a]*'", 'Get-CsPersistentChatConfiguration', 'site:[z-a]*'],
    ["Get-CsPersistentChatConfiguration | Select-Object -Property 'a[b'", 'Select-Object', 'a[b'],
    ["Get-CsPersistentChatConfiguration | Format-List -Property '['", 'Format-List', '['],
    ["Get-CsPersistentChatConfiguration | Format-Table -Property '['", 'Format-Table', '['],
  ])('%s: the cmdlet fails with WildcardPatternException', async (line, command, pattern) => {
    const r = await t.run(line);
    expect(r.success).toBe(false);
    const errors = r.lines.filter((l) => l.kind === 'error');
    expect(errors).toHaveLength(1);
    // What PowerShell shows: the record of RuntimeException, wrapped for the cmdlet that threw it.
    expect(errors[0]!.record).toMatchObject({
      message: INVALID + pattern,
      errorId: 'RuntimeException',
      category: 'NotSpecified',
      exceptionType: 'WildcardPatternException',
      command,
    });
    expect(r.text).toContain(`${command} : ${INVALID}${pattern}`);
    expect(r.text).toContain(`+ CategoryInfo          : NotSpecified: (:) [${command}], WildcardPatternException`);
    expect(r.text).toContain(`+ FullyQualifiedErrorId : RuntimeException,${command}`);
    expect(r.text).not.toContain('Internal error');
  });

  it.each([
    ["'x' -like '['", '['],
    ["'x' -notlike 'a[b'", 'a[b'],
    ["'x' -clike '[z-a]'", '[z-a]'],
    ["@('a', 'b') -like '['", '['],
  ])('%s: the operator fails at its statement', async (line, pattern) => {
    const r = await t.run(line);
    expect(r.success).toBe(false);
    expect(r.text).toBe(
      [
        INVALID + pattern,
        'At line:1 char:1',
        `+ ${line}`,
        `+ ${'~'.repeat(line.length)}`,
        '    + CategoryInfo          : NotSpecified: (:) [], WildcardPatternException',
        '    + FullyQualifiedErrorId : RuntimeException',
      ].join('\n'),
    );
  });

  it('-Filter $Error (not a string) gives a clear error, never an internal one', async () => {
    await t.run("'x' -like '['");
    const r = await t.run('Get-CsPersistentChatConfiguration -Filter $Error');
    expect(r.success).toBe(false);
    expect(r.text).not.toContain('Internal error');
    // $Error's records joined into one text, which holds an unclosed `[`.
    expect(r.lines[0]!.record).toMatchObject({ errorId: 'RuntimeException', exceptionType: 'WildcardPatternException', command: 'Get-CsPersistentChatConfiguration' });
  });

  it('the session goes on after each of them', async () => {
    await t.run("Get-Help '['");
    expect((await t.run("'site:Redmond' -like 'SITE:*'")).text).toBe('True');
  });
});

describe('pathological patterns answer', () => {
  it('-like with many stars over a long text', async () => {
    expect((await t.run("('a'*20000) -like ('*a'*60+'*b')")).text).toBe('False');
    expect((await t.run("('a'*20000+'b') -like ('*a'*60+'*b')")).text).toBe('True');
  });

  it('-Filter with many stars against a long pool identity', async () => {
    const r = await t.run("Get-CsPersistentChatConfiguration -Filter '*a*a*a*a*a*a*z' | Measure-Object | ForEach-Object Count");
    expect(r.text).toBe('0');
    const pool = await t.run("Get-CsPersistentChatConfiguration -Filter '*a*a*a*a*a*a*b*c*' | ForEach-Object Identity");
    expect(pool.text).toMatch(/^service:PersistentChatServer:a+\.b+\.c+\.contoso\.com$/);
  });

  it('a pattern of 50,000 stars, with -like and with -Filter', async () => {
    expect((await t.run("'site:Redmond' -like ('*'*50000)")).text).toBe('True');
    expect((await t.run("'site:Redmond' -like ('*'*50000 + 'x')")).text).toBe('False');
    const r = await t.run("(Get-CsPersistentChatConfiguration -Filter ('*'*50000)).Count");
    expect(r.success).toBe(true);
    expect(r.text).toBe('3');
  });

  it('a malformed pattern of 50,000 characters is reported shortened', async () => {
    const r = await t.run("'x' -like ('['+'a'*50000)");
    expect(r.success).toBe(false);
    expect(r.lines[0]!.record!.message).toMatch(/^The specified wildcard character pattern is not valid: \[a{999}… \(shortened from 50,001 characters\)$/);
  });
});

describe('completion of an unfinished pattern', () => {
  it('treats a malformed pattern as plain text instead of failing', () => {
    const context = { commands: new CommandRegistry(), identities: () => ['site:[x]', 'site:Redmond'] };
    const line = 'Get-CsPersistentChatConfiguration -Identity site:[';
    expect(complete(line, line.length, context).matches).toEqual(['site:[x]']);
    const wild = 'Get-CsPersistentChatConfiguration -Identity site:*mo';
    expect(complete(wild, wild.length, context).matches).toEqual(['site:Redmond']);
  });
});
