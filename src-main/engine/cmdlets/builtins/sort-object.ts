// Sort-Object: sorts the whole input by one or more keys (property names,
// scriptblocks, or @{Expression=…; Descending=…}), stably, with the
// language's comparison rules; values that cannot be ordered against each
// other are compared as strings, as PowerShell falls back to ToString().

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { compareOrder } from '../../shell/operators';
import { compareDateTimes, DateTimeValue } from '../../shell/datetime/value';
import { getMemberProperty, resolvePropertyNames } from '../../shell/members';
import type { Value } from '../../shell/values';
import { evaluateExpression, parsePropertySpecs, SORT_KEYS, type Evaluate, type PropertySpec } from './property-spec';
import { inputOf, param, UTILITY } from './support';
import { checkArrayLength } from '../../shell/limit-errors';

const PARAMETERS: readonly ParameterDef[] = [
  param('Property', 'Object[]', 'The sort keys: property names (wildcards allowed), scriptblocks, or hashtables with Expression and Ascending/Descending keys. Without it, the objects themselves are compared.', { position: 0 }),
  param('Descending', 'SwitchParameter', 'Sorts from largest to smallest.'),
  param('Unique', 'SwitchParameter', 'Keeps only the first of objects whose sort keys are equal.'),
  param('CaseSensitive', 'SwitchParameter', 'Makes string keys compare case-sensitively.'),
  param('InputObject', 'Object', 'The object to sort. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

/** Orders two key values; never throws. */
export function compareSortValues(a: Value, b: Value, caseSensitive: boolean): number {
  // DateTime is IComparable in .NET: dates sort by time, not by their text.
  if (a instanceof DateTimeValue && b instanceof DateTimeValue) return compareDateTimes(a, b);
  try {
    return compareOrder(a, b, caseSensitive);
  } catch {
    const sa = toPSString(a);
    const sb = toPSString(b);
    return Math.sign(caseSensitive ? sa.localeCompare(sb, 'en', { sensitivity: 'variant' }) : sa.localeCompare(sb, 'en', { sensitivity: 'accent' }));
  }
}

export interface SortEntry<T> {
  readonly item: T;
  readonly keys: readonly Value[];
}

/**
 * Sorts entries by their keys (`descending[i]` per key), keeping input order
 * among equals; with `unique`, only the first of each run of equal keys stays.
 */
export function sortEntries<T>(entries: readonly SortEntry<T>[], descending: readonly boolean[], options: { caseSensitive?: boolean; unique?: boolean } = {}): T[] {
  const cs = options.caseSensitive ?? false;
  const cmp = (x: SortEntry<T>, y: SortEntry<T>): number => {
    for (let i = 0; i < Math.max(x.keys.length, y.keys.length); i++) {
      const c = compareSortValues(x.keys[i] ?? null, y.keys[i] ?? null, cs);
      if (c !== 0) return descending[i] ? -c : c;
    }
    return 0;
  };
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => cmp(a.e, b.e) || a.i - b.i);
  const out: T[] = [];
  let previous: SortEntry<T> | undefined;
  for (const { e } of sorted) {
    if (options.unique && previous && cmp(previous, e) === 0) continue;
    out.push(e.item);
    previous = e;
  }
  return out;
}

/** The value of one sort key for one object. */
export async function sortKey(item: Value, spec: PropertySpec, evaluate: Evaluate): Promise<Value> {
  if (spec.kind === 'calculated') return evaluateExpression(spec.expression, item, evaluate);
  const name = resolvePropertyNames(item, spec.pattern)[0];
  return name === undefined ? null : getMemberProperty(item, name).value;
}

function create(ctx: CommandContext) {
  const items: Value[] = [];
  let bound: Bound = new Map();
  const evaluate: Evaluate = (block, item) => ctx.invoke(block, item);
  return {
    async begin(b: Bound) {
      bound = b;
    },
    async process(b: Bound, input: { value: Value } | undefined) {
      const current = inputOf(b, input);
      if (!current) return;
      // It holds every input object until the end: one array value, held to its limit.
      checkArrayLength(items.length + 1);
      items.push(current.value);
    },
    async end() {
      const specs = parsePropertySpecs('Sort-Object', bound.get('Property'), SORT_KEYS);
      const descendingAll = bound.get('Descending') === true;
      const descending = specs.length === 0 ? [descendingAll] : specs.map((s) => (s.kind === 'calculated' && s.descending !== undefined ? s.descending : descendingAll));
      const entries: SortEntry<Value>[] = [];
      for (const item of items) {
        const keys: Value[] = [];
        if (specs.length === 0) keys.push(item);
        for (const spec of specs) keys.push(await sortKey(item, spec, evaluate));
        entries.push({ item, keys });
      }
      const sorted = sortEntries(entries, descending, { caseSensitive: bound.get('CaseSensitive') === true, unique: bound.get('Unique') === true });
      for (const v of sorted) await ctx.emit(v);
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Sorts objects by property values.',
  description:
    'Sort-Object collects all of its input and emits it in order of one or more keys. A key is a property ' +
    'name, a scriptblock computing a value from $_, or a hashtable with an Expression key and optionally ' +
    'Ascending or Descending. Objects with equal keys keep their input order. Strings compare without regard ' +
    'to case unless -CaseSensitive is given.',
  examples: [
    {
      title: 'Sort collections by the number of messages shown',
      code: 'Get-CsPersistentChatConfiguration | Sort-Object DefaultChatHistory',
      remarks: 'Smallest DefaultChatHistory first.',
    },
    {
      title: 'Largest file size limit first',
      code: 'Get-CsPersistentChatConfiguration | Sort-Object MaxFileSizeKB -Descending',
      remarks: '-Descending reverses the order.',
    },
    {
      title: 'Two keys in different directions',
      code: 'Get-CsPersistentChatConfiguration | Sort-Object @{Expression="DefaultChatHistory"; Descending=$true}, Identity',
      remarks: 'Sorts by DefaultChatHistory from largest to smallest, then by Identity in ascending order.',
    },
  ],
  inputs: 'System.Object\n    Any object can be piped to Sort-Object.',
  outputs: 'System.Object\n    The input objects, in sorted order.',
};

export const sortObject: CommandDef = {
  name: 'Sort-Object',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: HELP,
  source: UTILITY,
  create,
};
