// Keyword statements of the console language: if/elseif/else, while, do,
// for, foreach, switch, break/continue, return, throw, try/catch/finally,
// trap and function/filter definitions, plus what may open a script or a
// script block: [attributes] param( … ) and begin/process/end blocks.
// Each reports PowerShell's parse error for a missing part, flagged
// incomplete at end of input so a console can ask for more lines.

import type {
  AttributeAst,
  ExpressionAst,
  FunctionDefinitionAst,
  IfAst,
  JumpAst,
  LoopAst,
  NamedBlocks,
  ParamBlockAst,
  ParameterAst,
  ScriptAst,
  StatementAst,
  StatementBlockAst,
  SwitchAst,
  TryAst,
  TypeNameAst,
} from './ast';
import { BlockParser } from './parser-blocks';
import { isBlank, isIdentifierChar, isIdentifierStart, isNewlineChar, messages, type Token } from './tokens';

/** Words that begin a keyword statement at the start of a statement. */
export const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set([
  'if', 'while', 'do', 'for', 'foreach', 'switch', 'break', 'continue', 'return', 'throw', 'try', 'trap', 'function', 'filter', 'exit',
]);

/** Keywords that only continue another statement; alone they are unexpected. */
const CONTINUATION_KEYWORDS: ReadonlySet<string> = new Set(['else', 'elseif', 'catch', 'finally', 'until']);

/** Keywords of PowerShell constructs this console does not have. */
export const UNSUPPORTED_KEYWORDS: ReadonlySet<string> = new Set(
  'begin class configuration data define dynamicparam end enum from hidden in inlinescript parallel param process sequence static using var workflow'.split(' '),
);

const LOOP_KEYWORDS = new Set(['while', 'do', 'for', 'foreach', 'switch']);

/** Attribute names (rather than type constraints) when written without arguments. */
const ATTRIBUTE_NAMES = new Set(
  ['parameter', 'cmdletbinding', 'validatenotnull', 'validatenotnullorempty', 'allownull', 'allowemptystring', 'allowemptycollection', 'outputtype', 'alias', 'supportswildcards'],
);

export abstract class StatementParser extends BlockParser {
  /** One command-mode argument (switch clause patterns are read as arguments, as in PowerShell). */
  protected abstract parseArgument(): ExpressionAst;

  /**
   * The keyword statement starting with the bare word `word`, or null when
   * the word is no statement keyword. `label` is a loop label (`:outer`).
   */
  protected parseKeywordStatement(word: Token, label: string | null): StatementAst | null {
    if (word.kind !== 'Generic' || word.parts !== null || word.value !== word.text) return null;
    const keyword = word.value.toLowerCase();
    if (label !== null && !LOOP_KEYWORDS.has(keyword)) this.fail(this.error('LabelNotLoop', messages.labelNotLoop, word.extent));
    // else/elseif/catch/finally/until alone read as a command name, as in 5.1 (it fails when run).
    if (CONTINUATION_KEYWORDS.has(keyword)) return null;
    this.advance(word);
    switch (keyword) {
      case 'if':
        return this.parseIf(word);
      case 'while':
        return this.parseWhile(word, label);
      case 'do':
        return this.parseDo(word, label);
      case 'for':
        return this.parseFor(word, label);
      case 'foreach':
        return this.parseForEach(word, label);
      case 'switch':
        return this.parseSwitch(word, label);
      case 'break':
      case 'continue':
        return this.parseJump(word, keyword);
      case 'return':
      case 'throw': {
        const pipeline = this.parseOptionalPipeline(word);
        const extent = { start: word.extent.start, end: pipeline ? pipeline.extent.end : word.extent.end };
        return keyword === 'return' ? { type: 'Return', pipeline, extent } : { type: 'Throw', pipeline, extent };
      }
      case 'try':
        return this.parseTry(word);
      case 'trap': {
        const type = this.peekTypeName();
        const body = this.parseBlock(messages.missingTrapBlock, 'MissingTrapStatement');
        return { type: 'Trap', trapType: type, body, extent: { start: word.extent.start, end: body.extent.end } };
      }
      case 'function':
      case 'filter':
        return this.parseFunction(word, keyword === 'filter');
      default:
        this.pos = word.extent.start;
        return null;
    }
  }

