// Out-Default: how the console shows objects nobody formatted. PowerShell's
// rules, reduced to what this console produces: a type with a registered
// view uses it; the configuration object is always a list; other objects
// with more than four properties are lists, four or fewer a table, and
// consecutive objects of the same shape share one table; hashtables are a
// Name/Value table; scalars are one line each; formatted text is verbatim.

import { toPSString } from '../convert';
import { getMemberProperty } from '../members';
import { FormattedText, Hashtable, PSObject, ScriptBlock, type Value } from '../values';
import { renderList, type ListEntry } from './list-view';
import { DEFAULT_WIDTH, renderValueTable, type TableOptions } from './table-view';
import { isFramedTextView, textView } from './text-views';
import { HASHTABLE_COLUMNS, tableViewFor, type TableView } from './views';

export interface HostFormatOptions extends Pick<TableOptions, 'wrap' | 'autoSize' | 'onDropped' | 'layout' | 'onLayout'> {
  /** Console width in characters. Default 120. */
  readonly width?: number;
}

/** The table options of a host format call (the width defaulted). */
function tableOptions(options: HostFormatOptions): TableOptions {
  return { ...options, width: options.width ?? DEFAULT_WIDTH };
}

/** Objects with more than this many properties show as a list. */
const MAX_TABLE_PROPERTIES = 4;

/** The Persistent Chat configuration object (not a Select-Object copy of it). */
export function isConfigurationObject(value: Value): boolean {
  return value instanceof PSObject && value.typeName.endsWith('PersistentChatConfiguration') && !value.typeName.startsWith('Selected.');
}

/** Name/value pairs of an object for a list: every property, in the object's own order. */
export function listEntries(obj: PSObject, properties?: readonly string[]): ListEntry[] {
  if (!properties) return obj.entries();
  const names = properties;
  return names.map((n) => {
    const found = getMemberProperty(obj, n);
    return [found.found ? (obj.propertyNames.find((p) => p.toLowerCase() === n.toLowerCase()) ?? n) : n, found.value] as const;
  });
}

/** The hashtable view: Name is 30 wide, both columns left-aligned. */
export function hashtableTable(tables: readonly Hashtable[], options: HostFormatOptions = {}): string[] {
  const entries = tables.flatMap((t) => t.entries());
  if (entries.length === 0) return [];
  return renderValueTable(
    [
      { header: 'Name', values: entries.map(([k]) => k), width: HASHTABLE_COLUMNS.nameWidth, align: 'left' },
      { header: 'Value', values: entries.map(([, v]) => v), align: 'left' },
    ],
    tableOptions(options),
  );
}

function viewTable(view: TableView, objects: readonly PSObject[], options: TableOptions): string[] {
  return renderValueTable(
    view.columns.map((c) => ({
      header: c.header,
      values: objects.map((o) => c.value(o)),
      ...(c.width !== undefined ? { width: c.width } : {}),
      ...(c.align ? { align: c.align } : {}),
    })),
    options,
  );
}

/** A group heading: PowerShell's GroupBy label over each run of objects sharing a value. */
export interface GroupHeading<T> {
  readonly label: string;
  readonly value: (item: T) => Value;
}

/** A blank line and `   Label: value` over each run of consecutive items sharing the value, each run rendered on its own. */
export function groupedRuns<T>(items: readonly T[], groupBy: GroupHeading<T>, render: (run: readonly T[]) => string[]): string[] {
  const lines: string[] = [];
  for (let start = 0; start < items.length; ) {
    const key = toPSString(groupBy.value(items[start]!));
    let end = start + 1;
    while (end < items.length && toPSString(groupBy.value(items[end]!)) === key) end++;
    lines.push('', `   ${groupBy.label}: ${key}`, ...render(items.slice(start, end)));
    start = end;
  }
  return lines;
}

