// Variables (and functions) of a console session, in PowerShell's scopes:
// the global scope, a script scope per script file run, and a local scope
// per function or script block call. Reading looks through the chain from
// the innermost scope out (dynamic scoping, as in PowerShell); assigning
// writes the innermost scope unless a modifier (global:, script:, local:,
// private:) says otherwise. Names are case-insensitive; $true, $false and
// $null are constants ($null = … discards, as in PowerShell); $_ / $PSItem,
// $?, $Error and $Matches are kept by the runtime. $env:NAME is the
// process's environment.
// A variable may carry a converter, as PowerShell's built-in preference
// variables carry an ArgumentTypeConverterAttribute: every value assigned is
// converted first, and a value that does not convert is refused.

import { errorRecord, TerminatingError } from '../errors';
import type { Extent } from '../ast';
import type { Value } from '../values';
import { toPSString } from '../convert';

const CONSTANTS = new Map<string, Value>([
  ['true', true],
  ['false', false],
  ['null', null],
]);

/** $env:NAME: the environment, case-insensitively on Windows as there. */
function environmentVariable(name: string): Value {
  if (process.platform !== 'win32') return process.env[name] ?? null;
  const lower = name.toLowerCase();
  const found = Object.keys(process.env).find((k) => k.toLowerCase() === lower);
  return found === undefined ? null : (process.env[found] ?? null);
}

const SCOPE_MODIFIER = /^(global|script|local|private|variable):(?=.)/i;

/** The variable's key: lower case, without a scope modifier. */
function keyOf(name: string): string {
  return name.replace(SCOPE_MODIFIER, '').toLowerCase();
}

function modifierOf(name: string): string | null {
  const m = SCOPE_MODIFIER.exec(name);
  return m ? m[1]!.toLowerCase() : null;
}

/** Converts a value assigned to a typed variable, or gives PowerShell's message for why it cannot. */
export type VariableConverter = (value: Value) => { ok: true; value: Value } | { ok: false; message: string };

interface Entry {
  name: string;
  value: Value;
  convert?: VariableConverter;
}

/** One scope: its variables and the functions defined in it. */
export class Scope {
  readonly vars = new Map<string, Entry>();
  readonly functions = new Map<string, { name: string; value: unknown }>();
  constructor(
    readonly parent: Scope | null,
    /** A script file's scope (what `$script:` names inside it). */
    readonly isScript: boolean,
  ) {}
}

export class Variables {
  readonly global = new Scope(null, true);
  /** The innermost scope. */
  scope: Scope = this.global;
  /** $_ and $PSItem: the current pipeline object. */
  current: Value = null;
  /** $?: whether the last statement succeeded. */
  lastSuccess = true;
  /** Automatic variables computed when read ($PWD), by lower-case name. */
  readonly dynamic = new Map<string, () => Value>();

  get(name: string): Value {
    const key = keyOf(name);
    const constant = CONSTANTS.get(key);
    if (constant !== undefined) return constant;
    if (key === '_' || key === 'psitem') return this.current;
    if (key === '?') return this.lastSuccess;
    if (key.startsWith('env:')) return environmentVariable(name.slice(name.indexOf(':') + 1));
    const dynamic = this.dynamic.get(key);
    if (dynamic && this.find(name) === undefined) return dynamic();
    return this.find(name)?.value ?? null;
  }

  /** Is the variable defined (in scope)? Constants and automatic variables count. */
  has(name: string): boolean {
    const key = keyOf(name);
    if (CONSTANTS.has(key) || key === '_' || key === 'psitem' || key === '?') return true;
    if (key.startsWith('env:')) return environmentVariable(name.slice(name.indexOf(':') + 1)) !== null;
    return this.find(name) !== undefined;
  }

