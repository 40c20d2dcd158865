// The evaluator: statements and expressions of the AST. Pipelines of
// commands are delegated to pipeline.ts, assignments and `++`/`--` to
// assignment.ts; everything here is PowerShell's expression semantics
// (member enumeration, left-operand conversion, …).
//
// Errors raised by the language itself (an operator, a method call, an
// assignment) are reported, as PowerShell reports them, at the current
// sequence point: the innermost statement being run, not the operator.

import type { ExitAst, ExpressionAst, Extent, ScriptAst, StatementAst, TrapAst } from '../ast';
import type { CommandDef, Host, OutputLine } from '../commands';
import { ConversionError, toBoolean, toInteger, toPSString } from '../convert';
import { ActionPreferenceStopError, errorRecord, ExitException, PipelineStoppedError, runtimeError, TerminatingError, type ErrorRecordData } from '../errors';
import { getProperty } from '../members';
import { arithmetic, checkStringLength, compare, logical, OperatorError, parseComparison } from '../operators';
import { checkArrayLength, checkHeapRoom } from '../limit-errors';
import { collapse, enumerate, Hashtable, PSObject, ScriptBlock, type SourceOrigin, type Value } from '../values';
import { positionMessage } from '../format/error-view';
import { formatNumber, FormatError } from '../dotnet-format';
import { LoopSignal, untilReturn } from './control-flow';
import { asType, bitwise, bnot, cast, format, isType, join, range, replace, split } from './language-operators';
import { defineFunction, runForEach, runIf, runJump, runLoop, runReturn, runSwitch, runThrow, runTry } from './statements';
import { getStaticProperty, invokeStatic } from './static-members';
import { declaredPropertyType, resolveType, TypeObject, typeNotFoundMessage, typeOfValue } from './types';
import { initAutomaticVariables } from './automatic-variables';
import { callScriptBlock, CmdletObject } from './functions';
import { FileError } from '../../files/file-errors';
import { sessionFilesOf } from '../../files/session-files';
import { linesToText, writeTextFile } from '../../files/write-text-file';
import type { ConfigRepository } from '../../store/types';
import { assign, increment } from './assignment';
import { ErrorRecordObject } from './error-object';
import { invokeMethod, MethodError } from './methods';
import { runPipeline, runRedirectedExpression } from './pipeline';
import { Variables } from './scope';
import { NEVER_STOPS, type StopSignal } from './stop';
import { initPreferenceVariables } from './preferences';
import { checkActionPreference } from './statement-errors';

export type Emit = (value: Value) => Promise<void>;

/** Where statement output goes: objects to Out-Default, the rest as lines. */
export interface OutputSink {
  object(value: Value): void;
  line(line: OutputLine): void;
}

export interface CommandLookup {
  find(name: string): CommandDef | undefined;
  all(): readonly CommandDef[];
  aliases(): ReadonlyMap<string, string>;
}

export const MAX_DEPTH = 100;
const MAX_ERRORS_KEPT = 256;

export class Interpreter {
  readonly variables = new Variables();
  private depth = 0;
  /** True once an error was written in the current top-level statement. */
  statementFailed = false;
  /** Work that waits for the statement's commit (side files that must match the store): see Session.commit. */
  afterCommit: (() => void)[] = [];
  private errors: ErrorRecordObject[] = [];
  source = '';
  /** The script file being run (-File), for "At <path>:<line>" positions; undefined for typed input. */
  scriptPath: string | undefined;
  /** The console's width in characters for the running input (PowerShell's host buffer width). */
  consoleWidth = 120;
  /** The current sequence point: the extent language errors are reported at. */
  private position: Extent | undefined;
  /** Asked often (every statement, pipeline item and scriptblock call) whether the user pressed Stop. */
  stop: StopSignal = NEVER_STOPS;

