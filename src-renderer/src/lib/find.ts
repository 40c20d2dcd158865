// The table's Search box and scope chips, applied to the rows the engine
// returned for -Filter: Search matches any column's shown text (a substring,
// ignoring case, as the Control Panel's search box does); the chips keep the
// scopes that are on.

import type { ConfigurationDto, Scope } from '../../../src-main/ipc/contract';

export const SCOPES: readonly Scope[] = ['Global', 'Site', 'Pool'];

/** A cell as the table shows it: `$null` for a value that is not set. */
export function cellText(row: ConfigurationDto, column: string): string {
  if (column === 'Scope') return row.scope;
  const value = (row as unknown as Record<string, string | number | null | undefined>)[column];
  return value === null || value === undefined ? '$null' : String(value);
}

/** The raw value of a column (numbers stay numbers). */
export function cellValue(row: ConfigurationDto, column: string): string | number | null {
  if (column === 'Scope') return row.scope;
  return (row as unknown as Record<string, string | number | null | undefined>)[column] ?? null;
}

export function matchesSearch(row: ConfigurationDto, columns: readonly string[], text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  return columns.some((column) => cellText(row, column).toLowerCase().includes(needle));
}

export function findRows(
  rows: readonly ConfigurationDto[],
  columns: readonly string[],
  search: string,
  scopes: ReadonlySet<Scope>,
): readonly ConfigurationDto[] {
  if (search.trim() === '' && scopes.size === SCOPES.length) return rows;
  return rows.filter((row) => scopes.has(row.scope) && matchesSearch(row, columns, search));
}
