// Out-String and Out-Host: the console's own formatting, as text. Out-String
// returns it (one string, or one per line with -Stream), for logs and mail
// bodies; Out-Host writes it straight to the console (5.1's -Paging is
// accepted: the console scrolls, so there is nothing to page).

import type { Bound, CommandContext, CommandDef } from '../../shell/commands';
import { formatForHost } from '../../shell/format/out-default';
import type { Value } from '../../shell/values';
import { checkArrayLength } from '../../shell/limit-errors';
import { inputOf, INT32_MAX, param, UTILITY } from './support';

const INPUT = param('InputObject', 'Object', 'The objects to format. Usually supplied through the pipeline.', { pipeline: ['ByValue'] });

/** Collects the input; the objects are formatted together, so consecutive ones share one table. */
function collector() {
  const items: Value[] = [];
  return {
    items,
    async process(bound: Bound, input: { value: Value } | undefined) {
      const current = inputOf(bound, input);
      if (!current) return;
      checkArrayLength(items.length + 1);
      items.push(current.value);
    },
  };
}

export const outString: CommandDef = {
  name: 'Out-String',
  parameters: [
    param('Stream', 'SwitchParameter', 'Returns each line as its own string instead of one string holding them all.'),
    param('Width', 'Int32', 'How many characters wide a line may be (default 120, as the console).', { range: { min: 2, max: INT32_MAX } }),
    INPUT,
  ],
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Turns objects into the text the console would show.',
    description:
      'Out-String formats its input exactly as the console does (tables, lists, Format-* output) and returns the text: one ' +
      'string with every line, each ending in a newline, or with -Stream one string per line. Use it to put a report into a ' +
      'variable, a file or a message.',
    examples: [
      {
        title: 'A report in a variable',
        code: '$report = Get-CsPersistentChatConfiguration | Format-Table Identity, DefaultChatHistory | Out-String',
        remarks: '$report holds the table as one string.',
      },
      {
        title: 'Search the formatted text',
        code: 'Get-CsPersistentChatConfiguration | Out-String -Stream | Select-String Url',
        remarks: 'Every line of the list view that mentions Url.',
      },
    ],
    inputs: 'System.Object\n    Any object can be piped.',
    outputs: 'System.String',
  },
  source: UTILITY,
  create: (ctx: CommandContext) => {
    const input = collector();
    let width: number | undefined;
    let stream = false;
    return {
      async begin(bound: Bound) {
        width = bound.get('Width') as number | undefined;
        stream = bound.get('Stream') === true;
      },
      process: input.process,
      async end() {
        const lines = formatForHost(input.items, width === undefined ? {} : { width });
        if (stream) {
          for (const line of lines) await ctx.emit(line);
          return;
        }
        if (input.items.length > 0) await ctx.emit(lines.map((l) => `${l}\n`).join(''));
      },
    };
  },
};

export const outHost: CommandDef = {
  name: 'Out-Host',
  parameters: [param('Paging', 'SwitchParameter', 'Accepted for compatibility: the console scrolls back, so output is not paged.'), INPUT],
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Shows objects in the console, whatever comes after it.',
    description:
      'Out-Host formats its input as the console does and shows it at once. Nothing goes down the pipeline, so inside a ' +
      'function or a variable assignment the text is still shown rather than returned.',
    examples: [
      {
        title: 'Show a table in the middle of a script',
        code: 'Get-CsPersistentChatConfiguration | Format-Table Identity | Out-Host',
        remarks: 'The table is shown even if the script\'s output is being captured.',
      },
    ],
    inputs: 'System.Object\n    Any object can be piped.',
    outputs: 'None',
  },
  source: UTILITY,
  create: (ctx: CommandContext) => {
    const input = collector();
    return {
      process: input.process,
      async end() {
        for (const line of formatForHost(input.items)) await ctx.writeHost({ text: line });
      },
    };
  },
};
