// Variables of a console session. Names are case-insensitive; $true, $false
// and $null are constants; $_ / $PSItem, $?, $Error and $Matches are kept by
// the runtime.

import { errorRecord, TerminatingError } from '../errors';
import type { Extent } from '../ast';
import type { Value } from '../values';

const CONSTANTS = new Map<string, Value>([
  ['true', true],
  ['false', false],
  ['null', null],
]);

export class Variables {
  private readonly vars = new Map<string, { name: string; value: Value }>();
  /** $_ and $PSItem: the current pipeline object. */
  current: Value = null;
  /** $?: whether the last statement succeeded. */
  lastSuccess = true;

  get(name: string): Value {
    const key = name.toLowerCase();
    const constant = CONSTANTS.get(key);
    if (constant !== undefined) return constant;
    if (key === '_' || key === 'psitem') return this.current;
    if (key === '?') return this.lastSuccess;
    return this.vars.get(key)?.value ?? null;
  }

  set(name: string, value: Value, extent?: Extent): void {
    const key = name.toLowerCase();
    if (CONSTANTS.has(key) || key === '?') {
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
    const existing = this.vars.get(key);
    this.vars.set(key, { name: existing?.name ?? name, value });
  }

  names(): string[] {
    return ['true', 'false', 'null', '_', 'PSItem', '?', ...[...this.vars.values()].map((v) => v.name)];
  }
}
