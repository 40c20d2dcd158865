// The evaluator: statements and expressions of the AST. Pipelines of
// commands are delegated to pipeline.ts, assignments and `++`/`--` to
// assignment.ts; everything here is PowerShell's expression semantics
// (member enumeration, left-operand conversion, …).
//
// Errors raised by the language itself (an operator, a method call, an
// assignment) are reported, as PowerShell reports them, at the current
// sequence point: the innermost statement being run, not the operator.

import type { ExitAst, ExpressionAst, Extent, ScriptAst, StatementAst } from '../ast';
import type { CommandDef, Host, OutputLine } from '../commands';
import { ConversionError, toInteger, toPSString } from '../convert';
import { errorRecord, ExitException, PipelineStoppedError, runtimeError, TerminatingError, type ErrorRecordData } from '../errors';
import { getProperty } from '../members';
import { arithmetic, checkStringLength, compare, logical, OperatorError, parseComparison } from '../operators';
import { checkArrayLength } from '../limit-errors';
import { collapse, enumerate, Hashtable, ScriptBlock, type Value } from '../values';
import type { ConfigRepository } from '../../store/types';
import { assign, increment } from './assignment';
import { ErrorRecordObject } from './error-object';
import { invokeMethod, MethodError } from './methods';
import { runPipeline } from './pipeline';
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
  }

  /** Writes an error record (display, $Error); `show` false for -ErrorAction SilentlyContinue. */
  recordError(record: ErrorRecordData, show = true): ErrorRecordObject {
    const obj = new ErrorRecordObject(record, this.source, this.scriptPath);
    this.errors.unshift(obj);
    if (this.errors.length > MAX_ERRORS_KEPT) this.errors.length = MAX_ERRORS_KEPT;
    this.variables.set('Error', [...this.errors]);
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
    for (const statement of statements) {
      try {
        await this.runStatement(statement, emit, sequencePoints);
      } catch (e) {
        if (propagate) throw e;
        checkActionPreference(this, e);
      }
    }
  }

  /** Throws PipelineStoppedError once a stop was requested. */
  checkStop(): void {
    if (this.stop.requested) throw new PipelineStoppedError();
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
    const run = async (): Promise<void> => {
      if (statement.type === 'Exit') throw new ExitException(await this.exitCode(statement));
      if (statement.type === 'Assignment') return assign(this, statement);
      const only = statement.elements.length === 1 ? statement.elements[0]! : undefined;
      if (only?.type === 'CommandExpression') {
        const value = await this.evaluate(only.expression);
        // `$i++` on its own writes nothing, as in PowerShell; `($i++)` does. Nor does a `[void]` cast.
        if (only.expression.type === 'Increment' || only.expression.type === 'Convert') return;
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
  async collect(statements: readonly StatementAst[], sequencePoints = true, propagate = false): Promise<Value[]> {
    const out: Value[] = [];
    try {
      const push = async (v: Value) => {
        checkArrayLength(out.length + 1, this.position);
        out.push(v);
      };
      await this.nested(() => this.runStatements(statements, push, sequencePoints, propagate));
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
      return await this.collect((block.ast.body as ScriptAst).statements);
    } finally {
      this.variables.current = saved;
      this.variables.set('args', savedArgs);
    }
  }

  private async nested<T>(run: () => Promise<T>): Promise<T> {
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
        return getProperty(target, name);
      }
      case 'InvokeMember': {
        const target = await this.evaluate(expr.target);
        const args: Value[] = [];
        for (const a of expr.args) args.push(await this.evaluate(a));
        return this.operate(() => invokeMethod(target, expr.member, args), expr.extent);
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
        return this.operate(() => arithmetic(op === '-' ? '*' : '+', op === '-' ? -1 : 0, v), expr.extent) as Value;
      }
      case 'Increment':
        return increment(this, expr);
      case 'Convert':
        // [void]: the operand runs for its effect; the value is thrown away ($x = [void]1 is $null).
        await this.evaluate(expr.operand);
        return null;
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
        return new ScriptBlock(expr);
    }
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
    if (parseComparison(op)) {
      return this.operate(() => compare(op, left, right, { setMatches: (m) => this.variables.set('Matches', m) }), extent);
    }
    return this.operate(() => arithmetic(op, left, right), extent);
  }
}

export type { ErrorRecordData };
