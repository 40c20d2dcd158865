// Where-Object: passes on the pipeline objects for which a filter holds.
// Two forms, as in Windows PowerShell 5.1: a scriptblock (`? {$_.X -gt 30}`)
// and the simplified syntax (`? X -gt 30`, `? X` for truthiness), with one
// parameter set per operator switch and EqualSet as the default set.
//
// The binder gives a leading positional argument to -Property (EqualSet is
// the default set), so -Property is typed Object and a scriptblock arriving
// there is treated as -FilterScript: `Where-Object {…}` then works exactly
// like `Where-Object -FilterScript {…}`.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toBoolean, toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { getMemberProperty, resolvePropertyNames } from '../../shell/members';
import { compare, OperatorError } from '../../shell/operators';
import { collapse, Hashtable, ScriptBlock, type Value } from '../../shell/values';
import { hasWildcard } from '../../shell/wildcard';
import { CORE, inputOf, param, targetText, writeAmbiguousMember } from './support';

interface OperatorSwitch {
  readonly name: string;
  readonly set: string;
  readonly aliases: readonly string[];
  /** The language operator it stands for. */
  readonly op: string;
}

const BASE_OPERATORS: readonly [name: string, set: string, op: string][] = [
  ['EQ', 'Equal', 'eq'],
  ['NE', 'NotEqual', 'ne'],
  ['GT', 'GreaterThan', 'gt'],
  ['LT', 'LessThan', 'lt'],
  ['GE', 'GreaterOrEqual', 'ge'],
  ['LE', 'LessOrEqual', 'le'],
  ['Like', 'Like', 'like'],
  ['NotLike', 'NotLike', 'notlike'],
  ['Match', 'Match', 'match'],
  ['NotMatch', 'NotMatch', 'notmatch'],
  ['Contains', 'Contains', 'contains'],
  ['NotContains', 'NotContains', 'notcontains'],
  ['In', 'In', 'in'],
  ['NotIn', 'NotIn', 'notin'],
];

/** Each operator and its case-sensitive twin (-CEQ, -CLike, …), with PowerShell's set names. */
export const OPERATOR_SWITCHES: readonly OperatorSwitch[] = BASE_OPERATORS.flatMap(([name, set, op]) => [
  { name, set: `${set}Set`, aliases: [`I${name}`], op: `-${op}` },
  { name: `C${name}`, set: `CaseSensitive${set}Set`, aliases: [], op: `-c${op}` },
]);

const OPERATOR_SETS = OPERATOR_SWITCHES.map((o) => o.set);
const SCRIPT_SET = 'ScriptBlockSet';