  constructor(
    readonly commands: CommandLookup,
    readonly repo: ConfigRepository,
    public host: Host,
    public sink: OutputSink,
    readonly history: () => readonly { id: number; commandLine: string }[],
  ) {
    this.variables.set('Error', []);
    initPreferenceVariables(this.variables);
    initAutomaticVariables(this.variables);
    // $PWD follows the location, whoever changes it (Set-Location, cd).
    this.variables.dynamic.set('pwd', () => {
      const full = this.location;
      const pwd = new PSObject('System.Management.Automation.PathInfo', [['Path', full]]);
      pwd.text = full;
      return pwd;
    });
  }

  /** The session's current location (Set-Location, relative paths, $PWD): the file commands' own state. */
  get location(): string {
    return sessionFilesOf(this).location;
  }

  /** A path as a script writes it (relative to the current location, `~` for the home folder) made absolute. */
  resolvePath(written: string): string {
    // Scripts written on Windows join paths with '\\' ($PSScriptRoot\\lib.ps1); elsewhere that is a separator too.
    return sessionFilesOf(this).resolve(process.platform === 'win32' ? written : written.replace(/\\/g, '/'));
  }

  /** `> file` / `>> file`: text lines written as Out-File writes them (UTF-16 LE with a byte order mark, CRLF). */
  async writeRedirectedText(target: string, lines: readonly string[], append: boolean, extent: Extent): Promise<void> {
    const full = this.resolvePath(target);
    try {
      writeTextFile(full, linesToText(lines), { encoding: 'Unicode', append });
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      throw new TerminatingError(errorRecord({ message: e.message, errorId: e.errorId, category: e.category, exceptionType: e.exceptionType, target: `${e.target}:String`, extent: this.here(extent) }));
    }
  }

  /** How many `withOrigin` switches to another source are active (a dot-sourced file's function). */
  private foreignOrigins = 0;

  /** The source being run now, for script blocks defined in it. */
  origin(): SourceOrigin {
    return this.scriptPath === undefined ? { text: this.source } : { text: this.source, path: this.scriptPath };
  }

  /**
   * Runs `run` with `origin` as the source that extents point into (a function
   * defined in another file); errors leaving it carry their position lines.
   */
  async withOrigin<T>(origin: SourceOrigin | undefined, run: () => Promise<T>): Promise<T> {
    if (origin === undefined || (origin.text === this.source && origin.path === this.scriptPath)) return run();
    const saved = { source: this.source, path: this.scriptPath };
    this.source = origin.text;
    this.scriptPath = origin.path;
    this.foreignOrigins++;
    try {
      return await run();
    } catch (e) {
      if (e instanceof TerminatingError && e.record.extent && !e.record.position) {
        const record = { ...e.record, position: positionMessage(origin.text, e.record.extent, origin.path) };
        throw e instanceof ActionPreferenceStopError ? new ActionPreferenceStopError(record) : new TerminatingError(record);
      }
      throw e;
    } finally {
      this.foreignOrigins--;
      this.source = saved.source;
      this.scriptPath = saved.path;
    }
  }

  /** Empties $Error ($Error.Clear()). */
  clearErrors(): void {
    this.errors = [];
    this.variables.set('global:Error', []);
  }

  /** Above zero while a command whose errors are redirected to $null runs. */
  silencedErrors = 0;

  /** Writes an error record (display, $Error); `show` false for -ErrorAction SilentlyContinue. */
  recordError(record: ErrorRecordData, show = true): ErrorRecordObject {
    if (this.silencedErrors > 0) show = false;
    if (this.foreignOrigins > 0 && record.extent && !record.position) {
      record = { ...record, position: positionMessage(this.source, record.extent, this.scriptPath) };
    }
    const obj = new ErrorRecordObject(record, this.source, this.scriptPath);
    this.errors.unshift(obj);
    if (this.errors.length > MAX_ERRORS_KEPT) this.errors.length = MAX_ERRORS_KEPT;
    this.variables.set('global:Error', [...this.errors]);
    this.statementFailed = true;
    if (show) this.sink.line({ kind: 'error', text: '', record });
    return obj;
  }

