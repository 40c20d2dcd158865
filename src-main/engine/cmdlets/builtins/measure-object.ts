// Measure-Object: counts objects and, on request, sums, averages and finds
// the largest and smallest values, per property. Follows Windows
// PowerShell 5.1: $null input objects are not counted; an object lacking a
// named property is skipped, and a property no object had is an error; one
// non-numeric value blanks Sum and Average; -Maximum/-Minimum over values
// that are not all numbers give a GenericObjectMeasureInfo instead.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { parseNumberString, toPSString } from '../../shell/convert';
import { getMemberProperty, resolvePropertyNames } from '../../shell/members';
import { PSObject, type Value } from '../../shell/values';
import { hasWildcard } from '../../shell/wildcard';
import { compareSortValues } from './sort-object';
import { countText, textMeasureInfo, type TextCounts, type TextOptions } from './measure-text';
import { CATEGORY_INVALID_TYPE, inputOf, param, stringList, targetText, UTILITY } from './support';

const GENERIC = 'GenericMeasure';
const TEXT = 'TextMeasure';

export const GENERIC_MEASURE_INFO = 'Microsoft.PowerShell.Commands.GenericMeasureInfo';
export const GENERIC_OBJECT_MEASURE_INFO = 'Microsoft.PowerShell.Commands.GenericObjectMeasureInfo';

