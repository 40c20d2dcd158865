// The tokenizer of the console language. Like PowerShell's, it has a command
// (argument) mode and an expression mode, and the parser asks for each token
// in the mode its context calls for; so the lexer is a set of scanners over
// offsets rather than a stream. Tokens are memoised per offset and mode, which
// keeps re-reading a token (peek, then consume) cheap even when it is a string
// with `$( … )` inside that had to be parsed.
//
// Trivia (blanks, `# comments`, `<# block comments #>`, backtick line
// continuations and, where the parser says so, newlines) is skipped separately
// by `skipTrivia`, so every token starts at a significant character.

import type { Extent } from './ast';
import { scanNumber } from './lexer-numbers';
import {
  scanBareWord,
  scanDoubleQuoted,
  scanHereString,
  scanSingleQuoted,
  scanVariable,
  type SubExpressionHost,
} from './lexer-strings';
import {
  ParseAbort,
  endsCommandToken,
  endsNumberInExpression,
  isBlank,
  isDash,
  isDigit,
  isDoubleQuote,
  isIdentifierChar,
  isIdentifierStart,
  isLetter,
  isNewlineChar,
  isParameterStart,
  isSingleQuote,
  messages,
  parseError,
  type LexMode,
  type PunctuatorKind,
  type Token,
} from './tokens';

function fail(id: string, message: string, extent: Extent, incomplete = false): never {
  throw new ParseAbort([parseError(id, message, extent, incomplete)]);
}

/** Can a member name start here (after a dot with no space before it)? */
export function isMemberStart(c: string | undefined): boolean {
  return isIdentifierChar(c) || c === '$' || c === '(' || isSingleQuote(c) || isDoubleQuote(c);
}

export class Lexer {
  private readonly commandTokens = new Map<number, Token>();
  private readonly expressionTokens = new Map<number, Token>();
  // Quoted strings read the same in both modes; sharing them means a string
  // with sub-expressions is parsed once even if both modes look at it.
  private readonly stringTokens = new Map<number, Token>();

  constructor(
    readonly src: string,
    private readonly host: SubExpressionHost,
  ) {}

  /** The offset of the next significant character at or after `pos`. */
  skipTrivia(pos: number, skipNewlines: boolean): number {
    const src = this.src;
    let i = pos;
    for (;;) {
      const c = src[i];
      if (isBlank(c)) {
        i++;
      } else if (c === '`') {
        const next = src[i + 1];
        if (next === '\n') i += 2;
        else if (next === '\r') i += src[i + 2] === '\n' ? 3 : 2;
        else if (next === undefined) fail('IncompleteLineContinuation', messages.lineContinuation, { start: i, end: i + 1 }, true);
        else return i; // an escaped character starts a bare word
      } else if (c === '#') {
        while (i < src.length && !isNewlineChar(src[i])) i++;
      } else if (c === '<' && src[i + 1] === '#') {
        const close = src.indexOf('#>', i + 2);
        if (close < 0) fail('MissingTerminatorMultiLineComment', messages.missingCommentTerminator, { start: i, end: src.length }, true);
        i = close + 2;
      } else if (skipNewlines && isNewlineChar(c)) {
        i++;
      } else {
        return i;
      }
    }
  }

  /** The token at `pos` (a significant character) in the given mode. */
  token(pos: number, mode: LexMode): Token {
    const c = this.src[pos];
    const quote = (q: string | undefined) => isSingleQuote(q) || isDoubleQuote(q);
    const isString = quote(c) || (c === '@' && quote(this.src[pos + 1]));
    const cache = isString ? this.stringTokens : mode === 'command' ? this.commandTokens : this.expressionTokens;
    let tok = cache.get(pos);
    if (tok === undefined) {
      tok = isString ? this.scanString(pos) : mode === 'command' ? this.scanCommand(pos) : this.scanExpression(pos);
      cache.set(pos, tok);
    }
    return tok;
  }

  private punct(kind: PunctuatorKind, start: number, end: number): Token {
    return { kind, extent: { start, end }, text: this.src.slice(start, end) };
  }

