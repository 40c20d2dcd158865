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
  /** -Wrap: a long cell continues on the next lines of its column instead of being cut. */
  readonly wrap?: boolean;
  /** -AutoSize: columns keep their content's width; those that do not fit are left out from the right. */
  readonly autoSize?: boolean;
  /** Told how many columns -AutoSize left out. */
  readonly onDropped?: (count: number) => void;
  /** Continues a table shown earlier: its widths and alignment, rows only (no header, no blank lines). */
  readonly layout?: TableLayout;
  /** Told the layout chosen, so that later rows of the same table can continue it. */
  readonly onLayout?: (layout: TableLayout) => void;
}

/** A table's column widths and alignment, kept to continue it with later rows. */
export interface TableLayout {
  readonly widths: readonly number[];
  readonly aligns: readonly Alignment[];
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

function contentWidth(header: string, rows: readonly (readonly string[])[], i: number): number {
  let w = header.length;
  for (const r of rows) w = Math.max(w, (r[i] ?? '').length);
  return w;
}

function lineWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0) + Math.max(0, widths.length - 1);
}

/**
 * -AutoSize, as 5.1's table writer does it: every column as wide as its
 * content; when the line is wider than the console, columns are left out
 * from the right (the first always stays, cut to the console if it must be).
 */
function autoSizeWidths(columns: readonly TableColumn[], rows: readonly (readonly string[])[], maxWidth: number): number[] {
  const widths = columns.map((c, i) => c.width ?? contentWidth(c.header, rows, i));
  while (widths.length > 1 && lineWidth(widths) > maxWidth) widths.pop();
  if (widths.length === 1) widths[0] = Math.min(widths[0]!, maxWidth);
  return widths;
}

/** Column widths: content or fixed width, then the widest columns squeezed until the line fits. */
function columnWidths(columns: readonly TableColumn[], rows: readonly (readonly string[])[], maxWidth: number): number[] {
  const widths = columns.map((c, i) => c.width ?? contentWidth(c.header, rows, i));
  const total = () => lineWidth(widths);
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

/**
 * -Wrap: a cell's text as the lines of its column: its own line breaks kept,
 * each line broken at the last space that fits (mid-word when none does).
 */
export function wrapCell(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let rest = paragraph;
    while (rest.length > width) {
      const space = rest.lastIndexOf(' ', width);
      const cut = space > 0 ? space : width;
      out.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(space > 0 ? cut + 1 : cut);
    }
    out.push(rest);
  }
  return out;
}

function longestLine(text: string): string {
  let longest = '';
  for (const line of text.split(/\r?\n/)) if (line.length > longest.length) longest = line;
  return longest;
}

/** One row as console lines: one line, or with -Wrap as many as its tallest cell needs. */
function rowLines(row: readonly string[], widths: readonly number[], aligns: readonly Alignment[], wrap: boolean): string[] {
  const n = widths.length;
  if (!wrap) {
    const cells: string[] = [];
    for (let i = 0; i < n; i++) cells.push(fit(oneLine(row[i] ?? ''), widths[i]!, aligns[i]!));
    return [joinCells(cells)];
  }
  const parts = widths.map((w, i) => wrapCell(row[i] ?? '', w));
  const height = Math.max(1, ...parts.map((p) => p.length));
  const lines: string[] = [];
  for (let l = 0; l < height; l++) lines.push(joinCells(widths.map((w, i) => fit(parts[i]![l] ?? '', w, aligns[i]!))));
  return lines;
}

/** Renders a table from ready-made cell texts. */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: TableOptions = {}): string[] {
  if (columns.length === 0) return [];
  const wrap = options.wrap === true;
  if (options.layout) {
    const { widths, aligns } = options.layout;
    return rows.flatMap((row) => rowLines(row, widths, aligns, wrap));
  }
  const maxWidth = options.width ?? DEFAULT_WIDTH;
  // A wrapped cell needs only its longest line's width; an unwrapped one shows on one line.
  const measured = rows.map((r) => r.map((cell) => (wrap ? longestLine(cell) : oneLine(cell))));
  const widths = options.autoSize ? autoSizeWidths(columns, measured, maxWidth) : columnWidths(columns, measured, maxWidth);
  if (widths.length < columns.length) options.onDropped?.(columns.length - widths.length);
  const shown = columns.slice(0, widths.length);
  const aligns = shown.map((c) => c.align);
  options.onLayout?.({ widths, aligns });
  const lines: string[] = [''];
  if (!options.hideHeaders) {
    lines.push(joinCells(shown.map((c, i) => fit(c.header, widths[i]!, c.align))));
    lines.push(joinCells(shown.map((c, i) => fit('-'.repeat(Math.min(c.header.length, widths[i]!)), widths[i]!, c.align))));
  }
  for (const row of rows) lines.push(...rowLines(row, widths, aligns, wrap));
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
  const defs: TableColumn[] = columns.map((c, i) => ({
    header: c.header,
    align: options.layout?.aligns[i] ?? c.align ?? (isNumericColumn(c.values) ? 'right' : 'left'),
    ...(c.width !== undefined ? { width: c.width } : {}),
  }));
  return renderTable(defs, rows, options);
}
