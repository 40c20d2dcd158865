// The keyword statements at run time: if, the loops, switch, break and
// continue, return, throw, try/catch/finally and function definitions, with
// PowerShell 5.1's semantics (conditions by LanguagePrimitives.IsTrue,
// `foreach` over any enumerable, `switch` over every element of an array
// with $_ set, typed `catch` clauses matched on the exception type).

import type { ExpressionAst, ForEachAst, IfAst, JumpAst, LoopAst, StatementAst, SwitchAst, ThrowAst, TryAst } from '../ast';
import { toBoolean, toPSString } from '../convert';
import { ActionPreferenceStopError, errorRecord, TerminatingError } from '../errors';
import { valuesEqual } from '../operators';
import { WildcardPattern } from '../wildcard';
import { collapse, enumerate, Hashtable, PSObject, ScriptBlock, type Value } from '../values';
import { LoopSignal, ReturnSignal } from './control-flow';
import { ErrorRecordObject } from './error-object';
import { ScriptFunction } from './functions';
import type { Emit, Interpreter } from './interpreter';

/** .NET exception types the engine raises, with their base types (for `catch [Base]`). */
const EXCEPTION_BASES: Record<string, readonly string[]> = {
  runtimeexception: ['systemexception'],
  parameterbindingexception: ['runtimeexception'],
  parameterbindingvalidationexception: ['parameterbindingexception', 'runtimeexception'],
  parameterbindingargumenttransformationexception: ['parameterbindingexception', 'runtimeexception'],
  commandnotfoundexception: ['runtimeexception'],
  actionpreferencestopexception: ['runtimeexception'],
  methodinvocationexception: ['methodexception', 'runtimeexception'],
  itemnotfoundexception: ['sessionstateexception', 'runtimeexception'],
  argumenttransformationmetadataexception: ['metadataexception', 'runtimeexception'],
  validationmetadataexception: ['metadataexception', 'runtimeexception'],
  sessionstateunauthorizedaccessexception: ['sessionstateexception', 'runtimeexception'],
  psargumentexception: ['argumentexception', 'systemexception'],
  psinvalidoperationexception: ['invalidoperationexception', 'systemexception'],
  argumentexception: ['systemexception'],
  argumentoutofrangeexception: ['argumentexception', 'systemexception'],
  invalidoperationexception: ['systemexception'],
  outofmemoryexception: ['systemexception'],
  ioexception: ['systemexception'],
  filenotfoundexception: ['ioexception', 'systemexception'],
  unauthorizedaccessexception: ['systemexception'],
  formatexception: ['systemexception'],
  invalidcastexception: ['systemexception'],
  pipelinestoppedexception: ['runtimeexception'],
  hostexception: ['runtimeexception'],
  scriptcalldepthexception: ['runtimeexception'],
};

/** Does a `catch [written]` clause catch an error whose exception type is `thrown`? */
function catches(written: string, thrown: string): boolean {
  const short = (t: string) => t.toLowerCase().replace(/^.*\./, '');
  const want = short(written);
  if (want === 'exception' || want === 'object') return true;
  const have = short(thrown);
  return have === want || (EXCEPTION_BASES[have] ?? ['systemexception']).includes(want);
}

/** The exception type an error carries, for `catch` matching. */
function exceptionTypeOf(e: TerminatingError): string {
  return e.record.exceptionType;
}

export async function runIf(interp: Interpreter, s: IfAst, emit: Emit): Promise<void> {
  for (const clause of s.clauses) {
    if (await interp.condition(clause.condition)) return interp.runStatements(clause.body.statements, emit);
  }
  if (s.elseBody) await interp.runStatements(s.elseBody.statements, emit);
}

/** Runs one iteration's body; true when the loop must stop (a `break` for it). */
async function iteration(interp: Interpreter, label: string | null, body: readonly StatementAst[], emit: Emit): Promise<boolean> {
  try {
    await interp.runStatements(body, emit);
    return false;
  } catch (e) {
    if (e instanceof LoopSignal && e.targets(label)) return e.kind === 'break';
    throw e;
  }
}

export async function runLoop(interp: Interpreter, s: LoopAst, emit: Emit): Promise<void> {
  if (s.initializer) await interp.runStatement(s.initializer, emit);
  const test = async () => s.condition === null || (await interp.condition(s.condition));
  if (s.kind === 'dowhile' || s.kind === 'dountil') {
    for (;;) {
      interp.checkStop();
      if (await iteration(interp, s.label, s.body.statements, emit)) return;
      const result = await test();
      if (s.kind === 'dowhile' ? !result : result) return;
    }
  }
  for (;;) {
    interp.checkStop();
    if (!(await test())) return;
    if (await iteration(interp, s.label, s.body.statements, emit)) return;
    if (s.iterator) await interp.runStatement(s.iterator, async () => {});
  }
}

