// Measure-Object's statistics, with Windows PowerShell 5.1's rules.

import { describe, expect, it } from 'vitest';
import { addValue, measureInfo, newStatistics, tryDouble, type MeasureOptions } from '../../../../src-main/engine/cmdlets/builtins/measure-object';

function measure(values: unknown[], options: MeasureOptions, property: string | null = null) {
  const stat = newStatistics();
  let nonNumeric = false;
  for (const v of values) if (!addValue(stat, v as never, options)) nonNumeric = true;
  const info = measureInfo(stat, options, nonNumeric, property);
  return { type: info.typeName, entries: info.entries() };
}

describe('Measure-Object statistics', () => {
  it('counts, sums, averages and finds the extremes', () => {
    expect(measure([30, 100, 50], { sum: true, average: true, maximum: true, minimum: true }, 'DefaultChatHistory')).toEqual({
      type: 'Microsoft.PowerShell.Commands.GenericMeasureInfo',
      entries: [
        ['Count', 3],
        ['Average', 60],
        ['Sum', 180],
        ['Maximum', 100],
        ['Minimum', 30],
        ['Property', 'DefaultChatHistory'],
      ],
    });
  });

  it('leaves statistics that were not asked for empty', () => {
    expect(measure([1, 2], {}).entries).toEqual([
      ['Count', 2],
      ['Average', null],
      ['Sum', null],
      ['Maximum', null],
      ['Minimum', null],
      ['Property', null],
    ]);
  });

  it('converts numeric strings, and one non-numeric value blanks Sum and Average', () => {
    expect(measure(['2', '10'], { sum: true }).entries[2]).toEqual(['Sum', 12]);
    const bad = measure(['a', 1], { sum: true, average: true });
    expect(bad.entries.slice(0, 3)).toEqual([
      ['Count', 2],
      ['Average', null],
      ['Sum', null],
    ]);
  });

  it('gives a GenericObjectMeasureInfo for the extremes of text', () => {
    const m = measure(['pear', 'apple', 'fig'], { maximum: true, minimum: true });
    expect(m.type).toBe('Microsoft.PowerShell.Commands.GenericObjectMeasureInfo');
    expect(m.entries.slice(3, 5)).toEqual([
      ['Maximum', 'pear'],
      ['Minimum', 'apple'],
    ]);
  });

  it('converts to double as .NET does', () => {
    expect([tryDouble(null), tryDouble(true), tryDouble(' 5 '), tryDouble('0x10'), tryDouble('abc')]).toEqual([0, 1, 5, 16, undefined]);
  });
});
