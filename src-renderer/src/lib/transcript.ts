// The console's scrollback as a plain structure: the entries in order and the
// text row each one starts at, kept up to date incrementally, so that adding
// a batch of lines costs the batch (not a copy of 100,000 lines), and finding
// the entry at a scroll position is a binary search. The store wraps it in a
// reactive version counter.

export interface Rowed {
  readonly id: number;
}

export class Transcript<E extends Rowed> {
  private list: E[] = [];
  /** offsets[i]: text rows before entry i; offsets[length]: all rows. */
  private offsets = new Uint32Array(1024);

  constructor(
    private readonly max: number,
    /** How many text rows an entry takes now. */
    private readonly rowsOf: (entry: E) => number,
  ) {}

  get entries(): readonly E[] {
    return this.list;
  }

  get totalRows(): number {
    return this.offsets[this.list.length]!;
  }

  /** The text row entry `index` starts at. */
  rowOf(index: number): number {
    return this.offsets[index]!;
  }

  /** The last entry starting at or before `row` (0 when empty). */
  indexAtRow(row: number): number {
    let lo = 0;
    let hi = this.list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  /** Adds entries at the end; returns how many were dropped from the start to stay within `max`. */
  append(fresh: readonly E[]): number {
    this.reserve(this.list.length + fresh.length + 1);
    for (const entry of fresh) {
      const n = this.list.length;
      this.list.push(entry);
      this.offsets[n + 1] = this.offsets[n]! + this.rowsOf(entry);
    }
    const over = this.list.length - this.max;
    if (over <= 0) return 0;
    this.list.splice(0, over);
    const base = this.offsets[over]!;
    const n = this.list.length;
    this.offsets.copyWithin(0, over, over + n + 1);
    for (let i = 0; i <= n; i++) this.offsets[i]! -= base;
    return over;
  }

  /** Replaces entries (same count) and recounts the rows (an entry expanded, an echo underlined). */
  update(map: (entry: E) => E = (e) => e): void {
    this.list = this.list.map(map);
    for (let i = 0; i < this.list.length; i++) this.offsets[i + 1] = this.offsets[i]! + this.rowsOf(this.list[i]!);
  }

  clear(): void {
    this.list = [];
    this.offsets[0] = 0;
  }

  private reserve(size: number): void {
    if (size <= this.offsets.length) return;
    let capacity = this.offsets.length;
    while (capacity < size) capacity *= 2;
    const grown = new Uint32Array(capacity);
    grown.set(this.offsets);
    this.offsets = grown;
  }
}
