// The console's scrollback: bounded, counting what it drops, and keeping each
// entry's first text row right as entries come, go and change height.

import { describe, expect, it } from 'vitest';
import { Transcript } from '../../src-renderer/src/lib/transcript';

interface E {
  readonly id: number;
  readonly rows: number;
}

const make = (from: number, count: number, rows = 1): E[] => Array.from({ length: count }, (_, i) => ({ id: from + i, rows }));

describe('Transcript', () => {
  it('keeps the newest `max` entries and says how many it dropped', () => {
    const t = new Transcript<E>(5, (e) => e.rows);
    expect(t.append(make(1, 3))).toBe(0);
    expect(t.append(make(4, 4))).toBe(2);
    expect(t.entries.map((e) => e.id)).toEqual([3, 4, 5, 6, 7]);
    expect(t.append(make(8, 12))).toBe(12);
    expect(t.entries.map((e) => e.id)).toEqual([15, 16, 17, 18, 19]);
  });

  it('knows the row each entry starts at, and the entry at each row, across drops and growth', () => {
    const t = new Transcript<E>(3_000, (e) => e.rows);
    t.append(make(1, 2_000, 1));
    t.append([{ id: 9_000, rows: 3 }]);
    t.append(make(10_000, 2_000, 2));
    // 4,001 entries added, 3,000 kept: 999 one-row entries, the three-row one, 2,000 two-row ones.
    expect(t.entries).toHaveLength(3_000);
    expect(t.rowOf(0)).toBe(0);
    expect(t.rowOf(999)).toBe(999);
    expect(t.rowOf(1_000)).toBe(1_002);
    expect(t.totalRows).toBe(999 + 3 + 4_000);
    expect(t.indexAtRow(1_000)).toBe(999);
    expect(t.indexAtRow(1_003)).toBe(1_000);
    expect(t.indexAtRow(1_004)).toBe(1_001);
    expect(t.indexAtRow(10 ** 9)).toBe(2_999);
  });

  it('recounts rows when entries change height, and empties on clear', () => {
    let tall = new Set<number>();
    const t = new Transcript<E>(10, (e) => (tall.has(e.id) ? 5 : 1));
    t.append(make(1, 4));
    tall = new Set([2]);
    t.update();
    expect([t.rowOf(0), t.rowOf(1), t.rowOf(2), t.totalRows]).toEqual([0, 1, 6, 8]);
    t.clear();
    expect([t.entries.length, t.totalRows]).toEqual([0, 0]);
  });
});
