// The table's copy and export actions over the selected (or shown) rows, and
// the short confirmation each leaves ("Copied 2 rows"), which the workspace
// shows and announces for a moment.

import type { ConfigurationDto, PchatApi } from '../../../src-main/ipc/contract';
import type { ConfigurationsStore } from './configurations.svelte';
import { exportFileName, recreateLine } from './row-actions';
import { copyText, downloadText, rowsAsCsv, rowsAsTsv } from './row-export';

/** One entry of the row menu. */
export interface RowMenuItem {
  readonly label: string;
  readonly disabled?: boolean;
  /** A line above this item. */
  readonly separated?: boolean;
  run(): void;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export class RowActions {
  notice = $state('');

  constructor(
    private readonly api: PchatApi,
    private readonly table: ConfigurationsStore,
    private readonly defaults: () => Readonly<Record<string, string | number | null>>,
  ) {}

  private get selected(): readonly ConfigurationDto[] {
    return this.table.selectedRows;
  }

  async copyRows(): Promise<void> {
    const rows = this.selected;
    if (rows.length === 0) return;
    const ok = await copyText(rowsAsTsv(rows, this.table.columns));
    this.notice = ok ? `Copied ${count(rows.length, 'row', 'rows')}` : 'Copy failed: the clipboard is not available';
  }

  async copyIdentities(): Promise<void> {
    const rows = this.selected;
    const ok = await copyText(rows.map((r) => r.Identity).join('\r\n'));
    this.notice = ok ? `Copied ${count(rows.length, 'identity', 'identities')}` : 'Copy failed: the clipboard is not available';
  }

  /** The New-… (Global: Set-…) line per selected collection, built by the engine. */
  async copyCmdlets(): Promise<void> {
    try {
      const lines = await Promise.all(this.selected.map((row) => recreateLine(this.api, row, this.defaults())));
      const ok = await copyText(lines.join('\r\n'));
      this.notice = ok ? `Copied ${count(lines.length, 'cmdlet line', 'cmdlet lines')}` : 'Copy failed: the clipboard is not available';
    } catch {
      this.notice = 'Copy failed: the engine did not answer';
    }
  }

  exportRows(rows: readonly ConfigurationDto[]): void {
    downloadText(exportFileName(), rowsAsCsv(rows, this.table.columns));
    this.notice = `Exported ${count(rows.length, 'row', 'rows')} to CSV`;
  }

  /** The row menu: act on the selection, copy it, export it. */
  menuItems(on: { blocked: boolean; edit: () => void; remove: () => void; details: () => void }): RowMenuItem[] {
    const n = this.selected.length;
    return [
      { label: n > 1 ? `Edit ${n} configurations…` : 'Edit…', disabled: on.blocked || n === 0, run: on.edit },
      { label: n > 1 ? `Remove ${n} configurations…` : 'Remove…', disabled: on.blocked || n === 0, run: on.remove },
      { label: 'Effective settings', disabled: n === 0, run: on.details },
      { label: n > 1 ? 'Copy identities' : 'Copy Identity', separated: true, run: () => void this.copyIdentities() },
      { label: n > 1 ? 'Copy rows' : 'Copy row', run: () => void this.copyRows() },
      { label: 'Copy as cmdlet', run: () => void this.copyCmdlets() },
      { label: n > 1 ? `Export ${n} rows to CSV…` : 'Export row to CSV…', separated: true, run: () => this.exportRows(this.selected) },
      { label: 'Export all shown rows to CSV…', disabled: this.table.rows.length === 0, run: () => this.exportRows(this.table.rows) },
    ];
  }

  /**
   * The page's copy event (the Electron menu's Edit › Copy may take Ctrl+C
   * before the page sees the key): copies the rows when the table has focus.
   */
  oncopy(event: ClipboardEvent): void {
    const inTable = document.activeElement?.closest('[role="grid"]') != null;
    const rows = this.selected;
    if (!inTable || rows.length === 0 || event.clipboardData === null) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', rowsAsTsv(rows, this.table.columns));
    this.notice = `Copied ${count(rows.length, 'row', 'rows')}`;
  }
}
