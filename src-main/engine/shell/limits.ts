// How big one value may grow, in one place. PowerShell has no such limits (a
// .NET process runs out of memory instead); we must, because one console line
// must never be able to exhaust the engine's memory (array `+` once reached a
// V8 fatal error at 3.8 GB, PadLeft 1.6 GB, and error messages quoting $Error
// doubled at every pass). The values are far above real administration work
// (thousands of collections, URLs of a few hundred characters) and far below
// what would hurt: the largest value is 10 M elements (80 MB of references)
// or 50 M characters (at most 100 MB).
//
// Over a limit the statement fails with the words .NET uses for running out of
// room (limit-errors.ts raises them), and the session goes on.
//
// No imports on purpose: errors.ts depends on this file, and this file must
// not depend back on it.

/** Elements in one array value (`+`, `+=`, `*`, collected pipeline output, Split). */
export const MAX_ARRAY_LENGTH = 10_000_000;
/** Characters in one string value (concatenation, `*`, string methods, expandable strings, arrays turned into text). */
export const MAX_STRING_LENGTH = 50_000_000;
/** Characters of one value quoted into an error message (`Cannot convert value "…"`). */
export const MAX_QUOTED_LENGTH = 1_000;
/** Characters of one error message or CategoryInfo target: the safety net for messages built elsewhere. */
export const MAX_MESSAGE_LENGTH = 20_000;

/** .NET's OutOfMemoryException text for an array too large to allocate. */
export const ARRAY_TOO_LARGE = 'Array dimensions exceeded supported range.';
/** .NET's OutOfMemoryException default text (strings, and anything else too large). */
export const OUT_OF_MEMORY = "Exception of type 'System.OutOfMemoryException' was thrown.";

const count = (n: number): string => n.toLocaleString('en-US');

/** The sentence added after .NET's text, so the user learns which limit was hit. */
export function limitNote(kind: 'array' | 'string' | 'memory'): string {
  if (kind === 'memory') return "(The statement would have used up the engine's memory, so it was stopped before it could.)";
  return kind === 'array'
    ? `(pchat-admin limits one array to ${count(MAX_ARRAY_LENGTH)} elements.)`
    : `(pchat-admin limits one string to ${count(MAX_STRING_LENGTH)} characters.)`;
}

/**
 * A value's text for quoting in an error message: at most MAX_QUOTED_LENGTH
 * characters, keeping the start and saying that it was shortened.
 */
export function quoted(text: string, max = MAX_QUOTED_LENGTH): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (shortened from ${count(text.length)} characters)`;
}

/** A message no longer than MAX_MESSAGE_LENGTH, saying so when it had to be shortened. */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  return `${message.slice(0, MAX_MESSAGE_LENGTH)}… (message shortened from ${count(message.length)} characters)`;
}
