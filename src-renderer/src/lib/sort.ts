// Column sorting for the configuration table. Scope sorts Global, Site, Pool
// (the engine's own order); numbers numerically; $null after any value.

import type { ConfigurationDto } from '../../../src-main/ipc/contract';

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  readonly column: string;
  readonly direction: SortDirection;
}

const SCOPE_RANK: Readonly<Record<string, number>> = { Global: 0, Site: 1, Pool: 2 };

type Cell = string | number | null | undefined;

function cell(row: ConfigurationDto, column: string): Cell {
  if (column === 'Scope') return SCOPE_RANK[row.scope] ?? 3;
  return (row as unknown as Record<string, Cell>)[column];
}

function compareCells(a: Cell, b: Cell): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true });
}

/** A sorted copy; ties keep the engine's order. Null state keeps the engine's order. */
export function sortRows(rows: readonly ConfigurationDto[], sort: SortState | null): readonly ConfigurationDto[] {
  if (sort === null) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = cell(x.row, sort.column);
      const b = cell(y.row, sort.column);
      // $null stays last whichever way the column is sorted.
      if (a == null || b == null) return compareCells(a, b) || x.index - y.index;
      return sign * compareCells(a, b) || x.index - y.index;
    })
    .map(({ row }) => row);
}

/** Clicking a header: first ascending, then toggles. */
export function nextSort(current: SortState | null, column: string): SortState {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: 'ascending' };
}