/** A table of objects: a registered view's columns, or the first object's properties. */
export function objectTable(objects: readonly PSObject[], options: HostFormatOptions = {}, properties?: readonly string[]): string[] {
  const first = objects[0];
  if (!first) return [];
  const table = tableOptions(options);
  const view = properties ? undefined : tableViewFor(first);
  if (view?.groupBy) return groupedRuns(objects, view.groupBy, (run) => viewTable(view, run, table));
  if (view) return viewTable(view, objects, table);
  const names = properties ?? first.propertyNames;
  return renderValueTable(
    names.map((n) => ({ header: n, values: objects.map((o) => getMemberProperty(o, n).value) })),
    table,
  );
}

export type Group =
  | { kind: 'lines'; lines: string[] }
  | { kind: 'list'; items: PSObject[] }
  | { kind: 'table'; key: string; items: PSObject[] }
  | { kind: 'hashtable'; items: Hashtable[] }
  | { kind: 'framed'; lines: string[] };

function textLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Which group a value joins; consecutive values with the same key are shown together. */
function classify(value: Value): Group {
  if (value instanceof FormattedText) return { kind: 'lines', lines: [...value.lines] };
  if (value instanceof ScriptBlock) return { kind: 'lines', lines: textLines(value.text) };
  if (value instanceof Hashtable) return { kind: 'hashtable', items: [value] };
  if (value instanceof PSObject) {
    const text = textView(value);
    if (text !== undefined && isFramedTextView(value)) return { kind: 'framed', lines: textLines(text) };
    if (text !== undefined) return { kind: 'lines', lines: textLines(text) };
    const names = value.propertyNames;
    if (names.length === 0) return { kind: 'lines', lines: [] };
    const view = tableViewFor(value);
    if (view) return { kind: 'table', key: `view:${view.name}`, items: [value] };
    if (isConfigurationObject(value) || names.length > MAX_TABLE_PROPERTIES) return { kind: 'list', items: [value] };
    return { kind: 'table', key: `${value.typeName}|${names.join('|').toLowerCase()}`, items: [value] };
  }
  return { kind: 'lines', lines: textLines(toPSString(value)) };
}

function flatten(values: readonly Value[], out: Value[] = []): Value[] {
  for (const v of values) {
    if (Array.isArray(v)) flatten(v, out);
    else if (v !== null) out.push(v); // PowerShell shows nothing for $null
  }
  return out;
}

/** Consecutive values shown together (one list, one table), in order. */
export function groupValues(values: readonly Value[]): Group[] {
  const groups: Group[] = [];
  for (const value of flatten(values)) {
    const next = classify(value);
    const last = groups[groups.length - 1];
    if (last && last.kind === next.kind && next.kind !== 'lines') {
      if (last.kind === 'list' && next.kind === 'list') {
        last.items.push(...next.items);
        continue;
      }
      if (last.kind === 'framed' && next.kind === 'framed') {
        last.lines.push(...next.lines);
        continue;
      }
      if (last.kind === 'hashtable' && next.kind === 'hashtable') {
        last.items.push(...next.items);
        continue;
      }
      if (last.kind === 'table' && next.kind === 'table' && last.key === next.key) {
        last.items.push(...next.items);
        continue;
      }
    }
    groups.push(next);
  }
  return groups;
}

/** The lines of one group. */
export function renderGroup(g: Group, options: HostFormatOptions = {}): string[] {
  switch (g.kind) {
    case 'lines':
      return g.lines;
    case 'list':
      return renderList(g.items.map((o) => listEntries(o)), { width: options.width ?? DEFAULT_WIDTH });
    case 'table':
      return objectTable(g.items, options);
    case 'hashtable':
      return hashtableTable(g.items, options);
    case 'framed':
      return ['', ...g.lines, '', ''];
  }
}

/** Formats a statement's output objects into the lines the console shows. */
export function formatForHost(values: readonly Value[], options: HostFormatOptions = {}): string[] {
  return groupValues(values).flatMap((g) => renderGroup(g, { width: options.width ?? DEFAULT_WIDTH }));
}
