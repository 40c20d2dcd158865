// Wildcard patterns, unit level: System.Management.Automation.WildcardPattern's
// semantics (brackets, escapes, case one UTF-16 char at a time), a linear-time
// matcher checked against a straightforward reference (memoised recursion over
// an independent parse) on random small patterns, answers on pathological
// inputs, and the malformed patterns .NET refuses. Commands and operators:
// wildcard-commands.test.ts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasWildcard, WildcardPattern, WildcardPatternError } from '../../../src-main/engine/shell/wildcard';

// ---- The reference: written from WildcardPatternParser.Parse and .NET's IgnoreCase rules, slow and plain. ----

type RefToken = { t: '*' } | { t: '?' } | { t: 'char'; c: string } | { t: 'set'; members: string[] };

/** .NET's ToLower(char): one UTF-16 unit in, one out. */
function refLower(c: string): string {
  if (c === '\u0130') return 'i';
  const l = c.toLowerCase();
  return l.length === 1 ? l : c;
}

function refParse(pattern: string): RefToken[] | 'invalid' {
  const out: RefToken[] = [];
  let escape = false;
  let inSet = false;
  let first = false;
  let contents: string[] = [];
  let operators: string[] = [];
  for (const c of pattern.split('')) {
    if (inSet) {
      if (c === ']' && !first && !escape) {
        inSet = false;
        const members: string[] = [];
        for (let i = 0; i < contents.length; ) {
          if (i + 2 < contents.length && operators[i + 1] === '-') {
            const lo = contents[i]!.charCodeAt(0);
            const hi = contents[i + 2]!.charCodeAt(0);
            if (lo > hi) return 'invalid';
            for (let x = lo; x <= hi; x++) members.push(String.fromCharCode(x));
            i += 3;
          } else members.push(contents[i++]!);
        }
        out.push({ t: 'set', members });
      } else if (c !== '`' || escape) {
        contents.push(c);
        operators.push(c === '-' && !escape ? '-' : ' ');
      }
      first = false;
    } else if (c === '*' && !escape) out.push({ t: '*' });
    else if (c === '?' && !escape) out.push({ t: '?' });
    else if (c === '[' && !escape) {
      inSet = true;
      first = true;
      contents = [];
      operators = [];
    } else if (c !== '`' || escape) out.push({ t: 'char', c });
    escape = c === '`' && !escape;
  }
  if (inSet) return 'invalid';
  if (escape && pattern !== '`') out.push({ t: 'char', c: '`' });
  return out;
}

function refOne(token: RefToken, c: string, cs: boolean): boolean {
  if (token.t === '?') return true;
  if (token.t === 'char') return cs ? token.c === c : refLower(token.c) === refLower(c);
  if (token.t !== 'set') return false;
  // IgnoreCase: the char's lower case is a member, or the lower case of one.
  return cs ? token.members.includes(c) : token.members.some((m) => m === refLower(c) || refLower(m) === refLower(c));
}

