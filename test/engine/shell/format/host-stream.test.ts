// Out-Default in batches (a console that shows output while the statement
// runs): however the output is cut into batches, the text is what formatting
// it whole gives, except that a table keeps its first batch's widths.

import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../../src-main/engine/domain/properties';
import { toConfigObject } from '../../../../src-main/engine/cmdlets/config/config-object';
import { formatForHost } from '../../../../src-main/engine/shell/format/out-default';
import { HostStreamFormatter } from '../../../../src-main/engine/shell/format/host-stream';
import { Hashtable, PSObject, type Value } from '../../../../src-main/engine/shell/values';

const CUSTOM = 'System.Management.Automation.PSCustomObject';

function row(name: string, count: number): PSObject {
  return new PSObject(CUSTOM, [
    ['Name', name],
    ['Count', count],
  ]);
}

/** Formats `values` cut into batches at `cuts` (indexes where a new batch starts). */
function inBatches(values: readonly Value[], cuts: readonly number[], width = 120): string[] {
  const f = new HostStreamFormatter(width);
  const bounds = [0, ...cuts, values.length];
  const out: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) out.push(...f.format(values.slice(bounds[i], bounds[i + 1]), i + 2 === bounds.length));
  return out;
}

describe('HostStreamFormatter', () => {
  const configs = ['Global', 'site:Redmond', 'site:Dublin'].map((id) => toConfigObject({ Identity: id, ...defaultValues() }));
  const table = [row('alpha', 1), row('beta', 22), row('gamma', 333)];
  const hashtable = (key: string, value: number) => {
    const h = new Hashtable();
    h.set(key, value);
    return h;
  };
  const hashtables = [hashtable('a', 1), hashtable('bb', 2)];

  it.each([
    ['a list', configs],
    ['a table', table],
    ['hashtables', hashtables],
    ['scalars, a table, scalars', [1, 2, ...table, 'x', 'y']],
    ['a list then a table', [...configs, ...table]],
  ] as const)('gives the same text for %s in any batches as formatted whole', (_name, values) => {
    const whole = formatForHost(values);
    for (let cut = 1; cut < values.length; cut++) expect(inBatches(values, [cut])).toEqual(whole);
    expect(inBatches(values, values.map((_, i) => i).slice(1))).toEqual(whole);
  });

  it('continues a table with its first batch widths: one header, later longer values cut', () => {
    const lines = inBatches([row('a', 1), row('b', 2), row('a much longer name', 3)], [2]);
    expect(lines).toEqual(['', 'Name Count', '---- -----', 'a        1', 'b        2', 'a...     3', '']);
  });

  it('starts a new table when the shape changes between batches', () => {
    const other = new PSObject(CUSTOM, [['Other', 'x']]);
    expect(inBatches([row('a', 1), other], [1])).toEqual(formatForHost([row('a', 1), other]));
  });
});