  /** The pipeline after `return`, `throw` or `exit` on the same line, or null. */
  protected parseOptionalPipeline(keyword: Token): StatementAst | null {
    const p = this.nextOffset();
    const c = this.src[p];
    if (c === undefined || isNewlineChar(c) || c === ';' || c === ')' || c === '}') return null;
    this.enter(keyword.extent);
    this.pos = p;
    const pipeline = this.parseStatement();
    this.leave();
    return pipeline;
  }

  /** `{ statements }` after newlines; `message` is the error for its absence. */
  protected parseBlock(message: string, id: string): StatementBlockAst {
    const p = this.nextOffset(true);
    const open = this.lexer.token(p, 'expression');
    if (open.kind !== 'LCurly') this.fail(this.error(id, message, this.here(), open.kind === 'EndOfInput'));
    this.enter(open.extent);
    this.moveTo(open);
    this.advance(open);
    const statements = this.parseStatementList('}');
    const close = this.peek('expression', true);
    if (close.kind !== 'RCurly') this.failMissingClose('MissingEndCurlyBrace', messages.missingEndCurlyBrace, close, open.extent);
    this.advance(close);
    this.leave();
    return { statements, extent: { start: open.extent.start, end: this.pos } };
  }

  /** `( pipeline )` after `keyword` (newlines may come before and inside it). */
  private parseCondition(keyword: Token): StatementAst {
    const name = keyword.text.toLowerCase();
    const open = this.peek('expression', true);
    if (open.kind !== 'LParen') this.fail(this.error('MissingOpenParenthesisInIfStatement', messages.missingOpenParen(name), this.here(), open.kind === 'EndOfInput'));
    this.moveTo(open);
    this.advance(open);
    const p = this.statementOffset(false);
    const c = this.src[p];
    if (c === ')' || c === undefined || c === ';' || c === '}') {
      this.fail(this.error('IfStatementMissingCondition', messages.missingCondition(name), this.here(), c === undefined));
    }
    this.enter(open.extent);
    this.pos = p;
    const condition = this.parseStatement();
    this.leave();
    const close = this.peek('expression', true);
    if (close.kind !== 'RParen') this.failMissingClose('MissingEndParenthesisAfterStatement', messages.missingEndParenAfterCondition(name), close);
    this.advance(close);
    return condition;
  }

  /** Looks past newlines for a continuation keyword (`else`, `catch`, …); consumes it when found. */
  private continuation(words: readonly string[]): Token | null {
    const p = this.nextOffset(true);
    const tok = this.lexer.token(p, 'command');
    if (tok.kind !== 'Generic' || tok.parts !== null || !words.includes(tok.value.toLowerCase())) return null;
    this.pos = tok.extent.end;
    return tok;
  }

  private parseIf(keyword: Token): IfAst {
    const clauses: { condition: StatementAst; body: StatementBlockAst }[] = [];
    let elseBody: StatementBlockAst | null = null;
    let current = keyword;
    for (;;) {
      const condition = this.parseCondition(current);
      const body = this.parseBlock(messages.missingStatementBlock(current.text.toLowerCase()), 'MissingEndCurlyBrace');
      clauses.push({ condition, body });
      const saved = this.pos;
      const next = this.continuation(['elseif', 'else']);
      if (next === null) {
        this.pos = saved;
        break;
      }
      if (next.text.toLowerCase() === 'else') {
        elseBody = this.parseBlock(messages.missingElseBlock, 'MissingStatementBlockAfterElse');
        break;
      }
      current = next;
    }
    const end = (elseBody ?? clauses[clauses.length - 1]!.body).extent.end;
    return { type: 'If', clauses, elseBody, extent: { start: keyword.extent.start, end } };
  }

