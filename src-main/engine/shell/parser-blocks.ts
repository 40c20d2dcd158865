// Primaries that open a bracket or a block and hold statements or entries:
// ( pipeline ), $( statements ), @( statements ), @{ key = value; … } and
// { script block }. Each counts as one level of nesting, and each reports the
// PowerShell error for a missing closer, flagged incomplete at end of input so
// a console can ask for a continuation line.

import type { ArrayExpr, ExpressionAst, HashtableExpr, ParenExpr, ScriptAst, ScriptBlockExpr, StatementAst, SubExpr } from './ast';
import { ExpressionParser } from './parser-expressions';
import { isIdentifierStart, isLetter, isDigit, messages, type Token } from './tokens';

type Entry = HashtableExpr['entries'][number];

export abstract class BlockParser extends ExpressionParser {
  /** A script or script block body (param block, named blocks, statements) up to `closer`. */
  protected abstract parseScriptBody(closer: '}' | null, start: number): ScriptAst;

  protected parseBracketed(tok: Token): ExpressionAst {
    this.enter(tok.extent);
    let node: ExpressionAst;
    switch (tok.kind) {
      case 'LParen':
        node = this.parseParen(tok);
        break;
      case 'DollarParen':
      case 'AtParen':
        node = this.parseStatementsInParens(tok);
        break;
      case 'AtCurly':
        node = this.parseHashtable(tok);
        break;
      default:
        node = this.parseScriptBlock(tok);
        break;
    }
    this.leave();
    return node;
  }

  /** The lexer's way back in for `$( … )` inside strings and bare words. */
  parseSubExpressionAt(start: number): SubExpr {
    const saved = this.pos;
    this.pos = start;
    const node = this.parseBracketed(this.lexer.token(start, 'expression')) as SubExpr;
    this.pos = saved;
    return node;
  }

  private parseParen(open: Token): ParenExpr {
    this.advance(open);
    const p = this.statementOffset(false);
    const c = this.src[p];
    if (c === ')') this.fail(this.error('ExpectedExpression', messages.expectedExpression, { start: open.extent.start, end: p + 1 }));
    if (c === undefined || c === ';' || c === '}') {
      this.failMissingClose('MissingEndParenthesisInExpression', messages.missingEndParenExpression, this.tokenAt(p));
    }
    this.pos = p;
    const statement = this.parseStatement();
    const close = this.peek('expression', true);
    if (close.kind !== 'RParen') this.failMissingClose('MissingEndParenthesisInExpression', messages.missingEndParenExpression, close);
    this.advance(close);
    return { type: 'Paren', statement, extent: { start: open.extent.start, end: this.pos } };
  }

  private parseStatementsInParens(open: Token): SubExpr | ArrayExpr {
    this.advance(open);
    const statements = this.parseStatementList(')');
    const close = this.peek('expression', true);
    if (close.kind !== 'RParen') {
      this.failMissingClose('MissingEndParenthesisInSubexpression', messages.missingEndParenSubexpression, close);
    }
    this.advance(close);
    const extent = { start: open.extent.start, end: this.pos };
    return open.kind === 'DollarParen' ? { type: 'SubExpression', statements, extent } : { type: 'ArrayExpression', statements, extent };
  }

  private parseScriptBlock(open: Token): ScriptBlockExpr {
    this.advance(open);
    const body = this.parseScriptBody('}', open.extent.end);
    const close = this.peek('expression', true);
    // PowerShell points at the brace that was never closed.
    if (close.kind !== 'RCurly') this.failMissingClose('MissingEndCurlyBrace', messages.missingEndCurlyBrace, close, open.extent);
    this.advance(close);
    const inner = { start: open.extent.end, end: close.extent.start };
    return {
      type: 'ScriptBlock',
      body: { ...body, extent: inner },
      text: this.src.slice(inner.start, inner.end),
      extent: { start: open.extent.start, end: this.pos },
    };
  }

  private parseHashtable(open: Token): HashtableExpr {
    this.advance(open);
    const entries: Entry[] = [];
    for (;;) {
      const before = this.pos;
      let tok = this.peek('expression', true);
      while (tok.kind === 'Semi') {
        this.advance(tok);
        tok = this.peek('expression', true);
      }
      if (tok.kind === 'RCurly') {
        this.advance(tok);
        break;
      }
      if (tok.kind === 'EndOfInput') this.failMissingClose('MissingEndCurlyBrace', messages.missingEndCurlyBrace, tok, open.extent);
      this.moveTo(tok);
      const entry = this.parseHashEntry(tok);
      // 5.1 refuses a key written twice (a literal key; expressions are only known at run time).
      const literal = (k: ExpressionAst) => (k.type === 'StringConstant' ? k.value.toLowerCase() : k.type === 'Constant' ? String(k.value) : null);
      const key = literal(entry.key);
      if (key !== null && entries.some((e) => literal(e.key) === key)) {
        this.fail(this.error('DuplicateKeyInHashLiteral', `Duplicate keys '${this.src.slice(entry.key.extent.start, entry.key.extent.end).replace(/^['"]|['"]$/g, '')}' are not allowed in hash literals.`, entry.key.extent));
      }
      entries.push(entry);
      const after = this.peek('expression');
      if (after.kind !== 'NewLine' && after.kind !== 'Semi' && after.kind !== 'RCurly' && after.kind !== 'EndOfInput') {
        this.fail(this.unexpected(after));
      }
      this.progressed(before);
    }
    return { type: 'Hashtable', entries, extent: { start: open.extent.start, end: this.pos } };
  }

  private parseHashEntry(first: Token): Entry {
    const key = this.parseHashKey(first);
    const eq = this.peek('expression');
    if (eq.kind !== 'Equals') {
      this.fail(this.error('MissingEqualsInHashLiteral', messages.missingEqualsInHash, this.here(), eq.kind === 'EndOfInput'));
    }
    this.advance(eq);
    const p = this.statementOffset(false);
    const c = this.src[p];
    if (c === undefined || c === '}' || c === ';' || c === ')') {
      this.fail(this.error('MissingStatementInHashLiteral', messages.missingStatementInHash, this.here(), c === undefined));
    }
    this.pos = p;
    const value: StatementAst = this.parseStatement();
    return { key, value };
  }

  /** A key: a bare word (Name, Expression, e…) is a string; otherwise a unary expression such as 'x', 1 or $k. */
  private parseHashKey(tok: Token): ExpressionAst {
    const start = this.pos;
    if (isIdentifierStart(this.src[start])) {
      let end = start + 1;
      while (isLetter(this.src[end]) || isDigit(this.src[end]) || this.src[end] === '_' || this.src[end] === '-') end++;
      this.pos = end;
      return { type: 'StringConstant', value: this.src.slice(start, end), quote: 'bare', extent: { start, end } };
    }
    if (tok.kind === 'Equals') this.fail(this.error('MissingKeyInHashLiteral', messages.missingKeyInHash, tok.extent));
    if (!this.startsOperand(tok)) this.fail(this.unexpected(tok));
    return this.parseUnary(true);
  }
}