  /**
   * Runs a statement list: each statement's error goes through
   * checkActionPreference (shown, hidden or script-ending by
   * $ErrorActionPreference), and the list goes on with its next statement.
   * With `propagate` (the one pipeline of a `( … )`) the error is the
   * enclosing statement's instead. Each statement is a sequence point unless
   * `sequencePoints` is false (the statement of a `( … )` or an assignment's
   * right-hand side, which PowerShell reports at the enclosing statement).
   */
  async runStatements(statements: readonly StatementAst[], emit: Emit, sequencePoints = true, propagate = false): Promise<void> {
    // A trap handles the errors of every statement in its list, wherever it is written.
    const traps = statements.filter((s): s is TrapAst => s.type === 'Trap');
    for (const statement of statements) {
      // $? is each statement's own success; the enclosing statement failed if any of its statements did.
      const outerFailed = this.statementFailed;
      this.statementFailed = false;
      try {
        await this.runStatement(statement, emit, sequencePoints);
      } catch (e) {
        if (traps.length > 0 && e instanceof TerminatingError && (await this.runTrap(traps, e, emit))) continue;
        if (propagate) throw e;
        checkActionPreference(this, e);
      } finally {
        this.variables.lastSuccess = !this.statementFailed;
        this.statementFailed = outerFailed || this.statementFailed;
      }
    }
  }

  /**
   * Runs the trap for `e`, if one matches: with `continue` the error is kept quietly and the list
   * goes on; with `break` it goes on up; otherwise it is shown and the list goes on. True to go on.
   */
  async runTrap(traps: readonly TrapAst[], e: TerminatingError, emit: Emit): Promise<boolean> {
    const short = (t: string) => t.toLowerCase().replace(/^.*\./, '');
    const trap =
      traps.find((t) => t.trapType !== null && ['exception', short(e.record.exceptionType)].includes(short(t.trapType.name))) ??
      traps.find((t) => t.trapType === null);
    if (!trap) return false;
    const record = new ErrorRecordObject(e.record, this.source, this.scriptPath);
    const saved = this.variables.current;
    this.variables.current = record;
    try {
      await this.runStatements(trap.body.statements, emit);
    } catch (signal) {
      if (signal instanceof LoopSignal && signal.label === null) {
        if (signal.kind === 'break') throw e;
        this.recordError(e.record, false);
        return true;
      }
      throw signal;
    } finally {
      this.variables.current = saved;
    }
    this.recordError(e.record);
    return true;
  }

  /** A condition (`if`, `while`, …): the statement's value, by PowerShell's truthiness. */
  async condition(statement: StatementAst): Promise<boolean> {
    return toBoolean(await this.at(statement.extent, () => this.valueOfStatement(statement)));
  }

  /** Sets $Matches from a regular-expression match. */
  setMatches(m: RegExpExecArray): void {
    const table = new Hashtable();
    m.forEach((g, i) => {
      if (g !== undefined) table.set(i, g);
    });
    if (m.groups) for (const [k, v] of Object.entries(m.groups)) if (v !== undefined) table.set(k, v);
    this.variables.set('Matches', table);
  }

  private checks = 0;

  /**
   * Throws PipelineStoppedError once a stop was requested; now and then (it
   * is called at every statement and pipeline item) also checks that the
   * engine still has memory to spare (limit-errors.ts).
   */
  checkStop(): void {
    if (this.stop.requested) throw new PipelineStoppedError();
    if ((++this.checks & 1023) === 0) checkHeapRoom(0);
  }

  /**
   * Forgets the state of a statement that was cut off from outside (its
   * `finally` blocks never ran): call depth, $_ and the sequence point.
   */
  resetAfterAbort(): void {
    this.depth = 0;
    this.position = undefined;
    this.variables.current = null;
    this.variables.set('args', []);
  }