  private loop(kind: LoopAst['kind'], keyword: Token, label: string | null, parts: Partial<Pick<LoopAst, 'initializer' | 'condition' | 'iterator'>>, body: StatementBlockAst, end: number): LoopAst {
    return {
      type: 'Loop',
      kind,
      label,
      initializer: parts.initializer ?? null,
      condition: parts.condition ?? null,
      iterator: parts.iterator ?? null,
      body,
      extent: { start: keyword.extent.start, end },
    };
  }

  private parseWhile(keyword: Token, label: string | null): LoopAst {
    const condition = this.parseCondition(keyword);
    const body = this.parseBlock(messages.missingLoopBlock('while'), 'MissingLoopStatement');
    return this.loop('while', keyword, label, { condition }, body, body.extent.end);
  }

  private parseDo(keyword: Token, label: string | null): LoopAst {
    const body = this.parseBlock(messages.missingLoopBlock('do'), 'MissingLoopStatement');
    const word = this.continuation(['while', 'until']);
    if (word === null) this.fail(this.error('MissingWhileOrUntilInDoWhile', messages.missingWhileOrUntil, this.here(), this.peek('expression', true).kind === 'EndOfInput'));
    const condition = this.parseCondition(word);
    return this.loop(word.text.toLowerCase() === 'while' ? 'dowhile' : 'dountil', keyword, label, { condition }, body, this.pos);
  }

  private parseFor(keyword: Token, label: string | null): LoopAst {
    const open = this.peek('expression', true);
    if (open.kind !== 'LParen') this.fail(this.error('MissingOpenParenthesisAfterKeyword', messages.missingOpenParen('for'), this.here(), open.kind === 'EndOfInput'));
    this.moveTo(open);
    this.advance(open);
    this.enter(open.extent);
    const parts: (StatementAst | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const p = this.statementOffset(false);
      const c = this.src[p];
      let part: StatementAst | null = null;
      if (c !== ';' && c !== ')' && c !== undefined) {
        this.pos = p;
        part = this.parseStatement();
      }
      parts.push(part);
      const sep = this.peek('expression', true);
      if (i < 2 && sep.kind === 'Semi') {
        this.moveTo(sep);
        this.advance(sep);
        continue;
      }
      if (sep.kind === 'RParen') {
        this.moveTo(sep);
        break;
      }
      if (i < 2 && this.src.slice(this.pos, sep.extent.start).match(/[\r\n]/)) continue; // a newline separates the parts too
      this.failMissingClose('MissingEndParenthesisAfterStatement', messages.missingEndParenAfterCondition('for'), sep);
    }
    const close = this.peek('expression', true);
    if (close.kind !== 'RParen') this.failMissingClose('MissingEndParenthesisAfterStatement', messages.missingEndParenAfterCondition('for'), close);
    this.advance(close);
    this.leave();
    const body = this.parseBlock(messages.missingLoopBlock('for'), 'MissingLoopStatement');
    return this.loop('for', keyword, label, { initializer: parts[0] ?? null, condition: parts[1] ?? null, iterator: parts[2] ?? null }, body, body.extent.end);
  }

