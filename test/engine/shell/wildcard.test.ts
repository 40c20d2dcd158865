// Wildcard patterns: PowerShell's semantics, a linear-time matcher (checked
// against a straightforward regular-expression reference on random small
// patterns), and malformed patterns reported as WildcardPatternException
// wherever a pattern is taken — never as an internal error.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WildcardPattern, WildcardPatternError } from '../../../src-main/engine/shell/wildcard';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

/** The reference: the old translation to a regular expression (fine on small inputs). */
function reference(text: string, pattern: string, caseSensitive: boolean): boolean {
  let out = '^';
  const p = Array.from(pattern);
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    const esc = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    const escIn = (c: string) => c.replace(/[\\^\]\[-]/g, '\\$&');
    if (ch === '`' && i + 1 < p.length) out += esc(p[++i]!);
    else if (ch === '*') out += '[\\s\\S]*';
    else if (ch === '?') out += '[\\s\\S]';
    else if (ch === '[') {
      const close = p.indexOf(']', i + 1);
      const body = p.slice(i + 1, close);
      let cls = '';
      for (let j = 0; j < body.length; j++) {
        if (j + 2 < body.length && body[j + 1] === '-') {
          cls += `${escIn(body[j]!)}-${escIn(body[j + 2]!)}`;
          j += 2;
        } else cls += escIn(body[j]!);
      }
      out += `[${cls}]`;
      i = close;
    } else out += esc(ch);
  }
  return new RegExp(`${out}$`, caseSensitive ? 'u' : 'iu').test(text);
}

describe('wildcard matching', () => {
  it.each([
    ['site:Redmond', 'site:*', true],
    ['site:Redmond', 'SITE:RED*', true],
    ['site:Redmond', '*mond', true],
    ['site:Redmond', 'site:?edmond', true],
    ['site:Redmond', 'site:[pqr]edmond', true],
    ['site:Redmond', 'site:[a-c]edmond', false],
    ['a*b', 'a`*b', true],
    ['axb', 'a`*b', false],
    ['a[b', 'a`[b', true],
    ['', '*', true],
    ['', '?', false],
    ['abc', 'abc*', true],
    ['abc', 'ab', false],
    ['a-b', 'a[-]b', true],
  ])('%s -like %s is %s', (text, pattern, expected) => {
    expect(new WildcardPattern(pattern).test(text)).toBe(expected);
  });

  it('-clike is case-sensitive', () => {
    expect(new WildcardPattern('Site:*', true).test('site:x')).toBe(false);
    expect(new WildcardPattern('site:*', true).test('site:x')).toBe(true);
  });

  it('agrees with the regular-expression reference on random small patterns and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '-', '*', '?', '`', '[ab]', '[a-c]', 'é');
    const text = fc.array(fc.constantFrom('a', 'b', 'A', 'B', 'c', '-', 'é', 'É', '*'), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }).map((a) => a.join('')), text, fc.boolean(), (pattern, t, cs) => {
        expect(new WildcardPattern(pattern, cs).test(t)).toBe(reference(t, pattern, cs));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers pathological patterns without backtracking blow-up', () => {
    // These took seconds to forever with the regular-expression translation.
    expect(new WildcardPattern(`${'*a'.repeat(60)}*b`).test('a'.repeat(20_000))).toBe(false);
    expect(new WildcardPattern(`${'*a'.repeat(7)}*z`).test(`service:PersistentChatServer:${'a'.repeat(180)}.contoso.com`)).toBe(false);
    expect(new WildcardPattern('*'.repeat(50_000)).test('anything')).toBe(true);
  });

  it('refuses an unclosed bracket and a reversed range', () => {
    for (const bad of ['[', 'a[b', '[z-a]']) expect(() => new WildcardPattern(bad)).toThrow(WildcardPatternError);
  });
});

describe('malformed patterns in commands', () => {
  let t: TestSession;
  beforeAll(() => {
    t = createTestSession();
  });
  afterAll(() => t.cleanup());

  it.each([
    ["Get-Help '['", 'Get-Help'],
    ["Where-Object -Property '[' -InputObject 1", 'Where-Object'],
    ["Get-Member -Name '[' -InputObject 1", 'Get-Member'],
    ["Get-Command '[a'", 'Get-Command'],
    ["Get-CsPersistentChatConfiguration -Filter '['", 'Get-CsPersistentChatConfiguration'],
    ["'x' -like '['", ''],
  ])('%s fails with WildcardPatternException', async (line, command) => {
    const r = await t.run(line);
    expect(r.success).toBe(false);
    expect(r.text).not.toContain('Internal error');
    expect(r.text).toContain('The specified wildcard character pattern is not valid: [');
    expect(r.text).toContain('WildcardPatternException');
    if (command !== '') expect(r.text.startsWith(`${command} : `)).toBe(true);
  });
});
