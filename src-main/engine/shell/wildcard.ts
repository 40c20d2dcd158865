// PowerShell wildcard patterns (-like, -Filter, Get-Command names, …):
// `*` any run, `?` one character, `[abc]` / `[a-z]` one of a set, and a
// backtick escapes the next character. Matching is case-insensitive unless
// asked otherwise, and always covers the whole text.
//
// Patterns are compiled to tokens and matched by the greedy two-pointer
// method (on a mismatch, only the last `*` is retried one character further),
// which takes at most len(text) × len(pattern) steps: never the exponential
// backtracking a regular expression translation can fall into
// (`*a*a*a*a*a*a*z` against a long name took seconds, then minutes).

import { TerminatingError, errorRecord } from './errors';

/** A malformed pattern: PowerShell's WildcardPatternException. */
export class WildcardPatternError extends TerminatingError {
  constructor(readonly pattern: string) {
    super(
      errorRecord({
        message: `The specified wildcard character pattern is not valid: ${pattern}`,
        errorId: 'RuntimeException',
        category: 'NotSpecified',
        exceptionType: 'WildcardPatternException',
      }),
    );
  }
}

export function hasWildcard(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

type Token =
  | { readonly kind: 'star' }
  | { readonly kind: 'any' }
  | { readonly kind: 'char'; readonly ch: string }
  | { readonly kind: 'set'; readonly chars: readonly string[]; readonly ranges: readonly (readonly [string, string])[] };

const STAR: Token = { kind: 'star' };
const ANY: Token = { kind: 'any' };

function compileSet(body: readonly string[], pattern: string): Token {
  const chars: string[] = [];
  const ranges: [string, string][] = [];
  for (let j = 0; j < body.length; j++) {
    const c = body[j]!;
    // A '-' between two characters makes a range; first or last it is literal.
    if (j + 2 < body.length && body[j + 1] === '-') {
      const to = body[j + 2]!;
      if (c.codePointAt(0)! > to.codePointAt(0)!) throw new WildcardPatternError(pattern);
      ranges.push([c, to]);
      j += 2;
    } else chars.push(c);
  }
  return { kind: 'set', chars, ranges };
}

function tokenize(pattern: string): Token[] {
  const p = Array.from(pattern);
  const tokens: Token[] = [];
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '`' && i + 1 < p.length) tokens.push({ kind: 'char', ch: p[++i]! });
    else if (ch === '*') {
      // Consecutive stars match what one does.
      if (tokens.at(-1) !== STAR) tokens.push(STAR);
    } else if (ch === '?') tokens.push(ANY);
    else if (ch === '[') {
      const close = p.indexOf(']', i + 1);
      // PowerShell rejects an unclosed bracket rather than matching it literally.
      if (close < 0) throw new WildcardPatternError(pattern);
      tokens.push(compileSet(p.slice(i + 1, close), pattern));
      i = close;
    } else tokens.push({ kind: 'char', ch });
  }
  return tokens;
}

function sameChar(a: string, b: string, caseSensitive: boolean): boolean {
  return a === b || (!caseSensitive && (a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase()));
}

function inSet(token: Extract<Token, { kind: 'set' }>, ch: string, caseSensitive: boolean): boolean {
  const forms = caseSensitive ? [ch] : [ch, ch.toLowerCase(), ch.toUpperCase()];
  for (const form of forms) {
    if (token.chars.includes(form)) return true;
    const code = form.codePointAt(0)!;
    if (token.ranges.some(([from, to]) => code >= from.codePointAt(0)! && code <= to.codePointAt(0)!)) return true;
  }
  return false;
}

function matchesOne(token: Token, ch: string, caseSensitive: boolean): boolean {
  if (token.kind === 'any') return true;
  if (token.kind === 'char') return sameChar(token.ch, ch, caseSensitive);
  return token.kind === 'set' && inSet(token, ch, caseSensitive);
}

/** A compiled pattern; `test` says whether the whole text matches. */
export class WildcardPattern {
  private readonly tokens: Token[];

  /** Throws WildcardPatternError for a malformed pattern (an unclosed `[`, a reversed range). */
  constructor(
    readonly pattern: string,
    private readonly caseSensitive = false,
  ) {
    this.tokens = tokenize(pattern);
  }

  test(text: string): boolean {
    const t = Array.from(text);
    const p = this.tokens;
    let ti = 0;
    let pi = 0;
    let star = -1;
    let resume = 0;
    while (ti < t.length) {
      const token = p[pi];
      if (token !== undefined && token.kind !== 'star' && matchesOne(token, t[ti]!, this.caseSensitive)) {
        ti++;
        pi++;
      } else if (token?.kind === 'star') {
        star = pi++;
        resume = ti;
      } else if (star >= 0) {
        // Let the last star take one more character, and try the rest again from there.
        pi = star + 1;
        ti = ++resume;
      } else return false;
    }
    while (p[pi]?.kind === 'star') pi++;
    return pi === p.length;
  }
}

/** Compiles `pattern` (kept under its old name: callers only use `test`). */
export function wildcardToRegExp(pattern: string, caseSensitive = false): WildcardPattern {
  return new WildcardPattern(pattern, caseSensitive);
}

export function wildcardMatch(text: string, pattern: string, caseSensitive = false): boolean {
  return new WildcardPattern(pattern, caseSensitive).test(text);
}
