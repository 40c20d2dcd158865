// Value size limits at their real size: the lines of the attack report (D3)
// that aborted the process or took gigabytes now fail at once with .NET's
// words for running out of room, and the session goes on; error messages that
// quote $Error stay short instead of doubling. Every growth point, with the
// limits made small: limits-growth-points.test.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARRAY_LENGTH, MAX_MESSAGE_LENGTH, MAX_QUOTED_LENGTH, MAX_STRING_LENGTH } from '../../../src-main/engine/shell/limits';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeAll(() => {
  t = createTestSession();
});
afterAll(() => t.cleanup());

const OOM_RECORD = { errorId: 'System.OutOfMemoryException', category: 'OperationStopped', exceptionType: 'OutOfMemoryException' };

async function failsThenRecovers(line: string, message: RegExp, record: object = OOM_RECORD): Promise<void> {
  const r = await t.run(line);
  expect(r.success).toBe(false);
  const errors = r.lines.filter((l) => l.kind === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]!.record?.message).toMatch(message);
  expect(errors[0]!.record).toMatchObject(record);
  expect(r.text).not.toContain('Internal error');
  expect((await t.run('"still here"')).text).toBe('still here');
}

describe('the lines of the report', () => {
  it('array + thirty times: fails at the first +, the variable keeps its value', async () => {
    await failsThenRecovers(`$a = ,0*${MAX_ARRAY_LENGTH}; $a = ${Array(30).fill('$a').join('+')}`, /^Array dimensions exceeded supported range\. \(pchat-admin limits one array to 10,000,000 elements\.\)$/);
    expect((await t.run('$a.Count')).text).toBe(String(MAX_ARRAY_LENGTH));
    await t.run('$a = $null');
  });

  it('array += over the limit', async () => {
    await failsThenRecovers(`$a = ,0*${MAX_ARRAY_LENGTH}; $a += 1`, /^Array dimensions exceeded supported range\./);
    await t.run('$a = $null');
  });

  it("'a'.PadLeft(500000000), then ToUpper and Replace on a large string", async () => {
    await failsThenRecovers(
      "'a'.PadLeft(500000000)",
      /^Exception calling "PadLeft" with "1" argument\(s\): "Exception of type 'System\.OutOfMemoryException' was thrown\." \(pchat-admin limits one string to 50,000,000 characters\.\)$/,
      { errorId: 'OutOfMemoryException', category: 'NotSpecified', exceptionType: 'MethodInvocationException' },
    );
    expect((await t.run(`$s = 'a'.PadLeft(${MAX_STRING_LENGTH}); $s.ToUpper().Length`)).text).toBe(String(MAX_STRING_LENGTH));
    await failsThenRecovers("$s.Replace('a', 'bb')", /^Exception calling "Replace" with "2" argument\(s\): "Exception of type 'System\.OutOfMemoryException' was thrown\."/, {
      errorId: 'OutOfMemoryException',
    });
    await t.run('$s = $null');
  });

  it('string concatenation and an expandable string over the limit', async () => {
    await failsThenRecovers(`$s = 'x'*10000000; $s = $s+$s+$s+$s+$s+$s`, /^Exception of type 'System\.OutOfMemoryException' was thrown\. \(pchat-admin limits one string/);
    await failsThenRecovers(`"$s$s$s$s$s$s"`, /System\.OutOfMemoryException/);
    await t.run('$s = $null');
  });

  it('the error is shown the way PowerShell 5.1 shows OutOfMemoryException', async () => {
    const r = await t.run("$x = 'x' * 60000000");
    expect(r.text).toBe(
      [
        "Exception of type 'System.OutOfMemoryException' was thrown. (pchat-admin limits one string to 50,000,000 characters.)",
        'At line:1 char:1',
        "+ $x = 'x' * 60000000",
        '+ ~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : OperationStopped: (:) [], OutOfMemoryException',
        '    + FullyQualifiedErrorId : System.OutOfMemoryException',
      ].join('\n'),
    );
  });
});

describe('values quoted in error messages', () => {
  it('messages quoting $Error stay short instead of doubling', async () => {
    await t.run("$null = 1 -le 'x'");
    const r = await t.run(',0*30 | ForEach-Object { 1 -le $Error[0].Exception.Message } | Out-Null');
    expect(r.success).toBe(false);
    const lengths = r.lines.map((l) => l.record?.message.length ?? 0);
    // Each message quotes the previous one twice, each quotation shortened: no growth after the first passes.
    expect(Math.max(...lengths)).toBeLessThanOrEqual(2 * MAX_QUOTED_LENGTH + 300);
    expect(lengths.at(-1)).toBe(lengths.at(-2));
    expect(r.lines.at(-1)!.record!.message).toContain('… (shortened from ');
    expect(r.text.length).toBeLessThan(200_000);
  });

  it('a long value keeps its start and says it was shortened', async () => {
    const r = await t.run("1 -lt ('x'*5000)");
    expect(r.lines[0]!.record!.message).toBe(
      `Could not compare "1" to "${'x'.repeat(MAX_QUOTED_LENGTH)}… (shortened from 5,000 characters)". Error: "Cannot convert value "${'x'.repeat(MAX_QUOTED_LENGTH)}… (shortened from 5,000 characters)" to type "System.Int32". Error: "Input string was not in a correct format.""`,
    );
  });

  it('an array is quoted without being turned into text first', async () => {
    // Its text would be a billion characters (once "Internal error: Invalid string length").
    const r = await t.run("$big = ,('y'*1000)*1000000; 1 -lt $big");
    expect(r.text).not.toContain('Internal error');
    expect(r.lines[0]!.record!.message).toBe(
      `Could not compare "1" to "${'y'.repeat(MAX_QUOTED_LENGTH)}… (shortened)". Error: "Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32"."`,
    );
    expect(r.text.length).toBeLessThan(MAX_MESSAGE_LENGTH);
    await t.run('$big = $null');
  });

  it('the CategoryInfo target is shortened too', async () => {
    const r = await t.run("$s = 'x'*100000; $s++");
    expect(r.lines[0]!.record!.errorId).toBe('OperatorRequiresNumber');
    expect(r.lines[0]!.record!.target).toBe(`${'x'.repeat(MAX_QUOTED_LENGTH)}… (shortened from 100,000 characters):String`);
  });
});
