// The configuration table's state: the collections the engine returned for
// the current filter, sorting, and the selection (kept by Identity across
// reloads). The filter is passed to the engine as -Filter, so the box matches
// exactly what `Get-CsPersistentChatConfiguration -Filter` would; Search and
// the scope chips then narrow what it returned (find.ts).
//
// Selection: `selectedIdentity` is the current row (keyboard focus, the
// anchor of Shift ranges, what a single Edit opens); `selectedKeys` holds
// every selected row (Ctrl/Shift+click, Shift+arrows, Ctrl+A).

import type { ConfigurationDto, PchatApi, Scope } from '../../../src-main/ipc/contract';
import { Debouncer } from './debounce';
import { sameIdentity } from './identity';
import { findRows, SCOPES } from './find';
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
  /** Lower-cased identities of every selected row. */
  selectedKeys = $state.raw<ReadonlySet<string>>(new Set());
  /** The Search box: any column's text. */
  search = $state('');
  /** The scope chips that are on. */
  scopes = $state.raw<ReadonlySet<Scope>>(new Set(SCOPES));
  /** Columns Search looks at (Identity, Scope and the properties; set by the table's owner). */
  columns = $state.raw<readonly string[]>(['Identity', 'Scope']);

  readonly rows = $derived(sortRows(findRows(this.items, this.columns, this.search, this.scopes), this.sort));
  readonly selected = $derived(this.rows.find((r) => sameIdentity(r.Identity, this.selectedIdentity)) ?? null);
  /** Every selected row that is shown, in table order (a row hidden by Search is not acted on). */
  readonly selectedRows = $derived(this.rows.filter((r) => this.selectedKeys.has(r.Identity.toLowerCase())));
  /** Search or a chip hides rows the engine returned. */
  readonly narrowed = $derived(this.search.trim() !== '' || this.scopes.size !== SCOPES.length);

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

  setSearch(text: string): void {
    this.search = text;
  }

  /** A scope chip: turns its scope on or off (the last one on stays on: no chip would show nothing). */
  toggleScope(scope: Scope): void {
    const next = new Set(this.scopes);
    if (next.has(scope)) next.delete(scope);
    else next.add(scope);
    if (next.size > 0) this.scopes = next;
  }

  /** Selects just this row (a click, an arrow key). */
  select(identity: string | null): void {
    this.selectedIdentity = identity;
    this.anchor = identity;
    this.selectedKeys = new Set(identity === null ? [] : [identity.toLowerCase()]);
  }

  /** Ctrl+click: adds the row to the selection or takes it out; it becomes the current row. */
  toggle(identity: string): void {
    const key = identity.toLowerCase();
    const next = new Set(this.selectedKeys);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.selectedKeys = next;
    this.selectedIdentity = identity;
    this.anchor = identity;
  }

  /** Shift+click, Shift+arrow: selects the range from the anchor to this row. */
  extendTo(identity: string): void {
    const rows = this.rows;
    const to = rows.findIndex((r) => sameIdentity(r.Identity, identity));
    const fromIndex = rows.findIndex((r) => sameIdentity(r.Identity, this.anchor));
    const from = fromIndex < 0 ? to : fromIndex;
    if (to < 0) return;
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    this.selectedKeys = new Set(rows.slice(lo, hi + 1).map((r) => r.Identity.toLowerCase()));
    this.selectedIdentity = identity;
  }

  /** Ctrl+A: every row shown. */
  selectAll(): void {
    this.selectedKeys = new Set(this.rows.map((r) => r.Identity.toLowerCase()));
    if (this.selected === null) this.selectedIdentity = this.rows[0]?.Identity ?? null;
  }

  isSelected(identity: string): boolean {
    return this.selectedKeys.has(identity.toLowerCase());
  }

  /** Where Shift ranges start. */
  private anchor: string | null = null;

  /** Moves the current row by `delta` rows (clamped); with no current row, starts at the first. Shift extends the selection. */
  move(delta: number, extend = false): void {
    const rows = this.rows;
    if (rows.length === 0) return;
    const current = rows.findIndex((r) => sameIdentity(r.Identity, this.selectedIdentity));
    const next = current < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, current + delta));
    const identity = rows[next]?.Identity ?? null;
    if (identity !== null && extend) this.extendTo(identity);
    else this.select(identity);
  }

  dispose(): void {
    this.filterDelay.cancel();
  }
}
