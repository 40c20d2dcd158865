// Expressions of the console language with Windows PowerShell's precedence,
// lowest first (PowerShell's TokenFlags.BinaryPrecedence*):
//   -and -or -xor                      (logical)
//   -band -bor -bxor                   (bitwise)
//   -eq … -like -match -contains -in -is -as -replace -split -join -shl -shr, -c…/-i… (comparison)
//   + -
//   * / %
//   -f                                 (format)
//   ..                                 (range)
//   ,                                  (array literal: `1,2 + 3` is `(1,2) + 3`)
//   -not ! - + -bnot -split -join ++ -- unary , and [type] casts (prefix)
//   ++ --                              (postfix, on a variable, property or element)
//   .Member .Method( ) [index] ::Static (postfix, only with no space before it)
// Postfix operators are parsed in parser-postfix.ts; primaries in brackets
// (parentheses, $( ), @( ), @{ }, { }) in parser-blocks.ts.

import type { ArrayLiteralExpr, BinaryExpr, ConvertExpr, ExpressionAst, TypeExpr } from './ast';
import { UNARY_WORDS } from './parser-core';
import { PostfixParser } from './parser-postfix';
import { isDigit, isNewlineChar, messages, type Token } from './tokens';

const LOGICAL = new Set(['and', 'or', 'xor']);
const BITWISE = new Set(['band', 'bor', 'bxor']);
const COMPARISON = new Set([
  ...['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin', 'replace', 'split'].flatMap(
    (op) => [op, 'c' + op, 'i' + op],
  ),
  'is',
  'isnot',
  'as',
  'join',
  'shl',
  'shr',
]);

/** Number of binary precedence levels; the last one's operands are array literals. */
const LEVELS = 7;

/** The binary operator `tok` spells at precedence `level` (0 = logical … 6 = range), or null. */
function binaryOperator(tok: Token, level: number): string | null {
  switch (level) {
    case 0:
      return tok.kind === 'DashWord' && LOGICAL.has(tok.word) ? '-' + tok.word : null;
    case 1:
      return tok.kind === 'DashWord' && BITWISE.has(tok.word) ? '-' + tok.word : null;
    case 2:
      return tok.kind === 'DashWord' && COMPARISON.has(tok.word) ? '-' + tok.word : null;
    case 3:
      return tok.kind === 'Plus' ? '+' : tok.kind === 'Minus' ? '-' : null;
    case 4:
      return tok.kind === 'Multiply' ? '*' : tok.kind === 'Divide' ? '/' : tok.kind === 'Rem' ? '%' : null;
    case 5:
      return tok.kind === 'DashWord' && tok.word === 'f' ? '-f' : null;
    default:
      return tok.kind === 'DotDot' ? '..' : null;
  }
}

/** Is `word` (after a dash, lower case) any operator of the language? */
export function isOperatorWord(word: string): boolean {
  return LOGICAL.has(word) || BITWISE.has(word) || COMPARISON.has(word) || UNARY_WORDS.has(word) || word === 'f';
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
    const operand = () => (level === LEVELS - 1 ? this.parseArrayLiteral(noComma) : this.parseBinary(level + 1, noComma));
    let left = operand();
    let links = 0;
    for (;;) {
      const tok = this.peek('expression');
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
    const unaryOp = tok.kind === 'DashWord' ? (UNARY_WORDS.has(tok.word) ? '-' + tok.word : null) : (UNARY[tok.kind] ?? null);
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
   * Where a value belongs, '[' starts a type literal (`[int]`, `[int]::MaxValue`)
   * or, when an operand follows on the same line, a cast (`[int]'42'`,
   * `[void]$list.Add(1)`), which binds tighter than binary operators.
   */
  private parseCast(open: Token): ExpressionAst {
    const { name, end } = this.scanTypeName(open.extent.start);
    const literal: TypeExpr = { type: 'TypeLiteral', typeName: name, extent: { start: open.extent.start, end } };
    this.pos = end;
    const after = this.lexer.skipTrivia(end, false);
    const c = this.src[after];
    if ((c === ':' && this.src[after + 1] === ':') || c === undefined || isNewlineChar(c) || after === end && c === '.') return literal;
    const next = this.lexer.token(after, 'expression');
    if (!this.startsOperand(next)) return literal;
    this.enter(open.extent);
    this.moveTo(next);
    const operand = this.parseUnary(true);
    this.leave();
    if (name.toLowerCase() === 'ordered' && operand.type !== 'Hashtable') {
      this.fail(this.error('OrderedAttributeOnlyOnHashLiteralNode', 'The ordered attribute can be specified only on a hash literal node.', literal.extent));
    }
    const node: ConvertExpr = { type: 'Convert', typeName: name, operand, extent: { start: open.extent.start, end: operand.extent.end } };
    return node;
  }

  /**
   * The type name of `[name]` starting at the '[' at `start`: letters, digits,
   * dots and backticks, with nested brackets for generics and arrays
   * (`[string[]]`, `[System.Collections.Generic.List[string]]`).
   */
  protected scanTypeName(start: number): { name: string; end: number } {
    const src = this.src;
    let i = start + 1;
    while (src[i] === ' ' || src[i] === '\t') i++;
    const nameStart = i;
    let depth = 0;
    for (;;) {
      const c = src[i];
      if (c === undefined || isNewlineChar(c)) {
        if (i === nameStart) this.fail(this.error('MissingTypename', messages.missingTypeLiteral, { start: start + 1, end: start + 1 }, c === undefined));
        this.fail(this.error('EndSquareBracketExpectedAtEndOfType', "Missing ']' at end of type token.", { start: i, end: i }, c === undefined));
      }
      if (c === '[') depth++;
      else if (c === ']') {
        if (depth === 0) break;
        depth--;
      } else if (!/[\p{L}\p{N}_.`, ]/u.test(c)) {
        if (i === nameStart) this.fail(this.error('MissingTypename', messages.missingTypeLiteral, { start: start + 1, end: start + 1 }));
        this.fail(this.error('EndSquareBracketExpectedAtEndOfType', "Missing ']' at end of type token.", { start: i, end: i }));
      }
      i++;
    }
    const name = src.slice(nameStart, i).trim().replace(/\s+/g, '');
    if (name === '') this.fail(this.error('MissingTypename', messages.missingTypeLiteral, { start: start + 1, end: start + 1 }));
    return { name, end: i + 1 };
  }
}