  async runStatement(statement: StatementAst, emit: Emit, sequencePoint = true): Promise<void> {
    this.checkStop();
    switch (statement.type) {
      case 'If':
        return runIf(this, statement, emit);
      case 'Loop':
        return runLoop(this, statement, emit);
      case 'ForEach':
        return runForEach(this, statement, emit);
      case 'Switch':
        return runSwitch(this, statement, emit);
      case 'Try':
        return runTry(this, statement, emit);
      case 'Trap':
        return;
      case 'FunctionDefinition':
        defineFunction(this, statement.name, new ScriptBlock(statement.body, this.origin()), statement.isFilter);
        return;
      case 'Jump':
        return this.at(statement.extent, () => runJump(this, statement));
      case 'Return':
        return this.at(statement.extent, () => runReturn(this, statement.pipeline, emit));
      case 'Throw':
        return this.at(statement.extent, () => runThrow(this, statement));
      default:
        break;
    }
    const run = async (): Promise<void> => {
      if (statement.type === 'Exit') throw new ExitException(await this.exitCode(statement));
      if (statement.type === 'Assignment') return assign(this, statement);
      if (statement.type !== 'Pipeline') return;
      const only = statement.elements.length === 1 ? statement.elements[0]! : undefined;
      if (only?.type === 'CommandExpression') {
        const value = await this.evaluate(only.expression);
        // `$i++` on its own writes nothing, as in PowerShell; `($i++)` does. Nor does a `[void]` cast.
        if (only.expression.type === 'Increment' || (only.expression.type === 'Convert' && only.expression.typeName.toLowerCase() === 'void')) return;
        if (only.redirections) return runRedirectedExpression(this, only, value, emit);
        for (const item of enumerate(value)) {
          this.checkStop();
          await emit(item);
        }
        return;
      }
      await runPipeline(this, statement, emit);
    };
    return sequencePoint ? this.at(statement.extent, run) : run();
  }

  /** Runs `run` with `extent` as the sequence point. */
  private async at<T>(extent: Extent, run: () => Promise<T>): Promise<T> {
    const saved = this.position;
    this.position = extent;
    try {
      return await run();
    } finally {
      this.position = saved;
    }
  }

  /** Where a language error is reported: the current sequence point, else `fallback`. */
  here(fallback: Extent): Extent {
    return this.position ?? fallback;
  }

  /** `exit <value>`: converted as [int] would; a value that does not convert gives 0, as PowerShell ignores it. */
  private async exitCode(statement: ExitAst): Promise<number> {
    if (statement.pipeline === null) return 0;
    const value = await this.valueOfStatement(statement.pipeline);
    if (value === null) return 0;
    try {
      return toInteger(value, 'Int32');
    } catch (e) {
      if (e instanceof ConversionError) return 0;
      throw e;
    }
  }

  /** Runs statements and collects their output (sub-expressions, assignment right sides). */
  async collect(statements: readonly StatementAst[], sequencePoints = true, propagate = false, isBlock = false): Promise<Value[]> {
    const out: Value[] = [];
    try {
      const push = async (v: Value) => {
        checkArrayLength(out.length + 1, this.position);
        out.push(v);
      };
      const run = () => this.runStatements(statements, push, sequencePoints, propagate);
      // `return` ends a script block (ForEach-Object's, Where-Object's) with what it wrote so far.
      await this.nested(isBlock ? () => untilReturn(run) : run);
    } catch (e) {
      // Each level overwrites it on the way out, so the outermost (the scriptblock body) wins.
      if (e instanceof ExitException) e.output = out;
      throw e;
    }
    return out;
  }

