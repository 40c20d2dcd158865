// How big one value may grow. PowerShell has no such limits (a .NET process
// runs out of memory instead); we must, because one console line must never
// be able to exhaust the engine's memory (array `+` once reached a V8 fatal
// error at 3.8 GB) — far above real administration work, far below that.
// Over a limit the statement fails with .NET's own words for running out of
// room, followed by the limit, and the session goes on.

/** Elements in one array value (`+`, `+=`, `*`). */
export const MAX_ARRAY_LENGTH = 10_000_000;
/** Characters in one string value (concatenation, `*`, string methods, expandable strings). */
export const MAX_STRING_LENGTH = 50_000_000;
/** Characters of one error message; longer ones (quoting huge values) are shortened. */
export const MAX_MESSAGE_LENGTH = 10_000;

export const ARRAY_TOO_LARGE = `Array dimensions exceeded supported range. (pchat-admin keeps one array under ${MAX_ARRAY_LENGTH.toLocaleString('en-US')} elements.)`;
export const STRING_TOO_LARGE = `Exception of type 'System.OutOfMemoryException' was thrown. (pchat-admin keeps one string under ${MAX_STRING_LENGTH.toLocaleString('en-US')} characters.)`;

/** A message no longer than MAX_MESSAGE_LENGTH, saying so when it had to be shortened. */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  return `${message.slice(0, MAX_MESSAGE_LENGTH)}… (message shortened from ${message.length.toLocaleString('en-US')} characters)`;
}
