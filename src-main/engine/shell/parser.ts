// Statements, pipelines and commands of the console language.
//
// A statement that starts with a bare word is a command, parsed in command
// (argument) mode; one that starts with `$`, a number, a quote, a bracket, a
// unary operator or a comma is an expression, which may then be the target of
// an assignment or the first element of a pipeline. Every later pipeline
// element must be a command. `exit` is the one keyword statement; the other
// keywords of PowerShell are reported as not supported. Expressions and
// bracketed primaries are parsed by the base classes (parser-expressions.ts,
// parser-postfix.ts, parser-blocks.ts).

import type {
  AssignmentAst,
  AssignmentOperator,
  CommandAst,
  CommandElementAst,
  CommandExpressionAst,
  CommandParameterAst,
  ExitAst,
  ExpressionAst,
  PipelineAst,
  ScriptAst,
  StatementAst,
} from './ast';
import { scanNumber } from './lexer-numbers';
import { scanVariable } from './lexer-strings';
import { BlockParser } from './parser-blocks';
import { UNSUPPORTED_OPERATORS } from './parser-core';
import {
  endsCommandToken,
  endsNumberInExpression,
  isDash,
  isDigit,
  isDoubleQuote,
  isLetter,
  isSingleQuote,
  messages,
  type LexMode,
  type ParameterToken,
  type Token,
} from './tokens';

/** PowerShell's keywords: at the start of a statement they begin constructs this console does not have. */
const KEYWORDS = new Set(
  ('begin break catch class configuration continue data define do dynamicparam else elseif end enum filter finally for ' +
    'foreach from function hidden if in inlinescript parallel param process return sequence static switch throw trap try ' +
    'until using var while workflow').split(' '),
);

const ASSIGNMENT: Partial<Record<Token['kind'], AssignmentOperator>> = {
  Equals: '=',
  PlusEquals: '+=',
  MinusEquals: '-=',
  MultiplyEquals: '*=',
  DivideEquals: '/=',
  RemEquals: '%=',
};

/** Binary operators spelled as words: at the start of a statement their left operand is missing. */
const BINARY_WORD = /^(?:[ci]?(?:eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|notcontains|in|notin)|and|or|xor)$/;

/** Characters at which a command's argument list ends. */
function endsCommand(c: string | undefined): boolean {
  return c === undefined || c === '\n' || c === '\r' || c === ';' || c === '|' || c === ')' || c === '}';
}

export class Parser extends BlockParser {
  parseScript(): ScriptAst {
    const statements = this.parseStatementList(null);
    return { type: 'Script', statements, extent: { start: 0, end: this.src.length } };
  }

  /** Tokens of the whole source in one mode (for tests and diagnostics; the parser itself switches modes). */
  tokens(mode: LexMode): Token[] {
    const out: Token[] = [];
    for (;;) {
      const tok = this.peek(mode);
      out.push(tok);
      if (tok.kind === 'EndOfInput') return out;
      this.advance(tok);
    }
  }

  protected parseStatementList(closer: ')' | '}' | null): StatementAst[] {
    const statements: StatementAst[] = [];
    for (;;) {
      const before = this.pos;
      const p = this.statementOffset(true);
      const c = this.src[p];
      if (c === undefined) return statements;
      if (c === ')' || c === '}') {
        // A closer that is not ours is reported by whoever waits for ours.
        if (closer === null) this.fail(this.unexpected(this.tokenAt(p)));
        return statements;
      }
      this.pos = p;
      statements.push(this.parseStatement());
      const end = this.peek('expression');
      if (end.kind !== 'NewLine' && end.kind !== 'Semi' && end.kind !== 'EndOfInput' && end.kind !== 'RParen' && end.kind !== 'RCurly') {
        this.fail(this.unexpected(end));
      }
      this.progressed(before);
    }
  }

  protected parseStatement(): StatementAst {
    const start = this.pos;
    if (this.startsCommand(start)) {
      const word = this.lexer.token(start, 'command');
      if (word.kind === 'Generic' && word.parts === null && word.text.toLowerCase() === 'exit') return this.parseExit(word);
      return this.parsePipelineFrom(this.parseCommand(true));
    }
    const expr = this.parseExpression();
    const tok = this.peek('expression');
    const operator = ASSIGNMENT[tok.kind];
    if (operator === undefined) return this.parsePipelineFrom({ type: 'CommandExpression', expression: expr, extent: expr.extent });
    if (expr.type !== 'Variable' && expr.type !== 'Member' && expr.type !== 'Index') {
      this.fail(this.error('InvalidLeftHandSide', messages.invalidLeftHandSide, expr.extent));
    }
    this.advance(tok);
    const p = this.statementOffset(false);
    const c = this.src[p];
    if (c === undefined || c === ';' || c === ')' || c === '}') {
      this.fail(this.error('ExpectedValueExpression', messages.expectedValue(tok.text), this.here(), c === undefined));
    }
    this.enter(tok.extent);
    this.pos = p;
    const value = this.parseStatement();
    this.leave();
    const extent = { start: expr.extent.start, end: value.extent.end };
    const node: AssignmentAst = { type: 'Assignment', target: expr, operator, value, extent };
    return node;
  }

