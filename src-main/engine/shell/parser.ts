// Statements, pipelines and commands of the console language.
//
// A statement that starts with a bare word is a command, parsed in command
// (argument) mode, unless the word is a keyword (parser-statements.ts); one
// that starts with `$`, a number, a quote, a bracket, a unary operator or a
// comma is an expression, which may then be the target of an assignment or
// the first element of a pipeline. Every later pipeline element must be a
// command; `&` and `.` invoke a command named by an expression or run a
// script block. Expressions and bracketed primaries are parsed by the base
// classes (parser-expressions.ts, parser-postfix.ts, parser-blocks.ts).

import type {
  RedirectionAst,
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
import { isOperatorWord } from './parser-expressions';
import { StatementParser, UNSUPPORTED_KEYWORDS } from './parser-statements';
import type { Extent } from './ast';
import {
  isBlank,
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
  type RedirectionToken,
  type Token,
} from './tokens';

/** Statements whose last part is a pipeline: something must separate them from the next statement. */
const ENDS_WITH_PIPELINE: ReadonlySet<StatementAst['type']> = new Set(['Pipeline', 'Assignment', 'Exit', 'Return', 'Throw', 'Jump']);

const ASSIGNMENT: Partial<Record<Token['kind'], AssignmentOperator>> = {
  Equals: '=',
  PlusEquals: '+=',
  MinusEquals: '-=',
  MultiplyEquals: '*=',
  DivideEquals: '/=',
  RemEquals: '%=',
};


/** Characters at which a command's argument list ends. */
function endsCommand(c: string | undefined): boolean {
  return c === undefined || c === '\n' || c === '\r' || c === ';' || c === '|' || c === ')' || c === '}';
}

export class Parser extends StatementParser {
  parseScript(): ScriptAst {
    const body = this.parseScriptBody(null, 0);
    return { ...body, extent: { start: 0, end: this.src.length } };
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
      const statement = this.parseStatement();
      statements.push(statement);
      // A statement that ends with its own closing brace or parenthesis needs no separator (`function f {} f`).
      if (!ENDS_WITH_PIPELINE.has(statement.type)) {
        this.progressed(before);
        continue;
      }
      const end = this.peek('expression');
      if (end.kind !== 'NewLine' && end.kind !== 'Semi' && end.kind !== 'EndOfInput' && end.kind !== 'RParen' && end.kind !== 'RCurly') {
        this.fail(this.unexpected(end));
      }
      this.progressed(before);
    }
  }

  protected parseStatement(): StatementAst {
    const start = this.pos;
    const labelled = this.loopLabel(start);
    if (labelled !== null) return this.parseKeywordStatement(labelled.keyword, labelled.label)!;
    if (this.startsCommand(start)) {
      const word = this.lexer.token(start, 'command');
      if (word.kind === 'Generic' && word.parts === null && word.text.toLowerCase() === 'exit') return this.parseExit(word);
      const keyword = this.parseKeywordStatement(word, null);
      if (keyword !== null) return keyword;
      return this.parsePipelineFrom(this.parseCommand(true));
    }
    const expr = this.parseExpression();
    const tok = this.peek('expression');
    const operator = ASSIGNMENT[tok.kind];
    if (operator === undefined) {
      const redirections = this.parseRedirections();
      const first: CommandExpressionAst = { type: 'CommandExpression', expression: expr, extent: { start: expr.extent.start, end: this.pos } };
      return this.parsePipelineFrom(redirections.length > 0 ? { ...first, redirections } : first);
    }
    // `[int]$x = …` constrains the variable's type.
    const typed = expr.type === 'Convert' && expr.operand.type === 'Variable';
    // `$a, $b = …` assigns the elements in turn, the last taking the rest.
    const list = operator === '=' && expr.type === 'ArrayLiteral' && expr.elements.length > 1 && expr.elements.every((e) => e.type === 'Variable' || e.type === 'Member' || e.type === 'Index');
    if (expr.type !== 'Variable' && expr.type !== 'Member' && expr.type !== 'Index' && !typed && !list) {
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
    const node: AssignmentAst = { type: 'Assignment', target: expr as AssignmentAst['target'], operator, value, extent };
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
    if (c === '&') return this.src[p + 1] !== '&' || this.fail(this.unexpected(this.tokenAt(p)));
    if (isDigit(c) || (c === '.' && isDigit(next))) return !this.isNumberAt(p);
    if (!isDash(c)) return true;
    // A statement starting with a dash: `-5`, `- $x`, `-(…)`, `--$x` and `-not $x` are expressions.
    if (isDigit(next) || (next === '.' && isDigit(src[p + 2]))) return !this.isNumberAt(p);
    if (isDash(next)) return false;
    if (!isLetter(next)) return !(next === '$' || next === '(' || endsCommandToken(next));
    const word = this.lexer.token(p, 'expression');
    if (word.kind !== 'DashWord') return true;
    if (word.word === 'not' || word.word === 'bnot' || word.word === 'split' || word.word === 'join') return false;
    if (isOperatorWord(word.word)) this.fail(this.error('ExpectedValueExpression', messages.expectedValueLeft(word.text), word.extent));
    return true;
  }

  /** A statement starts with a number when one ends there as in an expression (`2+2`, not `100abc`). */
  private isNumberAt(p: number): boolean {
    const n = scanNumber(this.src, p);
    return n !== null && endsNumberInExpression(this.src[n.end]);
  }

  /** A command; `first` when it starts the statement, where a keyword would begin a PowerShell construct instead. */
  private parseCommand(first: boolean): CommandAst {
    const start = this.pos;
    const invocation = this.invocationAt(start);
    let name: string;
    let nameExtent: Extent;
    let nameExpression: ExpressionAst | undefined;
    if (invocation !== null) {
      // `& <command>` / `. <command>`: a bare word names it; any other primary gives its name or script block.
      const p = this.lexer.skipTrivia(start + 1, false);
      if (endsCommand(this.src[p])) {
        this.fail(this.error('MissingExpression', `Missing expression after '${invocation === 'call' ? '&' : '.'}' in pipeline element.`, { start: start + 1, end: start + 1 }, this.src[p] === undefined));
      }
      const tok = this.lexer.token(p, 'command');
      this.pos = p;
      if (tok.kind === 'Generic' && tok.parts === null) {
        this.advance(tok);
        name = tok.value;
        nameExtent = tok.extent;
      } else {
        nameExpression = tok.kind === 'Generic' ? this.parseArgument() : this.parsePostfix(this.parsePrimary(tok), 'command');
        name = this.src.slice(nameExpression.extent.start, nameExpression.extent.end);
        nameExtent = nameExpression.extent;
      }
    } else {
      const nameTok = this.lexer.token(this.pos, 'command');
      if (nameTok.kind !== 'Generic' && nameTok.kind !== 'Parameter') this.fail(this.unexpected(nameTok));
      const plain = nameTok.kind === 'Generic' && nameTok.parts === null && nameTok.value === nameTok.text;
      // After a pipe `foreach` is the ForEach-Object alias, as in PowerShell.
      if (first && plain && UNSUPPORTED_KEYWORDS.has(nameTok.value.toLowerCase())) {
        this.fail(this.error('ReservedKeywordNotAllowed', messages.keywordNotSupported(nameTok.value), nameTok.extent));
      }
      this.advance(nameTok);
      name = nameTok.kind === 'Generic' && nameTok.parts === null ? nameTok.value : nameTok.text;
      nameExtent = nameTok.extent;
    }
    const elements: CommandElementAst[] = [];
    const redirections: RedirectionAst[] = [];
    for (;;) {
      const before = this.pos;
      const p = this.nextOffset();
      if (endsCommand(this.src[p])) break;
      const tok = this.lexer.token(p, 'command');
      if (tok.kind === 'Ampersand') this.fail(this.unexpected(tok));
      this.pos = p;
      if (tok.kind === 'Redirection') redirections.push(this.parseRedirection(tok));
      else if (tok.kind === 'Splat') {
        this.advance(tok);
        elements.push({ type: 'Splat', name: tok.name, extent: tok.extent });
      } else elements.push(tok.kind === 'Parameter' ? this.parseParameter(tok) : this.parseArgumentList());
      this.progressed(before);
    }
    const node: CommandAst = { type: 'Command', name, nameExtent, elements, extent: { start, end: this.pos } };
    return {
      ...node,
      ...(invocation !== null ? { invocation } : {}),
      ...(nameExpression ? { nameExpression } : {}),
      ...(redirections.length > 0 ? { redirections } : {}),
    };
  }

  /** `&` or a `.` followed by a blank at `p`: how the command there is invoked. */
  private invocationAt(p: number): 'call' | 'dot' | null {
    if (this.src[p] === '&') return 'call';
    if (this.src[p] === '.' && (isBlank(this.src[p + 1]) || this.src[p + 1] === '{' || this.src[p + 1] === '$' || isSingleQuote(this.src[p + 1]) || isDoubleQuote(this.src[p + 1]))) return 'dot';
    return null;
  }

  /** Redirections written after an expression: `$x > file`, `$x 2>&1`. */
  private parseRedirections(): RedirectionAst[] {
    const out: RedirectionAst[] = [];
    for (;;) {
      const tok = this.peek('command');
      if (tok.kind !== 'Redirection') return out;
      this.pos = tok.extent.start;
      out.push(this.parseRedirection(tok));
    }
  }

  /** One redirection operator and, unless it merges streams, its file. */
  private parseRedirection(tok: RedirectionToken): RedirectionAst {
    this.advance(tok);
    if (tok.merge) return { from: tok.from, to: { kind: 'merge' }, extent: tok.extent };
    const p = this.nextOffset();
    if (endsCommand(this.src[p]) || this.src[p] === '>') {
      this.fail(this.error('MissingFileSpecification', messages.missingFileSpecification, this.here(), this.src[p] === undefined));
    }
    this.pos = p;
    const path = this.parseArgument();
    return { from: tok.from, to: { kind: 'file', path, append: tok.append }, extent: { start: tok.extent.start, end: path.extent.end } };
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
  protected parseArgument(): ExpressionAst {
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
      case 'Splat':
        return this.fail(this.error('SplattingNotPermittedInArgumentList', `Splatted variables like '@${tok.name}' cannot be part of a comma-separated list of arguments.`, tok.extent));
      default:
        return this.parsePostfix(this.parsePrimary(tok), 'command');
    }
  }
}
