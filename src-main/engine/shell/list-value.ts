// The growable collections scripts build results in: ArrayList and
// List[string] / List[object] (New-Object). A ListValue is a JavaScript array
// (so the pipeline, indexing, formatting and member enumeration treat it as
// a collection, as PowerShell does) that also knows its .NET type and has
// the methods of that type: Add, AddRange, Insert, Remove, RemoveAt, Clear,
// Contains, IndexOf, ToArray, Sort, Reverse.

import type { Value } from './values';

export const ARRAY_LIST = 'System.Collections.ArrayList';

/** List`1's full name as .NET writes it for an element type. */
export function genericListName(element: 'System.String' | 'System.Object'): string {
  return `System.Collections.Generic.List\`1[[${element}, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]`;
}

export class ListValue extends Array<Value> {
  // map/filter/slice on a list give plain arrays (object[]), as PowerShell's operators do.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** The .NET type's full name. */
  typeName = ARRAY_LIST;
  /** List[string]: items are converted to strings as they are added. */
  convert: ((v: Value) => Value) | undefined;

  static make(typeName: string, items: readonly Value[] = [], convert?: (v: Value) => Value): ListValue {
    const list = new ListValue();
    list.typeName = typeName;
    list.convert = convert;
    for (const item of items) list.push(convert ? convert(item) : item);
    return list;
  }

  /** ArrayList.Add returns the new item's index (which PowerShell prints); List<T>.Add returns nothing. */
  get addReturnsIndex(): boolean {
    return this.typeName === ARRAY_LIST;
  }
}
