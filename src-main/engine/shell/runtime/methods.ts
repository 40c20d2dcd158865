// The .NET methods the console supports on values: the common string
// methods, ToString() on anything, and Contains/IndexOf on arrays.

import { toInteger, toPSString } from '../convert';
import { valuesEqual } from '../operators';
import { MAX_STRING_LENGTH } from '../limits';
import { Hashtable, typeNameOf, type Value } from '../values';

/** A failed call, with the error id and CategoryInfo target PowerShell gives it. */
export class MethodError extends Error {
  constructor(
    message: string,
    readonly errorId = 'RuntimeException',
    /** `target:Type` text; PowerShell names the missing method (`Foo:String`). */
    readonly target = '',
  ) {
    super(message);
  }
}

function str(args: readonly Value[], i: number): string {
  return toPSString(args[i] ?? null);
}

function int(args: readonly Value[], i: number): number {
  return toInteger(args[i] ?? null, 'Int32');
}

type Method = (self: never, args: readonly Value[]) => Value;

/** A result length within the string limit, or .NET's out-of-memory failure of the call. */
function fits(method: string, args: readonly Value[], length: number): number {
  if (length > MAX_STRING_LENGTH) {
    const count = `${args.length} argument${args.length === 1 ? '' : '(s)'}`;
    throw new MethodError(`Exception calling "${method}" with "${count}": "Exception of type 'System.OutOfMemoryException' was thrown." (pchat-admin keeps one string under ${MAX_STRING_LENGTH.toLocaleString('en-US')} characters.)`, 'OutOfMemoryException');
  }
  return length;
}

const STRING_METHODS: Record<string, Method> = {
  toupper: (s: string) => s.toUpperCase(),
  tolower: (s: string) => s.toLowerCase(),
  trim: (s: string, a) => (a.length ? s.replace(new RegExp(`^[${escapeClass(str(a, 0))}]+|[${escapeClass(str(a, 0))}]+$`, 'g'), '') : s.trim()),
  trimstart: (s: string) => s.trimStart(),
  trimend: (s: string) => s.trimEnd(),
  startswith: (s: string, a) => s.startsWith(str(a, 0)),
  endswith: (s: string, a) => s.endsWith(str(a, 0)),
  contains: (s: string, a) => s.includes(str(a, 0)),
  indexof: (s: string, a) => s.indexOf(str(a, 0)),
  replace: (s: string, a) => {
    const parts = s.split(str(a, 0));
    fits('Replace', a, s.length + (parts.length - 1) * (str(a, 1).length - str(a, 0).length));
    return parts.join(str(a, 1));
  },
  split: (s: string, a) => s.split(new RegExp(`[${escapeClass(a.map(toPSString).join(''))}]`)),
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

const HASHTABLE_METHODS: Record<string, Method> = {
  containskey: (h: Hashtable, a) => h.has(a[0] ?? null),
};

/** Calls `name` on `target`; throws MethodError with PowerShell's message when it does not exist. */
export function invokeMethod(target: Value, name: string, args: readonly Value[]): Value {
  const key = name.toLowerCase();
  if (key === 'tostring' && args.length === 0) return toPSString(target);
  if (key === 'gettype' && args.length === 0) return typeNameOf(target);
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