const PARAMETERS: readonly ParameterDef[] = [
  param('Property', 'String[]', 'The properties to measure (wildcards allowed). Without it, the objects themselves are measured.', { position: 0 }),
  param('Sum', 'SwitchParameter', 'Adds up the values.', { sets: [GENERIC] }),
  param('Average', 'SwitchParameter', 'Averages the values.', { sets: [GENERIC] }),
  param('Maximum', 'SwitchParameter', 'Finds the largest value.', { aliases: ['Max'], sets: [GENERIC] }),
  param('Minimum', 'SwitchParameter', 'Finds the smallest value.', { aliases: ['Min'], sets: [GENERIC] }),
  param('Line', 'SwitchParameter', 'Counts the lines of text (each object is measured as text).', { sets: [TEXT] }),
  param('Word', 'SwitchParameter', 'Counts the words: runs of characters between white space.', { sets: [TEXT] }),
  param('Character', 'SwitchParameter', 'Counts the characters.', { sets: [TEXT] }),
  param('IgnoreWhiteSpace', 'SwitchParameter', 'Leaves white space out of the character count.', { sets: [TEXT] }),
  param('InputObject', 'Object', 'The object to measure. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

export interface MeasureOptions {
  readonly sum?: boolean;
  readonly average?: boolean;
  readonly maximum?: boolean;
  readonly minimum?: boolean;
}

export interface Statistics {
  count: number;
  sum: number;
  min: Value | undefined;
  max: Value | undefined;
}

export function newStatistics(): Statistics {
  return { count: 0, sum: 0, min: undefined, max: undefined };
}

/** .NET's conversion to double as Measure-Object attempts it; undefined when it fails. */
export function tryDouble(value: Value): number | undefined {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return parseNumberString(value);
  return undefined;
}

/** The running minimum or maximum: numbers compare as numbers, mixed kinds as strings. */
function extreme(value: Value, current: Value | undefined, isMin: boolean): Value {
  if (current === undefined || current === null) return value;
  let a: Value = tryDouble(value) ?? value;
  let b: Value = tryDouble(current) ?? current;
  if (value !== null && typeof a !== typeof b) {
    a = toPSString(value);
    b = toPSString(current);
  }
  if (value === null) a = null;
  return compareSortValues(b, a, false) * (isMin ? 1 : -1) <= 0 ? current : value;
}

/** Adds one value; returns false when Sum/Average was asked for and it is not a number. */
export function addValue(stat: Statistics, value: Value, options: MeasureOptions): boolean {
  stat.count++;
  if (options.sum || options.average) {
    const n = tryDouble(value);
    if (n === undefined) return false;
    stat.sum += n;
  }
  if (options.minimum) stat.min = extreme(value, stat.min, true);
  if (options.maximum) stat.max = extreme(value, stat.max, false);
  return true;
}

/** The result object for one property (or for the objects themselves when `property` is null). */
export function measureInfo(stat: Statistics, options: MeasureOptions, nonNumeric: boolean, property: string | null): PSObject {
  const numericExtremes = [stat.min, stat.max].every((v) => v === undefined || v === null || tryDouble(v) !== undefined);
  const extremeValue = (v: Value | undefined, wanted: boolean | undefined): Value => {
    if (!wanted || v === undefined) return null;
    return numericExtremes && v !== null ? tryDouble(v)! : v;
  };
  return new PSObject(numericExtremes ? GENERIC_MEASURE_INFO : GENERIC_OBJECT_MEASURE_INFO, [
    ['Count', stat.count],
    ['Average', !nonNumeric && options.average && stat.count > 0 ? stat.sum / stat.count : null],
    ['Sum', !nonNumeric && options.sum ? stat.sum : null],
    ['Maximum', extremeValue(stat.max, options.maximum)],
    ['Minimum', extremeValue(stat.min, options.minimum)],
    ['Property', property],
  ]);
}

/** The -Line/-Word/-Character form: one TextMeasureInfo per property (or one for the objects themselves). */
function createTextMeasure(ctx: CommandContext) {
  const totals = new Map<string, { name: string; counts: TextCounts }>();
  let options: TextOptions = { lines: false, words: false, characters: false, ignoreWhiteSpace: false };
  let properties: string[] | undefined;
  const add = (name: string, value: Value) => {
    let entry = totals.get(name.toLowerCase());
    if (!entry) totals.set(name.toLowerCase(), (entry = { name, counts: { lines: 0, words: 0, characters: 0 } }));
    if (value !== null) countText(toPSString(value), entry.counts, options);
  };
  return {
    async begin(bound: Bound) {
      options = { lines: bound.get('Line') === true, words: bound.get('Word') === true, characters: bound.get('Character') === true, ignoreWhiteSpace: bound.get('IgnoreWhiteSpace') === true };
      properties = bound.has('Property') ? stringList(bound.get('Property')) : undefined;
    },
    async process(bound: Bound, input: { value: Value } | undefined) {
      const item = inputOf(bound, input)?.value ?? null;
      if (item === null) return;
      if (!properties) return add('$_', item);
      for (const pattern of properties) {
        for (const name of resolvePropertyNames(item, pattern).filter((n) => getMemberProperty(item, n).found)) add(name, getMemberProperty(item, name).value);
      }
    },
    async end() {
      if (!properties && totals.size === 0) add('$_', null);
      for (const { name, counts } of totals.values()) await ctx.emit(textMeasureInfo(counts, options, properties ? name : null));
    },
  };
}

function isTextMeasure(bound: Bound): boolean {
  return ['Line', 'Word', 'Character', 'IgnoreWhiteSpace'].some((n) => bound.has(n));
}

/** The processor is chosen once the command line is bound (begin), as the parameter set decides. */
function create(ctx: CommandContext) {
  let chosen: ReturnType<typeof createGeneric> | undefined;
  return {
    async begin(bound: Bound) {
      chosen = isTextMeasure(bound) ? createTextMeasure(ctx) : createGeneric(ctx);
      await chosen.begin(bound);
    },
    process: (bound: Bound, input: { value: Value } | undefined) => chosen!.process(bound, input),
    end: () => chosen!.end(),
  };
}

function createGeneric(ctx: CommandContext) {
  const stats = new Map<string, { name: string; stat: Statistics }>();
  let options: MeasureOptions = {};
  let properties: string[] | undefined;
  let nonNumeric = false;

  const entry = (name: string) => {
    const key = name.toLowerCase();
    let e = stats.get(key);
    if (!e) stats.set(key, (e = { name, stat: newStatistics() }));
    return e.stat;
  };

  const analyze = async (name: string, value: Value) => {
    if (!addValue(entry(name), value, options)) {
      nonNumeric = true;
      await ctx.writeError({
        message: `Input object "${toPSString(value)}" is not numeric.`,
        errorId: 'NonNumericInputObject',
        category: CATEGORY_INVALID_TYPE,
        exceptionType: 'PSInvalidOperationException',
        target: targetText(value),
      });
    }
  };

  return {
    async begin(bound: Bound) {
      options = { sum: bound.get('Sum') === true, average: bound.get('Average') === true, maximum: bound.get('Maximum') === true, minimum: bound.get('Minimum') === true };
      properties = bound.has('Property') ? stringList(bound.get('Property')) : undefined;
    },
    async process(bound: Bound, input: { value: Value } | undefined) {
      const item = inputOf(bound, input)?.value ?? null;
      if (item === null) return;
      if (!properties) return analyze('$_', item);
      const done = new Set<string>();
      for (const pattern of properties) {
        const names = resolvePropertyNames(item, pattern).filter((n) => getMemberProperty(item, n).found);
        if (names.length === 0 && !hasWildcard(pattern)) entry(pattern);
        for (const name of names) {
          if (done.has(name.toLowerCase())) continue;
          done.add(name.toLowerCase());
          await analyze(name, getMemberProperty(item, name).value);
        }
      }
    },
    async end() {
      if (!properties && stats.size === 0) entry('$_');
      for (const { name, stat } of stats.values()) {
        if (properties && stat.count === 0) {
          await ctx.writeError({
            message: `The property "${name}" cannot be found in the input for any objects.`,
            errorId: 'GenericMeasurePropertyNotFound',
            category: 'InvalidArgument',
            exceptionType: 'PSArgumentException',
            target: '',
          });
          continue;
        }
        await ctx.emit(measureInfo(stat, options, nonNumeric, properties ? name : null));
      }
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Counts objects and computes the sum, average, largest and smallest of their values.',
  description:
    'Measure-Object counts the objects that reach it. With -Property it measures the named properties ' +
    '(one result per property); -Sum, -Average, -Maximum and -Minimum add those statistics. Objects that ' +
    'lack a named property are not counted, and a property that no object has is reported as an error.\n\n' +
    '-Line, -Word and -Character measure text instead: each object (or property value) is read as text and its lines, ' +
    'words and characters are added up; -IgnoreWhiteSpace leaves white space out of the character count.',
  examples: [
    {
      title: 'Count the collections',
      code: 'Get-CsPersistentChatConfiguration | Measure-Object',
      remarks: 'Count holds the number of collections.',
    },
    {
      title: 'Statistics of one property',
      code: 'Get-CsPersistentChatConfiguration | Measure-Object DefaultChatHistory -Average -Maximum -Minimum',
      remarks: 'Shows the average, largest and smallest DefaultChatHistory over all collections.',
    },
    {
      title: 'Count lines and words of text',
      code: '"one two`nthree" | Measure-Object -Line -Word -Character',
      remarks: 'Lines 2, Words 3, Characters 13.',
    },
  ],
  inputs: 'System.Object\n    Any object can be piped to Measure-Object.',
  outputs: `${GENERIC_MEASURE_INFO}\n    One object per measured property, with Count, Average, Sum, Maximum, Minimum and Property.`,
};

export const measureObject: CommandDef = {
  name: 'Measure-Object',
  parameters: PARAMETERS,
  sets: [GENERIC, TEXT],
  supportsShouldProcess: false,
  help: HELP,
  source: UTILITY,
  create,
};
