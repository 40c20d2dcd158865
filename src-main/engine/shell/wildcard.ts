// PowerShell wildcard patterns (-like, -Filter, Get-Command names, property
// names of Select-Object, Where-Object, Format-*, Get-Member, …), with the
// semantics of System.Management.Automation.WildcardPattern:
//  - `*` any run, `?` one character, `[abc]` / `[a-z]` one of a set; there is
//    no negation, and a `]` right after `[` is a member, not the end;
//  - a backtick escapes the next character, inside brackets too (an escaped
//    `-` is a plain member); a lone trailing backtick is itself literal, and
//    the pattern "`" alone is the empty pattern;
//  - an unclosed `[` or a reversed range (`[z-a]`) is malformed;
//  - the whole text must match; case is ignored unless asked otherwise, one
//    UTF-16 char at a time (.NET's ToLower(char)), so `?` is one UTF-16 unit.
//
// Matching is the greedy two-pointer method: on a mismatch only the last `*`
// is retried one character further on. Every element but `*` consumes exactly
// one character, so that is complete, and it takes at most
// len(text) × len(pattern) steps — never the exponential backtracking of a
// regular-expression translation (`*a*a*a*a*a*a*z` against a long pool name
// took seconds, `('a'*200) -like ('*a'*6+'*b')` never finished).

import { lowerChar, upperChar } from './case-mapping';
import { errorRecord, TerminatingError } from './errors';
import { quoted } from './limits';

/**
 * A malformed pattern: PowerShell's WildcardPatternException. That exception
 * carries an InvalidArgument record (WildcardPattern_Invalid), but the record
 * PowerShell shows comes from RuntimeException.ErrorRecord, which ignores it:
 * `NotSpecified: (:) [], WildcardPatternException` with the id RuntimeException
 * (`Get-Error` on PowerShell/PowerShell#16221 shows exactly that).
 */
export class WildcardPatternError extends TerminatingError {
  constructor(readonly pattern: string) {
    super(
      errorRecord({
        message: `The specified wildcard character pattern is not valid: ${quoted(pattern)}`,
        errorId: 'RuntimeException',
        category: 'NotSpecified',
        exceptionType: 'WildcardPatternException',
      }),
    );
  }
}

/** WildcardPattern.ContainsWildcardCharacters: an unescaped `*`, `?`, `[` or `]`. */
export function hasWildcard(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' || c === '?' || c === '[' || c === ']') return true;
    if (c === '`') i++;
  }
  return false;
}

const STAR = 0;
const ANY = 1;
const CHAR = 2;
const SET = 3;

interface CharSet {
  /** Member chars (and, ignoring case, their lower case), as UTF-16 codes. */
  readonly singles: ReadonlySet<number>;
  /** Inclusive ranges as [from, to] code pairs, flattened. */
  readonly ranges: readonly number[];
}

type Element = { readonly kind: typeof STAR | typeof ANY } | { readonly kind: typeof CHAR; readonly code: number } | { readonly kind: typeof SET; readonly set: CharSet };

const code = (c: string): number => c.charCodeAt(0);

/** WildcardPatternParser.AppendBracketExpression: `x-y` (unescaped `-`) is a range, anything else a member. */
function compileSet(chars: string[], dashes: boolean[], pattern: string, caseSensitive: boolean): CharSet {
  const singles = new Set<number>();
  const ranges: number[] = [];
  for (let i = 0; i < chars.length; ) {
    if (i + 2 < chars.length && dashes[i + 1]) {
      const from = code(chars[i]!);
      const to = code(chars[i + 2]!);
      if (from > to) throw new WildcardPatternError(pattern);
      ranges.push(from, to);
      i += 3;
    } else {
      const c = chars[i++]!;
      singles.add(code(c));
      // .NET's regular expression for the set, with IgnoreCase, holds the members' lower case too.
      if (!caseSensitive) singles.add(code(lowerChar(c)));
    }
  }
  return { singles, ranges };
}

