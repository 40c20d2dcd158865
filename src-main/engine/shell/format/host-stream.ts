// Out-Default for output that is still coming: the console formats a
// running statement's objects in batches so that it can show them while the
// pipeline runs. A batch may end in the middle of a list or a table; the
// next batch continues it exactly as if everything had been formatted at
// once (no second header, no doubled blank line). A table keeps the column
// widths of its first batch, as Windows PowerShell 5.1 sizes a table from the
// objects that arrive in its first moments and cuts later, longer values.

import { tableViewFor } from './views';
import { groupValues, renderGroup, type Group } from './out-default';
import type { TableLayout } from './table-view';
import type { Value } from '../values';

/** The group the last batch ended in; its closing blank line is held back. */
interface OpenGroup {
  readonly kind: 'list' | 'table' | 'hashtable';
  /** Tables: the shape key (a table of another shape starts a new table). */
  readonly key: string;
  readonly layout?: TableLayout;
}

function continues(open: OpenGroup, g: Group): boolean {
  if (g.kind !== open.kind) return false;
  if (g.kind === 'table') return g.key === open.key && open.layout !== undefined;
  return g.kind === 'list' || open.layout !== undefined;
}

/** True when a batch may end after `value`: grouped views (Get-Member) are only ever formatted whole. */
export function canBreakAfter(value: Value): boolean {
  return tableViewFor(value)?.groupBy === undefined;
}

export class HostStreamFormatter {
  private open: OpenGroup | undefined;

  constructor(private readonly width: number) {}

  /**
   * The lines for the next batch of values. `final` ends the output: the
   * last group is closed. Otherwise the last list or table stays open for
   * the next batch.
   */
  format(values: readonly Value[], final: boolean): string[] {
    const groups = groupValues(values);
    const lines: string[] = [];
    let open = this.open;
    groups.forEach((g, i) => {
      const last = i === groups.length - 1;
      let layout: TableLayout | undefined;
      const options = { width: this.width, onLayout: (l: TableLayout) => (layout = l) };
      let out: string[];
      if (open && continues(open, g)) {
        // A list's leading blank line is the one held back; a table goes on with rows only.
        out = g.kind === 'list' ? renderGroup(g, options) : renderGroup(g, { width: this.width, ...(open.layout ? { layout: open.layout } : {}) }).concat('');
        layout = open.layout;
      } else {
        if (open) lines.push('');
        out = renderGroup(g, options);
      }
      open = undefined;
      if (last && !final && g.kind !== 'lines' && g.kind !== 'framed' && out.at(-1) === '') {
        out = out.slice(0, -1);
        open = { kind: g.kind, key: g.kind === 'table' ? g.key : g.kind, ...(layout ? { layout } : {}) };
      }
      for (const line of out) lines.push(line);
    });
    if (final && open) lines.push('');
    this.open = final ? undefined : open;
    return lines;
  }
}
