// What a statement list does when one of its statements fails with a
// terminating error: PowerShell's ExceptionHandlingOps.CheckActionPreference.
//
// Where it applies is the compiler's choice, and it decides whether an error
// stops more than its own statement. PowerShell wraps every statement of a
// statement list in it: the console input or a script, a scriptblock body
// (ForEach-Object, Where-Object), `$( … )` and `@( … )`. It does not wrap the
// single pipeline of a `( … )`, a hashtable value or an assignment's right
// side (CaptureStatementResults): an error there unwinds into the enclosing
// statement, which then fails as a whole. That is why
// `Set-… -RoomManagementUrl (Get-RoomUrl)` never runs the Set, while
// `"$(Get-RoomUrl; 'next')"` shows the error and goes on to 'next'.
//
// Once caught, the error joins $Error, $? becomes false, and
// $ErrorActionPreference decides: SilentlyContinue (and Ignore) go on without
// showing it; Stop ends the script; Continue (and Inquire, which has no prompt
// here) shows it and goes on with the next statement. Statement-level errors
// ignore the command's own -ErrorAction, as in PowerShell.
//
// Nothing else is handled here: a script-terminating error (-ErrorAction Stop,
// or Stop decided here), `exit`, the user's Stop (PipelineStoppedError) and
// internal failures pass through untouched to the session.

import type { Extent } from '../ast';
import { ActionPreferenceStopError, errorRecord, TerminatingError, type ErrorRecordData } from '../errors';
import type { ErrorRecordObject } from './error-object';
import { readActionPreference } from './preferences';
import type { Variables } from './scope';

/** What the handler needs of the interpreter. */
export interface ErrorHost {
  readonly variables: Variables;
  recordError(record: ErrorRecordData, show?: boolean): ErrorRecordObject;
}

/**
 * Handles a statement's error: returns when the statement list goes on with
 * its next statement, throws when the error ends more than the statement.
 */
export function checkActionPreference(host: ErrorHost, e: unknown): void {
  if (!(e instanceof TerminatingError) || e instanceof ActionPreferenceStopError) throw e;
  let preference: string;
  try {
    preference = readActionPreference(host.variables, 'ErrorActionPreference');
  } catch (refused) {
    // $ErrorActionPreference held Ignore or Suspend: the error is kept in $Error but not shown, and
    // the refusal itself leaves this statement list (the enclosing one, reading Continue now, shows it).
    host.recordError(e.record, false);
    throw refused;
  }
  switch (preference) {
    case 'SilentlyContinue':
      host.recordError(e.record, false);
      return;
    case 'Stop':
      // Recorded once, where it ends the script (PowerShell does not add the same error to $Error twice).
      throw new ActionPreferenceStopError(e.record);
    default:
      host.recordError(e.record);
  }
}

/**
 * The same for the outermost statement list, the session's input: what would
 * leave it ends the input instead, and is recorded here since no enclosing
 * list will (Stop, from -ErrorAction or $ErrorActionPreference, or a refused
 * preference value, which in PowerShell leaves the whole input too). An
 * internal failure is reported and the input goes on. True when the input ends.
 */
export function checkTopLevel(host: ErrorHost, e: unknown, extent: Extent): boolean {
  try {
    checkActionPreference(host, e);
    return false;
  } catch (thrown) {
    if (thrown instanceof TerminatingError) {
      host.recordError(thrown.record);
      return true;
    }
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    host.recordError(errorRecord({ message: `Internal error: ${message}`, errorId: 'InternalError', category: 'NotSpecified', extent }));
    return false;
  }
}

/** $ErrorActionPreference is Stop (for errors the session raises itself, such as a failed write). */
export function errorActionIsStop(host: ErrorHost): boolean {
  try {
    return readActionPreference(host.variables, 'ErrorActionPreference') === 'Stop';
  } catch (refused) {
    if (!(refused instanceof TerminatingError)) throw refused;
    host.recordError(refused.record);
    return false;
  }
}
