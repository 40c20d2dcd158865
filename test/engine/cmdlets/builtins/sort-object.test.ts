// Sort-Object's ordering: stable, per-key direction, string fallback, -Unique.

import { describe, expect, it } from 'vitest';
import { compareSortValues, sortEntries } from '../../../../src-main/engine/cmdlets/builtins/sort-object';
import { PSObject } from '../../../../src-main/engine/shell/values';

const entries = <T>(items: T[], key: (t: T) => unknown[]) => items.map((item) => ({ item, keys: key(item) as never[] }));

describe('sortEntries', () => {
  it('sorts numbers and strings, keeping the input order among equals', () => {
    const rows = [
      { id: 'a', n: 2 },
      { id: 'b', n: 1 },
      { id: 'c', n: 2 },
      { id: 'd', n: 1 },
    ];
    expect(sortEntries(entries(rows, (r) => [r.n]), [false]).map((r) => r.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(sortEntries(entries(rows, (r) => [r.n]), [true]).map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('applies a direction per key', () => {
    const rows = [
      { n: 1, s: 'b' },
      { n: 2, s: 'a' },
      { n: 1, s: 'a' },
    ];
    expect(sortEntries(entries(rows, (r) => [r.n, r.s]), [true, false])).toEqual([
      { n: 2, s: 'a' },
      { n: 1, s: 'a' },
      { n: 1, s: 'b' },
    ]);
  });

  it('ignores case unless asked, and -Unique keeps the first of equal keys', () => {
    const words = ['b', 'B', 'a', 'A'];
    expect(sortEntries(entries(words, (w) => [w]), [false])).toEqual(['a', 'A', 'b', 'B']);
    expect(sortEntries(entries(words, (w) => [w]), [false], { unique: true })).toEqual(['a', 'b']);
    expect(sortEntries(entries(words, (w) => [w]), [false], { unique: true, caseSensitive: true })).toHaveLength(4);
  });
});

describe('compareSortValues', () => {
  it('puts $null first and falls back to strings for values that cannot be ordered', () => {
    expect(compareSortValues(null, 1, false)).toBe(-1);
    expect(compareSortValues(10, 9, false)).toBe(1);
    expect(compareSortValues('10', 9, false)).toBe(-1); // the left operand's type rules: strings compare as text
    const global = new PSObject('X', [['Identity', 'Global']]);
    const site = new PSObject('X', [['Identity', 'site:A']]);
    expect(compareSortValues(global, site, false)).toBe(-1);
    expect(compareSortValues(5, 'abc', false)).toBe(-1);
  });
});
