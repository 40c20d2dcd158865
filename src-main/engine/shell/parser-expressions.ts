// Expressions of the console language with Windows PowerShell's precedence,
// lowest first:
//   -and -or -xor                      (left-associative, one level)
//   -eq -ne -gt … -in -notin, -c… -i…  (comparison)
//   + -
//   * / %
//   ,                                  (array literal: `1,2 + 3` is `(1,2) + 3`)
//   -not ! - + ++ -- and unary ,       (prefix: `-not $a -eq $b` is `(-not $a) -eq $b`)
//   ++ --                              (postfix, on a variable, property or element)
//   .Member .Method( ) [index]         (postfix, only with no space before it)
// Postfix operators are parsed in parser-postfix.ts; primaries in brackets
// (parentheses, $( ), @( ), @{ }, { }) in parser-blocks.ts.

import type { ArrayLiteralExpr, BinaryExpr, ConvertExpr, ExpressionAst } from './ast';
import { UNSUPPORTED_OPERATORS } from './parser-core';
import { PostfixParser } from './parser-postfix';
import { isDigit, messages, type Token } from './tokens';

const LOGICAL = new Set(['and', 'or', 'xor']);
const COMPARISON = new Set(
  ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin'].flatMap(
    (op) => [op, 'c' + op, 'i' + op],
  ),
);

/** The binary operator `tok` spells at precedence `level` (0 = logical … 3 = multiplicative), or null. */
function binaryOperator(tok: Token, level: number): string | null {
  switch (level) {
    case 0:
      return tok.kind === 'DashWord' && LOGICAL.has(tok.word) ? '-' + tok.word : null;
    case 1:
      return tok.kind === 'DashWord' && COMPARISON.has(tok.word) ? '-' + tok.word : null;
    case 2:
      return tok.kind === 'Plus' ? '+' : tok.kind === 'Minus' ? '-' : null;
    default:
      return tok.kind === 'Multiply' ? '*' : tok.kind === 'Divide' ? '/' : tok.kind === 'Rem' ? '%' : null;
  }
}

const UNARY: Partial<Record<Token['kind'], string>> = { Exclaim: '!', Minus: '-', Plus: '+' };

type OperandContext = 'binary' | 'unary' | 'comma';

export abstract class ExpressionParser extends PostfixParser {
  /** A primary that opens a bracket or block: `(`, `$(`, `@(`, `@{`, `{`. */
  protected abstract parseBracketed(tok: Token): ExpressionAst;

  /**
   * A whole expression. With `noComma`, a comma ends it instead of building an
   * array (method-call arguments are separated by commas).
   */
  protected parseExpression(noComma = false): ExpressionAst {
    return this.parseBinary(0, noComma);
  }

  private parseBinary(level: number, noComma: boolean): ExpressionAst {
    const operand = () => (level === 3 ? this.parseArrayLiteral(noComma) : this.parseBinary(level + 1, noComma));
    let left = operand();
    let links = 0;
    for (;;) {
      const tok = this.peek('expression');
      if (level === 1 && tok.kind === 'DashWord' && UNSUPPORTED_OPERATORS.has(tok.word)) this.fail(this.unexpected(tok));
      const operator = binaryOperator(tok, level);
      if (operator === null) break;
      this.advance(tok);
      const right = this.parseOperand(tok, 'binary', operand);
      this.link(tok.extent);
      links++;
      const node: BinaryExpr = {
        type: 'Binary',
        operator,
        operatorExtent: tok.extent,
        left,
        right,
        extent: { start: left.extent.start, end: right.extent.end },
      };
      left = node;
    }
    this.release(links);
    return left;
  }

  private parseArrayLiteral(noComma: boolean): ExpressionAst {
    const first = this.parseUnary(noComma);
    if (noComma) return first;
    let tok = this.peek('expression');
    if (tok.kind !== 'Comma') return first;
    const elements: ExpressionAst[] = [first];
    while (tok.kind === 'Comma') {
      this.advance(tok);
      elements.push(this.parseOperand(tok, 'comma', () => this.parseUnary(true)));
      tok = this.peek('expression');
    }
    const node: ArrayLiteralExpr = { type: 'ArrayLiteral', elements, extent: { start: first.extent.start, end: this.pos } };
    return node;
  }

