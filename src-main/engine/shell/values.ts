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

/**
 * Hook for typed objects (the configuration object): converts and validates a
 * value assigned to a property, throwing a RuntimeError message on failure.
 */
export type PropertySetter = (name: string, value: Value) => Value;

/** What a setter throws for a property that has no setter: 5.1's "'X' is a ReadOnly property." */
export class ReadOnlyPropertyError extends Error {
  constructor(readonly property: string) {
    super(`'${property}' is a ReadOnly property.`);
  }
}

/** A setter for objects whose properties can only be read (SecureString, PSCredential). */
export const readOnlyProperties: PropertySetter = (name) => {
  throw new ReadOnlyPropertyError(name);
};

/** Property names and their case-folded index, shared by every object of one shape. */
interface Shape {
  readonly names: readonly string[];
  /** Case-folded name → position. */
  readonly index: ReadonlyMap<string, number>;
  /** Exact spelling → position: the common lookup, without lower-casing. */
  readonly exact: ReadonlyMap<string, number>;
}

const SHAPES = new Map<string, Shape>();
/** Name lists that code holds on to (the configuration object's) skip the string key. */
const SHAPES_BY_LIST = new WeakMap<readonly string[], Shape>();

function shapeOf(names: readonly string[]): Shape {
  const key = names.join('\u0000');
  let shape = SHAPES.get(key);
  if (!shape) {
    shape = { names: [...names], index: new Map(names.map((n, i) => [n.toLowerCase(), i])), exact: new Map(names.map((n, i) => [n, i])) };
    // Shapes come from code and from Select-Object; cap the cache so user input cannot grow it forever.
    if (SHAPES.size < 1000) SHAPES.set(key, shape);
  }
  return shape;
}

/**
 * A PowerShell object with named, case-insensitive note properties. Objects
 * of the same shape (10,000 configuration objects) share one name index.
 */
export class PSObject {
  private shape: Shape;
  private readonly values: Value[];

  constructor(
    /** Full .NET-style type name, first entry of PSTypeNames. */
    readonly typeName: string,
    properties: Iterable<readonly [string, Value]> = [],
    private readonly setter?: PropertySetter,
    /** Marks an object made by New-… -InMemory (Set -Instance may create it). */
    readonly inMemory = false,
  ) {
    const names: string[] = [];
    this.values = [];
    for (const [name, value] of properties) {
      names.push(name);
      this.values.push(value);
    }
    this.shape = shapeOf(names);
    if (this.shape.index.size !== names.length) this.dedupe(names);
  }

  /** Rare: the same name given twice (in any case); the last value wins, the first spelling stays. */
  private dedupe(names: readonly string[]): void {
    const kept: string[] = [];
    const values: Value[] = [];
    const at = new Map<string, number>();
    names.forEach((n, i) => {
      const existing = at.get(n.toLowerCase());
      if (existing !== undefined) values[existing] = this.values[i]!;
      else {
        at.set(n.toLowerCase(), kept.length);
        kept.push(n);
        values.push(this.values[i]!);
      }
    });
    this.values.splice(0, this.values.length, ...values);
    this.shape = shapeOf(kept);
  }

  /** What the object's ToString() gives, when it is not the default (error records, exceptions). */
  text?: string;

  /** AliasProperty members (Add-Member): alias name (lower case) → [alias as spelt, target property]. */
  private aliasMembers: Map<string, readonly [string, string]> | undefined;

  /** Adds an AliasProperty: reading or setting `alias` reads or sets `target`. */
  addAlias(alias: string, target: string): void {
    (this.aliasMembers ??= new Map()).set(alias.toLowerCase(), [alias, target]);
  }

  /** The AliasProperty members, as [alias, target] pairs. */
  get aliases(): readonly (readonly [string, string])[] {
    return this.aliasMembers ? [...this.aliasMembers.values()] : [];
  }

  /** Builds an object from a fixed list of names (kept by the caller) and matching values. */
  static fromNames(typeName: string, names: readonly string[], values: Value[], setter?: PropertySetter, inMemory = false): PSObject {
    const obj = new PSObject(typeName, [], setter, inMemory);
    let shape = SHAPES_BY_LIST.get(names);
    if (!shape) SHAPES_BY_LIST.set(names, (shape = shapeOf(names)));
    obj.shape = shape;
    obj.values.push(...values);
    return obj;
  }

  get propertyNames(): string[] {
    return [...this.shape.names];
  }

  has(name: string): boolean {
    return this.shape.exact.has(name) || this.shape.index.has(name.toLowerCase()) || (this.aliasMembers?.has(name.toLowerCase()) ?? false);
  }

  get(name: string): Value | undefined {
    const at = this.shape.exact.get(name) ?? this.shape.index.get(name.toLowerCase());
    if (at === undefined && this.aliasMembers) {
      const alias = this.aliasMembers.get(name.toLowerCase());
      if (alias && alias[1].toLowerCase() !== name.toLowerCase()) return this.get(alias[1]);
    }
    return at === undefined ? undefined : this.values[at];
  }

  /** Sets an existing property (through the typed setter) or adds a note property. */
  set(name: string, value: Value): void {
    const alias = this.aliasMembers?.get(name.toLowerCase());
    if (alias && !this.shape.index.has(name.toLowerCase())) return this.set(alias[1], value);
    const at = this.shape.index.get(name.toLowerCase());
    if (at !== undefined) {
      this.values[at] = this.setter ? this.setter(this.shape.names[at]!, value) : value;
      return;
    }
    if (this.setter) {
      throw new Error(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`);
    }
    this.shape = shapeOf([...this.shape.names, name]);
    this.values.push(value);
  }

  entries(): [string, Value][] {
    return this.shape.names.map((n, i) => [n, this.values[i]!]);
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

  delete(key: Value): boolean {
    return this.map.delete(Hashtable.norm(key));
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }

  entries(): [Value, Value][] {
    return [...this.map.values()].map((e) => [e.key, e.value]);
  }
}

/** The source a script block was written in: its extents are offsets into `text`; `path` for a script file. */
export interface SourceOrigin {
  readonly text: string;
  readonly path?: string;
}

/** `{ … }` as a value. */
export class ScriptBlock {
  constructor(
    readonly ast: ScriptBlockExpr,
    readonly origin?: SourceOrigin,
  ) {}
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
  if (Array.isArray(value)) return (value as { typeName?: string }).typeName ?? 'System.Object[]';
  if (value instanceof PSObject) return value.typeName;
  if (value instanceof Hashtable) return 'System.Collections.Hashtable';
  if (value instanceof ScriptBlock) return 'System.Management.Automation.ScriptBlock';
  return 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData';
}