  private parseForEach(keyword: Token, label: string | null): StatementAst {
    const open = this.peek('expression', true);
    if (open.kind !== 'LParen') this.fail(this.error('MissingOpenParenthesisAfterKeyword', messages.missingOpenParen('foreach'), this.here(), open.kind === 'EndOfInput'));
    this.moveTo(open);
    this.advance(open);
    const variable = this.peek('expression', true);
    if (variable.kind !== 'Variable') this.fail(this.error('MissingVariableNameAfterForeach', messages.missingForeachVariable, this.here(), variable.kind === 'EndOfInput'));
    this.moveTo(variable);
    this.advance(variable);
    const inWord = this.lexer.token(this.nextOffset(true), 'command');
    if (inWord.kind !== 'Generic' || inWord.text.toLowerCase() !== 'in') {
      this.fail(this.error('MissingInInForeach', messages.missingForeachIn, this.here(), inWord.kind === 'EndOfInput'));
    }
    this.pos = inWord.extent.end;
    const p = this.statementOffset(false);
    const c = this.src[p];
    if (c === ')' || c === undefined || c === ';') this.fail(this.error('MissingForeachExpression', messages.missingForeachPipeline, this.here(), c === undefined));
    this.enter(open.extent);
    this.pos = p;
    const collection = this.parseStatement();
    this.leave();
    const close = this.peek('expression', true);
    if (close.kind !== 'RParen') this.failMissingClose('MissingEndParenthesisAfterForeach', messages.missingEndParenAfterCondition('foreach'), close);
    this.advance(close);
    const body = this.parseBlock(messages.missingForeachBlock, 'MissingForeachStatement');
    return {
      type: 'ForEach',
      label,
      variable: { type: 'Variable', name: (variable as Token & { name: string }).name, extent: variable.extent },
      collection,
      body,
      extent: { start: keyword.extent.start, end: body.extent.end },
    };
  }

  private parseSwitch(keyword: Token, label: string | null): SwitchAst {
    let mode: SwitchAst['mode'] = 'equals';
    let caseSensitive = false;
    for (;;) {
      const tok = this.lexer.token(this.nextOffset(true), 'command');
      if (tok.kind !== 'Parameter') break;
      const flag = tok.name.toLowerCase();
      const matches = (full: string) => flag.length > 0 && full.startsWith(flag);
      if (matches('regex')) mode = 'regex';
      else if (matches('wildcard')) mode = 'wildcard';
      else if (matches('exact')) mode = 'equals';
      else if (matches('casesensitive')) caseSensitive = true;
      else if (matches('file') || matches('parallel')) this.fail(this.error('SwitchFileNotSupported', `The switch statement's -${tok.name} option is not supported in this console.`, tok.extent));
      else this.fail(this.error('InvalidSwitchFlag', `'${tok.text}' is not a valid switch statement parameter.`, tok.extent));
      this.pos = tok.extent.end;
    }
    const condition = this.parseCondition(keyword);
    const open = this.peek('expression', true);
    if (open.kind !== 'LCurly') this.fail(this.error('MissingCurlyBraceInSwitchStatement', messages.missingSwitchBody, this.here(), open.kind === 'EndOfInput'));
    this.moveTo(open);
    this.advance(open);
    this.enter(open.extent);
    const clauses: { pattern: ExpressionAst; body: StatementBlockAst }[] = [];
    let defaultBody: StatementBlockAst | null = null;
    for (;;) {
      const before = this.pos;
      const p = this.statementOffset(true);
      const c = this.src[p];
      if (c === '}') {
        this.pos = p + 1;
        break;
      }
      if (c === undefined) this.fail(this.error('MissingEndCurlyBrace', messages.missingEndCurlyBrace, open.extent, true));
      const word = this.lexer.token(p, 'command');
      if (word.kind === 'Generic' && word.parts === null && word.value.toLowerCase() === 'default' && this.src[this.lexer.skipTrivia(word.extent.end, true)] === '{') {
        if (defaultBody !== null) this.fail(this.error('MultipleSwitchDefault', messages.switchDefaultTwice, word.extent));
        this.pos = word.extent.end;
        defaultBody = this.parseBlock(messages.missingSwitchClauseBlock, 'MissingSwitchStatementClause');
      } else {
        this.pos = p;
        const pattern = this.parseArgument();
        const body = this.parseBlock(messages.missingSwitchClauseBlock, 'MissingSwitchStatementClause');
        clauses.push({ pattern, body });
      }
      this.progressed(before);
    }
    this.leave();
    if (clauses.length === 0 && defaultBody === null) this.fail(this.error('MissingSwitchConditionExpression', messages.missingSwitchCondition, open.extent));
    return { type: 'Switch', label, mode, caseSensitive, condition, clauses, defaultBody, extent: { start: keyword.extent.start, end: this.pos } };
  }

