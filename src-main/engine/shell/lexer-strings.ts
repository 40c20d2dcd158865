// Strings and variables of the console language: `$name`, `${any name}`,
// 'single' (with ''), "double" (backtick escapes, "" and $var / $( … )
// expansion), here-strings @" … "@ / @' … '@, and the bare words of command
// mode (site:Redmond, a`tb, a"b c"d, pre$x).
//
// A `$( … )` inside a string holds whole statements, so its end cannot be found
// by counting characters: the lexer hands it back to the parser through
// `SubExpressionHost` and resumes after the node the parser returns.

import type { Extent, SubExpr, VariableExpr } from './ast';
import {
  ParseAbort,
  endsCommandToken,
  isBlank,
  isDoubleQuote,
  isNewlineChar,
  isSingleQuote,
  isVariableChar,
  messages,
  parseError,
  type StringPart,
} from './tokens';

export interface SubExpressionHost {
  /** Parses the `$( … )` whose `$` is at `start`; scanning resumes at the node's extent end. */
  parseSubExpressionAt(start: number): SubExpr;
}

export interface VariableScan {
  readonly name: string;
  readonly end: number;
}

function fail(id: string, message: string, extent: Extent, incomplete = false): never {
  throw new ParseAbort([parseError(id, message, extent, incomplete)]);
}

/**
 * Scans the variable whose `$` is at `start`. Returns null when the `$` is not
 * followed by a name, which is literal text in strings and bare words (and an
 * error only in expression mode, which the caller reports).
 */
export function scanVariable(src: string, start: number): VariableScan | null {
  const next = src[start + 1];
  if (next === '{') return scanBracedVariable(src, start);
  // $$ and $^ are PowerShell's last-token variables; their names are one symbol.
  if (next === '$' || next === '^') return { name: next, end: start + 2 };
  let i = start + 1;
  while (isVariableChar(src[i])) i++;
  if (i === start + 1) return null;
  // A scope or drive qualifier: $env:Path, $global:x. `$x::y` is a static member access instead.
  if (src[i] === ':' && src[i + 1] !== ':') {
    let j = i + 1;
    while (isVariableChar(src[j])) j++;
    if (j === i + 1) fail('InvalidVariableReferenceWithDrive', messages.invalidVariableWithDrive, { start, end: i + 1 });
    i = j;
  }
  return { name: src.slice(start + 1, i), end: i };
}

function scanBracedVariable(src: string, start: number): VariableScan {
  let name = '';
  let i = start + 2;
  for (;;) {
    const c = src[i];
    if (c === undefined) fail('IncompleteDollarVariableReference', messages.incompleteBracedVariable, { start, end: i }, true);
    if (c === '}') break;
    // A backtick lets a name hold a brace: ${a`}b}.
    if (c === '`' && src[i + 1] !== undefined) {
      name += src[i + 1];
      i += 2;
      continue;
    }
    name += c;
    i++;
  }
  if (name === '') fail('EmptyVariableReference', messages.emptyVariable, { start, end: i + 1 });
  return { name, end: i + 1 };
}

/** The character a backtick escape stands for in double-quoted strings and bare words. */
export function escapedChar(c: string): string {
  switch (c) {
    case '0':
      return '\0';
    case 'a':
      return '\x07';
    case 'b':
      return '\b';
    case 'e':
      return '\x1b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'v':
      return '\v';
    default:
      return c;
  }
}

/** Collects literal text and expansions, merging adjacent literal text. */
class PartsBuilder {
  private readonly parts: StringPart[] = [];
  private text = '';
  expanded = false;

  add(text: string): void {
    this.text += text;
  }

  addNode(node: VariableExpr | SubExpr): void {
    if (this.text !== '') this.parts.push(this.text);
    this.text = '';
    this.parts.push(node);
    this.expanded = true;
  }

  literal(): string {
    return this.parts.filter((p): p is string => typeof p === 'string').join('') + this.text;
  }

  finish(): StringPart[] {
    if (this.text !== '') this.parts.push(this.text);
    this.text = '';
    return this.parts;
  }
}

/** Expands the `$` at `i` into a variable or sub-expression; returns the resume offset, or -1 if it is literal. */
function expandAt(host: SubExpressionHost, src: string, i: number, out: PartsBuilder): number {
  if (src[i + 1] === '(') {
    const node = host.parseSubExpressionAt(i);
    out.addNode(node);
    return node.extent.end;
  }
  const v = scanVariable(src, i);
  if (v === null) return -1;
  out.addNode({ type: 'Variable', name: v.name, extent: { start: i, end: v.end } });
  return v.end;
}

