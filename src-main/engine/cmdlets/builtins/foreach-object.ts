// ForEach-Object: runs scriptblocks for each pipeline object, or (with a
// member name, `% Identity`) emits that property of each object.
//
// -Process takes every positional argument (it is typed Object[] so the
// binder accepts them); when they are not scriptblocks, the first is taken
// as a member name, as PowerShell's binder would have chosen the
// PropertyAndMethodSet for `% Identity`.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, ExitException, TerminatingError } from '../../shell/errors';
import { getProperty, memberPropertyNames } from '../../shell/members';
import { Hashtable, ScriptBlock, type Value } from '../../shell/values';
import { hasWildcard, wildcardToRegExp } from '../../shell/wildcard';
import { CORE, inputOf, param, writeAmbiguousMember } from './support';

const SCRIPT_SET = 'ScriptBlockSet';
const MEMBER_SET = 'PropertyAndMethodSet';

const PARAMETERS: readonly ParameterDef[] = [
  param('Process', 'Object[]', 'The scriptblocks run for each object, with the object in $_. With two or more blocks and no -Begin/-End, the first runs before any input and, from three blocks on, the last after all input.', {
    sets: [SCRIPT_SET],
    mandatory: true,
    position: 0,
    remaining: true,
  }),
  param('Begin', 'ScriptBlock', 'A scriptblock run once, before the first object.', { sets: [SCRIPT_SET] }),
  param('End', 'ScriptBlock', 'A scriptblock run once, after the last object.', { sets: [SCRIPT_SET] }),
  param('RemainingScripts', 'Object[]', 'Further process scriptblocks.', { sets: [SCRIPT_SET] }),
  param('MemberName', 'String', 'The property (or a wildcard matching exactly one property) whose value is emitted for each object.', {
    sets: [MEMBER_SET],
    mandatory: true,
    position: 0,
  }),
  param('ArgumentList', 'Object[]', 'Arguments for a method named by -MemberName.', { sets: [MEMBER_SET], aliases: ['Args'] }),
  param('InputObject', 'Object', 'The object to process. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

/** How the scriptblocks divide into begin, process and end, by PowerShell's rule. */
export interface BlockPlan {
  readonly begin?: ScriptBlock;
  readonly process: readonly ScriptBlock[];
  readonly end?: ScriptBlock;
}

export function planBlocks(begin: ScriptBlock | undefined, blocks: readonly ScriptBlock[], end: ScriptBlock | undefined): BlockPlan {
  const scripts = begin ? [begin, ...blocks] : [...blocks];
  let last = scripts.length;
  const first = scripts.length > 1 ? 1 : 0;
  let endBlock = end;
  if (!end && scripts.length > 2) {
    last = scripts.length - 1;
    endBlock = scripts[last];
  }
  return {
    ...(scripts.length >= 2 ? { begin: scripts[0]! } : {}),
    process: scripts.slice(first, last),
    ...(endBlock ? { end: endBlock } : {}),
  };
}

/** The value `% Name` emits for one object ($null when it has no such member, as PowerShell does outside strict mode). */
export function memberValue(item: Value, name: string): { ok: true; value: Value } | { ok: false; names: string[] } {
  if (item instanceof Hashtable && item.has(name)) return { ok: true, value: item.get(name) ?? null };
  if (!hasWildcard(name)) return { ok: true, value: getProperty(item, name) };
  const re = wildcardToRegExp(name);
  const names = memberPropertyNames(item).filter((n) => re.test(n));
  if (names.length > 1) return { ok: false, names };
  return { ok: true, value: names.length === 1 ? getProperty(item, names[0]!) : null };
}

function notScriptBlock(value: Value): TerminatingError {
  return new TerminatingError(
    errorRecord({
      message: `Cannot bind parameter 'Process'. Cannot convert the "${toPSString(value)}" value of type "${typeof value === 'number' ? 'System.Int32' : 'System.String'}" to type "System.Management.Automation.ScriptBlock".`,
      errorId: 'CannotConvertArgumentNoMessage',
      category: 'InvalidArgument',
      exceptionType: 'ParameterBindingException',
    }),
  );
}

function create(ctx: CommandContext) {
  let plan: BlockPlan | undefined;
  let member: string | undefined;

  const emitAll = async (values: readonly Value[]) => {
    for (const v of values) await ctx.emit(v);
  };
  /** Runs a block; what it wrote before an `exit` still goes down the pipeline, as PowerShell streams it. */
  const run = async (block: ScriptBlock, input: Value) => {
    try {
      await emitAll(await ctx.invoke(block, input));
    } catch (e) {
      if (e instanceof ExitException) await emitAll(e.output);
      throw e;
    }
  };

  return {
    async begin(bound: Bound) {
      if (bound.has('MemberName')) {
        member = toPSString(bound.get('MemberName')!);
        return;
      }
      const given = [...asList(bound.get('Process')), ...asList(bound.get('RemainingScripts'))];
      if (given.length > 0 && !(given[0] instanceof ScriptBlock)) {
        // `% Identity`: what PowerShell binds to -MemberName.
        if (given.slice(1).some((v) => v instanceof ScriptBlock)) throw notScriptBlock(given[0]!);
        member = toPSString(given[0]!);
        return;
      }
      const bad = given.find((v) => !(v instanceof ScriptBlock));
      if (bad !== undefined) throw notScriptBlock(bad);
      plan = planBlocks(bound.get('Begin') as ScriptBlock | undefined, given as ScriptBlock[], bound.get('End') as ScriptBlock | undefined);
      if (plan.begin) await run(plan.begin, null);
    },
    async process(bound: Bound, input: { value: Value } | undefined) {
      const item = inputOf(bound, input)?.value ?? null;
      if (member !== undefined) {
        const found = memberValue(item, member);
        if (!found.ok) return writeAmbiguousMember(ctx, member, found.names, 'AmbiguousPropertyOrMethodName', item);
        // A collection value is unrolled into the pipeline.
        await emitAll(Array.isArray(found.value) ? found.value : [found.value]);
        return;
      }
      for (const block of plan?.process ?? []) await run(block, item);
    },
    async end() {
      if (plan?.end) await run(plan.end, null);
    },
  };
}

function asList(value: Value | undefined): Value[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const HELP: CommandHelp = {
  synopsis: 'Runs a scriptblock for each pipeline object, or emits one property of each.',
  description:
    'ForEach-Object runs the -Process scriptblock once for every object that reaches it, with the object in $_ ' +
    '(or $PSItem); whatever the scriptblock outputs goes down the pipeline. -Begin runs once before the first ' +
    'object and -End once after the last.\n\n' +
    'Given a property name instead of a scriptblock (ForEach-Object Identity), it emits the value of that ' +
    'property for each object; an object without the property gives $null.',
  examples: [
    {
      title: 'List the identities of all collections',
      code: 'Get-CsPersistentChatConfiguration | ForEach-Object {$_.Identity}',
      remarks: 'The scriptblock outputs the Identity of each collection.',
    },
    {
      title: 'The same with a member name',
      code: 'Get-CsPersistentChatConfiguration | % Identity',
      remarks: '% is an alias of ForEach-Object; a bare name emits that property.',
    },
    {
      title: 'Count while processing',
      code: 'Get-CsPersistentChatConfiguration | ForEach-Object -Begin {$n = 0} -Process {$n = $n + 1} -End {"$n collections"}',
      remarks: 'The -Begin block runs first, -Process once per collection and -End at the end.',
    },
  ],
  inputs: 'System.Object\n    Any object can be piped to ForEach-Object.',
  outputs: 'System.Object\n    Whatever the scriptblocks output, or the values of the named property.',
};

export const forEachObject: CommandDef = {
  name: 'ForEach-Object',
  parameters: PARAMETERS,
  sets: [SCRIPT_SET, MEMBER_SET],
  supportsShouldProcess: false,
  help: HELP,
  source: CORE,
  create,
};
