// The entry point of the console language's front end: source text in, a
// syntax tree or PowerShell-style parse errors out. Callers use only this file.
//
//   source → lexer (command / expression modes) → parser → ScriptAst
//
// `parse` never throws and never runs unbounded: input length, nesting depth
// and tree height are capped, and every parsing loop must consume input.

import type { ParseErrorInfo, ParseResult } from './ast';
import { Parser } from './parser';
import { MAX_SOURCE_LENGTH } from './parser-core';
import { ParseAbort, messages, parseError, type LexMode, type Token } from './tokens';

export { MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH, MAX_TREE_HEIGHT } from './parser-core';
export type { LexMode, Token } from './tokens';

/** Parses console input (one or more statements). */
export function parse(source: string): ParseResult {
  const rejected = checkSource(source);
  if (rejected !== null) return { ok: false, errors: [rejected] };
  return guarded(source, () => ({ ok: true, script: new Parser(source).parseScript() }));
}

export type TokenizeResult = { ok: true; tokens: readonly Token[] } | { ok: false; errors: readonly ParseErrorInfo[] };

/**
 * The tokens of `source` read in a single mode. The parser switches modes as
 * it goes, so this is for tests and diagnostics, not a substitute for `parse`.
 */
export function tokenize(source: string, mode: LexMode): TokenizeResult {
  const rejected = checkSource(source);
  if (rejected !== null) return { ok: false, errors: [rejected] };
  return guarded(source, () => ({ ok: true, tokens: new Parser(source).tokens(mode) }));
}

function checkSource(source: unknown): ParseErrorInfo | null {
  if (typeof source !== 'string') {
    return parseError('InvalidInput', 'The input to the parser must be a string.', { start: 0, end: 0 });
  }
  if (source.length > MAX_SOURCE_LENGTH) {
    return parseError('ScriptTooLong', messages.tooLong(MAX_SOURCE_LENGTH), { start: MAX_SOURCE_LENGTH, end: source.length });
  }
  return null;
}

function guarded<T extends { ok: true }>(source: string, run: () => T): T | { ok: false; errors: readonly ParseErrorInfo[] } {
  try {
    return run();
  } catch (e) {
    if (e instanceof ParseAbort) return { ok: false, errors: e.errors.map((err) => clampExtent(err, source.length)) };
    // A defect in the parser must still come back as data, never as an exception.
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [parseError('InternalParserError', `The parser failed unexpectedly: ${detail}`, { start: 0, end: 0 })] };
  }
}

/** Keeps every reported extent inside the source, whatever path produced it. */
function clampExtent(err: ParseErrorInfo, length: number): ParseErrorInfo {
  const start = Math.min(Math.max(err.extent.start, 0), length);
  const end = Math.min(Math.max(err.extent.end, start), length);
  return start === err.extent.start && end === err.extent.end ? err : { ...err, extent: { start, end } };
}
