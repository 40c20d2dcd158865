// Methods of the .NET objects the console models as PSObjects (a
// PSCredential's GetNetworkCredential()), looked up by the object's type
// name. invokeMethod calls them; Get-Member lists them with their signatures.

import { networkCredential, PSCREDENTIAL_TYPE } from './credential';
import { SECURE_STRING_TYPE } from './secure-string';
import { decodeWith, ENCODING_TYPES, encodeWith } from './text-encoding';
import { toPSString } from './convert';
import { PSObject, type Value } from './values';

export interface TypeMethod {
  /** As Get-Member spells it. */
  readonly name: string;
  /** Get-Member's Definition. */
  readonly definition: string;
  readonly call: (self: PSObject, args: readonly Value[]) => Value;
}

/** Encoding.GetString(byte[]) and GetBytes(string), for the encodings the console models. */
const ENCODING_METHODS: readonly TypeMethod[] = [
  { name: 'GetBytes', definition: 'byte[] GetBytes(string s)', call: (self, args) => [...encodeWith(self, toPSString(args[0] ?? null))] },
  { name: 'GetString', definition: 'string GetString(byte[] bytes)', call: (self, args) => decodeWith(self, args[0] ?? null) },
];

const METHODS: ReadonlyMap<string, readonly TypeMethod[]> = new Map([
  [PSCREDENTIAL_TYPE, [{ name: 'GetNetworkCredential', definition: 'System.Net.NetworkCredential GetNetworkCredential()', call: (self: PSObject) => networkCredential(self) }]],
  ...ENCODING_TYPES.map((t) => [t, ENCODING_METHODS] as const),
]);

/** Types whose properties have no setter (Get-Member writes them {get;}). */
const READ_ONLY = new Set<string>([SECURE_STRING_TYPE, PSCREDENTIAL_TYPE, ...ENCODING_TYPES]);

/** The type's own methods (besides Equals, GetHashCode, GetType, ToString). */
export function typeMethods(value: Value): readonly TypeMethod[] {
  return value instanceof PSObject ? (METHODS.get(value.typeName) ?? []) : [];
}

/** The method `name` (any case) of the value's type, if it has one. */
export function findTypeMethod(value: Value, name: string): TypeMethod | undefined {
  const key = name.toLowerCase();
  return typeMethods(value).find((m) => m.name.toLowerCase() === key);
}

export function hasReadOnlyProperties(value: Value): boolean {
  return value instanceof PSObject && READ_ONLY.has(value.typeName);
}
