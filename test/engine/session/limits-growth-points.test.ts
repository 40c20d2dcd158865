// Every place a value can grow checks its size before building it. The limits
// are made small here (1,000 elements, 10,000 characters) so each growth point
// can be driven over its limit quickly: each fails with .NET's out-of-room
// error and the next statement of the same session still works.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

vi.mock('../../../src-main/engine/shell/limits', async (original) => ({
  ...(await original<typeof import('../../../src-main/engine/shell/limits')>()),
  MAX_ARRAY_LENGTH: 1_000,
  MAX_STRING_LENGTH: 10_000,
}));

let t: TestSession;
beforeAll(() => {
  t = createTestSession();
});
afterAll(() => t.cleanup());

const ARRAY = /^Array dimensions exceeded supported range\./;
const STRING = /^Exception of type 'System\.OutOfMemoryException' was thrown\./;
const OOM = { errorId: 'System.OutOfMemoryException', category: 'OperationStopped', exceptionType: 'OutOfMemoryException' };
const IN_METHOD = { errorId: 'OutOfMemoryException', category: 'NotSpecified', exceptionType: 'MethodInvocationException' };

/** `line` fails with one error matching `message`; then the session still answers. */
async function overLimit(line: string, message: RegExp, record: object = OOM, command = ''): Promise<void> {
  const r = await t.run(line);
  expect(r.success, r.text).toBe(false);
  const errors = r.lines.filter((l) => l.kind === 'error');
  expect(errors.length, r.text).toBeGreaterThanOrEqual(1);
  expect(errors[0]!.record?.message).toMatch(message);
  expect(errors[0]!.record).toMatchObject({ ...record, command });
  expect(r.text).not.toContain('Internal error');
  expect((await t.run('$n = 1; $n + 1')).text).toBe('2');
}

describe('arrays', () => {
  it.each([
    ['+', '$a = ,0*600; $a + $a'],
    ['+ with a scalar', '$a = ,0*1000; $a + 1'],
    ['+=', '$a = ,0*1000; $a += 1'],
    ['* (one element)', ',0 * 1001'],
    ['* (two elements)', '(1, 2) * 501'],
  ])('%s', async (_, line) => {
    await overLimit(line, ARRAY);
  });

  it('at the limit exactly, still fine', async () => {
    expect((await t.run('(,0 * 1000).Count; $a = ,0*999; ($a + 1).Count')).text).toBe('1000\n1000');
  });

  it.each([
    ['@( … )', '$c = @(,0*600; ,0*600)'],
    ['an assignment of pipeline output', '$c = ,0*600 | ForEach-Object { $_; $_ }'],
    ['$( … )', '$($null = 1; ,0*600 | ForEach-Object { $_; $_ }).Count'],
  ])('collected output: %s', async (_, line) => {
    await overLimit(line, ARRAY, OOM, line.includes('ForEach-Object') ? 'ForEach-Object' : '');
  });

  it.each([
    ['Sort-Object', ',0*600 | ForEach-Object { $_; $_ } | Sort-Object'],
    ['Format-Table', ',0*600 | ForEach-Object { $_; $_ } | Format-Table'],
    ['Format-List', ',0*600 | ForEach-Object { $_; $_ } | Format-List'],
    ['Select-Object', ',0*600 | ForEach-Object { $_; $_ } | Select-Object -Last 1'],
  ])('a cmdlet that holds all its input: %s', async (command, line) => {
    await overLimit(line, ARRAY, OOM, command);
  });

  it("String.Split's parts", async () => {
    await overLimit("(','*1000).Split(',')", /^Exception calling "Split" with "1" argument\(s\): "Exception of type 'System\.OutOfMemoryException' was thrown\." \(pchat-admin limits one array/, IN_METHOD);
    expect((await t.run("(','*998).Split(',').Count")).text).toBe('999');
  });
});

describe('strings', () => {
  it.each([
    ['*', "'x' * 10001"],
    ['* (longer text)', "'ab' * 5001"],
    ['+', "$s = 'x'*6000; $s + $s"],
    ['+=', "$s = 'x'*6000; $s += $s"],
    ['+ an array (its text)', "'' + (,('x'*100)*200)"],
    ['an expandable string', "$s = 'x'*6000; \"$s$s\""],
    ['an expandable string of an array', "$arr = ,('x'*100)*200; \"$arr\""],
    ['an expandable string of a sub-expression', '"$(,(\'x\'*100)*200)"'],
  ])('%s', async (_, line) => {
    await overLimit(line, STRING);
  });

  it.each([
    ['PadLeft', "'a'.PadLeft(10001)", '1'],
    ['PadRight', "'a'.PadRight(10001, '-')", '2'],
    ['Replace', "('a'*6000).Replace('a', 'bb')", '2'],
  ])('String.%s', async (method, line, args) => {
    await overLimit(line, new RegExp(`^Exception calling "${method}" with "${args}" argument\\(s\\): "Exception of type 'System\\.OutOfMemoryException' was thrown\\." \\(pchat-admin limits one string`), IN_METHOD);
  });

  it('ToUpper and ToLower keep the length, as .NET maps case one char at a time', async () => {
    expect((await t.run("('ß'*10000).ToUpper().Length; 'Straße'.ToUpper(); 'İ'.ToLower().Length")).text).toBe('10000\nSTRAßE\n1');
  });

  it("Replace with an empty oldValue is .NET's ArgumentException, not a loop over every position", async () => {
    const r = await t.run("'abc'.Replace('', 'x')");
    expect(r.lines[0]!.record).toMatchObject({ message: 'Exception calling "Replace" with "2" argument(s): "String cannot be of zero length.\nParameter name: oldValue"', errorId: 'ArgumentException' });
  });

  it('indexing a string reads one UTF-16 char without copying the string', async () => {
    expect((await t.run("$s = 'x'*10000; $s[9999]; 'a😀b'[1].Length; 'abc'[-1]")).text).toBe('x\n1\nc');
  });
});
