// Format-List's layout: one `Name : Value` line per property, names padded
// to the longest name of that object, a blank line before the first object
// and after each one. Also the value-to-cell text every view shares.

import { toPSString } from '../convert';
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

function entryLines(name: string, text: string, nameWidth: number, width: number): string[] {
  const prefix = `${name.padEnd(nameWidth)} : `;
  const indent = ' '.repeat(prefix.length);
  const room = Math.max(1, width - prefix.length);
  const out: string[] = [];
  text.split(/\r?\n/).forEach((part, i) => {
    // PowerShell breaks an over-long value at the width, not at a word.
    const chunks = part.length === 0 ? [''] : (part.match(new RegExp(`[\\s\\S]{1,${room}}`, 'g')) ?? ['']);
    chunks.forEach((chunk, j) => out.push(`${i === 0 && j === 0 ? prefix : indent}${chunk}`.trimEnd()));
  });
  return out;
}

/** Renders objects (each a list of name/value pairs) as Format-List does. */
export function renderList(objects: readonly (readonly ListEntry[])[], options: ListOptions = {}): string[] {
  if (objects.length === 0) return [];
  const width = options.width ?? 120;
  const lines: string[] = [''];
  for (const entries of objects) {
    const nameWidth = Math.max(0, ...entries.map(([n]) => n.length));
    for (const [name, value] of entries) lines.push(...entryLines(name, displayValue(value), nameWidth, width));
    lines.push('');
  }
  return lines;
}