/** 'single-quoted' at `start`: returns the value and the offset past the closing quote. */
export function scanSingleQuoted(src: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const c = src[i];
    if (c === undefined) fail('TerminatorExpectedAtEndOfString', messages.stringTerminator("'"), { start, end: i }, true);
    if (isSingleQuote(c)) {
      if (!isSingleQuote(src[i + 1])) return { value, end: i + 1 };
      value += c;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
}

/** `$…` at `at`: a variable or sub-expression part, or a literal `$`; returns where scanning resumes. */
function expandDollar(host: SubExpressionHost, src: string, at: number, out: PartsBuilder): number {
  const resume = expandAt(host, src, at, out);
  if (resume >= 0) return resume;
  out.add('$');
  return at + 1;
}

/** "double-quoted" at `start`, appending its content to `out`; returns the offset past the closing quote. */
function scanDoubleQuotedInto(host: SubExpressionHost, src: string, start: number, out: PartsBuilder): number {
  let i = start + 1;
  for (;;) {
    const c = src[i];
    if (c === undefined) fail('TerminatorExpectedAtEndOfString', messages.stringTerminator('"'), { start, end: i }, true);
    if (isDoubleQuote(c)) {
      if (!isDoubleQuote(src[i + 1])) return i + 1;
      out.add(c);
      i += 2;
    } else if (c === '`') {
      const next = src[i + 1];
      if (next === undefined) fail('TerminatorExpectedAtEndOfString', messages.stringTerminator('"'), { start, end: i + 1 }, true);
      out.add(escapedChar(next));
      i += 2;
    } else if (c === '$') {
      i = expandDollar(host, src, i, out);
    } else {
      out.add(c);
      i++;
    }
  }
}

export function scanDoubleQuoted(host: SubExpressionHost, src: string, start: number): { parts: StringPart[]; end: number } {
  const out = new PartsBuilder();
  const end = scanDoubleQuotedInto(host, src, start, out);
  return { parts: out.finish(), end };
}

export type HereStringScan =
  | { readonly kind: 'single'; readonly value: string; readonly end: number }
  | { readonly kind: 'double'; readonly parts: StringPart[]; readonly end: number };

/**
 * A here-string at `start` (`@"` or `@'`): the header must end its line, the
 * footer ("@ or '@) must start a line, and the newlines next to both are not
 * part of the value.
 */
export function scanHereString(host: SubExpressionHost, src: string, start: number): HereStringScan {
  const double = isDoubleQuote(src[start + 1]);
  const footer = double ? '"@' : "'@";
  const isQuote = double ? isDoubleQuote : isSingleQuote;
  let i = start + 2;
  while (isBlank(src[i])) i++;
  if (src[i] === undefined) fail('TerminatorExpectedAtEndOfString', messages.stringTerminator(footer), { start, end: i }, true);
  if (!isNewlineChar(src[i])) {
    let lineEnd = i;
    while (lineEnd < src.length && !isNewlineChar(src[lineEnd])) lineEnd++;
    fail('UnexpectedCharactersAfterHereStringHeader', messages.hereStringHeader, { start, end: lineEnd });
  }
  const contentStart = i + (src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1);
  let line = contentStart;
  for (;;) {
    if (isQuote(src[line]) && src[line + 1] === '@') break;
    let next = line;
    while (next < src.length && !isNewlineChar(src[next])) next++;
    if (next >= src.length) fail('TerminatorExpectedAtEndOfString', messages.stringTerminator(footer), { start, end: src.length }, true);
    line = next + (src[next] === '\r' && src[next + 1] === '\n' ? 2 : 1);
  }
  let contentEnd = line;
  if (line > contentStart) contentEnd -= src[line - 1] === '\n' && src[line - 2] === '\r' && line - 2 >= contentStart ? 2 : 1;
  const end = line + 2;
  if (!double) return { kind: 'single', value: src.slice(contentStart, contentEnd), end };
  const out = new PartsBuilder();
  let k = contentStart;
  while (k < contentEnd) {
    const c = src[k]!;
    if (c === '`' && k + 1 < contentEnd) {
      out.add(escapedChar(src[k + 1]!));
      k += 2;
    } else if (c === '$') {
      k = expandDollar(host, src, k, out);
    } else {
      out.add(c);
      k++;
    }
  }
  return { kind: 'double', parts: out.finish(), end };
}

/**
 * A bare word of command mode at `start`: everything up to a character that
 * ends a command token. Backticks escape (and a backtick before a newline ends
 * the word: it is a line continuation), quoted runs inside the word lose their
 * quotes (a"b c"d is `ab cd`), and `$var` / `$( … )` expand.
 */
export function scanBareWord(
  host: SubExpressionHost,
  src: string,
  start: number,
): { value: string; parts: StringPart[] | null; end: number } {
  const out = new PartsBuilder();
  let i = start;
  while (!endsCommandToken(src[i])) {
    const c = src[i]!;
    if (c === '`') {
      const next = src[i + 1];
      if (isNewlineChar(next)) break;
      if (next === undefined) fail('IncompleteLineContinuation', messages.lineContinuation, { start: i, end: i + 1 }, true);
      out.add(escapedChar(next));
      i += 2;
    } else if (isSingleQuote(c)) {
      const s = scanSingleQuoted(src, i);
      out.add(s.value);
      i = s.end;
    } else if (isDoubleQuote(c)) {
      i = scanDoubleQuotedInto(host, src, i, out);
    } else if (c === '$') {
      i = expandDollar(host, src, i, out);
    } else {
      out.add(c);
      i++;
    }
  }
  const expanded = out.expanded;
  const value = out.literal();
  const parts = out.finish();
  return { value, parts: expanded ? parts : null, end: i };
}
