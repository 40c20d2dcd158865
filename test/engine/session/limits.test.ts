// Values have a size limit: array `+`/`+=`, string concatenation, string
// methods and expandable strings fail fast with .NET's words for running out
// of room (never a process abort), error messages that quote $Error stop
// doubling, and the session goes on.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARRAY_LENGTH, MAX_MESSAGE_LENGTH, MAX_STRING_LENGTH } from '../../../src-main/engine/shell/limits';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeAll(() => {
  t = createTestSession();
});
afterAll(() => t.cleanup());

async function failsThenRecovers(line: string, expected: RegExp): Promise<void> {
  const r = await t.run(line);
  expect(r.success).toBe(false);
  expect(r.text).toMatch(expected);
  expect(r.text).not.toContain('Internal error');
  expect((await t.run('"still here"')).text).toBe('still here');
}

describe('value size limits', () => {
  it('array + over the limit', async () => {
    await failsThenRecovers(`$a = ,0*${MAX_ARRAY_LENGTH}; $a = $a + $a + $a`, /Array dimensions exceeded supported range\./);
  });

  it('array += over the limit', async () => {
    await failsThenRecovers(`$a = ,0*${MAX_ARRAY_LENGTH}; $a += 1`, /Array dimensions exceeded supported range\./);
  });

  it('string concatenation over the limit', async () => {
    await failsThenRecovers(`$s = 'x'*10000000; $s = $s+$s+$s+$s+$s+$s`, /System\.OutOfMemoryException/);
  });

  it('PadLeft, PadRight and Replace over the limit', async () => {
    await failsThenRecovers(`'a'.PadLeft(${MAX_STRING_LENGTH + 1})`, /Exception calling "PadLeft" with "1 argument": "Exception of type 'System\.OutOfMemoryException' was thrown\."/);
    await failsThenRecovers(`'a'.PadRight(500000000, 'b')`, /Exception calling "PadRight"/);
    await failsThenRecovers(`('a'*10000000).Replace('a', 'bbbbbb')`, /Exception calling "Replace"/);
  });

  it('an expandable string over the limit', async () => {
    await failsThenRecovers(`$s = 'x'*10000000; "$s$s$s$s$s$s"`, /System\.OutOfMemoryException/);
  });

  it('error messages quoting $Error stay bounded instead of doubling', async () => {
    await t.run("$null = 1 -le 'x'");
    const r = await t.run(',0*30 | ForEach-Object { 1 -le $Error[0].Exception.Message } | Out-Null');
    expect(r.success).toBe(false);
    const longest = Math.max(...r.lines.map((l) => l.record?.message.length ?? 0));
    expect(longest).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 100);
    expect(r.text).toContain('message shortened from');
  });
});