const PARAMETERS: readonly ParameterDef[] = [
  param('Property', 'Object', 'The property to test, by name (wildcards select a single matching property). With no operator, an object passes when the property holds a true value.', {
    sets: OPERATOR_SETS,
    mandatory: true,
    position: 0,
  }),
  param('Value', 'Object', 'The value the property is compared with.', { sets: OPERATOR_SETS, position: 1 }),
  // Position 0 as in PowerShell; the binder still gives a lone positional
  // argument to -Property, whose set is the default one.
  param('FilterScript', 'ScriptBlock', 'A scriptblock run for each object, with the object in $_; the object passes when the result is true.', {
    sets: [SCRIPT_SET],
    mandatory: true,
    position: 0,
  }),
  ...OPERATOR_SWITCHES.map((o) =>
    param(o.name, 'SwitchParameter', `Passes objects whose property ${o.op.startsWith('-c') ? 'case-sensitively ' : ''}satisfies ${o.op.replace(/^-c/, '-')} with -Value.`, {
      sets: [o.set],
      mandatory: o.name !== 'EQ',
      aliases: o.aliases,
    }),
  ),
  param('InputObject', 'Object', 'The object to test. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

function argumentError(message: string, errorId: string): TerminatingError {
  return new TerminatingError(errorRecord({ message, errorId, category: 'InvalidArgument', exceptionType: 'PSArgumentException' }));
}

/** The operator switch that is on, if any. */
function chosenOperator(bound: Bound): OperatorSwitch | undefined {
  return OPERATOR_SWITCHES.find((o) => bound.get(o.name) === true);
}

/** Outcome of reading the tested property: a value, or an error already explained. */
type PropertyRead = { ok: true; value: Value } | { ok: false; names: string[] };

/** Reads the property the simplified syntax tests: a hashtable key first, then a member. */
export function readTestedProperty(item: Value, property: string): PropertyRead {
  if (item === null) return { ok: true, value: null };
  if (item instanceof Hashtable && item.has(property)) return { ok: true, value: item.get(property) ?? null };
  if (!hasWildcard(property)) return { ok: true, value: getMemberProperty(item, property).value };
  const names = resolvePropertyNames(item, property);
  if (names.length > 1) return { ok: false, names };
  return { ok: true, value: names.length === 1 ? getMemberProperty(item, names[0]!).value : null };
}

/** The simplified syntax's test for one value: an operator with -Value, or plain truthiness. */
export function operatorTest(op: string | undefined, left: Value, right: Value): boolean {
  if (op === undefined) return toBoolean(left);
  return toBoolean(compare(op, left, right));
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound, input: { value: Value } | undefined) {
      const current = inputOf(bound, input);
      if (!current) return;
      const item = current.value;
      const property = bound.get('Property');
      const operator = chosenOperator(bound);
      const filter = bound.get('FilterScript') ?? (property instanceof ScriptBlock && !operator && !bound.has('Value') ? property : undefined);
      if (filter instanceof ScriptBlock) {
        if (toBoolean(collapse(await ctx.invoke(filter, item)))) await ctx.emit(item);
        return;
      }
      if (operator && !bound.has('Value')) {
        throw argumentError(
          'The specified operator requires both the -Property and -Value parameters. Provide values for both parameters, and then try the command again.',
          'ValueNotSpecifiedForWhereObject',
        );
      }
      if (!operator && bound.has('Value')) {
        throw argumentError(
          'An operator is required to compare the two specified values. Include a valid operator in the command, and then try the command again. For example, Get-Process | Where-Object -Property Name -eq Idle',
          'OperatorNotSpecified',
        );
      }
      const name = toPSString(property ?? null);
      const read = readTestedProperty(item, name);
      if (!read.ok) return writeAmbiguousMember(ctx, name, read.names, 'AmbiguousPropertyName', item);
      let passes: boolean;
      try {
        passes = operatorTest(operator?.op, read.value, bound.get('Value') ?? null);
      } catch (e) {
        if (!(e instanceof OperatorError)) throw e;
        await ctx.writeError({
          message: `The operation '${operator?.name ?? ''}' failed: ${e.message}`,
          errorId: 'OperatorFailed',
          category: 'InvalidOperation',
          exceptionType: 'PSInvalidOperationException',
          target: targetText(item),
        });
        return;
      }
      if (passes) await ctx.emit(item);
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Keeps the pipeline objects that pass a test and drops the rest.',
  description:
    'Where-Object tests each object that reaches it and passes on only those for which the test is true. ' +
    'The test is either a scriptblock, in which $_ (or $PSItem) stands for the current object, or the ' +
    'simplified form that names a property, an operator switch and a value (Where-Object DefaultChatHistory -gt 30). ' +
    'Naming a property with no operator keeps the objects whose property holds a true value (not $null, 0 or empty).\n\n' +
    'The operator switches match the comparison operators of the language: -EQ, -NE, -GT, -GE, -LT, -LE, -Like, ' +
    '-NotLike, -Match, -NotMatch, -Contains, -NotContains, -In and -NotIn ignore case; their C-prefixed twins ' +
    '(-CEQ, -CLike, ...) respect it.',
  examples: [
    {
      title: 'Keep collections that show more than 30 messages',
      code: 'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30}',
      remarks: 'The scriptblock runs once per collection; only those for which it returns $true go on.',
    },
    {
      title: 'The same test in the simplified form',
      code: 'Get-CsPersistentChatConfiguration | Where-Object DefaultChatHistory -gt 30',
      remarks: 'The property name, the -GT switch and the value 30 replace the scriptblock.',
    },
    {
      title: 'Find collections with no room management page',
      code: 'Get-CsPersistentChatConfiguration | Where-Object {$_.RoomManagementUrl -eq $null}',
      remarks: 'A URL that is not set holds $null, so comparing with $null finds it.',
    },
    {
      title: 'Keep collections whose file service URL is set',
      code: 'Get-CsPersistentChatConfiguration | ? FileServiceUrl',
      remarks: '? is an alias of Where-Object. With no operator, the property is tested for a true value.',
    },
  ],
  inputs: 'System.Object\n    Any object can be piped to Where-Object.',
  outputs: 'System.Object\n    The objects that passed the test, unchanged.',
};

export const whereObject: CommandDef = {
  name: 'Where-Object',
  parameters: PARAMETERS,
  sets: ['EqualSet', SCRIPT_SET, ...OPERATOR_SETS.filter((s) => s !== 'EqualSet')],
  supportsShouldProcess: false,
  help: HELP,
  source: CORE,
  create,
};