  /** The entry a read of `name` finds. */
  private find(name: string): Entry | undefined {
    const key = keyOf(name);
    const modifier = modifierOf(name);
    if (modifier === 'global') return this.global.vars.get(key);
    if (modifier === 'script') return this.scriptScope().vars.get(key);
    if (modifier === 'local' || modifier === 'private') return this.scope.vars.get(key);
    for (let s: Scope | null = this.scope; s !== null; s = s.parent) {
      const entry = s.vars.get(key);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  /** The scope an assignment to `name` writes. */
  private target(name: string): Scope {
    const modifier = modifierOf(name);
    if (modifier === 'global') return this.global;
    if (modifier === 'script') return this.scriptScope();
    return this.scope;
  }

  private scriptScope(): Scope {
    for (let s: Scope | null = this.scope; s !== null; s = s.parent) if (s.isScript) return s;
    return this.global;
  }

  set(name: string, value: Value, extent?: Extent): void {
    const key = keyOf(name);
    // `$null = <expression>` runs the expression and throws its value away.
    if (key === 'null') return;
    if (CONSTANTS.has(key) || key === '?') {
      name = name.replace(SCOPE_MODIFIER, '');
      throw new TerminatingError(
        errorRecord({
          message: `Cannot overwrite variable ${name} because it is read-only or constant.`,
          errorId: 'VariableNotWritable',
          category: 'WriteError',
          exceptionType: 'SessionStateUnauthorizedAccessException',
          target: `${name}:String`,
          ...(extent ? { extent } : {}),
        }),
      );
    }
    if (key === '_' || key === 'psitem') {
      this.current = value;
      return;
    }
    if (key.startsWith('env:')) {
      // As in PowerShell: the process's environment; $null removes the variable.
      const envName = name.slice(name.indexOf(':') + 1);
      if (value === null || value === '') delete process.env[envName];
      else process.env[envName] = toPSString(value);
      return;
    }
    const scope = this.target(name);
    const existing = scope.vars.get(key);
    // A typed variable seen from an inner scope keeps its type only in its own scope, as in PowerShell;
    // the preference variables are typed in the global scope and assigned there from the console.
    const convert = existing?.convert ?? (scope === this.scope ? this.find(name)?.convert : undefined);
    if (convert) value = this.converted(convert, value, extent);
    if (existing) existing.value = value;
    else scope.vars.set(key, { name: name.replace(SCOPE_MODIFIER, ''), value, ...(convert ? { convert } : {}) });
  }

  /** Makes `name` a typed variable in the scope an assignment would write: later assignments go through `convert`. */
  constrain(name: string, convert: VariableConverter): void {
    const key = keyOf(name);
    const scope = this.target(name);
    const existing = scope.vars.get(key);
    if (existing) existing.convert = convert;
    else scope.vars.set(key, { name: name.replace(SCOPE_MODIFIER, ''), value: null, convert });
  }

  /** Removes a variable from the scope it is found in; false when there is none. */
  remove(name: string): boolean {
    const key = keyOf(name);
    const modifier = modifierOf(name);
    const scopes = modifier === 'global' ? [this.global] : modifier === 'script' ? [this.scriptScope()] : modifier ? [this.scope] : this.chain();
    for (const s of scopes) if (s.vars.delete(key)) return true;
    return false;
  }

  /** The scopes from the innermost out. */
  chain(): Scope[] {
    const out: Scope[] = [];
    for (let s: Scope | null = this.scope; s !== null; s = s.parent) out.push(s);
    return out;
  }

  /** Runs `run` in a new child scope of the current one (a function or script block call, a script file). */
  async inChildScope<T>(isScript: boolean, run: (scope: Scope) => Promise<T>, scope = new Scope(this.scope, isScript)): Promise<T> {
    const saved = this.scope;
    this.scope = scope;
    try {
      return await run(scope);
    } finally {
      this.scope = saved;
    }
  }

  /** A function visible from the current scope (innermost definition wins). */
  findFunction(name: string): unknown {
    const key = keyOf(name);
    for (let s: Scope | null = this.scope; s !== null; s = s.parent) {
      const f = s.functions.get(key);
      if (f !== undefined) return f.value;
    }
    return undefined;
  }

  /** Defines a function in the current scope (or the global/script one its name asks for). */
  defineFunction(name: string, value: unknown): void {
    this.target(name).functions.set(keyOf(name), { name: name.replace(SCOPE_MODIFIER, ''), value });
  }

  /** The functions visible from here, innermost definitions first. */
  functionNames(): string[] {
    const seen = new Map<string, string>();
    for (const s of this.chain()) for (const [k, f] of s.functions) if (!seen.has(k)) seen.set(k, f.name);
    return [...seen.values()];
  }

  /** A typed variable's failed conversion is PowerShell's ArgumentTransformationMetadataException; the variable keeps its value. */
  private converted(convert: VariableConverter, value: Value, extent: Extent | undefined): Value {
    const result = convert(value);
    if (result.ok) return result.value;
    throw new TerminatingError(
      errorRecord({
        message: result.message,
        errorId: 'RuntimeException',
        category: 'MetadataError',
        exceptionType: 'ArgumentTransformationMetadataException',
        ...(extent ? { extent } : {}),
      }),
    );
  }

  names(): string[] {
    const seen = new Map<string, string>();
    for (const s of this.chain()) for (const [k, e] of s.vars) if (!seen.has(k)) seen.set(k, e.name);
    return ['true', 'false', 'null', '_', 'PSItem', '?', ...seen.values()];
  }
}
