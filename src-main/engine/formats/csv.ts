// CSV as Windows PowerShell 5.1 writes and reads it: a `#TYPE <type name>`
// line unless -NoTypeInformation, a header of the first object's property
// names, every field in double quotes (quotes doubled), $null as an empty
// unquoted field. Reading accepts quoted fields across lines, turns the
// #TYPE line into a `CSV:<type>` type name, and gives every value as a string.

import { toPSString } from '../shell/convert';
import { PSObject, typeNameOf, type Value } from '../shell/values';
import { PSCUSTOM_TYPE } from './json51';

export class CsvError extends Error {}

/** The property names of one object, in order, as Export-Csv sees them. */
export function csvPropertyNames(value: Value): string[] {
  if (value instanceof PSObject) return value.propertyNames;
  if (typeof value === 'string') return ['Length'];
  return [];
}

function field(value: Value | undefined): string {
  if (value === undefined || value === null) return '';
  return `"${toPSString(value).replace(/"/g, '""')}"`;
}

export function csvHeader(names: readonly string[], delimiter: string): string {
  return names.map((n) => field(n)).join(delimiter);
}

export function csvRow(value: Value, names: readonly string[], delimiter: string): string {
  return names
    .map((n) => {
      if (value instanceof PSObject) return field(value.get(n));
      if (typeof value === 'string' && n === 'Length') return field(value.length);
      return '';
    })
    .join(delimiter);
}

export function typeLine(value: Value): string {
  return `#TYPE ${typeNameOf(value)}`;
}

/** Splits CSV text into records of fields; quotes may hold delimiters and line breaks. */
export function splitCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let current = '';
  let quoted = false;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          current += '"';
          i++;
        } else quoted = false;
      } else current += c;
    } else if (c === '"') {
      quoted = true;
      any = true;
    } else if (c === delimiter) {
      fields.push(current);
      current = '';
      any = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (any || current !== '') fields.push(current);
      if (fields.length > 0) records.push(fields);
      fields = [];
      current = '';
      any = false;
    } else {
      current += c;
      any = true;
    }
  }
  if (any || current !== '') fields.push(current);
  if (fields.length > 0) records.push(fields);
  return records;
}

/** Objects from CSV text; `header` replaces the file's own header line (-Header). */
export function parseCsv(text: string, delimiter: string, header?: readonly string[]): PSObject[] {
  let body = text.replace(/^\uFEFF/, '');
  let typeName = PSCUSTOM_TYPE;
  const first = /^#TYPE[ \t]+([^\r\n]*)\r?\n?/i.exec(body);
  if (first) {
    typeName = `CSV:${first[1]!.trim()}`;
    body = body.slice(first[0].length);
  }
  const records = splitCsv(body, delimiter);
  const names = header ? [...header] : (records.shift() ?? []);
  const seen = new Set<string>();
  for (const n of names) {
    if (n === '') throw new CsvError('Cannot process argument because the value of argument "name" is not valid. Change the value of the "name" argument and run the operation again.');
    if (seen.has(n.toLowerCase())) throw new CsvError(`The member "${n}" is already present.`);
    seen.add(n.toLowerCase());
  }
  return records.map(
    (fields) =>
      new PSObject(
        typeName,
        names.map((n, i) => [n, i < fields.length ? fields[i]! : null] as const),
      ),
  );
}
