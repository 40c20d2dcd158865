// The .NET methods the console supports on values: the common string
// methods, ToString() on anything, and Contains/IndexOf on arrays.
//
// A method that would build a value over its size limit (limits.ts) fails
// before building it, the way PowerShell reports an exception thrown inside a
// .NET method: MethodInvocationException, `Exception calling "PadLeft" with
// "1" argument(s): "…"`, the inner exception's type name as the error id.

import { toInteger, toPSString } from '../convert';
import { toLowerDotNet, toUpperDotNet } from '../case-mapping';
import type { ErrorCategory } from '../errors';
import { valuesEqual } from '../operators';
import { limitNote, MAX_ARRAY_LENGTH, MAX_STRING_LENGTH, OUT_OF_MEMORY } from '../limits';
import { Hashtable, PSObject, typeNameOf, type Value } from '../values';
import { DateTimeValue } from '../datetime/value';
import { invokeDateTimeMethod } from './datetime-methods';
import { ListValue } from '../list-value';
import { fixedSizeError, invokeListMethod, NO_SUCH_METHOD } from './list-methods';
import { findTypeMethod } from '../type-members';
import { DotNetMethodException } from '../credential';

/** A failed call, with the error id, category and CategoryInfo target PowerShell gives it. */
export class MethodError extends Error {
  constructor(
    message: string,
    readonly errorId = 'RuntimeException',
    /** `target:Type` text; PowerShell names the missing method (`Foo:String`). */
    readonly target = '',
    readonly category: ErrorCategory = 'InvalidOperation',
    readonly exceptionType = 'RuntimeException',
  ) {
    super(message);
  }
}

/** An exception thrown inside the .NET method, as PowerShell wraps it. */
function invocationError(method: string, args: readonly Value[], inner: string, innerType: string): MethodError {
  return new MethodError(`Exception calling "${method}" with "${args.length}" argument(s): "${inner}"`, innerType, '', 'NotSpecified', 'MethodInvocationException');
}

/** Refuses a result of `length` characters (or elements) over the limit, before it is built. */
function fits(method: string, args: readonly Value[], length: number, kind: 'string' | 'array' = 'string'): number {
  if (length > (kind === 'string' ? MAX_STRING_LENGTH : MAX_ARRAY_LENGTH)) {
    const error = invocationError(method, args, OUT_OF_MEMORY, 'OutOfMemoryException');
    throw new MethodError(`${error.message} ${limitNote(kind)}`, error.errorId, '', error.category, error.exceptionType);
  }
  return length;
}

function str(args: readonly Value[], i: number): string {
  return toPSString(args[i] ?? null);
}

function int(args: readonly Value[], i: number): number {
  return toInteger(args[i] ?? null, 'Int32');
}

type Method = (self: never, args: readonly Value[]) => Value;

/** Occurrences of `what` in `s` (ordinal, not overlapping), counted without building anything. */
function occurrences(s: string, what: string): number {
  let n = 0;
  for (let at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + what.length)) n++;
  return n;
}

/** String.Replace(string, string): ordinal; an empty oldValue is .NET's ArgumentException. */
function replace(s: string, a: readonly Value[]): string {
  const from = str(a, 0);
  const to = str(a, 1);
  if (from === '') throw invocationError('Replace', a, 'String cannot be of zero length.\nParameter name: oldValue', 'ArgumentException');
  fits('Replace', a, s.length + occurrences(s, from) * (to.length - from.length));
  // A function replacement: `$&` and friends in `to` are plain text, as in .NET; no array of pieces is built.
  return s.replaceAll(from, () => to);
}

/** String.Split(params char[]): every char of every argument separates; none means white space. */
function split(s: string, a: readonly Value[]): string[] {
  const separators = new Set(a.map(toPSString).join(''));
  const isSeparator = separators.size > 0 ? (c: string) => separators.has(c) : (c: string) => /\s/.test(c);
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isSeparator(s[i]!)) continue;
    fits('Split', a, parts.length + 2, 'array');
    parts.push(s.slice(start, i));
    start = i + 1;
  }
  parts.push(s.slice(start));
  return parts;
}