  /** `exit`, optionally followed by the pipeline whose value is the exit code (`exit 3`, `exit $code`). */
  private parseExit(keyword: Token): ExitAst {
    this.advance(keyword);
    const p = this.nextOffset();
    if (endsCommand(this.src[p])) return { type: 'Exit', pipeline: null, extent: keyword.extent };
    this.enter(keyword.extent);
    this.pos = p;
    const pipeline = this.parseStatement();
    this.leave();
    return { type: 'Exit', pipeline, extent: { start: keyword.extent.start, end: pipeline.extent.end } };
  }

  private parsePipelineFrom(first: CommandAst | CommandExpressionAst): PipelineAst {
    const elements: (CommandAst | CommandExpressionAst)[] = [first];
    for (;;) {
      const pipe = this.peek('expression');
      if (pipe.kind !== 'Pipe') break;
      this.advance(pipe);
      // A newline after '|' continues the pipeline.
      const p = this.statementOffset(false);
      const c = this.src[p];
      if (c === undefined) this.fail(this.error('EmptyPipeElement', messages.emptyPipeElement, pipe.extent, true));
      if (c === '|') this.fail(this.error('EmptyPipeElement', messages.emptyPipeElement, { start: p, end: p + 1 }));
      if (c === ';' || c === ')' || c === '}') this.fail(this.error('EmptyPipeElement', messages.emptyPipeElement, pipe.extent));
      this.pos = p;
      if (this.startsCommand(this.pos)) {
        elements.push(this.parseCommand(false));
      } else {
        const expr = this.parseExpression();
        this.fail(this.error('ExpressionsMustBeFirstInPipeline', messages.expressionsFirst, expr.extent));
      }
    }
    return { type: 'Pipeline', elements, extent: { start: first.extent.start, end: this.pos } };
  }

  /**
   * Does the statement at `p` (a significant character) start with a command
   * name? Decided on the first characters, as PowerShell does: a number or a
   * negative number is an expression, `100abc` a command.
   */
  private startsCommand(p: number): boolean {
    const src = this.src;
    const c = src[p];
    const next = src[p + 1];
    if (c === '$' && next !== '(' && scanVariable(src, p) === null) return true; // `$-` names a command, as in PowerShell
    if (c === undefined || c === '$' || c === '(' || c === '{' || c === '[' || c === '!' || c === ',' || c === '+') return false;
    if (isSingleQuote(c) || isDoubleQuote(c) || c === '@') return false;
    if (c === '|') this.fail(this.error('EmptyPipeElement', messages.emptyPipeElement, { start: p, end: p + 1 }));
    if (c === '&') this.fail(this.error('CallOperatorNotSupported', messages.callOperator, { start: p, end: p + 1 }));
    if (isDigit(c) || (c === '.' && isDigit(next))) return !this.isNumberAt(p);
    if (!isDash(c)) return true;
    // A statement starting with a dash: `-5`, `- $x`, `-(…)`, `--$x` and `-not $x` are expressions.
    if (isDigit(next) || (next === '.' && isDigit(src[p + 2]))) return !this.isNumberAt(p);
    if (isDash(next)) return false;
    if (!isLetter(next)) return !(next === '$' || next === '(' || endsCommandToken(next));
    const word = this.lexer.token(p, 'expression');
    if (word.kind !== 'DashWord') return true;
    if (word.word === 'not') return false;
    if (UNSUPPORTED_OPERATORS.has(word.word)) this.fail(this.unexpected(word));
    if (BINARY_WORD.test(word.word)) this.fail(this.error('ExpectedValueExpression', messages.expectedValueLeft(word.text), word.extent));
    return true;
  }

  /** A statement starts with a number when one ends there as in an expression (`2+2`, not `100abc`). */
  private isNumberAt(p: number): boolean {
    const n = scanNumber(this.src, p);
    return n !== null && endsNumberInExpression(this.src[n.end]);
  }