export async function runForEach(interp: Interpreter, s: ForEachAst, emit: Emit): Promise<void> {
  const value = await interp.valueOfStatement(s.collection);
  // A hashtable is one item (iterate .Keys or .GetEnumerator() to walk it), as in PowerShell.
  const items = value === null ? [] : enumerate(value);
  for (const item of items) {
    interp.checkStop();
    interp.variables.set(s.variable.name, item);
    if (await iteration(interp, s.label, s.body.statements, emit)) return;
  }
}

/** Does one switch clause's pattern match `item`? (A script block is run with $_ = item.) */
async function clauseMatches(interp: Interpreter, s: SwitchAst, pattern: ExpressionAst, item: Value): Promise<boolean> {
  if (pattern.type === 'ScriptBlock') {
    const result = await interp.invokeBlock(new ScriptBlock(pattern, interp.origin()), item);
    return toBoolean(collapse(result));
  }
  const p = await interp.evaluate(pattern);
  if (s.mode === 'regex') {
    const flags = s.caseSensitive ? '' : 'i';
    const m = interp.operate(() => new RegExp(toPSString(p), flags).exec(toPSString(item)), pattern.extent);
    if (m) interp.setMatches(m);
    return m !== null;
  }
  if (s.mode === 'wildcard') {
    return interp.operate(() => new WildcardPattern(toPSString(p), s.caseSensitive).test(toPSString(item)), pattern.extent);
  }
  if (typeof item === 'string' || typeof p === 'string') {
    const [a, b] = [toPSString(item), toPSString(p)];
    return s.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
  }
  return valuesEqual(item, p, s.caseSensitive);
}

export async function runSwitch(interp: Interpreter, s: SwitchAst, emit: Emit): Promise<void> {
  const value = await interp.valueOfStatement(s.condition);
  const items = value instanceof Hashtable || value instanceof PSObject ? [value] : enumerate(value);
  const saved = interp.variables.current;
  try {
    for (const item of items) {
      interp.checkStop();
      interp.variables.current = item;
      let matched = false;
      try {
        for (const clause of s.clauses) {
          if (!(await clauseMatches(interp, s, clause.pattern, item))) continue;
          matched = true;
          interp.variables.current = item;
          await interp.runStatements(clause.body.statements, emit);
        }
        if (!matched && s.defaultBody) {
          interp.variables.current = item;
          await interp.runStatements(s.defaultBody.statements, emit);
        }
      } catch (e) {
        // `continue` goes on with the next element, `break` leaves the switch.
        if (e instanceof LoopSignal && e.targets(s.label)) {
          if (e.kind === 'break') return;
          continue;
        }
        throw e;
      }
    }
  } finally {
    interp.variables.current = saved;
  }
}

export async function runJump(interp: Interpreter, s: JumpAst): Promise<never> {
  const label = s.label === null ? null : toPSString(await interp.evaluate(s.label));
  throw new LoopSignal(s.kind, label === null || label === '' ? null : label.toLowerCase());
}

export async function runReturn(interp: Interpreter, pipeline: StatementAst | null, emit: Emit): Promise<never> {
  if (pipeline) await interp.runStatement(pipeline, emit, false);
  throw new ReturnSignal();
}

/** `throw`: a script-terminating error, with PowerShell's records for a string, an error record or nothing. */
export async function runThrow(interp: Interpreter, s: ThrowAst): Promise<never> {
  const value = s.pipeline ? await interp.valueOfStatement(s.pipeline) : null;
  const extent = interp.here(s.extent);
  if (value instanceof ErrorRecordObject) throw new ActionPreferenceStopError(value.record);
  const message = value === null ? 'ScriptHalted' : toPSString(value);
  throw new ActionPreferenceStopError(
    errorRecord({
      message,
      errorId: message,
      category: 'OperationStopped',
      exceptionType: 'RuntimeException',
      target: value === null ? '' : `${toPSString(value)}:${typeof value === 'string' ? 'String' : 'Object'}`,
      extent,
    }),
  );
}

export async function runTry(interp: Interpreter, s: TryAst, emit: Emit): Promise<void> {
  try {
    await interp.runStatements(s.body.statements, emit, true, true);
  } catch (e) {
    if (!(e instanceof TerminatingError)) throw e;
    const clause = s.catches.find((c) => c.types.length === 0 || c.types.some((t) => catches(t.name, exceptionTypeOf(e))));
    if (!clause) throw e;
    // The caught error is in $Error and is $_ inside the catch block; handled, it fails nothing.
    const failed = interp.statementFailed;
    const record = interp.recordError(e.record, false);
    interp.statementFailed = failed;
    const saved = interp.variables.current;
    interp.variables.current = record;
    try {
      await interp.runStatements(clause.body.statements, emit);
    } finally {
      interp.variables.current = saved;
    }
  } finally {
    if (s.finallyBody) await interp.runStatements(s.finallyBody.statements, emit);
  }
}

export function defineFunction(interp: Interpreter, name: string, block: ScriptBlock, isFilter: boolean): void {
  interp.variables.defineFunction(name, new ScriptFunction(name.replace(/^(?:global|script|local|private):/i, ''), block, isFilter));
}
