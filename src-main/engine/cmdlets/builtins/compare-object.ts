// Compare-Object: the differences between two lists, with 5.1's SideIndicator
// (<= only in the reference, => only in the difference, == in both) and its
// sliding-window algorithm (CompareObjectCommand), so the results come in the
// same order as there: matches as they are found, then what is left of the
// difference list, then of the reference list.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { valuesEqual } from '../../shell/operators';
import { PSObject, type Value } from '../../shell/values';
import { evaluateExpression, parsePropertySpecs, selectPairs, type PropertySpec } from './property-spec';
import { INT32_MAX, param, UTILITY } from './support';

const CUSTOM_OBJECT = 'System.Management.Automation.PSCustomObject';

const PARAMETERS: readonly ParameterDef[] = [
  param('ReferenceObject', 'Object[]', 'The list to compare against.', { mandatory: true, position: 0 }),
  param('DifferenceObject', 'Object[]', 'The list compared with the reference. Usually supplied through the pipeline.', { mandatory: true, position: 1, pipeline: ['ByValue'] }),
  param('SyncWindow', 'Int32', 'How far ahead to look for a match, in each list (default: the whole list).', { range: { min: 0, max: INT32_MAX } }),
  param('Property', 'Object[]', 'Compares these properties (names or calculated properties) instead of the whole objects.'),
  param('ExcludeDifferent', 'SwitchParameter', 'Leaves out the objects found in only one list (use with -IncludeEqual).'),
  param('IncludeEqual', 'SwitchParameter', 'Also returns the objects found in both lists, marked ==.'),
  param('PassThru', 'SwitchParameter', 'Returns the compared objects themselves, with a SideIndicator property added.'),
  param('CaseSensitive', 'SwitchParameter', 'Text that differs only in case counts as different.'),
  param('Culture', 'String', 'Accepted for compatibility; text is compared as en-US.'),
];

interface Entry {
  readonly value: Value;
  /** The compared values: the object itself, or its -Property values. */
  readonly keys: readonly Value[];
}

function keysEqual(a: Entry, b: Entry, caseSensitive: boolean): boolean {
  if (a.keys.length !== b.keys.length) return false;
  return a.keys.every((k, i) => {
    const other = b.keys[i]!;
    if (k !== null && typeof k === 'object' && !Array.isArray(k)) return k === other || toPSString(k) === toPSString(other);
    return valuesEqual(k, other, caseSensitive);
  });
}

function nullArgument(name: string): TerminatingError {
  return new TerminatingError(
    errorRecord({
      message: `Cannot bind argument to parameter '${name}' because it is null.`,
      errorId: 'ParameterArgumentValidationErrorNullNotAllowed',
      category: 'InvalidData',
      exceptionType: 'ParameterBindingValidationException',
    }),
  );
}