  /** A command; `first` when it starts the statement, where a keyword would begin a PowerShell construct instead. */
  private parseCommand(first: boolean): CommandAst {
    const nameTok = this.lexer.token(this.pos, 'command');
    if (nameTok.kind !== 'Generic' && nameTok.kind !== 'Parameter') this.fail(this.unexpected(nameTok));
    const plain = nameTok.kind === 'Generic' && nameTok.parts === null && nameTok.value === nameTok.text;
    // After a pipe `foreach` is the ForEach-Object alias, as in PowerShell.
    if (first && plain && KEYWORDS.has(nameTok.value.toLowerCase())) {
      this.fail(this.error('ReservedKeywordNotAllowed', messages.keywordNotSupported(nameTok.value), nameTok.extent));
    }
    this.advance(nameTok);
    const name = nameTok.kind === 'Generic' && nameTok.parts === null ? nameTok.value : nameTok.text;
    const elements: CommandElementAst[] = [];
    for (;;) {
      const before = this.pos;
      const p = this.nextOffset();
      if (endsCommand(this.src[p])) break;
      const tok = this.lexer.token(p, 'command');
      if (tok.kind === 'Ampersand') this.fail(this.unexpected(tok));
      this.pos = p;
      elements.push(tok.kind === 'Parameter' ? this.parseParameter(tok) : this.parseArgumentList());
      this.progressed(before);
    }
    return { type: 'Command', name, nameExtent: nameTok.extent, elements, extent: { start: nameTok.extent.start, end: this.pos } };
  }

  private parseParameter(tok: ParameterToken): CommandParameterAst {
    this.advance(tok);
    if (!tok.colon) return { type: 'CommandParameter', name: tok.name, extent: tok.extent };
    // `-Name:value` binds the next argument to the parameter, whatever it looks like.
    const p = this.nextOffset();
    if (endsCommand(this.src[p])) {
      const incomplete = this.src[p] === undefined;
      this.fail(this.error('ParameterRequiresArgument', messages.parameterRequiresArgument(tok.text.slice(0, -1)), tok.extent, incomplete));
    }
    this.pos = p;
    const argument = this.parseArgumentList();
    return { type: 'CommandParameter', name: tok.name, argument, extent: { start: tok.extent.start, end: argument.extent.end } };
  }

  /** An argument, or several joined by commas into one array argument (`-Identity a,b`). */
  private parseArgumentList(): ExpressionAst {
    const first = this.parseArgument();
    if (this.src[this.nextOffset()] !== ',') return first;
    const elements: ExpressionAst[] = [first];
    while (this.src[this.nextOffset()] === ',') {
      const comma = this.lexer.token(this.nextOffset(), 'command');
      this.advance(comma);
      elements.push(this.parseArgumentAfterComma());
    }
    return { type: 'ArrayLiteral', elements, extent: { start: first.extent.start, end: this.pos } };
  }

  /** The argument after a comma (a newline may come first), or the error for its absence. */
  private parseArgumentAfterComma(): ExpressionAst {
    const p = this.nextOffset(true);
    const c = this.src[p];
    if (endsCommand(c) || c === '&') {
      this.fail(this.error('MissingExpressionAfterToken', messages.missingAfterToken(','), this.here(), c === undefined));
    }
    this.pos = p;
    return this.parseArgument();
  }

  /** One argument in command mode: a bare word, a number, or an expression primary with its postfixes. */
  private parseArgument(): ExpressionAst {
    const tok = this.lexer.token(this.pos, 'command');
    switch (tok.kind) {
      case 'Comma': {
        // Unary comma: `Write-Output ,$list` passes the list as one argument.
        this.enter(tok.extent);
        this.advance(tok);
        const inner = this.parseArgumentAfterComma();
        this.leave();
        return { type: 'ArrayLiteral', elements: [inner], extent: { start: tok.extent.start, end: inner.extent.end } };
      }
      case 'Generic':
        this.advance(tok);
        return tok.parts === null
          ? { type: 'StringConstant', value: tok.value, quote: 'bare', extent: tok.extent }
          : { type: 'ExpandableString', parts: tok.parts, extent: tok.extent };
      case 'Parameter':
        // Only reached after a comma or a colon: `-Name:-x` passes the text '-x'.
        this.advance(tok);
        return { type: 'StringConstant', value: tok.text, quote: 'bare', extent: tok.extent };
      case 'Number':
        return this.parsePrimary(tok);
      default:
        return this.parsePostfix(this.parsePrimary(tok), 'command');
    }
  }
}