  private parseJump(keyword: Token, kind: 'break' | 'continue'): JumpAst {
    const p = this.nextOffset();
    const c = this.src[p];
    let label: ExpressionAst | null = null;
    if (!(c === undefined || isNewlineChar(c) || c === ';' || c === ')' || c === '}')) {
      const tok = this.lexer.token(p, 'command');
      this.pos = p;
      if (tok.kind === 'Generic' && tok.parts === null) {
        this.advance(tok);
        label = { type: 'StringConstant', value: tok.value, quote: 'bare', extent: tok.extent };
      } else {
        label = this.parseExpression();
      }
    }
    return { type: 'Jump', kind, label, extent: { start: keyword.extent.start, end: label ? label.extent.end : keyword.extent.end } };
  }

  private parseTry(keyword: Token): TryAst {
    const body = this.parseBlock(messages.missingTryBlock, 'MissingTryStatementBlock');
    const catches: { types: TypeNameAst[]; body: StatementBlockAst }[] = [];
    let finallyBody: StatementBlockAst | null = null;
    for (;;) {
      const saved = this.pos;
      const word = this.continuation(['catch', 'finally']);
      if (word === null) {
        this.pos = saved;
        break;
      }
      if (word.text.toLowerCase() === 'finally') {
        finallyBody = this.parseBlock(messages.missingFinallyBlock, 'MissingFinallyStatementBlock');
        break;
      }
      const types: TypeNameAst[] = [];
      for (;;) {
        const type = this.peekTypeName();
        if (type === null) {
          if (types.length > 0) this.fail(this.error('MissingTypeLiteralToken', 'Missing type literal.', this.here(), this.peek('expression', true).kind === 'EndOfInput'));
          break;
        }
        types.push(type);
        const comma = this.peek('expression', true);
        if (comma.kind !== 'Comma') break;
        this.moveTo(comma);
        this.advance(comma);
      }
      // 5.1's semantic checks: a catch-all must come last, and no type may be caught twice.
      const earlier = catches.flatMap((c) => c.types.map((t) => t.name.toLowerCase()));
      if (catches.some((c) => c.types.length === 0)) this.fail(this.error('EmptyCatchNotLast', 'Catch block must be the last catch block.', word.extent));
      for (const t of types) {
        const all = earlier.includes('exception') || earlier.includes('system.exception');
        if (all || earlier.includes(t.name.toLowerCase())) this.fail(this.error('ExceptionTypeAlreadyCaught', `The exception type [${t.name}] is already handled by a previous handler.`, t.extent));
      }
      catches.push({ types, body: this.parseBlock(messages.missingCatchBlock, 'MissingCatchHandlerBlock') });
    }
    if (catches.length === 0 && finallyBody === null) {
      this.fail(this.error('MissingCatchOrFinally', messages.missingCatchOrFinally, this.here(), this.peek('expression', true).kind === 'EndOfInput'));
    }
    const end = (finallyBody ?? catches[catches.length - 1]!.body).extent.end;
    return { type: 'Try', body, catches, finallyBody, extent: { start: keyword.extent.start, end } };
  }

  /** `[TypeName]` next (after newlines), consumed; null when no '[' follows. */
  private peekTypeName(): TypeNameAst | null {
    const p = this.nextOffset(true);
    if (this.src[p] !== '[') return null;
    const { name, end } = this.scanTypeName(p);
    this.pos = end;
    return { name, extent: { start: p, end } };
  }