  /** The operand after operator `op` (newlines may come first), or PowerShell's error for its absence. */
  private parseOperand(op: Token, context: OperandContext, parse: () => ExpressionAst): ExpressionAst {
    const tok = this.peek('expression', true);
    if (!this.startsOperand(tok)) {
      const at = this.here();
      const incomplete = tok.kind === 'EndOfInput';
      const first =
        context === 'binary'
          ? this.error('ExpectedValueExpression', messages.expectedValue(op.text), at, incomplete)
          : context === 'unary'
            ? this.error('MissingExpressionAfterOperator', messages.missingAfterUnary(op.text), at, incomplete)
            : this.error('MissingExpressionAfterToken', messages.missingAfterToken(op.text), at, incomplete);
      // A word where a value belongs is reported too, as PowerShell does (`1 + foo`).
      const wordLike = ['Generic', 'DashWord', 'Unknown', 'Dot', 'DotDot'].includes(tok.kind);
      this.fail(...(wordLike ? [first, this.unexpected(tok)] : [first]));
    }
    this.moveTo(tok);
    return parse();
  }

  protected parseUnary(noComma: boolean): ExpressionAst {
    const tok = this.peek('expression');
    const unaryOp = tok.kind === 'DashWord' ? (tok.word === 'not' ? '-not' : null) : (UNARY[tok.kind] ?? null);
    if (unaryOp === '-') {
      // `-5` written together is a negative constant, as PowerShell reads it; `- 5` is negation.
      const at = tok.extent.end;
      const digitFollows = isDigit(this.src[at]) || (this.src[at] === '.' && isDigit(this.src[at + 1]));
      const num = digitFollows ? this.lexer.token(at, 'expression') : null;
      if (num !== null && num.kind === 'Number') {
        this.advance(num);
        const value = num.value === 0 ? 0 : -num.value;
        const extent = { start: tok.extent.start, end: num.extent.end };
        const constant = this.parsePostfix({ type: 'Constant', value, numberKind: num.numberKind, text: tok.text + num.text, extent }, 'expression');
        return this.parseIncrementSuffix(constant);
      }
    }
    if (tok.kind === 'PlusPlus' || tok.kind === 'MinusMinus') {
      this.enter(tok.extent);
      this.advance(tok);
      const operand = this.parseOperand(tok, 'unary', () => this.parseUnary(noComma));
      this.leave();
      return this.increment(tok, operand, true);
    }
    if (unaryOp !== null || tok.kind === 'Comma') {
      this.enter(tok.extent);
      this.advance(tok);
      const operand = this.parseOperand(tok, tok.kind === 'Comma' ? 'comma' : 'unary', () => this.parseUnary(noComma));
      this.leave();
      const extent = { start: tok.extent.start, end: operand.extent.end };
      if (unaryOp === null) return { type: 'ArrayLiteral', elements: [operand], extent };
      return { type: 'Unary', operator: unaryOp, operand, extent };
    }
    if (tok.kind === 'DashWord') this.fail(this.unexpected(tok));
    return this.parseIncrementSuffix(this.parsePostfix(this.parsePrimary(tok), 'expression'));
  }

  /** A primary expression starting with `tok` (an expression-mode token, or a command-mode argument token). */
  protected parsePrimary(tok: Token): ExpressionAst {
    switch (tok.kind) {
      case 'Number':
        this.advance(tok);
        return { type: 'Constant', value: tok.value, numberKind: tok.numberKind, text: tok.text, extent: tok.extent };
      case 'StringLiteral':
        this.advance(tok);
        return { type: 'StringConstant', value: tok.value, quote: 'single', extent: tok.extent };
      case 'ExpandableString':
        this.advance(tok);
        return { type: 'ExpandableString', parts: tok.parts, extent: tok.extent };
      case 'Variable':
        this.advance(tok);
        return { type: 'Variable', name: tok.name, extent: tok.extent };
      case 'LParen':
      case 'DollarParen':
      case 'AtParen':
      case 'AtCurly':
      case 'LCurly':
        return this.parseBracketed(tok);
      case 'LBracket':
        return this.parseCast(tok);
      default:
        return this.fail(this.unexpected(tok));
    }
  }

  /**
   * Where a value belongs, '[' starts a type literal or a cast. `[void]`
   * followed by an operand on the same line (`[void](…)`, `[void] $x.Add(1)`)
   * is a cast that binds tighter than binary operators, as in PowerShell;
   * every other type, and a type literal on its own, is not supported yet.
   */
  private parseCast(open: Token): ExpressionAst {
    const literal = /^\[(?:System\.)?void\]/i.exec(this.src.slice(open.extent.start, open.extent.start + 14));
    const next = literal ? this.lexer.token(this.lexer.skipTrivia(open.extent.start + literal[0].length, false), 'expression') : null;
    if (!literal || !next || !this.startsOperand(next)) {
      return this.fail(this.error('TypeLiteralNotSupported', messages.typeLiteral, open.extent));
    }
    this.enter(open.extent);
    this.moveTo(next);
    const operand = this.parseUnary(true);
    this.leave();
    const node: ConvertExpr = { type: 'Convert', typeName: 'void', operand, extent: { start: open.extent.start, end: operand.extent.end } };
    return node;
  }
}
