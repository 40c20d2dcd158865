// Format-List: shows each object as `Name : Value` lines. It collects its
// input and emits ONE FormattedText at the end, which the console prints
// verbatim (as PowerShell's format objects are printed by Out-Default).

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { renderList, type ListEntry } from '../../shell/format/list-view';
import { listEntries } from '../../shell/format/out-default';
import { FormattedText, Hashtable, PSObject, type Value } from '../../shell/values';
import { FORMAT_KEYS, parsePropertySpecs, selectPairs, type Evaluate, type PropertySpec } from './property-spec';
import { inputOf, param, UTILITY } from './support';
import { checkArrayLength } from '../../shell/limit-errors';

const PARAMETERS: readonly ParameterDef[] = [
  param('Property', 'Object[]', 'The properties to show (wildcards allowed; hashtables add calculated properties). Without it, every property is shown.', { position: 0 }),
  param('InputObject', 'Object', 'The object to format. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

type Block = { kind: 'entries'; entries: ListEntry[] } | { kind: 'lines'; lines: string[] };

async function blocksOf(item: Value, specs: readonly PropertySpec[], evaluate: Evaluate): Promise<Block[]> {
  if (item instanceof FormattedText) return [{ kind: 'lines', lines: [...item.lines] }];
  if (specs.length > 0 && item !== null) return [{ kind: 'entries', entries: await selectPairs(item, specs, evaluate) }];
  if (item instanceof PSObject) return [{ kind: 'entries', entries: listEntries(item) }];
  // A hashtable is listed entry by entry, each as a Name/Value pair.
  if (item instanceof Hashtable) return item.entries().map(([k, v]) => ({ kind: 'entries', entries: [['Name', k], ['Value', v]] }));
  return [{ kind: 'lines', lines: toPSString(item).split(/\r?\n/) }];
}

/** The lines Format-List shows for its whole input. */
export async function formatListLines(items: readonly Value[], specs: readonly PropertySpec[], evaluate: Evaluate, width?: number): Promise<string[]> {
  const lines: string[] = [];
  let pending: ListEntry[][] = [];
  const flush = () => {
    if (pending.length > 0) lines.push(...renderList(pending, width !== undefined ? { width } : {}));
    pending = [];
  };
  for (const item of items) {
    for (const block of await blocksOf(item, specs, evaluate)) {
      if (block.kind === 'entries') {
        pending.push(block.entries);
      } else {
        flush();
        lines.push(...block.lines);
      }
    }
  }
  flush();
  return lines;
}

function create(ctx: CommandContext) {
  const items: Value[] = [];
  let specs: PropertySpec[] = [];
  return {
    async begin(bound: Bound) {
      specs = parsePropertySpecs('Format-List', bound.get('Property'), FORMAT_KEYS);
    },
    async process(bound: Bound, input: { value: Value } | undefined) {
      const current = inputOf(bound, input);
      if (!current) return;
      // It holds every input object until the end: one array value, held to its limit.
      checkArrayLength(items.length + 1);
      items.push(current.value);
    },
    async end() {
      if (items.length === 0) return;
      const width = ctx.session.consoleWidth?.();
      await ctx.emit(new FormattedText(await formatListLines(items, specs, (block, item) => ctx.invoke(block, item), width)));
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Shows objects as a list of properties, one per line.',
  description:
    'Format-List shows each object as a block of "Name : Value" lines, the names padded to the longest one. ' +
    'By default every property is shown; -Property picks some (wildcards allowed). Its output is for display ' +
    'only: put Format-List last in a pipeline.',
  examples: [
    {
      title: 'Show one collection as a list',
      code: 'Get-CsPersistentChatConfiguration -Identity Global | Format-List',
      remarks: 'The configuration objects are shown this way by default too.',
    },
    {
      title: 'Show only some properties',
      code: 'Get-CsPersistentChatConfiguration | Format-List Identity, *Url',
      remarks: 'Shows Identity, FileServiceUrl and RoomManagementUrl for every collection.',
    },
  ],
  inputs: 'System.Object\n    Any object can be piped to Format-List.',
  outputs: 'Format data\n    Lines for the console to show.',
};

export const formatList: CommandDef = {
  name: 'Format-List',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: HELP,
  source: UTILITY,
  create,
};
