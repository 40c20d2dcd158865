// `break`, `continue` and `return` unwind as exceptions to the loop, switch,
// function or script that handles them, as PowerShell's own flow-control
// exceptions do. None is an error: statement-level error handling, `try`
// and `trap` let them pass.

import type { Value } from '../values';

/** `break [label]` / `continue [label]`. */
export class LoopSignal extends Error {
  constructor(
    readonly kind: 'break' | 'continue',
    /** Lower-cased label, or null for the innermost loop. */
    readonly label: string | null,
  ) {
    super(kind);
    this.name = 'LoopSignal';
  }

  /** Is this signal for the loop labelled `label` (or the innermost loop when it names none)? */
  targets(label: string | null): boolean {
    return this.label === null || (label !== null && this.label === label.toLowerCase());
  }
}

/** `return [value]`: the value was already written to the output; this ends the function or script. */
export class ReturnSignal extends Error {
  constructor() {
    super('return');
    this.name = 'ReturnSignal';
  }
}

/** Output of a block run to completion or left by `return`; other signals pass on. */
export async function untilReturn(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof ReturnSignal)) throw e;
  }
}

export type { Value };
