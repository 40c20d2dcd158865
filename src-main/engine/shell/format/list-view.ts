// Format-List's layout: one `Name : Value` line per property, names padded
// to the longest name of that object, a blank line before the first object
// and after each one. Also the value-to-cell text every view shares.

import { toPSString } from '../convert';
import { DateTimeValue } from '../datetime/value';
import { Hashtable, type Value } from '../values';

/** $FormatEnumerationLimit: how many items of a collection a view shows before "...". */
export const ENUMERATION_LIMIT = 4;

/**
 * A value as a format view shows it: $null empty, booleans True/False,
 * collections as `{a, b, c}` (cut after four items with "..."), anything
 * else by its string conversion.
 */
export function displayValue(value: Value): string {
  if (Array.isArray(value)) return enumerationText(value);
  // A DateTime in a cell is its ToString(): the culture's general format, not the invariant one "$d" gives.
  if (value instanceof DateTimeValue) return value.format('G');
  // A hashtable enumerates its entries; Windows PowerShell shows their keys.
  if (value instanceof Hashtable) return enumerationText(value.entries().map(([k]) => k));
  return toPSString(value);
}

function enumerationText(items: readonly Value[]): string {
  const shown = items.slice(0, ENUMERATION_LIMIT).map((v) => toPSString(v));
  return `{${shown.join(', ')}${items.length > ENUMERATION_LIMIT ? '...' : ''}}`;
}

export type ListEntry = readonly [name: string, value: Value];

export interface ListOptions {
  /** Console width; longer values continue on the next line, aligned under the value. */
  readonly width?: number;
}

function entryLines(name: string, text: string, nameWidth: number, width: number, out: string[]): void {
  const prefix = `${name.padEnd(nameWidth)} : `;
  const room = Math.max(1, width - prefix.length);
  // Fast path, by far the common case: one short line.
  if (text.length <= room && !text.includes('\n')) {
    out.push(text.length === 0 ? prefix.trimEnd() : prefix + text.trimEnd());
    return;
  }
  const indent = ' '.repeat(prefix.length);
  let first = true;
  for (const part of text.split(/\r?\n/)) {
    let at = 0;
    do {
      out.push(`${first ? prefix : indent}${part.slice(at, at + room)}`.trimEnd());
      first = false;
      at += room;
    } while (at < part.length);
  }
}

/** Renders objects (each a list of name/value pairs) as Format-List does. */
export function renderList(objects: readonly (readonly ListEntry[])[], options: ListOptions = {}): string[] {
  if (objects.length === 0) return [];
  const width = options.width ?? 120;
  const lines: string[] = [''];
  for (const entries of objects) {
    const nameWidth = Math.max(0, ...entries.map(([n]) => n.length));
    for (const [name, value] of entries) entryLines(name, displayValue(value), nameWidth, width, lines);
    lines.push('');
  }
  return lines;
}