function create(ctx: CommandContext) {
  let specs: PropertySpec[] = [];
  let options: Bound = new Map();
  let reference: Entry[] = [];
  let referenceIndex = 0;
  const referenceBacklog: Entry[] = [];
  const differenceBacklog: Entry[] = [];
  let window = INT32_MAX;
  const caseSensitive = () => options.get('CaseSensitive') === true;

  const entry = async (value: Value): Promise<Entry> => {
    if (specs.length === 0) return { value, keys: [value] };
    const keys: Value[] = [];
    for (const spec of specs) keys.push(spec.kind === 'name' ? (await selectPairs(value, [spec], (b, v) => ctx.invoke(b, v)))[0]?.[1] ?? null : await evaluateExpression(spec.expression, value, (b, v) => ctx.invoke(b, v)));
    return { value, keys };
  };

  const emit = async (e: Entry, side: '==' | '=>' | '<='): Promise<void> => {
    if (side === '==' ? options.get('IncludeEqual') !== true : options.get('ExcludeDifferent') === true) return;
    if (options.get('PassThru') === true) {
      // The object itself with a SideIndicator note (a scalar cannot carry one here, so it goes on as it is).
      await ctx.emit(e.value instanceof PSObject ? new PSObject(e.value.typeName, [...e.value.entries(), ['SideIndicator', side]]) : e.value);
      return;
    }
    const shown: [string, Value][] = specs.length === 0 ? [['InputObject', e.value]] : (await selectPairs(e.value, specs, (b, v) => ctx.invoke(b, v)));
    await ctx.emit(new PSObject(CUSTOM_OBJECT, [...shown, ['SideIndicator', side]]));
  };

  const matchAndRemove = (e: Entry | undefined, backlog: Entry[]): Entry | undefined => {
    if (!e) return undefined;
    const at = backlog.findIndex((b) => keysEqual(e, b, caseSensitive()));
    return at < 0 ? undefined : backlog.splice(at, 1)[0];
  };

  const addToBacklog = async (e: Entry, backlog: Entry[], side: '=>' | '<='): Promise<void> => {
    if (window <= 0) return emit(e, side);
    while (backlog.length >= window) await emit(backlog.shift()!, side);
    backlog.push(e);
  };

  const step = async (difference: Entry | undefined): Promise<void> => {
    let ref: Entry | undefined = referenceIndex < reference.length ? reference[referenceIndex++] : undefined;
    let diff = difference;
    if (ref && diff && keysEqual(ref, diff, caseSensitive())) return emit(ref, '==');
    const fromReference = matchAndRemove(diff, referenceBacklog);
    if (fromReference) {
      await emit(fromReference, '==');
      diff = undefined;
    }
    if (matchAndRemove(ref, differenceBacklog)) {
      await emit(ref!, '==');
      ref = undefined;
    }
    if (diff) await addToBacklog(diff, differenceBacklog, '=>');
    if (ref) await addToBacklog(ref, referenceBacklog, '<=');
  };

  return {
    async begin(bound: Bound) {
      options = bound;
      specs = parsePropertySpecs('Compare-Object', bound.get('Property'), ['Expression']);
      if (bound.has('SyncWindow')) window = bound.get('SyncWindow') as number;
      const given = bound.get('ReferenceObject');
      if (given === null || (Array.isArray(given) && given.length === 1 && given[0] === null)) throw nullArgument('ReferenceObject');
      reference = [];
      for (const v of given as Value[]) reference.push(await entry(v));
    },
    async process(bound: Bound) {
      const given = bound.get('DifferenceObject');
      if (given === null || (Array.isArray(given) && given.length === 1 && given[0] === null)) throw nullArgument('DifferenceObject');
      for (const v of given as Value[]) {
        ctx.checkStop();
        await step(await entry(v));
      }
    },
    async end() {
      while (referenceIndex < reference.length) await step(undefined);
      for (const e of differenceBacklog.splice(0)) await emit(e, '=>');
      for (const e of referenceBacklog.splice(0)) await emit(e, '<=');
    },
  };
}

export const compareObject: CommandDef = {
  name: 'Compare-Object',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Compares two lists of objects.',
    description:
      'Compare-Object reports the objects that are in only one of two lists: SideIndicator <= for those only in the ' +
      'reference list, => for those only in the difference list. -IncludeEqual adds the ones in both (==), -ExcludeDifferent ' +
      'leaves out the differences. With -Property the objects are compared by those properties only, and the result shows ' +
      'them; -PassThru returns the objects themselves with SideIndicator added. Text is compared without regard to case ' +
      'unless -CaseSensitive is given.',
    examples: [
      {
        title: 'Find the sites that were added since a snapshot',
        code: '$before = Get-CsPersistentChatConfiguration | % Identity\n# … changes …\nCompare-Object $before (Get-CsPersistentChatConfiguration | % Identity)',
        remarks: 'New identities are marked =>, removed ones <=.',
      },
      {
        title: 'Compare two collections\' settings',
        code: 'Compare-Object (Get-CsPersistentChatConfiguration global) (Get-CsPersistentChatConfiguration site:Redmond) -Property DefaultChatHistory, MaxFileSizeKB',
        remarks: 'Nothing is returned when both have the same values.',
      },
    ],
    inputs: 'System.Management.Automation.PSObject\n    The difference list can be piped.',
    outputs: 'System.Management.Automation.PSCustomObject\n    InputObject (or the compared properties) and SideIndicator.',
  },
  source: UTILITY,
  create,
};
