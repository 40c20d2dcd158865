// The error a value over its size limit (limits.ts) raises, and the checks
// every growth point calls before it builds the value (not after: building it
// is what exhausts the memory).
//
// The record is what Windows PowerShell 5.1 shows when .NET runs out of room
// inside an expression, e.g. for `$s + $t` (an OutOfMemoryException is not a
// RuntimeException, so PowerShell wraps it with the exception's full type name
// as the id and OperationStopped as the category):
//     Exception of type 'System.OutOfMemoryException' was thrown.
//         + CategoryInfo          : OperationStopped: (:) [], OutOfMemoryException
//         + FullyQualifiedErrorId : System.OutOfMemoryException
// For arrays .NET's text is "Array dimensions exceeded supported range." (the
// same exception type). We add one sentence naming the limit. Method calls
// (PadLeft, Replace, …) report it their own way: see runtime/methods.ts.

import type { Extent } from './ast';
import { errorRecord, TerminatingError } from './errors';
import { ARRAY_TOO_LARGE, limitNote, MAX_ARRAY_LENGTH, MAX_STRING_LENGTH, OUT_OF_MEMORY } from './limits';

export class LimitError extends TerminatingError {
  constructor(
    readonly kind: 'array' | 'string',
    extent?: Extent,
  ) {
    super(
      errorRecord({
        message: `${kind === 'array' ? ARRAY_TOO_LARGE : OUT_OF_MEMORY} ${limitNote(kind)}`,
        errorId: 'System.OutOfMemoryException',
        category: 'OperationStopped',
        exceptionType: 'OutOfMemoryException',
        ...(extent ? { extent } : {}),
      }),
    );
  }
}

/** Throws LimitError when an array of `length` elements would be over the limit. */
export function checkArrayLength(length: number, extent?: Extent): void {
  if (length > MAX_ARRAY_LENGTH) throw new LimitError('array', extent);
}

/** Throws LimitError when a string of `length` characters would be over the limit. */
export function checkStringLength(length: number, extent?: Extent): void {
  if (length > MAX_STRING_LENGTH) throw new LimitError('string', extent);
}