function reference(text: string, pattern: string, cs: boolean): boolean | 'invalid' {
  const tokens = refParse(pattern);
  if (tokens === 'invalid') return 'invalid';
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (tokens.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let r: boolean;
    if (j === tokens.length) r = i === text.length;
    else if (tokens[j]!.t === '*') r = go(i, j + 1) || (i < text.length && go(i + 1, j));
    else r = i < text.length && refOne(tokens[j]!, text[i]!, cs) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

function actual(text: string, pattern: string, cs: boolean): boolean | 'invalid' {
  try {
    return new WildcardPattern(pattern, cs).test(text);
  } catch (e) {
    if (e instanceof WildcardPatternError) return 'invalid';
    throw e;
  }
}

const like = (text: string, pattern: string, cs = false) => new WildcardPattern(pattern, cs).test(text);

describe('wildcard semantics', () => {
  it.each([
    ['site:Redmond', 'site:*', true],
    ['site:Redmond', 'SITE:RED*', true],
    ['site:Redmond', '*mond', true],
    ['site:Redmond', 'site:?edmond', true],
    ['site:Redmond', 'site:[pqr]edmond', true],
    ['site:Redmond', 'site:[a-c]edmond', false],
    ['site:Redmond', 'site:[A-Z]edmond', true],
    ['a*b', 'a`*b', true],
    ['axb', 'a`*b', false],
    ['a[b', 'a`[b', true],
    ['', '*', true],
    ['', '', true],
    ['a', '', false],
    ['', '?', false],
    ['abc', 'abc*', true],
    ['abc', 'ab', false],
    ['a-b', 'a[-]b', true],
    // A `]` right after `[` is a member; `]` outside brackets is a plain character.
    [']', '[]]', true],
    ['a', '[]a]', true],
    ['a]', 'a]', true],
    // Escapes inside brackets: an escaped `]` is a member, an escaped `-` is not a range.
    [']', '[`]]', true],
    ['b', '[a`-c]', false],
    ['-', '[a`-c]', true],
    ['-', '[a-]', true],
    // No negation: `!` and `^` are members.
    ['!', '[!a]', true],
    ['b', '[!a]', false],
    // `a-b` then a plain `-` and `c`.
    ['-', '[a-b-c]', true],
    ['c', '[a-b-c]', true],
    // A lone trailing backtick is literal; "`" alone is the empty pattern.
    ['a`', 'a`', true],
    ['`', '``', true],
    ['', '`', true],
    ['`', '`', false],
  ])('%j -like %j is %s', (text, pattern, expected) => {
    expect(like(text, pattern)).toBe(expected);
  });

  it('ignores case one UTF-16 char at a time, as .NET ToLower(char) does', () => {
    expect(like('SITE:x', 'site:*')).toBe(true);
    expect(like('site:x', 'Site:*', true)).toBe(false);
    // U+017F (long s) lowers to itself, so it is not 's' (a regular expression's case folding says it is).
    expect(like('ſ', 's')).toBe(false);
    // U+0130 lowers to a plain 'i'; the Kelvin sign lowers to 'k'.
    expect(like('İ', 'i')).toBe(true);
    expect(like('\u212a', 'k')).toBe(true);
    expect(like('\u212a', '[a-z]')).toBe(true);
    expect(like('k', '[\u212a]')).toBe(true);
    expect(like('ß', 'SS')).toBe(false);
  });

  it('? is one UTF-16 unit, so a character outside the BMP takes two', () => {
    expect(like('😀', '?')).toBe(false);
    expect(like('😀', '??')).toBe(true);
    expect(like('a😀b', 'a*b')).toBe(true);
  });

  it('hasWildcard follows ContainsWildcardCharacters: unescaped * ? [ ]', () => {
    expect(['a*', 'a?', 'a[b]', 'a]'].map(hasWildcard)).toEqual([true, true, true, true]);
    expect(['abc', 'a`*', 'a`[b`]', ''].map(hasWildcard)).toEqual([false, false, false, false]);
  });

  it('refuses what .NET refuses: an unclosed bracket, a reversed range', () => {
    for (const bad of ['[', 'a[b', '[]', '[a`]', '[z-a]', 'x[b-a]y', '[a-c][']) {
      expect(() => new WildcardPattern(bad), bad).toThrow(WildcardPatternError);
    }
    for (const good of [']', 'a]', '[a-a]', '[`[]', '`[']) expect(() => new WildcardPattern(good), good).not.toThrow();
  });

  it('a malformed pattern is PowerShell’s WildcardPatternException record', () => {
    const e = (() => {
      try {
        new WildcardPattern('a[b');
      } catch (thrown) {
        return thrown as WildcardPatternError;
      }
      throw new Error('no error');
    })();
    expect(e.record).toMatchObject({
      message: 'The specified wildcard character pattern is not valid: a[b',
      errorId: 'RuntimeException',
      category: 'NotSpecified',
      exceptionType: 'WildcardPatternException',
    });
  });
});

describe('the matcher against the reference', () => {
  const patternAtom = fc.constantFrom(
    'a', 'b', 'A', 'k', '\u212a', 's', 'S', 'ſ', 'İ', 'i', 'ß', '-', '*', '?', '`', '[', ']', '😀',
    '[ab]', '[a-c]', '[A-Z]', '[]a]', '[`]]', '[a`-c]', '[a-]', '[\u212a]', '[z-a]', '[ſ-ſ]', '``', '`*', '`?', '`[',
  );
  const textChar = fc.constantFrom('a', 'b', 'A', 'B', 'c', 'k', 'K', '\u212a', 's', 'S', 'ſ', 'İ', 'i', 'I', 'ß', '-', '*', '?', '[', ']', '`', '😀');
  const join = (parts: string[]) => parts.join('');

  it('agrees on random small patterns and texts (malformed ones included)', () => {
    fc.assert(
      fc.property(fc.array(patternAtom, { maxLength: 8 }).map(join), fc.array(textChar, { maxLength: 10 }).map(join), fc.boolean(), (pattern, text, cs) => {
        expect(actual(text, pattern, cs)).toBe(reference(text, pattern, cs));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on star-heavy patterns over long texts, where backtracking would matter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('*', 'a', 'b', '?', '[ab]'), { maxLength: 14 }).map(join), fc.array(fc.constantFrom('a', 'b'), { maxLength: 40 }).map(join), (pattern, text) => {
        expect(actual(text, pattern, false)).toBe(reference(text, pattern, false));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('pathological inputs', () => {
  // These ran for seconds to forever with the regular-expression translation.
  // Only the answers are checked here; the speed figures are in scripts/bench.mjs.
  it('many stars against a long text', () => {
    expect(like('a'.repeat(20_000), `${'*a'.repeat(60)}*b`)).toBe(false);
    expect(like(`${'a'.repeat(20_000)}b`, `${'*a'.repeat(60)}*b`)).toBe(true);
    expect(like(`service:PersistentChatServer:${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.contoso.com`, `${'*a'.repeat(7)}*z`)).toBe(false);
  });

  it('a pattern of 50,000 stars', () => {
    expect(like('anything', '*'.repeat(50_000))).toBe(true);
    expect(like('', '*'.repeat(50_000))).toBe(true);
    expect(like('abc', `${'*'.repeat(50_000)}d`)).toBe(false);
  });
});
