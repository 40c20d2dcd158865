// Postfix operators of the console language: `.Member`, `.Method( )` and
// `[index]` written directly after their target (no space before them), and
// the increment / decrement operators `++` and `--`, whose operand must be
// something an assignment could write: a variable, a property or an element.

import type { ExpressionAst, IncrementExpr, IndexExpr, InvokeMemberExpr, MemberExpr } from './ast';
import { isMemberStart } from './lexer';
import { ParserCore, UNARY_WORDS } from './parser-core';
import { isIdentifierChar, messages, type LexMode, type Token } from './tokens';

export abstract class PostfixParser extends ParserCore {
  /** A whole expression; with `noComma` a comma ends it (method-call arguments). */
  protected abstract parseExpression(noComma?: boolean): ExpressionAst;
  /** A primary expression starting with `tok`. */
  protected abstract parsePrimary(tok: Token): ExpressionAst;

  /** Can `tok` begin an operand? */
  protected startsOperand(tok: Token): boolean {
    switch (tok.kind) {
      case 'Number':
      case 'StringLiteral':
      case 'ExpandableString':
      case 'Variable':
      case 'LParen':
      case 'DollarParen':
      case 'AtParen':
      case 'AtCurly':
      case 'LCurly':
      case 'LBracket':
      case 'Minus':
      case 'Plus':
      case 'PlusPlus':
      case 'MinusMinus':
      case 'Exclaim':
      case 'Comma':
        return true;
      case 'DashWord':
        return UNARY_WORDS.has(tok.word);
      default:
        return false;
    }
  }

  /** The node for `++`/`--` applied to `operand`; PowerShell's error when it is not assignable. */
  protected increment(op: Token, operand: ExpressionAst, prefix: boolean): IncrementExpr {
    const operator = op.kind === 'PlusPlus' ? '++' : '--';
    if (operand.type !== 'Variable' && operand.type !== 'Member' && operand.type !== 'Index') {
      this.fail(this.error('OperatorRequiresVariableOrProperty', messages.operatorRequiresVariable(operator), operand.extent));
    }
    const extent = prefix ? { start: op.extent.start, end: operand.extent.end } : { start: operand.extent.start, end: op.extent.end };
    return { type: 'Increment', operator, prefix, operand, extent };
  }

  /** `$x++` / `$x--` after a complete operand; as in PowerShell a space may come before the operator. */
  protected parseIncrementSuffix(operand: ExpressionAst): ExpressionAst {
    const tok = this.peek('expression');
    if (tok.kind !== 'PlusPlus' && tok.kind !== 'MinusMinus') return operand;
    this.advance(tok);
    return this.increment(tok, operand, false);
  }

  /**
   * Member access, method calls and indexing written directly after `target`.
   * In command mode a dot not followed by a member name belongs to a bare word instead.
   */
  protected parsePostfix(target: ExpressionAst, mode: LexMode): ExpressionAst {
    let expr = target;
    let links = 0;
    for (;;) {
      const start = this.pos;
      const c = this.src[start];
      const next = this.src[start + 1];
      if (c === '[') {
        expr = this.parseIndex(expr);
      } else if (c === '.' && next !== '.' && (mode === 'expression' || isMemberStart(next))) {
        expr = this.parseMember(expr);
      } else if (c === ':' && next === ':') {
        expr = this.parseMember(expr, true);
      } else {
        break;
      }
      this.link({ start, end: this.pos });
      links++;
    }
    this.release(links);
    return expr;
  }

  private parseIndex(target: ExpressionAst): IndexExpr {
    const open = this.lexer.token(this.pos, 'expression');
    this.enter(open.extent);
    this.advance(open);
    const tok = this.peek('expression', true);
    if (tok.kind === 'RBracket') this.fail(this.error('MissingArrayIndexExpression', messages.missingArrayIndex, this.here()));
    if (!this.startsOperand(tok)) this.failMissingClose('MissingEndSquareBracket', messages.missingEndSquareBracket, tok);
    this.moveTo(tok);
    const index = this.parseExpression();
    const close = this.peek('expression', true);
    if (close.kind !== 'RBracket') this.failMissingClose('MissingEndSquareBracket', messages.missingEndSquareBracket, close);
    this.advance(close);
    this.leave();
    return { type: 'Index', target, index, extent: { start: target.extent.start, end: this.pos } };
  }

  /** `.Member` / `.Method(…)`, or with `isStatic` `::Member` / `::Method(…)`. */
  private parseMember(target: ExpressionAst, isStatic = false): MemberExpr | InvokeMemberExpr {
    const dot = this.pos;
    this.pos += isStatic ? 2 : 1;
    const c = this.src[this.pos];
    let member: string | ExpressionAst;
    if (isIdentifierChar(c)) {
      let end = this.pos;
      while (isIdentifierChar(this.src[end])) end++;
      member = this.src.slice(this.pos, end);
      this.pos = end;
    } else if (isMemberStart(c)) {
      // $x.$name, $x.'Display Name', $x.($expr)
      const node = this.parsePrimary(this.lexer.token(this.pos, 'expression'));
      member =
        node.type === 'StringConstant'
          ? node.value
          : node.type === 'ExpandableString' && node.parts.every((p) => typeof p === 'string')
            ? node.parts.join('')
            : node;
    } else {
      const incomplete = c === undefined;
      this.fail(this.error('MissingPropertyName', messages.missingPropertyName, { start: dot, end: dot + 1 }, incomplete));
    }
    if (this.src[this.pos] === '(' && typeof member === 'string') return this.parseInvoke(target, member, isStatic);
    const node: MemberExpr = { type: 'Member', target, member, extent: { start: target.extent.start, end: this.pos } };
    return isStatic ? { ...node, isStatic } : node;
  }

  private parseInvoke(target: ExpressionAst, member: string, isStatic: boolean): InvokeMemberExpr {
    const open = this.lexer.token(this.pos, 'expression');
    this.enter(open.extent);
    this.advance(open);
    const args: ExpressionAst[] = [];
    let tok = this.peek('expression', true);
    while (tok.kind !== 'RParen') {
      const before = this.pos;
      if (!this.startsOperand(tok)) this.failMissingClose('MissingEndParenthesisInMethodCall', messages.missingEndParenMethodCall, tok);
      this.moveTo(tok);
      args.push(this.parseExpression(true));
      tok = this.peek('expression', true);
      if (tok.kind === 'Comma') {
        this.advance(tok);
        const after = this.peek('expression', true);
        if (!this.startsOperand(after)) {
          this.fail(this.error('MissingExpressionAfterToken', messages.missingAfterToken(','), this.here(), after.kind === 'EndOfInput'));
        }
        tok = after;
      } else if (tok.kind !== 'RParen') {
        this.failMissingClose('MissingEndParenthesisInMethodCall', messages.missingEndParenMethodCall, tok);
      }
      this.progressed(before);
    }
    this.advance(tok);
    this.leave();
    const node: InvokeMemberExpr = { type: 'InvokeMember', target, member, args, extent: { start: target.extent.start, end: this.pos } };
    return isStatic ? { ...node, isStatic } : node;
  }
}