  /** Tokens that read the same in both modes, or null. */
  private scanShared(p: number): Token | null {
    const src = this.src;
    const c = src[p];
    switch (c) {
      case undefined:
        return this.punct('EndOfInput', p, p);
      case '\n':
        return this.punct('NewLine', p, p + 1);
      case '\r':
        return this.punct('NewLine', p, src[p + 1] === '\n' ? p + 2 : p + 1);
      case ';':
        return this.punct('Semi', p, p + 1);
      case '|':
        return this.punct('Pipe', p, p + 1);
      case '&':
        return this.punct('Ampersand', p, p + 1);
      case '(':
        return this.punct('LParen', p, p + 1);
      case ')':
        return this.punct('RParen', p, p + 1);
      case '{':
        return this.punct('LCurly', p, p + 1);
      case '}':
        return this.punct('RCurly', p, p + 1);
      case ',':
        return this.punct('Comma', p, p + 1);
      case '<':
        return fail('RedirectionNotSupported', messages.redirectionNotSupported(c), { start: p, end: p + 1 });
      case '>':
        return this.redirection(p);
      case '@': {
        const next = src[p + 1];
        if (next === '(') return this.punct('AtParen', p, p + 2);
        if (next === '{') return this.punct('AtCurly', p, p + 2);
        if (isIdentifierChar(next) || next === '?') {
          let e = p + 1;
          while (isIdentifierChar(src[e]) || src[e] === '?') e++;
          const name = src.slice(p + 1, e);
          return { kind: 'Splat', name, extent: { start: p, end: e }, text: src.slice(p, e) };
        }
        return fail('UnrecognizedToken', messages.unrecognizedToken, { start: p, end: p + 1 });
      }
      default:
        if (c === '$' && src[p + 1] === '(') return this.punct('DollarParen', p, p + 2);
        // `2>`, `*>`, `3>&1`: a stream number (or *) written against '>' names the stream to redirect.
        if (src[p + 1] === '>' && (c === '*' || (c !== undefined && c >= '1' && c <= '6'))) return this.redirection(p);
        return null;
    }
  }

  /** A redirection operator at `p`: `[n|*]>`, `[n|*]>>` or `n>&1` (`n>&2` and `>&` into other streams are PowerShell's errors). */
  private redirection(p: number): Token {
    const src = this.src;
    let i = p;
    let from: '*' | '1' | '2' | '3' | '4' | '5' | '6' = '1';
    if (src[i] !== '>') from = src[i++] as typeof from;
    i++; // '>'
    const append = src[i] === '>';
    if (append) i++;
    let merge = false;
    if (!append && src[i] === '&') {
      const target = src[i + 1];
      if (target === '1' && from !== '1') {
        merge = true;
        i += 2;
      } else {
        const end = target !== undefined && /[0-9]/.test(target) ? i + 2 : i + 1;
        return fail('RedirectionNotSupported', messages.redirectionMerge(src.slice(p, end)), { start: p, end });
      }
    }
    return { kind: 'Redirection', from, append, merge, extent: { start: p, end: i }, text: src.slice(p, i) };
  }

  private scanString(p: number): Token {
    const src = this.src;
    const extent = (end: number) => ({ start: p, end });
    if (src[p] === '@') {
      const h = scanHereString(this.host, src, p);
      return h.kind === 'single'
        ? { kind: 'StringLiteral', value: h.value, extent: extent(h.end), text: src.slice(p, h.end) }
        : { kind: 'ExpandableString', parts: h.parts, extent: extent(h.end), text: src.slice(p, h.end) };
    }
    if (isSingleQuote(src[p])) {
      const s = scanSingleQuoted(src, p);
      return { kind: 'StringLiteral', value: s.value, extent: extent(s.end), text: src.slice(p, s.end) };
    }
    const d = scanDoubleQuoted(this.host, src, p);
    return { kind: 'ExpandableString', parts: d.parts, extent: extent(d.end), text: src.slice(p, d.end) };
  }

  private bareWord(p: number): Token {
    const w = scanBareWord(this.host, this.src, p);
    // Every token must consume input; a word can only be empty if called on a terminator.
    const end = Math.max(w.end, p + 1);
    return { kind: 'Generic', value: w.value, parts: w.parts, extent: { start: p, end }, text: this.src.slice(p, end) };
  }

  private scanCommand(p: number): Token {
    const shared = this.scanShared(p);
    if (shared !== null) return shared;
    const src = this.src;
    const c = src[p]!;
    if (c === '$') {
      const v = scanVariable(src, p);
      if (v === null) return this.bareWord(p);
      const after = src[v.end];
      // `$x`, `$x.Prop`, `$x[0]` are expressions; `$env:TEMP\logs` is one bare word that expands.
      if (endsCommandToken(after) || after === '[' || (after === '.' && isMemberStart(src[v.end + 1]))) {
        return { kind: 'Variable', name: v.name, extent: { start: p, end: v.end }, text: src.slice(p, v.end) };
      }
      return this.bareWord(p);
    }
    if (isDash(c)) {
      const next = src[p + 1];
      if (isParameterStart(next)) return this.parameter(p);
      return this.numberOrWord(p);
    }
    if (isDigit(c) || (c === '.' && isDigit(src[p + 1]))) return this.numberOrWord(p);
    return this.bareWord(p);
  }

