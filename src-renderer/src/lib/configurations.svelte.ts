// The configuration table's state: the collections the engine returned for
// the current filter, sorting, and the selection (kept by Identity across
// reloads). The filter is passed to the engine as -Filter, so the box matches
// exactly what `Get-CsPersistentChatConfiguration -Filter` would.

import type { ConfigurationDto, PchatApi } from '../../../src-main/ipc/contract';
import { Debouncer } from './debounce';
import { sameIdentity } from './identity';
import { errorMessages, failureText, isAwaitingAnswer } from './output';
import { nextSort, sortRows, type SortState } from './sort';

export class ConfigurationsStore {
  items = $state.raw<readonly ConfigurationDto[]>([]);
  filter = $state('');
  /** The engine's message when the filter is not a valid wildcard pattern. */
  filterError = $state<string | null>(null);
  loadError = $state<string | null>(null);
  /**
   * The last read was refused because a console prompt waits for its answer:
   * the rows shown are from an earlier read (and may not match the filter).
   * The reload after the answer clears it.
   */
  waiting = $state(false);
  loaded = $state(false);
  sort = $state<SortState | null>(null);
  selectedIdentity = $state<string | null>(null);

  readonly rows = $derived(sortRows(this.items, this.sort));
  readonly selected = $derived(this.rows.find((r) => sameIdentity(r.Identity, this.selectedIdentity)) ?? null);

  /** Identities seen this session (the New picker offers them even after a removal). */
  readonly seen = new Map<string, string>();

  private readonly filterDelay = new Debouncer(150);
  private generation = 0;
  private latest: Promise<void> = Promise.resolve();

  constructor(private readonly api: PchatApi) {}

  /** Reads the collections again; resolves once the newest reload (this one or a later one) is shown. */
  reload(): Promise<void> {
    this.latest = this.load(++this.generation);
    return this.latest;
  }

  private async load(generation: number): Promise<void> {
    const filter = this.filter.trim();
    try {
      const response = await this.api.getConfiguration(filter === '' ? {} : { Filter: filter });
      if (generation !== this.generation) return this.latest;
      const message = response.ok ? null : (errorMessages(response.output)[0] ?? 'The configurations could not be read.');
      this.filterError = filter !== '' ? message : null;
      this.loadError = filter === '' ? message : null;
      this.waiting = false;
      if (response.ok) {
        this.items = response.objects;
        for (const c of response.objects) this.remember(c.Identity);
      } else if (filter !== '') {
        // An invalid filter matches nothing: no rows rather than the old ones under a new filter.
        this.items = [];
      }
    } catch (error) {
      if (generation !== this.generation) return this.latest;
      // Refused while the console waits for an answer: say so; the reload after the answer catches up.
      if (isAwaitingAnswer(error)) this.waiting = true;
      else this.loadError = failureText(error);
    } finally {
      if (generation === this.generation) this.loaded = true;
    }
  }

  /** Every collection regardless of the filter (the New picker lists them); what is shown if that fails. */
  async all(): Promise<readonly ConfigurationDto[]> {
    try {
      const response = await this.api.getConfiguration({});
      return response.ok ? response.objects : this.items;
    } catch {
      return this.items;
    }
  }

  remember(identity: string): void {
    this.seen.set(identity.toLowerCase(), identity);
  }

  setFilter(text: string): void {
    this.filter = text;
    if (text.trim() === '') this.filterError = null;
    this.filterDelay.run(() => void this.reload());
  }

  sortBy(column: string): void {
    this.sort = nextSort(this.sort, column);
  }

  select(identity: string | null): void {
    this.selectedIdentity = identity;
  }

  /** Moves the selection by `delta` rows (clamped); with no selection, starts at the first row. */
  move(delta: number): void {
    const rows = this.rows;
    if (rows.length === 0) return;
    const current = rows.findIndex((r) => sameIdentity(r.Identity, this.selectedIdentity));
    const next = current < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, current + delta));
    this.selectedIdentity = rows[next]?.Identity ?? null;
  }

  dispose(): void {
    this.filterDelay.cancel();
  }
}
