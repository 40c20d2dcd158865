// Format-Table: shows objects as a table, one row per object. The columns
// come from -Property (resolved against the first object, as PowerShell
// does) or from the first object's view or properties. Collects its input
// and emits ONE FormattedText at the end.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { hashtableTable, objectTable } from '../../shell/format/out-default';
import { renderValueTable, type ValueColumn } from '../../shell/format/table-view';
import { getMemberProperty, resolvePropertyNames } from '../../shell/members';
import { FormattedText, Hashtable, PSObject, type Value } from '../../shell/values';
import { evaluateExpression, FORMAT_KEYS, parsePropertySpecs, type Evaluate, type PropertySpec } from './property-spec';
import { inputOf, param, UTILITY } from './support';
import { checkArrayLength } from '../../shell/limit-errors';

const PARAMETERS: readonly ParameterDef[] = [
  param('Property', 'Object[]', 'The columns: property names (wildcards allowed) or hashtables with Name/Label, Expression and Width keys. Without it, the columns come from the first object.', { position: 0 }),
  param('AutoSize', 'SwitchParameter', 'Sizes the columns to their content. Columns here are always sized that way; the switch is accepted for compatibility.'),
  param('HideTableHeaders', 'SwitchParameter', 'Leaves out the header and dashes lines.'),
  param('Wrap', 'SwitchParameter', 'Accepted for compatibility; long values are cut with "..." to fit the console.'),
  param('InputObject', 'Object', 'The object to format. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

export interface TableFormatOptions {
  readonly width?: number;
  readonly hideHeaders?: boolean;
}

interface Column {
  readonly header: string;
  readonly get: (item: Value) => Promise<Value>;
  readonly width?: number;
}

/** Columns for -Property, with wildcards resolved against the first object. */
function columnsFor(first: Value, specs: readonly PropertySpec[], evaluate: Evaluate): Column[] {
  return specs.flatMap((spec): Column[] => {
    if (spec.kind === 'calculated') {
      return [{ header: spec.label, get: (item) => evaluateExpression(spec.expression, item, evaluate), ...(spec.width !== undefined ? { width: spec.width } : {}) }];
    }
    return resolvePropertyNames(first, spec.pattern).map((name) => ({ header: name, get: async (item: Value) => getMemberProperty(item, name).value }));
  });
}

/** The lines Format-Table shows for its whole input. */
export async function formatTableLines(items: readonly Value[], specs: readonly PropertySpec[], evaluate: Evaluate, options: TableFormatOptions = {}): Promise<string[]> {
  const tableOptions = { ...(options.width !== undefined ? { width: options.width } : {}), ...(options.hideHeaders ? { hideHeaders: true } : {}) };
  if (items.length === 0) return [];
  if (specs.length > 0) {
    const columns = columnsFor(items[0]!, specs, evaluate);
    const valueColumns: ValueColumn[] = [];
    for (const c of columns) {
      const values: Value[] = [];
      for (const item of items) values.push(await c.get(item));
      valueColumns.push({ header: c.header, values, ...(c.width !== undefined ? { width: c.width } : {}) });
    }
    return renderValueTable(valueColumns, tableOptions);
  }
  // Without -Property: consecutive objects share the first one's columns;
  // hashtables get the Name/Value table; anything else is shown as text.
  const lines: string[] = [];
  let objects: PSObject[] = [];
  let tables: Hashtable[] = [];
  const flush = () => {
    if (objects.length > 0) lines.push(...withHeaders(objectTable(objects, tableOptions), options.hideHeaders));
    if (tables.length > 0) lines.push(...withHeaders(hashtableTable(tables, tableOptions), options.hideHeaders));
    objects = [];
    tables = [];
  };
  for (const item of items) {
    if (item instanceof PSObject && item.propertyNames.length > 0) {
      if (tables.length > 0) flush();
      objects.push(item);
    } else if (item instanceof Hashtable) {
      if (objects.length > 0) flush();
      tables.push(item);
    } else {
      flush();
      lines.push(...(item instanceof FormattedText ? item.lines : toPSString(item).split(/\r?\n/)));
    }
  }
  flush();
  return lines;
}

/** The shared table renderers always draw headers; drop them for -HideTableHeaders. */
function withHeaders(lines: string[], hide: boolean | undefined): string[] {
  return hide && lines.length >= 3 ? [lines[0]!, ...lines.slice(3)] : lines;
}

function create(ctx: CommandContext) {
  const items: Value[] = [];
  let specs: PropertySpec[] = [];
  let hideHeaders = false;
  return {
    async begin(bound: Bound) {
      specs = parsePropertySpecs('Format-Table', bound.get('Property'), FORMAT_KEYS);
      hideHeaders = bound.get('HideTableHeaders') === true;
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
      const lines = await formatTableLines(items, specs, (block, item) => ctx.invoke(block, item), { hideHeaders });
      await ctx.emit(new FormattedText(lines));
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Shows objects as a table, one row per object.',
  description:
    'Format-Table shows the objects that reach it as a table: a header line, a line of dashes, then one row ' +
    'per object. Numbers are right-aligned. -Property chooses the columns (wildcards allowed; a hashtable with ' +
    'Name and Expression adds a calculated column); without it the columns are the first object\'s properties. ' +
    'Values too long for the console are cut and end in "...". Put Format-Table last in a pipeline.',
  examples: [
    {
      title: 'Show all collections as a table',
      code: 'Get-CsPersistentChatConfiguration | Format-Table',
      remarks: 'Every property becomes a column; long values are shortened to fit the console.',
    },
    {
      title: 'Choose the columns',
      code: 'Get-CsPersistentChatConfiguration | Format-Table Identity, DefaultChatHistory, MaxFileSizeKB',
      remarks: 'Three columns; the two numeric ones are right-aligned.',
    },
    {
      title: 'A calculated column',
      code: 'Get-CsPersistentChatConfiguration | ft Identity, @{Name="MaxFileSizeMB"; Expression={$_.MaxFileSizeKB / 1024}}',
      remarks: 'ft is an alias of Format-Table. The second column is computed for each collection.',
    },
  ],
  inputs: 'System.Object\n    Any object can be piped to Format-Table.',
  outputs: 'Format data\n    Lines for the console to show.',
};

export const formatTable: CommandDef = {
  name: 'Format-Table',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: HELP,
  source: UTILITY,
  create,
};
