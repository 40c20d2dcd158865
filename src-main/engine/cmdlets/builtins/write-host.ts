// Write-Host: text straight to the console, in colour if asked, bypassing
// the pipeline (nothing reaches a variable or the next command). Collections
// are written item by item with -Separator between them (a space unless
// given), as 5.1's WriteHostCommand does.

import type { Bound, CommandContext, CommandDef, ConsoleColor, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { Hashtable, type Value } from '../../shell/values';
import { CONSOLE_COLOR } from './enums';
import { param, UTILITY } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('Object', 'Object', 'What to write; every argument not bound to another parameter lands here.', { position: 0, pipeline: ['ByValue'], remaining: true }),
  param('NoNewline', 'SwitchParameter', 'Does not end the line: whatever is written next continues it.'),
  param('Separator', 'Object', 'Written between the items of a collection (default: a space).'),
  param('ForegroundColor', 'Enum', 'The text colour (a ConsoleColor name such as Green or DarkYellow).', { enumType: CONSOLE_COLOR }),
  param('BackgroundColor', 'Enum', 'The background colour (a ConsoleColor name).', { enumType: CONSOLE_COLOR }),
];

/** The text of one value: collections (not strings) are unrolled, their items joined by the separator. */
export function hostText(value: Value, separator: string): string {
  if (Array.isArray(value)) return value.map((v) => hostText(v, separator)).join(separator);
  if (value instanceof Hashtable) return value.entries().map(() => 'System.Collections.DictionaryEntry').join(separator);
  return toPSString(value);
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound, input: { value: Value } | undefined) {
      // The remaining arguments arrive as one list; a single argument is written as itself.
      const given = bound.get('Object');
      const value = bound.has('Object') ? (Array.isArray(given) && given.length === 1 ? given[0]! : given!) : input ? input.value : '';
      const separator = bound.has('Separator') ? toPSString(bound.get('Separator')!) : ' ';
      const foreground = bound.get('ForegroundColor') as ConsoleColor | undefined;
      const background = bound.get('BackgroundColor') as ConsoleColor | undefined;
      await ctx.writeHost({
        text: hostText(value, separator),
        ...(bound.get('NoNewline') === true ? { noNewline: true } : {}),
        ...(foreground ? { foreground } : {}),
        ...(background ? { background } : {}),
      });
    },
  };
}

export const writeHost: CommandDef = {
  name: 'Write-Host',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Writes text to the console, optionally in colour.',
    description:
      'Write-Host shows its arguments in the console and sends nothing down the pipeline, so its text cannot be captured in a ' +
      'variable or passed to another command (use Write-Output for that). A collection is written on one line, its items ' +
      'separated by -Separator. -NoNewline lets the next output continue the line. Only -InformationAction Ignore silences it.',
    examples: [
      {
        title: 'A coloured status line',
        code: 'Write-Host "All sites updated" -ForegroundColor Green',
        remarks: 'Prints the text in green (in a terminal, or in the window\'s console).',
      },
      {
        title: 'Items with a separator',
        code: 'Write-Host (1,2,3) -Separator ", "',
        remarks: 'Prints 1, 2, 3.',
      },
      {
        title: 'Progress on one line',
        code: 'Write-Host "Checking... " -NoNewline; Write-Host "done"',
        remarks: 'Prints Checking... done on a single line.',
      },
    ],
    inputs: 'System.Object\n    Objects can be piped; each is written on its own line.',
    outputs: 'None\n    Nothing goes down the pipeline.',
  },
  source: UTILITY,
  create,
};