  private parseFunction(keyword: Token, isFilter: boolean): FunctionDefinitionAst {
    const p = this.nextOffset();
    const nameTok = this.lexer.token(p, 'command');
    if (nameTok.kind !== 'Generic' || nameTok.parts !== null) {
      this.fail(this.error('MissingNameAfterKeyword', messages.missingFunctionName, this.here(), nameTok.kind === 'EndOfInput'));
    }
    this.pos = nameTok.extent.end;
    let paramBlock: ParamBlockAst | undefined;
    const afterName = this.peek('expression', true);
    if (afterName.kind === 'LParen') {
      this.moveTo(afterName);
      paramBlock = this.parseParameterList(afterName, []);
    }
    const open = this.peek('expression', true);
    if (open.kind !== 'LCurly') this.fail(this.error('MissingFunctionBody', messages.missingFunctionBody, this.here(), open.kind === 'EndOfInput'));
    this.moveTo(open);
    this.enter(open.extent);
    this.advance(open);
    const body = this.parseScriptBody('}', open.extent.end);
    const close = this.peek('expression', true);
    if (close.kind !== 'RCurly') this.failMissingClose('MissingEndCurlyBrace', messages.missingEndCurlyBrace, close, open.extent);
    this.advance(close);
    this.leave();
    if (paramBlock && body.paramBlock) {
      this.fail(this.error('OnlyOneParameterListAllowed', 'A function cannot have both a parameter list after its name and a param block.', body.paramBlock.extent));
    }
    const inner = { start: open.extent.end, end: close.extent.start };
    const script: ScriptAst = { ...body, ...(paramBlock ? { paramBlock } : {}), extent: inner };
    return {
      type: 'FunctionDefinition',
      name: nameTok.value,
      isFilter,
      body: { type: 'ScriptBlock', body: script, text: this.src.slice(inner.start, inner.end), extent: { start: open.extent.start, end: this.pos } },
      extent: { start: keyword.extent.start, end: this.pos },
    };
  }

  /**
   * The body of a script or script block: an optional `param( … )` (with
   * attributes such as [CmdletBinding()] before it), then either statements
   * or named begin/process/end blocks.
   */
  protected parseScriptBody(closer: '}' | null, start: number): ScriptAst {
    let paramBlock: ParamBlockAst | undefined;
    const p = this.statementOffset(true);
    if (this.paramBlockAt(p)) {
      this.pos = p;
      const attributes = this.parseAttributes();
      const word = this.lexer.token(this.nextOffset(true), 'command');
      this.pos = word.extent.end;
      const open = this.peek('expression', true);
      this.moveTo(open);
      paramBlock = this.parseParameterList(open, attributes, word.extent.start);
    }
    const named = this.parseNamedBlocks(closer);
    const statements = named ? (named.end ?? []) : this.parseStatementList(closer);
    return {
      type: 'Script',
      statements,
      ...(paramBlock ? { paramBlock } : {}),
      ...(named ? { namedBlocks: named } : {}),
      extent: { start, end: this.pos },
    };
  }

  /** `begin { } process { } end { }` (any subset, in that order), or null when the body is plain statements. */
  private parseNamedBlocks(closer: '}' | null): NamedBlocks | null {
    const first = this.statementOffset(true);
    if (this.namedBlockAt(first) === null) return null;
    const blocks: { begin: StatementAst[] | null; process: StatementAst[] | null; end: StatementAst[] | null } = { begin: null, process: null, end: null };
    for (;;) {
      const p = this.statementOffset(true);
      const c = this.src[p];
      if (c === undefined || c === closer) break;
      const name = this.namedBlockAt(p);
      if (name === null) {
        this.fail(this.error('MissingNamedBlocks', 'Script command clause is missing begin, process or end block name.', { start: p, end: p + 1 }));
      }
      this.pos = p + name.length;
      if (blocks[name] !== null) this.fail(this.error('DuplicateScriptCommandClause', `The script already contains a '${name}' block.`, { start: p, end: p + name.length }));
      blocks[name] = [...this.parseBlock(messages.missingStatementBlock(name), 'MissingNamedStatementBlock').statements];
    }
    return blocks;
  }

