// Format-Table's layout: a header line, a line of dashes as long as each
// header, then the rows; one space between columns; numbers right-aligned
// (their header too); trailing spaces trimmed; a blank line before and
// after. Cells too long for the line are cut with "..." so that no line is
// wider than the console.

import { displayValue } from './list-view';
import type { Value } from '../values';

export type Alignment = 'left' | 'right';

export interface TableColumn {
  readonly header: string;
  readonly align: Alignment;
  /** A fixed width from a view definition; otherwise the column fits its content. */
  readonly width?: number;
}

export interface TableOptions {
  /** Console width; no line is longer. Default 120. */
  readonly width?: number;
  readonly hideHeaders?: boolean;
}

export const DEFAULT_WIDTH = 120;
/** Narrowest a squeezed column gets: one character and the "...". */
const MIN_SQUEEZED = 4;

/** A cell shows one line: line breaks become spaces, as in a non-wrapping table. */
function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

function fit(text: string, width: number, align: Alignment): string {
  let t = text;
  if (t.length > width) t = width >= MIN_SQUEEZED ? `${t.slice(0, width - 3)}...` : t.slice(0, width);
  return align === 'right' ? t.padStart(width) : t.padEnd(width);
}

/** Column widths: content or fixed width, then the widest columns squeezed until the line fits. */
function columnWidths(columns: readonly TableColumn[], rows: readonly (readonly string[])[], maxWidth: number): number[] {
  const widths = columns.map((c, i) => c.width ?? Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const total = () => widths.reduce((a, b) => a + b, 0) + Math.max(0, widths.length - 1);
  while (total() > maxWidth) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > MIN_SQUEEZED && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]! -= Math.min(widths[widest]! - MIN_SQUEEZED, total() - maxWidth);
  }
  return widths;
}

function joinCells(cells: readonly string[]): string {
  return cells.join(' ').trimEnd();
}

/** Renders a table from ready-made cell texts. */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: TableOptions = {}): string[] {
  if (columns.length === 0) return [];
  const cleanRows = rows.map((r) => r.map(oneLine));
  const widths = columnWidths(columns, cleanRows, options.width ?? DEFAULT_WIDTH);
  const lines: string[] = [''];
  if (!options.hideHeaders) {
    lines.push(joinCells(columns.map((c, i) => fit(c.header, widths[i]!, c.align))));
    lines.push(joinCells(columns.map((c, i) => fit('-'.repeat(Math.min(c.header.length, widths[i]!)), widths[i]!, c.align))));
  }
  for (const row of cleanRows) lines.push(joinCells(columns.map((c, i) => fit(row[i] ?? '', widths[i]!, c.align))));
  lines.push('');
  return lines;
}

/** A column of values: numeric when every value that is there is a number. */
export function isNumericColumn(values: readonly Value[]): boolean {
  const present = values.filter((v) => v !== null);
  return present.length > 0 && present.every((v) => typeof v === 'number');
}

export interface ValueColumn {
  readonly header: string;
  readonly values: readonly Value[];
  readonly width?: number;
  /** Overrides the numeric/text alignment rule (a view may fix it). */
  readonly align?: Alignment;
}

/** Renders columns of raw values: display text per cell, numbers right-aligned. */
export function renderValueTable(columns: readonly ValueColumn[], options: TableOptions = {}): string[] {
  const rowCount = Math.max(0, ...columns.map((c) => c.values.length));
  const rows: string[][] = [];
  for (let r = 0; r < rowCount; r++) rows.push(columns.map((c) => displayValue(c.values[r] ?? null)));
  const defs: TableColumn[] = columns.map((c) => ({
    header: c.header,
    align: c.align ?? (isNumericColumn(c.values) ? 'right' : 'left'),
    ...(c.width !== undefined ? { width: c.width } : {}),
  }));
  return renderTable(defs, rows, options);
}