/** WildcardPatternParser.Parse, char by char. */
function compile(pattern: string, caseSensitive: boolean): Element[] {
  const out: Element[] = [];
  const literal = (c: string) => out.push({ kind: CHAR, code: code(caseSensitive ? c : lowerChar(c)) });
  let escaped = false;
  let set: { chars: string[]; dashes: boolean[] } | undefined;
  let setJustOpened = false;
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k]!;
    if (set) {
      if (c === ']' && !setJustOpened && !escaped) {
        out.push({ kind: SET, set: compileSet(set.chars, set.dashes, pattern, caseSensitive) });
        set = undefined;
      } else if (c !== '`' || escaped) {
        set.chars.push(c);
        set.dashes.push(c === '-' && !escaped);
      }
      setJustOpened = false;
    } else if (c === '*' && !escaped) {
      // Consecutive stars match what one does.
      if (out.at(-1)?.kind !== STAR) out.push({ kind: STAR });
    } else if (c === '?' && !escaped) out.push({ kind: ANY });
    else if (c === '[' && !escaped) {
      set = { chars: [], dashes: [] };
      setJustOpened = true;
    } else if (c !== '`' || escaped) literal(c);
    escaped = c === '`' && !escaped;
  }
  if (set) throw new WildcardPatternError(pattern);
  // A trailing lone backtick is literal, except in the pattern "`" alone (kept for Windows 7 compatibility).
  if (escaped && pattern !== '`') literal('`');
  return out;
}

function inRanges(ranges: readonly number[], c: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (c >= ranges[i]! && c <= ranges[i + 1]!) return true;
  return false;
}

/**
 * Set membership as .NET's IgnoreCase character class decides it: the text's
 * char in lower case is a member, or the lower case of a member. For ranges,
 * the members whose lower case that can be are the char itself and the upper
 * case of either.
 */
function inSet(set: CharSet, raw: string, lower: number, caseSensitive: boolean): boolean {
  const c = code(raw);
  if (caseSensitive) return set.singles.has(c) || inRanges(set.ranges, c);
  if (set.singles.has(lower)) return true;
  if (set.ranges.length === 0) return false;
  return inRanges(set.ranges, lower) || inRanges(set.ranges, c) || inRanges(set.ranges, code(upperChar(raw))) || inRanges(set.ranges, code(upperChar(String.fromCharCode(lower))));
}

const ASCII = /^[\x00-\x7f]*$/;

/** The text as .NET's matcher sees it: each UTF-16 char lowered on its own. */
function lowerUnits(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) out += lowerChar(text[i]!);
  return out;
}

/** A compiled pattern; `test` says whether the whole text matches. */
export class WildcardPattern {
  private readonly elements: Element[];

  /** Throws WildcardPatternError for a malformed pattern (an unclosed `[`, a reversed range). */
  constructor(
    readonly pattern: string,
    private readonly caseSensitive = false,
  ) {
    this.elements = compile(pattern, caseSensitive);
  }

  private matchesAt(element: Element, text: string, folded: string, i: number): boolean {
    switch (element.kind) {
      case ANY:
        return true;
      case CHAR:
        return folded.charCodeAt(i) === element.code;
      case SET:
        return inSet(element.set, text[i]!, folded.charCodeAt(i), this.caseSensitive);
      default:
        return false;
    }
  }

  test(text: string): boolean {
    const p = this.elements;
    const folded = this.caseSensitive ? text : lowerUnits(text);
    let ti = 0;
    let pi = 0;
    // The last `*` seen, and the text position its current attempt resumes from.
    let star = -1;
    let resume = 0;
    while (ti < text.length) {
      const element = p[pi];
      if (element?.kind === STAR) {
        star = pi++;
        resume = ti;
      } else if (element !== undefined && this.matchesAt(element, text, folded, ti)) {
        ti++;
        pi++;
      } else if (star >= 0) {
        // Let the last star take one more character, and try the rest again from there.
        pi = star + 1;
        ti = ++resume;
      } else return false;
    }
    while (p[pi]?.kind === STAR) pi++;
    return pi === p.length;
  }
}

/** Compiles `pattern`; throws WildcardPatternError when it is malformed. */
export function compileWildcard(pattern: string, caseSensitive = false): WildcardPattern {
  return new WildcardPattern(pattern, caseSensitive);
}

/** The old name, kept for callers: the pattern was once translated to a RegExp. */
export const wildcardToRegExp = compileWildcard;

export function wildcardMatch(text: string, pattern: string, caseSensitive = false): boolean {
  return new WildcardPattern(pattern, caseSensitive).test(text);
}
