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

import { getHeapStatistics } from 'node:v8';
import type { Extent } from './ast';
import { errorRecord, TerminatingError } from './errors';
import { ARRAY_TOO_LARGE, limitNote, MAX_ARRAY_LENGTH, MAX_STRING_LENGTH, OUT_OF_MEMORY } from './limits';

export class LimitError extends TerminatingError {
  constructor(
    readonly kind: 'array' | 'string' | 'memory',
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

/**
 * The heap kept free: a quarter of the limit, at least 64 MB. Reaching V8's
 * own limit is not always a clean end of the worker — an allocation that
 * crosses it in one step can end the whole process — so a statement is
 * stopped while that much room is still left.
 */
function heapReserve(limit: number): number {
  return Math.max(64 * 1024 * 1024, limit / 4);
}

/** Allocations below this are not worth asking the heap about. */
const LARGE_BYTES = 1024 * 1024;

/** Throws LimitError('memory') when `bytes` more would leave less than the reserve free. */
export function checkHeapRoom(bytes: number, extent?: Extent): void {
  const heap = getHeapStatistics();
  if (heap.used_heap_size + bytes > heap.heap_size_limit - heapReserve(heap.heap_size_limit)) throw new LimitError('memory', extent);
}

/** Throws LimitError when an array of `length` elements would be over the limit (or the memory left). */
export function checkArrayLength(length: number, extent?: Extent): void {
  if (length > MAX_ARRAY_LENGTH) throw new LimitError('array', extent);
  if (length * 8 > LARGE_BYTES) checkHeapRoom(length * 8, extent);
}

/** Throws LimitError when a string of `length` characters would be over the limit (or the memory left). */
export function checkStringLength(length: number, extent?: Extent): void {
  if (length > MAX_STRING_LENGTH) throw new LimitError('string', extent);
  if (length * 2 > LARGE_BYTES) checkHeapRoom(length * 2, extent);
}
