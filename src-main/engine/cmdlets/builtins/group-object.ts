// Group-Object: gathers objects that share the value of one or more
// properties (names, scriptblocks or calculated properties) into GroupInfo
// objects (Count, Name, Group, Values), in the order each group first
// appears, as 5.1 does; -NoElement leaves out the members; -AsHashTable
// returns one hashtable keyed by the value (by its text with -AsString).

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { Hashtable, PSObject, type Value } from '../../shell/values';
import { evaluateExpression, parsePropertySpecs, type PropertySpec } from './property-spec';
import { getMemberProperty, resolvePropertyNames } from '../../shell/members';
import { inputOf, param, UTILITY } from './support';

export const GROUP_INFO = 'Microsoft.PowerShell.Commands.GroupInfo';
export const GROUP_INFO_NO_ELEMENT = 'Microsoft.PowerShell.Commands.GroupInfoNoElement';

const PARAMETERS: readonly ParameterDef[] = [
  param('Property', 'Object[]', 'What to group by: property names, scriptblocks, or calculated properties (@{Expression={…}}).', { position: 0 }),
  param('NoElement', 'SwitchParameter', 'Leaves the members out of the result: only Count and Name.'),
  param('AsHashTable', 'SwitchParameter', 'Returns one hashtable: each key is a grouping value, each value the objects that share it.', { aliases: ['AHT'] }),
  param('AsString', 'SwitchParameter', 'With -AsHashTable, the keys are the values\' text.'),
  param('CaseSensitive', 'SwitchParameter', 'Groups "Redmond" and "redmond" apart.'),
  param('Culture', 'String', 'Accepted for compatibility; values are compared as en-US text.'),
  param('InputObject', 'Object', 'The object to group. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

interface Group {
  readonly name: string;
  readonly values: Value[];
  readonly members: Value[];
}

/** The grouping values of one object: the object itself when no property is given. */
async function keyValues(ctx: CommandContext, item: Value, specs: readonly PropertySpec[]): Promise<Value[]> {
  if (specs.length === 0) return [item];
  const out: Value[] = [];
  for (const spec of specs) {
    if (spec.kind === 'calculated') {
      out.push(await evaluateExpression(spec.expression, item, (block, v) => ctx.invoke(block, v)));
      continue;
    }
    for (const name of resolvePropertyNames(item, spec.pattern)) out.push(getMemberProperty(item, name).value);
  }
  return out;
}

function create(ctx: CommandContext) {
  const groups = new Map<string, Group>();
  let specs: PropertySpec[] = [];
  let switches: Bound = new Map();
  return {
    async begin(bound: Bound) {
      switches = bound;
      specs = parsePropertySpecs('Group-Object', bound.get('Property'), ['Expression']);
      if (bound.get('AsString') === true && bound.get('AsHashTable') !== true) {
        throw new TerminatingError(
          errorRecord({
            message: 'The -AsString parameter can only be used with the -AsHashTable parameter.',
            errorId: 'GroupObjectWithHashTable',
            category: 'InvalidArgument',
            exceptionType: 'PSArgumentException',
          }),
        );
      }
    },
    async process(bound: Bound, input: { value: Value } | undefined) {
      const current = inputOf(bound, input);
      if (!current) return;
      const values = await keyValues(ctx, current.value, specs);
      const name = values.map((v) => toPSString(v)).join(', ');
      const key = switches.get('CaseSensitive') === true ? name : name.toLowerCase();
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { name, values, members: [] }));
      group.members.push(current.value);
    },
    end: () => finish(ctx, switches, groups),
  };
}

async function finish(ctx: CommandContext, bound: Bound, groups: Map<string, Group>): Promise<void> {
  if (bound.get('AsHashTable') === true) {
    const table = new Hashtable();
    for (const g of groups.values()) {
      const key: Value = bound.get('AsString') === true ? g.name : g.values.length === 1 ? g.values[0]! : g.values;
      table.set(key, g.members);
    }
    // An empty input gives $null, as 5.1 does.
    if (groups.size > 0) await ctx.emit(table);
    return;
  }
  for (const g of groups.values()) {
    if (bound.get('NoElement') === true) {
      await ctx.emit(new PSObject(GROUP_INFO_NO_ELEMENT, [['Count', g.members.length], ['Name', g.name], ['Values', g.values], ['Group', null]]));
    } else {
      await ctx.emit(new PSObject(GROUP_INFO, [['Count', g.members.length], ['Name', g.name], ['Values', g.values], ['Group', g.members]]));
    }
  }
}

export const groupObject: CommandDef = {
  name: 'Group-Object',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Groups objects that share a property value.',
    description:
      'Group-Object puts the objects that have the same value of the given properties into one group and returns a GroupInfo ' +
      'per group: Count (how many), Name (the shared value as text), Group (the objects) and Values. Groups come in the order ' +
      'their first object arrived. A scriptblock or @{Expression={…}} groups by a computed value. -NoElement drops Group; ' +
      '-AsHashTable returns a hashtable from each value to its objects (-AsString keys it by text). Text is compared without ' +
      'regard to case unless -CaseSensitive is given.',
    examples: [
      {
        title: 'How many collections per history setting',
        code: 'Get-CsPersistentChatConfiguration | Group-Object DefaultChatHistory -NoElement',
        remarks: 'One line per distinct DefaultChatHistory with its count.',
      },
      {
        title: 'Group by scope',
        code: 'Get-CsPersistentChatConfiguration | Group-Object { $_.Identity.Split(":")[0] }',
        remarks: 'Groups Global, site and service collections by the part of the Identity before the first colon.',
      },
      {
        title: 'Look up by value',
        code: '$bySize = Get-CsPersistentChatConfiguration | Group-Object MaxFileSizeKB -AsHashTable -AsString\n$bySize["20000"]',
        remarks: 'The collections whose MaxFileSizeKB is 20000.',
      },
    ],
    inputs: 'System.Object\n    Any object can be piped to Group-Object.',
    outputs: `${GROUP_INFO}, System.Collections.Hashtable`,
  },
  source: UTILITY,
  create,
};