const STRING_METHODS: Record<string, Method> = {
  // .NET maps case one char at a time, so the result has the string's own length.
  toupper: (s: string) => toUpperDotNet(s),
  tolower: (s: string) => toLowerDotNet(s),
  trim: (s: string, a) => (a.length ? s.replace(new RegExp(`^[${escapeClass(str(a, 0))}]+|[${escapeClass(str(a, 0))}]+$`, 'g'), '') : s.trim()),
  trimstart: (s: string) => s.trimStart(),
  trimend: (s: string) => s.trimEnd(),
  startswith: (s: string, a) => s.startsWith(str(a, 0)),
  endswith: (s: string, a) => s.endsWith(str(a, 0)),
  contains: (s: string, a) => s.includes(str(a, 0)),
  indexof: (s: string, a) => s.indexOf(str(a, 0)),
  replace: (s: string, a) => replace(s, a),
  split: (s: string, a) => split(s, a),
  substring: (s: string, a) => {
    const start = int(a, 0);
    const length = a.length > 1 ? int(a, 1) : s.length - start;
    if (start < 0 || start > s.length || length < 0 || start + length > s.length) {
      throw new MethodError('Exception calling "Substring": "Index and length must refer to a location within the string."');
    }
    return s.substr(start, length);
  },
  padleft: (s: string, a) => s.padStart(fits('PadLeft', a, int(a, 0)), a.length > 1 ? str(a, 1) : ' '),
  padright: (s: string, a) => s.padEnd(fits('PadRight', a, int(a, 0)), a.length > 1 ? str(a, 1) : ' '),
};

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

const ARRAY_METHODS: Record<string, Method> = {
  contains: (arr: Value[], a) => arr.some((e) => valuesEqual(e, a[0] ?? null, true)),
  indexof: (arr: Value[], a) => arr.findIndex((e) => valuesEqual(e, a[0] ?? null, true)),
};

function dictionaryEntry(key: Value, value: Value): PSObject {
  const entry = new PSObject('System.Collections.DictionaryEntry', [
    ['Name', key],
    ['Value', value],
  ]);
  entry.addAlias('Key', 'Name');
  return entry;
}

const HASHTABLE_METHODS: Record<string, Method> = {
  containskey: (h: Hashtable, a) => h.has(a[0] ?? null),
  contains: (h: Hashtable, a) => h.has(a[0] ?? null),
  containsvalue: (h: Hashtable, a) => h.entries().some(([, v]) => valuesEqual(v, a[0] ?? null, false)),
  add: (h: Hashtable, a) => {
    const key = a[0] ?? null;
    if (key === null) throw invocationError('Add', a, 'Key cannot be null.\nParameter name: key', 'ArgumentNullException');
    if (h.has(key)) {
      const existing = h.entries().find(([k]) => valuesEqual(k, key, false))?.[0] ?? key;
      throw invocationError('Add', a, `Item has already been added. Key in dictionary: '${toPSString(existing)}'  Key being added: '${toPSString(key)}'`, 'ArgumentException');
    }
    h.set(key, a[1] ?? null);
    return null;
  },
  remove: (h: Hashtable, a) => {
    h.delete(a[0] ?? null);
    return null;
  },
  clear: (h: Hashtable) => {
    h.clear();
    return null;
  },
  // Hashtable.GetEnumerator(): its entries, one DictionaryEntry (Name/Key and Value) each, so they can be piped and sorted.
  getenumerator: (h: Hashtable) => h.entries().map(([k, v]) => dictionaryEntry(k, v)),
  clone: (h: Hashtable) => {
    const copy = new Hashtable();
    for (const [k, v] of h.entries()) copy.set(k, v);
    return copy;
  },
};

/** Calls `name` on `target`; throws MethodError with PowerShell's message when it does not exist. */
export function invokeMethod(target: Value, name: string, args: readonly Value[]): Value {
  const key = name.toLowerCase();
  if (target instanceof ListValue) {
    const result = invokeListMethod(target, name, args);
    if (result !== NO_SUCH_METHOD) return result;
  } else if (Array.isArray(target)) {
    const refused = fixedSizeError(name, args);
    if (refused) throw refused;
  }
  if (target instanceof DateTimeValue) {
    const result = invokeDateTimeMethod(target, name, args);
    if (result !== undefined) return result;
  }
  if (key === 'tostring' && args.length === 0) return toPSString(target);
  const own = target instanceof PSObject ? findTypeMethod(target, name) : undefined;
  if (own && target instanceof PSObject) {
    try {
      return own.call(target, args);
    } catch (e) {
      if (e instanceof DotNetMethodException) throw invocationError(own.name, args, e.message, e.exceptionType);
      throw e;
    }
  }
  let table: Record<string, Method> | undefined;
  if (typeof target === 'string') table = STRING_METHODS;
  else if (Array.isArray(target)) table = ARRAY_METHODS;
  else if (target instanceof Hashtable) table = HASHTABLE_METHODS;
  const method = table?.[key];
  if (target === null) throw new MethodError('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull');
  if (!method) {
    throw new MethodError(`Method invocation failed because [${typeNameOf(target)}] does not contain a method named '${name}'.`, 'MethodNotFound', `${name}:String`);
  }
  return method(target as never, args);
}
