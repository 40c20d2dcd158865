// Format-Table: shows objects as a table, one row per object. The columns
// come from -Property (resolved against the first object, as PowerShell
// does) or from the first object's view or properties. Collects its input
// and emits ONE FormattedText at the end, laid out for the console's width:
// long values are cut with "..." (or continue on more lines with -Wrap);
// -AutoSize sizes columns to all their content and leaves out from the right
// the columns that do not fit, saying how many; -GroupBy starts a table under
// a heading for each run of objects sharing a value.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { hashtableTable, objectTable } from '../../shell/format/out-default';
import { DEFAULT_WIDTH, renderValueTable, type ValueColumn } from '../../shell/format/table-view';
import { getMemberProperty, resolvePropertyNames } from '../../shell/members';
import { FormattedText, Hashtable, PSObject, type Value } from '../../shell/values';
import { evaluateExpression, FORMAT_KEYS, parsePropertySpecs, type Evaluate, type PropertySpec } from './property-spec';
import { inputOf, param, UTILITY } from './support';
import { checkArrayLength } from '../../shell/limit-errors';

const PARAMETERS: readonly ParameterDef[] = [
  param('Property', 'Object[]', 'The columns: property names (wildcards allowed) or hashtables with Name/Label, Expression and Width keys. Without it, the columns come from the first object.', { position: 0 }),
  param('AutoSize', 'SwitchParameter', 'Sizes every column to its longest value. Columns that then do not fit the console are left out, starting from the right, and a warning says how many.'),
  param('GroupBy', 'Object', 'Shows a separate table for each run of consecutive objects that share the value of this property (a name, or a hashtable with Name/Label and Expression), under a "Name: value" heading. Sort by the same property first to get one table per value.'),
  param('HideTableHeaders', 'SwitchParameter', 'Leaves out the header and dashes lines.'),
  param('Wrap', 'SwitchParameter', 'Shows long values in full, continued on the next lines of their column, instead of cutting them with "...".'),
  param('InputObject', 'Object', 'The object to format. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

export interface TableFormatOptions {
  readonly width?: number;
  readonly hideHeaders?: boolean;
  readonly wrap?: boolean;
  readonly autoSize?: boolean;
  /** -AutoSize left out this many columns of one table. */
  readonly onDropped?: (count: number) => void;
  readonly groupBy?: GroupBySpec;
}

/** -GroupBy: the heading's label and how to get each object's value. */
export interface GroupBySpec {
  readonly label: string;
  readonly value: (item: Value) => Promise<Value>;
}

/** -GroupBy's argument: one property name, or a hashtable with Name/Label and Expression. */
export function groupBySpec(raw: Value, evaluate: Evaluate): GroupBySpec | undefined {
  if (raw === null || raw === undefined) return undefined;
  const [spec] = parsePropertySpecs('Format-Table', raw, FORMAT_KEYS);
  if (!spec) return undefined;
  if (spec.kind === 'calculated') return { label: spec.label, value: (item) => evaluateExpression(spec.expression, item, evaluate) };
  return {
    label: spec.pattern,
    value: async (item) => getMemberProperty(item, resolvePropertyNames(item, spec.pattern)[0] ?? spec.pattern).value,
  };
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

/** Each run of consecutive items sharing the -GroupBy value, under its heading, as its own table. */
async function groupedLines(items: readonly Value[], groupBy: GroupBySpec, render: (run: readonly Value[]) => Promise<string[]>): Promise<string[]> {
  const keys: string[] = [];
  for (const item of items) keys.push(toPSString(await groupBy.value(item)));
  const lines: string[] = [];
  for (let start = 0; start < items.length; ) {
    let end = start + 1;
    while (end < items.length && keys[end] === keys[start]) end++;
    lines.push('', `   ${groupBy.label}: ${keys[start]}`, ...(await render(items.slice(start, end))));
    start = end;
  }
  return lines;
}

/** The lines Format-Table shows for its whole input. */
export async function formatTableLines(items: readonly Value[], specs: readonly PropertySpec[], evaluate: Evaluate, options: TableFormatOptions = {}): Promise<string[]> {
  if (items.length === 0) return [];
  const { groupBy, ...rest } = options;
  if (groupBy) return groupedLines(items, groupBy, (run) => formatTableLines(run, specs, evaluate, rest));
  const tableOptions = {
    ...(options.width !== undefined ? { width: options.width } : {}),
    ...(options.hideHeaders ? { hideHeaders: true } : {}),
    ...(options.wrap ? { wrap: true } : {}),
    ...(options.autoSize ? { autoSize: true } : {}),
    ...(options.onDropped ? { onDropped: options.onDropped } : {}),
  };
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
  let options: TableFormatOptions = {};
  const evaluate: Evaluate = (block, item) => ctx.invoke(block, item);
  return {
    async begin(bound: Bound) {
      specs = parsePropertySpecs('Format-Table', bound.get('Property'), FORMAT_KEYS);
      const groupBy = groupBySpec(bound.get('GroupBy') ?? null, evaluate);
      options = {
        width: ctx.session.consoleWidth?.() ?? DEFAULT_WIDTH,
        hideHeaders: bound.get('HideTableHeaders') === true,
        wrap: bound.get('Wrap') === true,
        autoSize: bound.get('AutoSize') === true,
        ...(groupBy ? { groupBy } : {}),
      };
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
      let dropped = 0;
      const lines = await formatTableLines(items, specs, evaluate, { ...options, onDropped: (n) => (dropped = Math.max(dropped, n)) });
      // 5.1's own words, said before the table.
      if (dropped > 0) await ctx.writeWarning(`${dropped} columns do not fit into the display and were removed.`);
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
    'The table is laid out for the console\'s width: values too long for it are cut and end in "..." ' +
    '(-Wrap shows them in full on more lines), and -AutoSize sizes every column to its content, leaving out ' +
    'the columns that do not fit. Put Format-Table last in a pipeline.',
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
    {
      title: 'Size the columns to their content',
      code: 'Get-CsPersistentChatConfiguration | Format-Table Identity, *Url -AutoSize -Wrap',
      remarks: 'Each column is as wide as its longest value; a URL too long for the console continues on the next line.',
    },
    {
      title: 'One table per value',
      code: 'Get-CsPersistentChatConfiguration | Sort-Object DefaultChatHistory | Format-Table Identity -GroupBy DefaultChatHistory',
      remarks: 'Collections with the same DefaultChatHistory are listed together under a "DefaultChatHistory: <value>" heading.',
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