  /** In command mode a number must end where a token may end; `100abc` and `1.2.3` are bare words. */
  private numberOrWord(p: number): Token {
    const n = scanNumber(this.src, p);
    if (n !== null && endsCommandToken(this.src[n.end])) {
      return { kind: 'Number', value: n.value, numberKind: n.numberKind, extent: { start: p, end: n.end }, text: n.text };
    }
    return this.bareWord(p);
  }

  private parameter(p: number): Token {
    const src = this.src;
    let i = p + 1;
    let colon = false;
    while (!endsCommandToken(src[i])) {
      const c = src[i];
      if (c === ':') {
        colon = true;
        break;
      }
      if (c === '`' && isNewlineChar(src[i + 1])) break;
      // Quotes, escapes and expansions make it an argument that merely starts with a dash.
      if (c === '`' || c === '$' || isSingleQuote(c) || isDoubleQuote(c)) return this.bareWord(p);
      i++;
    }
    const end = colon ? i + 1 : i;
    return { kind: 'Parameter', name: src.slice(p + 1, i), colon, extent: { start: p, end }, text: src.slice(p, end) };
  }

  private scanExpression(p: number): Token {
    const shared = this.scanShared(p);
    if (shared !== null) return shared;
    const src = this.src;
    const c = src[p]!;
    const next = src[p + 1];
    const op = (kind: PunctuatorKind, assign: PunctuatorKind) =>
      next === '=' ? this.punct(assign, p, p + 2) : this.punct(kind, p, p + 1);
    if (c === '$') {
      const v = scanVariable(src, p);
      if (v === null) fail('InvalidVariableReference', messages.invalidVariable, { start: p, end: p + 1 });
      return { kind: 'Variable', name: v.name, extent: { start: p, end: v.end }, text: src.slice(p, v.end) };
    }
    if (isDigit(c) || (c === '.' && isDigit(next))) return this.expressionNumber(p);
    if (isDash(c)) {
      if (isLetter(next)) {
        let e = p + 1;
        while (/^[A-Za-z]$/.test(src[e] ?? '')) e++;
        if (e === p + 1) return this.punct('Minus', p, p + 1); // a non-ASCII letter: no operator is spelled so
        return { kind: 'DashWord', word: src.slice(p + 1, e).toLowerCase(), extent: { start: p, end: e }, text: src.slice(p, e) };
      }
      // Two dashes together are always the decrement operator, as in PowerShell (`1--1` is an error there too).
      if (isDash(next)) return this.punct('MinusMinus', p, p + 2);
      return op('Minus', 'MinusEquals');
    }
    switch (c) {
      case '+':
        if (next === '+') return this.punct('PlusPlus', p, p + 2);
        return op('Plus', 'PlusEquals');
      case '*':
        return op('Multiply', 'MultiplyEquals');
      case '/':
        return op('Divide', 'DivideEquals');
      case '%':
        return op('Rem', 'RemEquals');
      case '!':
        return this.punct('Exclaim', p, p + 1);
      case '=':
        return this.punct('Equals', p, p + 1);
      case '[':
        return this.punct('LBracket', p, p + 1);
      case ']':
        return this.punct('RBracket', p, p + 1);
      case '.':
        return next === '.' ? this.punct('DotDot', p, p + 2) : this.punct('Dot', p, p + 1);
      case ':':
        if (next === ':') return this.punct('ColonColon', p, p + 2);
        break;
      default:
        break;
    }
    if (isIdentifierStart(c)) return this.word(p);
    const width = c.codePointAt(0)! > 0xffff ? 2 : 1;
    return { kind: 'Unknown', extent: { start: p, end: p + width }, text: src.slice(p, p + width) };
  }

  /**
   * In expression mode a number must be followed by an operator or a token
   * end; otherwise (`2abc`) PowerShell reads a bare word, which the parser
   * then reports as an unexpected token.
   */
  private expressionNumber(p: number): Token {
    const n = scanNumber(this.src, p);
    if (n === null || !endsNumberInExpression(this.src[n.end])) return this.word(p);
    return { kind: 'Number', value: n.value, numberKind: n.numberKind, extent: { start: p, end: n.end }, text: n.text };
  }

  /** A bare word in expression mode: never valid there, scanned whole so the error can name it. */
  private word(p: number): Token {
    const src = this.src;
    let e = p + 1;
    while (e < src.length && !endsCommandToken(src[e]) && !/[=+*/%!\[\]"'$#`]/.test(src[e]!)) e++;
    const text = src.slice(p, e);
    return { kind: 'Generic', value: text, parts: null, extent: { start: p, end: e }, text };
  }
}
