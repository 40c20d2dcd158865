// The parser's cursor and safety rails, shared by the expression and statement
// halves of the parser: where it is in the source, how to look at the next
// token in a given mode, how errors are raised, and the limits that keep it
// from recursing or looping without bound on hostile input.

import type { Extent, ParseErrorInfo, StatementAst, SubExpr } from './ast';
import { Lexer } from './lexer';
import type { SubExpressionHost } from './lexer-strings';
import { ParseAbort, messages, parseError, type LexMode, type Token } from './tokens';

/** Longest source accepted, in characters. */
export const MAX_SOURCE_LENGTH = 1_000_000;
/** Deepest nesting of brackets, blocks, sub-expressions and unary operators. */
export const MAX_NESTING_DEPTH = 100;
/**
 * Deepest syntax tree, counting chains such as `1+1+1…` and `$a.b.c…` that the
 * parser builds in loops: whoever walks the tree recursively must not run out
 * of stack.
 */
export const MAX_TREE_HEIGHT = 1000;

/** Operators written as a dash and a word that also work with one operand. */
export const UNARY_WORDS: ReadonlySet<string> = new Set(['not', 'bnot', 'split', 'join']);

export abstract class ParserCore implements SubExpressionHost {
  protected readonly lexer: Lexer;
  /** Offset just past the last consumed token: errors about what is missing point here. */
  protected pos = 0;
  private nesting = 0;
  private height = 0;

  constructor(protected readonly src: string) {
    this.lexer = new Lexer(src, this);
  }

  abstract parseSubExpressionAt(start: number): SubExpr;
  /** A pipeline or an assignment, starting at the current position. */
  protected abstract parseStatement(): StatementAst;
  /** Statements separated by newlines or ';', up to `closer` (not consumed) or the end of input. */
  protected abstract parseStatementList(closer: ')' | '}' | null): StatementAst[];

  /** The next token in `mode`, without consuming it. */
  protected peek(mode: LexMode, skipNewlines = false): Token {
    return this.lexer.token(this.lexer.skipTrivia(this.pos, skipNewlines), mode);
  }

  /** The offset of the next significant character. */
  protected nextOffset(skipNewlines = false): number {
    return this.lexer.skipTrivia(this.pos, skipNewlines);
  }

  /**
   * The offset where the next statement starts, past newlines (and semicolons
   * if asked). Callers look at the character there rather than scanning a
   * token, because how a statement's first token reads depends on whether the
   * statement turns out to be a command or an expression.
   */
  protected statementOffset(skipSemicolons: boolean): number {
    let p = this.lexer.skipTrivia(this.pos, true);
    while (skipSemicolons && this.src[p] === ';') p = this.lexer.skipTrivia(p + 1, true);
    return p;
  }

  /** The token at a statement offset whose character is a closer, separator or end of input. */
  protected tokenAt(p: number): Token {
    return this.lexer.token(p, 'expression');
  }

  protected advance(tok: Token): void {
    this.pos = tok.extent.end;
  }

  /** Moves to the start of `tok`, past the trivia (and newlines) before it. */
  protected moveTo(tok: Token): void {
    this.pos = tok.extent.start;
  }

  /** An empty extent just after the last consumed token, where PowerShell reports what is missing. */
  protected here(): Extent {
    return { start: this.pos, end: this.pos };
  }

  protected fail(...errors: ParseErrorInfo[]): never {
    throw new ParseAbort(errors);
  }

  protected error(id: string, message: string, extent: Extent, incomplete = false): ParseErrorInfo {
    return parseError(id, message, extent, incomplete);
  }

  /** The error for a token found where it cannot be. */
  protected unexpected(tok: Token): ParseErrorInfo {
    if (tok.kind === 'Splat') return this.error('SplattingNotPermitted', messages.splatInExpression(tok.name), tok.extent);
    if (tok.kind === 'Ampersand') {
      return this.src[tok.extent.end] === '&'
        ? this.error('InvalidEndOfLine', messages.invalidEndOfLine('&&'), { start: tok.extent.start, end: tok.extent.end + 1 })
        : this.error('AmpersandNotAllowed', messages.ampersand, tok.extent);
    }
    if (tok.kind === 'EndOfInput') return this.error('IncompleteInput', messages.incompleteInput, tok.extent, true);
    return this.error('UnexpectedToken', messages.unexpectedToken(tok.text), tok.extent);
  }

  /**
   * Reports a missing closing token: at end of input the statement is merely
   * incomplete; otherwise the token found instead is unexpected too.
   */
  protected failMissingClose(id: string, message: string, found: Token, at: Extent = this.here()): never {
    if (found.kind === 'EndOfInput') this.fail(this.error(id, message, at, true));
    this.fail(this.error(id, message, at), this.unexpected(found));
  }

  /** Enters a nested construct (bracket, block, unary operator…) that starts at `at`. */
  protected enter(at: Extent): void {
    this.nesting++;
    this.height++;
    if (this.nesting > MAX_NESTING_DEPTH || this.height > MAX_TREE_HEIGHT) {
      this.fail(this.error('NestedTooDeeply', messages.nestedTooDeeply, at));
    }
  }

  protected leave(): void {
    this.nesting--;
    this.height--;
  }

  /** Counts one more link of a left-nested chain (`a+b+c`, `$a.b.c`); `release` undoes a whole chain. */
  protected link(at: Extent): void {
    this.height++;
    if (this.height > MAX_TREE_HEIGHT) this.fail(this.error('NestedTooDeeply', messages.nestedTooDeeply, at));
  }

  protected release(links: number): void {
    this.height -= links;
  }

  /** Loop guard: every iteration of a parsing loop must consume input, or the parser would spin. */
  protected progressed(before: number): void {
    if (this.pos <= before) {
      this.fail(this.error('InternalParserError', 'The parser made no progress (internal error).', this.here()));
    }
  }
}