  /** Runs a scriptblock with $_ bound to `input` (Where-Object, ForEach-Object). */
  async invokeBlock(block: ScriptBlock, input: Value, args: readonly Value[] = []): Promise<Value[]> {
    this.checkStop();
    const saved = this.variables.current;
    const savedArgs = this.variables.get('args');
    this.variables.current = input;
    this.variables.set('args', [...args]);
    try {
      return await this.withOrigin(block.origin, () => this.collect((block.ast.body as ScriptAst).statements, true, false, true));
    } finally {
      this.variables.current = saved;
      this.variables.set('args', savedArgs);
    }
  }

  async nested<T>(run: () => Promise<T>): Promise<T> {
    if (this.depth >= MAX_DEPTH) {
      throw runtimeError('The script failed due to call depth overflow.', 'CallDepthOverflow', undefined, 'InvalidOperation', 'ScriptCallDepthException');
    }
    this.depth++;
    try {
      return await run();
    } finally {
      this.depth--;
    }
  }

  /** The value of a statement used as a value: `( … )`, an assignment's right side, a hashtable entry, `exit`'s code. */
  async valueOfStatement(statement: StatementAst): Promise<Value> {
    // A lone expression keeps its shape ($x = @() is an empty array, not $null).
    if (statement.type === 'Pipeline' && statement.elements.length === 1 && statement.elements[0]!.type === 'CommandExpression') {
      return this.evaluate(statement.elements[0].expression);
    }
    if (statement.type === 'Assignment') {
      // An assignment is always a sequence point of its own in PowerShell.
      await this.at(statement.extent, () => assign(this, statement));
      return this.evaluate(statement.target);
    }
    // A `( … )` holds one pipeline, and its terminating error is the enclosing statement's: in
    // `Set-… -RoomManagementUrl (Get-RoomUrl)` an unknown command means the Set never runs
    // (see statement-errors.ts for which constructs go on with their next statement instead).
    return collapse(await this.collect([statement], false, true));
  }

  /** Runs an operator or method; its failure becomes an error record at the current sequence point. */
  operate<T>(run: () => T, fallback: Extent): T {
    try {
      return run();
    } catch (e) {
      const extent = this.here(fallback);
      if (e instanceof OperatorError) {
        throw new TerminatingError(errorRecord({ message: e.message, errorId: e.errorId, category: e.category, target: e.target, extent }));
      }
      if (e instanceof MethodError) {
        throw new TerminatingError(errorRecord({ message: e.message, errorId: e.errorId, category: e.category, exceptionType: e.exceptionType, target: e.target, extent }));
      }
      if (e instanceof ConversionError) {
        throw new TerminatingError(errorRecord({ message: e.message, errorId: 'RuntimeException', category: 'InvalidOperation', extent }));
      }
      // Raised without a position (a malformed wildcard, a value over its size limit): placed here.
      if (e instanceof TerminatingError && !e.record.extent) throw new TerminatingError({ ...e.record, extent });
      throw e;
    }
  }

