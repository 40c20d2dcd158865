// Select-Object: picks properties (making new objects typed
// "Selected.<original type>"), expands one property, or keeps the first /
// last / unique objects. Without -Last or -Unique it streams; with them it
// has to see every object first.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { valuesEqual } from '../../shell/operators';
import { getMemberProperty, resolvePropertyNames } from '../../shell/members';
import { PSObject, typeNameOf, type Value } from '../../shell/values';
import { parsePropertySpecs, selectPairs, SELECT_KEYS, type Evaluate, type PropertySpec } from './property-spec';
import { inputOf, INT32_MAX, param, targetText, UTILITY } from './support';
import { checkArrayLength } from '../../shell/limit-errors';
import { wildcardToRegExp } from '../../shell/wildcard';

const PARAMETERS: readonly ParameterDef[] = [
  param('Property', 'Object[]', 'The properties to keep. Wildcards are allowed; a hashtable with Name and Expression keys adds a calculated property.', { position: 0 }),
  param('ExcludeProperty', 'String[]', 'Properties to leave out when -Property selects with wildcards; wildcards are allowed here too.'),
  param('ExpandProperty', 'String', 'Emits the value of this property instead of the object; a collection value is unrolled.'),
  param('Unique', 'SwitchParameter', 'Drops objects identical to one already emitted (case-sensitive).'),
  param('Last', 'Int32', 'Keeps only this many objects from the end of the input.', { range: { min: 0, max: INT32_MAX } }),
  param('First', 'Int32', 'Keeps only this many objects from the start of the input.', { range: { min: 0, max: INT32_MAX } }),
  param('Skip', 'Int32', 'Skips this many objects from the start of the input.', { range: { min: 0, max: INT32_MAX } }),
  param('InputObject', 'Object', 'The object to select from. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

/** The object Select-Object -Property makes from one input object. */
export async function selectProperties(item: Value, specs: readonly PropertySpec[], exclude: readonly string[], evaluate: Evaluate): Promise<PSObject> {
  // -ExcludeProperty takes wildcards, as -Property does (Select-Object -Property * -ExcludeProperty *Url).
  const excluded = exclude.map((e) => wildcardToRegExp(e));
  const pairs = (await selectPairs(item, specs, evaluate)).filter(([n]) => !excluded.some((re) => re.test(n)));
  return new PSObject(`Selected.${typeNameOf(item)}`, pairs);
}

/** -Unique's identity test: same value, or objects with the same property names and values. */
export function sameObject(a: Value, b: Value): boolean {
  if (a instanceof PSObject && b instanceof PSObject) {
    const ea = a.entries();
    const eb = b.entries();
    return ea.length === eb.length && ea.every(([n, v], i) => n.toLowerCase() === eb[i]![0].toLowerCase() && sameObject(v, eb[i]![1]));
  }
  if (a instanceof PSObject || b instanceof PSObject) return false;
  if (typeof a === 'object' || typeof b === 'object') return a === b || toPSString(a) === toPSString(b);
  return valuesEqual(a, b, true);
}

/** -Unique, -Skip, -First and -Last applied to the whole input, in that order. */
export function pickObjects(items: readonly Value[], options: { unique?: boolean; skip?: number; first?: number; last?: number }): Value[] {
  let list = [...items];
  if (options.unique) list = list.filter((v, i) => list.findIndex((w) => sameObject(v, w)) === i);
  list = list.slice(Math.max(0, options.skip ?? 0));
  if (options.first === undefined && options.last === undefined) return list;
  const head = options.first !== undefined ? list.slice(0, Math.max(0, options.first)) : [];
  const rest = list.slice(head.length);
  const tail = options.last !== undefined && options.last > 0 ? rest.slice(-options.last) : [];
  return [...head, ...tail];
}

function create(ctx: CommandContext) {
  const evaluate: Evaluate = (block, item) => ctx.invoke(block, item);
  let specs: PropertySpec[] = [];
  let buffered: Value[] | undefined;
  let seen = 0;
  let emitted = 0;
  let options: { unique?: boolean; skip?: number; first?: number; last?: number } = {};

  async function transform(bound: Bound, item: Value): Promise<Value[]> {
    const expand = bound.get('ExpandProperty');
    if (expand !== undefined && expand !== null) {
      const name = toPSString(expand);
      const names = resolvePropertyNames(item, name).filter((n) => getMemberProperty(item, n).found);
      if (names.length !== 1) {
        await ctx.writeError({
          message: names.length === 0 ? `Property "${name}" cannot be found.` : `Multiple properties cannot be expanded.`,
          errorId: names.length === 0 ? 'ExpandPropertyNotFound' : 'MutlipleExpandProperties',
          category: 'InvalidArgument',
          exceptionType: 'PSArgumentException',
          target: targetText(item),
        });
        return [];
      }
      const value = getMemberProperty(item, names[0]!).value;
      return Array.isArray(value) ? value : [value];
    }
    if (specs.length === 0) return [item];
    const exclude = (bound.get('ExcludeProperty') as Value[] | undefined)?.map(toPSString) ?? [];
    return [await selectProperties(item, specs, exclude, evaluate)];
  }

  return {
    async begin(bound: Bound) {
      specs = parsePropertySpecs('Select-Object', bound.get('Property'), SELECT_KEYS);
      options = {
        ...(bound.get('Unique') === true ? { unique: true } : {}),
        ...(bound.has('Skip') ? { skip: bound.get('Skip') as number } : {}),
        ...(bound.has('First') ? { first: bound.get('First') as number } : {}),
        ...(bound.has('Last') ? { last: bound.get('Last') as number } : {}),
      };
      if (options.unique || options.last !== undefined) buffered = [];
    },
    async process(bound: Bound, input: { value: Value } | undefined) {
      const current = inputOf(bound, input);
      if (!current) return;
      if (buffered) {
        const more = await transform(bound, current.value);
        // -Last and -Unique hold what they select until the end: one array value, held to its limit.
        checkArrayLength(buffered.length + more.length);
        buffered.push(...more);
        return;
      }
      // Streaming: -Skip and -First count input objects, so later ones are not even transformed.
      seen++;
      if (seen <= (options.skip ?? 0)) return;
      if (options.first !== undefined && emitted >= options.first) return;
      emitted++;
      for (const v of await transform(bound, current.value)) await ctx.emit(v);
    },
    async end() {
      if (!buffered) return;
      for (const v of pickObjects(buffered, options)) await ctx.emit(v);
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Selects properties of objects, or the first, last or unique objects of the input.',
  description:
    'With -Property, Select-Object makes a new object for each input object holding only the named properties ' +
    '(wildcards allowed; a hashtable such as @{Name="History"; Expression={$_.DefaultChatHistory}} adds a ' +
    'calculated property). The new objects are copies: changing them does not change any collection.\n\n' +
    '-ExpandProperty emits the value of one property instead of an object. -First, -Last and -Skip keep part ' +
    'of the input; -Unique drops repeated objects.',
  examples: [
    {
      title: 'Show two properties of every collection',
      code: 'Get-CsPersistentChatConfiguration | Select-Object Identity, DefaultChatHistory',
      remarks: 'The result has two properties, so it is shown as a table.',
    },
    {
      title: 'Get the identities as plain strings',
      code: 'Get-CsPersistentChatConfiguration | Select-Object -ExpandProperty Identity',
      remarks: 'Each Identity is emitted as a string rather than as an object with one property.',
    },
    {
      title: 'Keep the first collection',
      code: 'Get-CsPersistentChatConfiguration | Select-Object -First 1',
      remarks: 'The Global collection is always listed first, so this returns it.',
    },
  ],
  inputs: 'System.Object\n    Any object can be piped to Select-Object.',
  outputs: 'System.Management.Automation.PSCustomObject, System.Object\n    New objects with the selected properties, the expanded values, or the input objects themselves.',
};

export const selectObject: CommandDef = {
  name: 'Select-Object',
  parameters: PARAMETERS,
  sets: ['DefaultParameter'],
  supportsShouldProcess: false,
  help: HELP,
  source: UTILITY,
  create,
};
