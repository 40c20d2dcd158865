// Variables of a console session. Names are case-insensitive; $true, $false
// and $null are constants ($null = … discards, as in PowerShell); $_ /
// $PSItem, $?, $Error and $Matches are kept by the runtime. The console has
// one scope, so the scope modifiers global:, script:, local: and private:
// all name the same variable. $env:NAME is the process's environment.
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

const SCOPE_MODIFIER = /^(?:global|script|local|private):(?=.)/i;

/** The variable's key: lower case, without a scope modifier. */
function keyOf(name: string): string {
  return name.replace(SCOPE_MODIFIER, '').toLowerCase();
}

/** Converts a value assigned to a typed variable, or gives PowerShell's message for why it cannot. */
export type VariableConverter = (value: Value) => { ok: true; value: Value } | { ok: false; message: string };

export class Variables {
  private readonly vars = new Map<string, { name: string; value: Value }>();
  private readonly converters = new Map<string, VariableConverter>();
  /** $_ and $PSItem: the current pipeline object. */
  current: Value = null;
  /** $?: whether the last statement succeeded. */
  lastSuccess = true;

  get(name: string): Value {
    const key = keyOf(name);
    const constant = CONSTANTS.get(key);
    if (constant !== undefined) return constant;
    if (key === '_' || key === 'psitem') return this.current;
    if (key === '?') return this.lastSuccess;
    if (key.startsWith('env:')) return environmentVariable(name.slice(4));
    return this.vars.get(key)?.value ?? null;
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
      if (value === null || value === '') delete process.env[name.slice(4)];
      else process.env[name.slice(4)] = toPSString(value);
      return;
    }
    const converter = this.converters.get(key);
    if (converter) value = this.converted(converter, value, extent);
    const existing = this.vars.get(key);
    this.vars.set(key, { name: existing?.name ?? name.replace(SCOPE_MODIFIER, ''), value });
  }

  /** Makes `name` a typed variable: later assignments go through `convert`. */
  constrain(name: string, convert: VariableConverter): void {
    this.converters.set(keyOf(name), convert);
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
    return ['true', 'false', 'null', '_', 'PSItem', '?', ...[...this.vars.values()].map((v) => v.name)];
  }
}
