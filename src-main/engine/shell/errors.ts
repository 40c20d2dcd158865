// PowerShell-style error records, and the exceptions that carry them through
// the runtime. A record is plain data so it can cross IPC unchanged.

import type { Extent } from './ast';
import { boundedMessage } from './limits';
import type { Value } from './values';

export type ErrorCategory =
  | 'InvalidArgument'
  | 'MetadataError'
  | 'InvalidOperation'
  | 'ObjectNotFound'
  | 'ResourceExists'
  | 'ParserError'
  | 'InvalidData'
  | 'InvalidType'
  | 'CloseError'
  | 'InvalidResult'
  | 'NotSpecified'
  | 'WriteError'
  | 'OperationStopped'
  | 'LimitsExceeded'
  | 'PermissionDenied'
  | 'ResourceUnavailable'
  | 'OpenError'
  | 'ReadError';

export interface ErrorRecordData {
  readonly message: string;
  /** First part of FullyQualifiedErrorId, e.g. NamedParameterNotFound. */
  readonly errorId: string;
  readonly category: ErrorCategory;
  /** .NET exception type name shown in CategoryInfo, e.g. ParameterBindingException. */
  readonly exceptionType: string;
  /** Command that raised it ('' for language errors). */
  readonly command: string;
  /** Text shown inside the parentheses of CategoryInfo: `target:TargetType`. */
  readonly target: string;
  /** Where in the statement source it happened; absent for store-level errors. */
  readonly extent?: Extent;
}

/** A terminating error: stops the statement (the script goes on with the next one). */
export class TerminatingError extends Error {
  constructor(readonly record: ErrorRecordData) {
    super(record.message);
  }
}

/**
 * The user stopped the statement (Ctrl+C, the Stop button, SIGINT/SIGTERM).
 * Deliberately not a TerminatingError: nothing in the language may catch it,
 * so it unwinds every pipeline and block up to the session, which then rolls
 * back what the statement had changed. The message is PowerShell's own.
 */
export class PipelineStoppedError extends Error {
  constructor() {
    super('The pipeline has been stopped.');
    this.name = 'PipelineStoppedException';
  }
}

/** `-ErrorAction Stop` turned a non-terminating error into this. */
export class ActionPreferenceStopError extends TerminatingError {}

export function errorRecord(
  fields: Pick<ErrorRecordData, 'message' | 'errorId' | 'category'> & Partial<ErrorRecordData>,
): ErrorRecordData {
  // Messages quote values (each quotation is shortened where it is made, see limits.ts quoted);
  // this is the safety net for the rest, so a message or target stays a few pages at most.
  return {
    exceptionType: 'RuntimeException',
    command: '',
    ...fields,
    target: boundedMessage(fields.target ?? ''),
    message: boundedMessage(fields.message),
  };
}

export function bindingError(command: string, errorId: string, message: string, extent: Extent | undefined, exceptionType = 'ParameterBindingException'): TerminatingError {
  return new TerminatingError(
    errorRecord({ message, errorId, category: 'InvalidArgument', exceptionType, command, ...(extent ? { extent } : {}) }),
  );
}

export function runtimeError(message: string, errorId: string, extent: Extent | undefined, category: ErrorCategory = 'InvalidOperation', exceptionType = 'RuntimeException'): TerminatingError {
  return new TerminatingError(errorRecord({ message, errorId, category, exceptionType, ...(extent ? { extent } : {}) }));
}

/**
 * `exit`: unwinds every pipeline and statement list up to the session, which
 * ends the input there. Not an error: nothing catches it on the way.
 */
export class ExitException extends Error {
  /**
   * What the innermost collecting block (a scriptblock body) had written
   * before `exit`: ForEach-Object still sends it on, since PowerShell streams
   * a block's output rather than collecting it.
   */
  output: readonly Value[] = [];

  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitException';
  }
}