  async evaluate(expr: ExpressionAst): Promise<Value> {
    switch (expr.type) {
      case 'Constant':
      case 'StringConstant':
        return expr.value;
      case 'ExpandableString': {
        let text = '';
        for (const part of expr.parts) {
          if (typeof part === 'string') text += part;
          else if (part.type === 'Variable') text += this.operate(() => toPSString(this.variables.get(part.name)), expr.extent);
          else {
            const value = collapse(await this.collect(part.statements));
            // An array's text can be over the string limit too: placed like the check below.
            text += this.operate(() => toPSString(value), expr.extent);
          }
          this.operate(() => checkStringLength(text.length), expr.extent);
        }
        return text;
      }
      case 'Variable':
        return this.variables.get(expr.name);
      case 'Member': {
        const target = await this.evaluate(expr.target);
        const name = typeof expr.member === 'string' ? expr.member : toPSString(await this.evaluate(expr.member));
        if (expr.isStatic) return this.operate(() => getStaticProperty(this.staticTarget(target), name), expr.extent);
        return getProperty(target, name);
      }
      case 'InvokeMember': {
        const target = await this.evaluate(expr.target);
        const args: Value[] = [];
        for (const a of expr.args) args.push(await this.evaluate(a));
        if (expr.isStatic) return this.operate(() => invokeStatic(this.staticTarget(target), expr.member, args), expr.extent);
        // A configuration property reports its declared .NET type (Int16 for DefaultChatHistory, XdsIdentity for Identity).
        if (/^gettype$/i.test(expr.member) && args.length === 0 && expr.target.type === 'Member' && !expr.target.isStatic && typeof expr.target.member === 'string') {
          const declared = declaredPropertyType(await this.evaluate(expr.target.target), expr.target.member);
          if (declared && target !== null) return new TypeObject(declared);
        }
        if (target instanceof CmdletObject) return this.at(this.here(expr.extent), () => target.invoke(expr.member, args));
        if (target instanceof ScriptBlock && /^invoke(returnasis)?$/i.test(expr.member)) return collapse(await callScriptBlock(this, target, args, this.here(expr.extent)));
        return this.invokeInstance(expr, target, args);
      }
      case 'TypeLiteral': {
        const type = resolveType(expr.typeName);
        if (type === null) throw this.typeNotFound(expr.typeName, expr.extent);
        return new TypeObject(type);
      }
      case 'Index':
        return this.indexValue(await this.evaluate(expr.target), await this.evaluate(expr.index), expr.extent);
      case 'Binary':
        return this.binary(expr.operator, expr.left, expr.right, expr.extent);
      case 'Unary': {
        const v = await this.evaluate(expr.operand);
        const op = expr.operator.toLowerCase();
        if (op === '-not' || op === '!') return !logical('-or', v, () => false);
        if (op === ',') return [v];
        if (op === '-bnot') return this.operate(() => bnot(v), expr.extent);
        if (op === '-split') return this.operate(() => split(v, undefined, false), expr.extent);
        if (op === '-join') return this.operate(() => join(v, undefined), expr.extent);
        return this.operate(() => arithmetic(op === '-' ? '*' : '+', op === '-' ? -1 : 0, v), expr.extent) as Value;
      }
      case 'Increment':
        return increment(this, expr);
      case 'Convert': {
        // [void]: the operand runs for its effect; the value is thrown away ($x = [void]1 is $null).
        const value = await this.evaluate(expr.operand);
        if (expr.typeName.toLowerCase() === 'void' || expr.typeName.toLowerCase() === 'system.void') return null;
        if (resolveType(expr.typeName) === null) throw this.typeNotFound(expr.typeName, expr.extent);
        return this.operate(() => cast(expr.typeName, value), expr.extent);
      }
      case 'ArrayLiteral': {
        const out: Value[] = [];
        for (const e of expr.elements) out.push(await this.evaluate(e));
        return out;
      }
      case 'ArrayExpression':
        return this.collect(expr.statements);
      case 'SubExpression':
        return collapse(await this.collect(expr.statements));
      case 'Paren':
        return this.nested(() => this.valueOfStatement(expr.statement));
      case 'Hashtable': {
        const table = new Hashtable();
        for (const entry of expr.entries) {
          table.set(await this.evaluate(entry.key), await this.nested(() => this.valueOfStatement(entry.value)));
        }
        return table;
      }
      case 'ScriptBlock':
        return new ScriptBlock(expr, this.origin());
    }
  }

  /** PowerShell's TypeNotFound error for `[Name]`. */
  private typeNotFound(name: string, extent: Extent): TerminatingError {
    return new TerminatingError(errorRecord({ message: typeNotFoundMessage(name), errorId: 'TypeNotFound', category: 'InvalidOperation', target: `${name}:TypeName`, extent: this.here(extent) }));
  }

  /** The type a `::` member is looked up on. */
  staticTarget(target: Value) {
    if (target instanceof TypeObject) return target.info;
    const type = target === null ? null : resolveType(toPSString(target));
    if (type === null) throw new MethodError(`Unable to find type [${toPSString(target)}].`, 'TypeNotFound');
    return type;
  }

