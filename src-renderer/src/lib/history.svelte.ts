// The change history as the window holds it: the engine's list (newest
// first, with each entry's inverse cmdlet lines and whether it can be
// reverted now), read again on every store change while someone shows it.

import type { CmdletResponse, HistoryEntryDto, HistoryListDto, PchatApi } from '../../../src-main/ipc/contract';
import { failureText } from './output';

export class HistoryStore {
  list = $state.raw<HistoryListDto | null>(null);
  error = $state<string | null>(null);
  private generation = 0;

  constructor(private readonly api: PchatApi) {}

  get entries(): readonly HistoryEntryDto[] {
    return this.list?.entries ?? [];
  }

  /** The entry Undo reverts, if any. */
  get undoable(): HistoryEntryDto | null {
    const id = this.list?.undoable ?? null;
    return id === null ? null : (this.entries.find((e) => e.id === id) ?? null);
  }

  async load(): Promise<void> {
    const generation = ++this.generation;
    try {
      const list = await this.api.history.list();
      if (generation !== this.generation) return;
      this.list = list;
      this.error = null;
    } catch (error) {
      if (generation === this.generation) this.error = failureText(error);
    }
  }

  /** Re-reads on every store change (any process); returns the unsubscribe. */
  follow(): () => void {
    void this.load();
    return this.api.onConfigurationChanged(() => void this.load());
  }

  undo(id: number): Promise<CmdletResponse> {
    return this.api.history.undo(id);
  }
}

/** "2026-11-28 10:41:03" in local time. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
