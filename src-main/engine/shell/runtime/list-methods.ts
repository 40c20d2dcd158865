// The methods of ArrayList and List[T] (list-value.ts), with .NET's
// exceptions as PowerShell wraps them. A plain array (object[]) is fixed
// size: Add and Remove fail on it as they do in .NET.

import { toInteger, toPSString } from '../convert';
import { ListValue } from '../list-value';
import { compareOrder, valuesEqual } from '../operators';
import type { Value } from '../values';
import { MethodError } from './methods';

function invocationError(method: string, args: readonly Value[], inner: string, innerType: string): MethodError {
  return new MethodError(`Exception calling "${method}" with "${args.length}" argument(s): "${inner}"`, innerType, '', 'NotSpecified', 'MethodInvocationException');
}

function index(method: string, list: ListValue, args: readonly Value[], at: number, allowEnd: boolean): number {
  const i = toInteger(args[at] ?? null, 'Int32');
  if (i < 0 || i > list.length || (!allowEnd && i === list.length)) {
    throw invocationError(method, args, 'Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: index', 'ArgumentOutOfRangeException');
  }
  return i;
}

function item(list: ListValue, v: Value): Value {
  return list.convert ? list.convert(v) : v;
}

type ListMethod = (list: ListValue, args: readonly Value[]) => Value | undefined;

/** `undefined` from a method means it returns void: nothing is written. */
const METHODS: Record<string, ListMethod> = {
  add: (list, a) => {
    list.push(item(list, a[0] ?? null));
    return list.addReturnsIndex ? list.length - 1 : undefined;
  },
  addrange: (list, a) => {
    const items = a[0];
    for (const v of Array.isArray(items) ? items : [items ?? null]) list.push(item(list, v));
    return undefined;
  },
  insert: (list, a) => {
    list.splice(index('Insert', list, a, 0, true), 0, item(list, a[1] ?? null));
    return undefined;
  },
  remove: (list, a) => {
    const at = list.findIndex((e) => valuesEqual(e, a[0] ?? null, true));
    if (at >= 0) list.splice(at, 1);
    // ArrayList.Remove is void; List<T>.Remove says whether it found the item.
    return list.addReturnsIndex ? undefined : at >= 0;
  },
  removeat: (list, a) => {
    list.splice(index('RemoveAt', list, a, 0, false), 1);
    return undefined;
  },
  clear: (list) => {
    list.length = 0;
    return undefined;
  },
  contains: (list, a) => list.some((e) => valuesEqual(e, a[0] ?? null, true)),
  indexof: (list, a) => list.findIndex((e) => valuesEqual(e, a[0] ?? null, true)),
  toarray: (list) => [...list],
  sort: (list) => {
    const sorted = [...list].sort((x, y) => {
      try {
        return compareOrder(x, y, false);
      } catch {
        return toPSString(x).localeCompare(toPSString(y));
      }
    });
    sorted.forEach((v, i) => (list[i] = v));
    return undefined;
  },
  reverse: (list) => {
    list.reverse();
    return undefined;
  },
};

/** Sentinel: the list has no method of that name. */
export const NO_SUCH_METHOD = Symbol('no such method');

/** Calls a list method; returns NO_SUCH_METHOD when there is none, null for a void method. */
export function invokeListMethod(list: ListValue, name: string, args: readonly Value[]): Value | typeof NO_SUCH_METHOD {
  const method = METHODS[name.toLowerCase()];
  if (!method) return NO_SUCH_METHOD;
  return method(list, args) ?? null;
}

/** A fixed-size array (object[]) refuses to grow, as .NET does. */
export function fixedSizeError(name: string, args: readonly Value[]): MethodError | undefined {
  if (!['add', 'remove', 'removeat', 'insert', 'clear', 'addrange'].includes(name.toLowerCase())) return undefined;
  return invocationError(name[0]!.toUpperCase() + name.slice(1), args, 'Collection was of a fixed size.', 'NotSupportedException');
}
