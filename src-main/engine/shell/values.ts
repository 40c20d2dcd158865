// Runtime values of the console language. PowerShell's object model is
// mapped onto plain JavaScript where it can be: numbers, strings, booleans,
// null ($null) and arrays (object[]); the rest are the small classes below.

import type { ScriptBlockExpr } from './ast';

export type Value =
  | null
  | number
  | string
  | boolean
  | Value[]
  | PSObject
  | Hashtable
  | ScriptBlock
  | FormattedText;

interface PropertySlot {
  readonly name: string;
  value: Value;
}

/**
 * Hook for typed objects (the configuration object): converts and validates a
 * value assigned to a property, throwing a RuntimeError message on failure.
 */
export type PropertySetter = (name: string, value: Value) => Value;

/** A PowerShell object with named, case-insensitive note properties. */
export class PSObject {
  private readonly slots = new Map<string, PropertySlot>();

  constructor(
    /** Full .NET-style type name, first entry of PSTypeNames. */
    readonly typeName: string,
    properties: Iterable<readonly [string, Value]> = [],
    private readonly setter?: PropertySetter,
    /** Marks an object made by New-… -InMemory (Set -Instance may create it). */
    readonly inMemory = false,
  ) {
    for (const [name, value] of properties) this.slots.set(name.toLowerCase(), { name, value });
  }

  get propertyNames(): string[] {
    return [...this.slots.values()].map((s) => s.name);
  }

  has(name: string): boolean {
    return this.slots.has(name.toLowerCase());
  }

  get(name: string): Value | undefined {
    return this.slots.get(name.toLowerCase())?.value;
  }

  /** Sets an existing property (through the typed setter) or adds a note property. */
  set(name: string, value: Value): void {
    const slot = this.slots.get(name.toLowerCase());
    if (slot) {
      slot.value = this.setter ? this.setter(slot.name, value) : value;
      return;
    }
    if (this.setter) {
      throw new Error(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`);
    }
    this.slots.set(name.toLowerCase(), { name, value });
  }

  entries(): [string, Value][] {
    return [...this.slots.values()].map((s) => [s.name, s.value]);
  }

  /** A shallow copy with the same type, setter and flags. */
  clone(): PSObject {
    return new PSObject(this.typeName, this.entries(), this.setter, this.inMemory);
  }
}

/** @{…}: keys compared case-insensitively when they are strings, order kept. */
export class Hashtable {
  private readonly map = new Map<unknown, { key: Value; value: Value }>();

  private static norm(key: Value): unknown {
    return typeof key === 'string' ? key.toLowerCase() : key;
  }

  set(key: Value, value: Value): void {
    const k = Hashtable.norm(key);
    const existing = this.map.get(k);
    this.map.set(k, { key: existing ? existing.key : key, value });
  }

  get(key: Value): Value | undefined {
    return this.map.get(Hashtable.norm(key))?.value;
  }

  has(key: Value): boolean {
    return this.map.has(Hashtable.norm(key));
  }

  get size(): number {
    return this.map.size;
  }

  entries(): [Value, Value][] {
    return [...this.map.values()].map((e) => [e.key, e.value]);
  }
}

/** `{ … }` as a value. */
export class ScriptBlock {
  constructor(readonly ast: ScriptBlockExpr) {}
  get text(): string {
    return this.ast.text;
  }
}

/** What Format-List / Format-Table / Get-Help produce: lines ready for the host. */
export class FormattedText {
  constructor(readonly lines: readonly string[]) {}
}

/** PowerShell enumerates arrays in the pipeline; everything else is one item. */
export function enumerate(value: Value): Value[] {
  return Array.isArray(value) ? value : [value];
}

/** Collapses pipeline output the way assignment does: 0 → $null, 1 → the item, n → array. */
export function collapse(items: Value[]): Value {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0]!;
  return items;
}

export function typeNameOf(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= 2147483647 ? 'System.Int32' : Number.isInteger(value) ? 'System.Int64' : 'System.Double';
  if (typeof value === 'string') return 'System.String';
  if (typeof value === 'boolean') return 'System.Boolean';
  if (Array.isArray(value)) return 'System.Object[]';
  if (value instanceof PSObject) return value.typeName;
  if (value instanceof Hashtable) return 'System.Collections.Hashtable';
  if (value instanceof ScriptBlock) return 'System.Management.Automation.ScriptBlock';
  return 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData';
}