  private namedBlockAt(p: number): 'begin' | 'process' | 'end' | null {
    const m = /^(begin|process|end)\b/i.exec(this.src.slice(p, p + 8));
    if (!m) return null;
    const after = this.lexer.skipTrivia(p + m[1]!.length, true);
    return this.src[after] === '{' ? (m[1]!.toLowerCase() as 'begin' | 'process' | 'end') : null;
  }

  /** Does a param block (with optional attributes before it) start at `p`? A textual look-ahead, no tokens consumed. */
  private paramBlockAt(p: number): boolean {
    const src = this.src;
    let i = p;
    while (src[i] === '[') {
      i = this.skipBracketed(i);
      if (i < 0) return false;
      i = this.lexer.skipTrivia(i, true);
    }
    if (!/^param\b/i.test(src.slice(i, i + 6))) return false;
    return src[this.lexer.skipTrivia(i + 5, true)] === '(';
  }

  /** The offset after the `[ … ]` starting at `p`, minding nesting and quotes; -1 if unclosed. */
  private skipBracketed(p: number): number {
    const src = this.src;
    let depth = 0;
    let quote: string | null = null;
    for (let i = p; i < src.length; i++) {
      const c = src[i]!;
      if (quote !== null) {
        if (c === quote) quote = null;
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') {
        depth--;
        if (depth === 0) return c === ']' ? i + 1 : -1;
      }
    }
    return -1;
  }

  /** `[Name(args)]` / `[Name]` attributes and type constraints before a parameter or a param block. */
  private parseAttributes(): (AttributeAst | TypeNameAst)[] {
    const out: (AttributeAst | TypeNameAst)[] = [];
    for (;;) {
      const p = this.nextOffset(true);
      if (this.src[p] !== '[') return out;
      let i = p + 1;
      while (isBlank(this.src[i])) i++;
      const nameStart = i;
      while (isIdentifierChar(this.src[i]) || this.src[i] === '.') i++;
      const name = this.src.slice(nameStart, i);
      let j = i;
      while (isBlank(this.src[j])) j++;
      if (name !== '' && this.src[j] === '(') {
        out.push(this.parseAttributeArguments(p, name, j));
        continue;
      }
      const { name: typeName, end } = this.scanTypeName(p);
      this.pos = end;
      const extent = { start: p, end };
      out.push(ATTRIBUTE_NAMES.has(typeName.toLowerCase()) ? { name: typeName, positional: [], named: [], extent } : { name: typeName, extent });
    }
  }

