// Property access on values, with PowerShell's two different rules:
//  - the language's `$x.Name` (getProperty): hashtable keys, member
//    enumeration over arrays, the intrinsic Count/Length every value has;
//  - the type system's adapted properties (memberProperties), which is what
//    Select-Object, Sort-Object, Measure-Object and the formatters see. In
//    Windows PowerShell 5.1 a hashtable's keys are NOT properties there
//    (`@{a=1} | Select-Object a` gives an empty a), so the two must differ.

import { hasWildcard, wildcardToRegExp } from './wildcard';
import { FormattedText, Hashtable, PSObject, ScriptBlock, type Value } from './values';

const HASHTABLE_PROPERTIES = ['IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Keys', 'Values', 'SyncRoot', 'Count'] as const;
const ARRAY_PROPERTIES = ['Length', 'LongLength', 'Rank', 'SyncRoot', 'IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Count'] as const;

/** The adapted property names of a value, in the order PowerShell lists them. */
export function memberPropertyNames(value: Value): string[] {
  if (value instanceof PSObject) return value.propertyNames;
  if (value instanceof Hashtable) return [...HASHTABLE_PROPERTIES];
  if (Array.isArray(value)) return [...ARRAY_PROPERTIES];
  if (typeof value === 'string') return ['Length'];
  return [];
}

function hashtableMember(table: Hashtable, lower: string): Value | undefined {
  switch (lower) {
    case 'isreadonly':
    case 'isfixedsize':
    case 'issynchronized':
      return false;
    case 'keys':
      return table.entries().map(([k]) => k);
    case 'values':
      return table.entries().map(([, v]) => v);
    case 'syncroot':
      return 'System.Object';
    case 'count':
      return table.size;
  }
  return undefined;
}

function arrayMember(list: Value[], lower: string): Value | undefined {
  switch (lower) {
    case 'length':
    case 'longlength':
    case 'count':
      return list.length;
    case 'rank':
      return 1;
    case 'syncroot':
      return list;
    case 'isreadonly':
    case 'issynchronized':
      return false;
    case 'isfixedsize':
      return true;
  }
  return undefined;
}

/**
 * An adapted property by name (case-insensitive). `found` is false when the
 * value has no such property, which callers need to tell apart from $null.
 */
export function getMemberProperty(value: Value, name: string): { found: boolean; value: Value } {
  const lower = name.toLowerCase();
  let v: Value | undefined;
  if (value instanceof PSObject) v = value.get(name);
  else if (value instanceof Hashtable) v = hashtableMember(value, lower);
  else if (Array.isArray(value)) v = arrayMember(value, lower);
  else if (typeof value === 'string' && lower === 'length') v = value.length;
  return v === undefined ? { found: false, value: null } : { found: true, value: v };
}

/**
 * Resolves a property name that may hold wildcards against one value: a
 * pattern gives the matching names in the value's own order; a plain name
 * is returned as typed (or with the value's spelling when it exists).
 */
export function resolvePropertyNames(value: Value, pattern: string): string[] {
  const names = memberPropertyNames(value);
  if (!hasWildcard(pattern)) {
    const lower = pattern.toLowerCase();
    return [names.find((n) => n.toLowerCase() === lower) ?? pattern];
  }
  const re = wildcardToRegExp(pattern);
  return names.filter((n) => re.test(n));
}

/** Intrinsic members every scalar has since PowerShell 3.0. */
function intrinsic(value: Value, lower: string): Value | undefined {
  if (lower === 'count' || lower === 'length') return value === null ? 0 : 1;
  return undefined;
}

/**
 * `$x.Name` in the language: hashtable keys first, member enumeration over
 * arrays (elements lacking the member contribute nothing; 0 results → $null,
 * 1 → that result, more → an array), $null for anything missing.
 */
export function getProperty(value: Value, name: string): Value {
  const lower = name.toLowerCase();
  if (value === null) return intrinsic(value, lower) ?? null;
  if (value instanceof Hashtable) {
    if (value.has(name)) return value.get(name) ?? null;
    return hashtableMember(value, lower) ?? intrinsic(value, lower) ?? null;
  }
  if (Array.isArray(value)) {
    const own = arrayMember(value, lower);
    if (own !== undefined) return own;
    return enumerateMember(value, name);
  }
  if (value instanceof PSObject) {
    const v = value.get(name);
    if (v !== undefined) return v;
    return intrinsic(value, lower) ?? null;
  }
  if (typeof value === 'string' && lower === 'length') return value.length;
  if (value instanceof ScriptBlock || value instanceof FormattedText) return null;
  return intrinsic(value, lower) ?? null;
}

/** True when `$x.Name` would find something on this element (used by member enumeration). */
function hasLanguageMember(value: Value, name: string): boolean {
  if (value instanceof Hashtable) return value.has(name) || hashtableMember(value, name.toLowerCase()) !== undefined;
  if (value instanceof PSObject) return value.has(name);
  return getMemberProperty(value, name).found;
}

function enumerateMember(list: Value[], name: string): Value {
  const out: Value[] = [];
  for (const element of list) {
    if (Array.isArray(element)) {
      const inner = getProperty(element, name);
      if (inner !== null) out.push(...(Array.isArray(inner) ? inner : [inner]));
      continue;
    }
    if (!hasLanguageMember(element, name)) continue;
    const v = getProperty(element, name);
    // Like a foreach statement's output, a collection value is unrolled.
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  if (out.length === 0) return null;
  if (out.length === 1) return out[0]!;
  return out;
}