  /** An instance method call, with the members the language adds to every value (GetType, ToString(format)). */
  private invokeInstance(expr: Extract<ExpressionAst, { type: 'InvokeMember' }>, target: Value, args: Value[]): Value {
    const name = expr.member.toLowerCase();
    if (name === 'gettype' && args.length === 0 && target !== null) return new TypeObject(typeOfValue(target));
    if (name === 'tostring' && args.length === 1 && typeof target === 'number') {
      const spec = toPSString(args[0]!);
      return this.operate(() => {
        try {
          return formatNumber(target, spec);
        } catch (e) {
          if (e instanceof FormatError) throw new MethodError(`Exception calling "ToString" with "1" argument(s): "Format specifier was invalid."`, 'FormatException', '', 'NotSpecified', 'MethodInvocationException');
          throw e;
        }
      }, expr.extent);
    }
    // $Error.Clear(): the session's error list, not a copy of it.
    if (name === 'clear' && args.length === 0 && expr.target.type === 'Variable' && expr.target.name.replace(/^global:/i, '').toLowerCase() === 'error') {
      this.clearErrors();
      return null;
    }
    return this.operate(() => invokeMethod(target, expr.member, args), expr.extent);
  }

  /** `target[index]`: a list of indexes gives a list; out of range gives $null. */
  indexValue(target: Value, index: Value, extent: Extent): Value {
    if (target === null) throw runtimeError('Cannot index into a null array.', 'NullArray', this.here(extent));
    if (Array.isArray(index)) return index.map((i) => this.indexValue(target, i, extent));
    if (target instanceof Hashtable) return target.get(index) ?? null;
    // A string is indexed by UTF-16 char, as in .NET, without copying it into an array first.
    const list = typeof target === 'string' || Array.isArray(target) ? target : [target];
    const n = this.operate(() => Number(arithmetic('+', 0, index)), extent);
    const at = n < 0 ? list.length + n : n;
    return Number.isInteger(at) && at >= 0 && at < list.length ? list[at]! : null;
  }

  private async binary(op: string, leftExpr: ExpressionAst, rightExpr: ExpressionAst, extent: Extent): Promise<Value> {
    const left = await this.evaluate(leftExpr);
    if (op === '-and' || op === '-or' || op === '-xor') {
      // Short-circuit: the right side is only evaluated when it matters.
      const l = logical('-or', left, () => false);
      if (op === '-and' && !l) return false;
      if (op === '-or' && l) return true;
      const right = await this.evaluate(rightExpr);
      return logical(op, left, () => right);
    }
    const right = await this.evaluate(rightExpr);
    switch (op) {
      case '..':
        return this.operate(() => range(left, right), extent);
      case '-f':
        return this.operate(() => format(left, right), extent);
      case '-join':
        return this.operate(() => join(left, right), extent);
      case '-split':
      case '-isplit':
      case '-csplit':
        return this.operate(() => split(left, right, op === '-csplit'), extent);
      case '-replace':
      case '-ireplace':
      case '-creplace':
        return this.operate(() => replace(left, right, op === '-creplace'), extent);
      case '-is':
        return this.operate(() => isType(left, right), extent);
      case '-isnot':
        return this.operate(() => !isType(left, right), extent);
      case '-as':
        return this.operate(() => asType(left, right), extent);
      case '-band':
      case '-bor':
      case '-bxor':
      case '-shl':
      case '-shr':
        return this.operate(() => bitwise(op, left, right), extent);
      default:
        break;
    }
    if (parseComparison(op)) {
      return this.operate(() => compare(op, left, right, { setMatches: (m) => this.variables.set('Matches', m) }), extent);
    }
    return this.operate(() => arithmetic(op, left, right), extent);
  }
}

export type { ErrorRecordData };