  private parseAttributeArguments(start: number, name: string, open: number): AttributeAst {
    this.enter({ start, end: open + 1 });
    this.pos = open + 1;
    const positional: ExpressionAst[] = [];
    const named: { name: string; value: ExpressionAst | null }[] = [];
    for (;;) {
      const before = this.pos;
      const p = this.nextOffset(true);
      const c = this.src[p];
      if (c === ')') {
        this.pos = p + 1;
        break;
      }
      if (c === undefined) this.fail(this.error('MissingEndParenthesisInExpression', messages.missingEndParenExpression, this.here(), true));
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(=|,|\))/.exec(this.src.slice(p, p + 200)) ?? /^([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(this.src.slice(p, p + 200).split(/[\r\n]/)[0]!);
      if (m && isIdentifierStart(c)) {
        this.pos = p + m[1]!.length;
        const eq = this.peek('expression', true);
        if (eq.kind === 'Equals') {
          this.moveTo(eq);
          this.advance(eq);
          const valueTok = this.peek('expression', true);
          this.moveTo(valueTok);
          named.push({ name: m[1]!, value: this.parseExpression(true) });
        } else {
          named.push({ name: m[1]!, value: null });
        }
      } else {
        this.pos = p;
        positional.push(this.parseExpression(true));
      }
      const sep = this.peek('expression', true);
      if (sep.kind === 'Comma') {
        this.moveTo(sep);
        this.advance(sep);
      } else if (sep.kind !== 'RParen') {
        this.failMissingClose('MissingEndParenthesisInExpression', messages.missingEndParenExpression, sep);
      }
      this.progressed(before);
    }
    const close = this.peek('expression', true);
    if (close.kind !== 'RBracket') this.failMissingClose('EndSquareBracketExpectedAtEndOfAttribute', messages.missingAttributeClose, close);
    this.moveTo(close);
    this.advance(close);
    this.leave();
    return { name, positional, named, extent: { start, end: this.pos } };
  }

  /** `( [attrs] [type] $name = default, … )` of a param block or a function's parameter list. */
  private parseParameterList(open: Token, attributes: (AttributeAst | TypeNameAst)[], start = open.extent.start): ParamBlockAst {
    this.enter(open.extent);
    this.advance(open);
    const parameters: ParameterAst[] = [];
    for (;;) {
      const before = this.pos;
      const first = this.peek('expression', true);
      if (first.kind === 'RParen') {
        this.moveTo(first);
        this.advance(first);
        break;
      }
      if (first.kind === 'EndOfInput') this.fail(this.error('MissingEndParenthesisInFunctionParameterList', messages.missingEndParamBlock, this.here(), true));
      const paramStart = first.extent.start;
      const decorations = this.parseAttributes();
      const variable = this.peek('expression', true);
      if (variable.kind !== 'Variable') this.fail(this.error('InvalidFunctionParameter', messages.missingParamVariable, this.here(), variable.kind === 'EndOfInput'));
      this.moveTo(variable);
      this.advance(variable);
      let defaultValue: ExpressionAst | null = null;
      const eq = this.peek('expression', true);
      if (eq.kind === 'Equals') {
        this.moveTo(eq);
        this.advance(eq);
        const valueTok = this.peek('expression', true);
        if (!this.startsOperand(valueTok)) this.fail(this.error('ExpectedValueExpression', messages.expectedValue('='), this.here(), valueTok.kind === 'EndOfInput'));
        this.moveTo(valueTok);
        defaultValue = this.parseExpression(true);
      }
      const name = (variable as Token & { name: string }).name;
      if (parameters.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
        this.fail(this.error('DuplicateFormalParameter', `Duplicate parameter $${name} in parameter list.`, variable.extent));
      }
      parameters.push({
        name,
        attributes: decorations.filter((d): d is AttributeAst => 'positional' in d),
        types: decorations.filter((d): d is TypeNameAst => !('positional' in d)),
        defaultValue,
        extent: { start: paramStart, end: this.pos },
      });
      const sep = this.peek('expression', true);
      if (sep.kind === 'Comma') {
        this.moveTo(sep);
        this.advance(sep);
      } else if (sep.kind !== 'RParen') {
        this.failMissingClose('MissingEndParenthesisInFunctionParameterList', messages.missingEndParamBlock, sep);
      }
      this.progressed(before);
    }
    this.leave();
    const attrs = attributes.filter((d): d is AttributeAst => 'positional' in d);
    return { attributes: attrs, parameters, extent: { start, end: this.pos } };
  }

  /** `:label` before a loop keyword: the label and the keyword token, or null. */
  protected loopLabel(p: number): { label: string; keyword: Token } | null {
    if (this.src[p] !== ':' || !isIdentifierStart(this.src[p + 1])) return null;
    let e = p + 1;
    while (isIdentifierChar(this.src[e])) e++;
    const q = this.lexer.skipTrivia(e, false);
    const word = this.lexer.token(q, 'command');
    if (word.kind !== 'Generic' || !LOOP_KEYWORDS.has(word.text.toLowerCase())) return null;
    return { label: this.src.slice(p + 1, e), keyword: word };
  }
}
