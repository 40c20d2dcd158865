// Small readers over engine output lines, shared by the forms and the table.

import type { OutputLineDto } from '../../../src-main/ipc/contract';

/**
 * The message of each error in an output, for a form or the filter box: the
 * one-line summary without its "<Command> : " prefix (the form names the command).
 */
export function errorMessages(output: readonly OutputLineDto[]): string[] {
  return output
    .filter((l) => l.kind === 'error')
    .map((l) => (l.summary ?? l.text.split('\n')[0] ?? l.text).replace(/^[A-Za-z]+-[A-Za-z]+ : /, ''));
}

/** Describes a failed call (a rejected promise) for display. */
export function failureText(error: unknown): string {
  // API calls reject with ErrorData ({ id, message, category }), a plain object.
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}

/** Main refuses form and table calls while a console prompt waits for its answer. */
export function isAwaitingAnswer(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'id' in error && error.id === 'ConsoleAwaitingAnswer';
}
