// Write-Progress: a progress record for a long operation. The window's
// console draws a bar per -Id, and a terminal shows one status line that
// each record rewrites; -Completed takes it away. $ProgressPreference =
// 'SilentlyContinue' turns it off (scripts do that to run faster in 5.1).

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { INT32_MAX, param, UTILITY } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('Activity', 'String', 'What is being done: the bar\'s title.', { mandatory: true, position: 0 }),
  param('Status', 'String', 'The current state, shown beside the activity (default "Processing").', { position: 1 }),
  param('Id', 'Int32', 'Tells bars apart: records with the same Id update one bar.', { position: 2, range: { min: 0, max: INT32_MAX } }),
  param('PercentComplete', 'Int32', 'How far along, 0 to 100; -1 (the default) when unknown.', { range: { min: -1, max: 100 } }),
  param('SecondsRemaining', 'Int32', 'An estimate of the seconds left; -1 when unknown.'),
  param('CurrentOperation', 'String', 'The step being done now, shown under the bar.'),
  param('ParentId', 'Int32', 'The Id of the bar this one is a part of.', { range: { min: -1, max: INT32_MAX } }),
  param('Completed', 'SwitchParameter', 'Ends the activity: its bar is removed.'),
  param('SourceId', 'Int32', 'Accepted for compatibility; not used.'),
];

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound) {
      const percent = bound.get('PercentComplete');
      const seconds = bound.get('SecondsRemaining');
      const operation = bound.get('CurrentOperation');
      await ctx.writeProgress({
        activity: toPSString(bound.get('Activity') ?? null),
        status: bound.has('Status') ? toPSString(bound.get('Status')!) : 'Processing',
        percent: typeof percent === 'number' ? percent : -1,
        id: typeof bound.get('Id') === 'number' ? (bound.get('Id') as number) : 0,
        completed: bound.get('Completed') === true,
        ...(typeof seconds === 'number' ? { secondsRemaining: seconds } : {}),
        ...(operation !== undefined && operation !== null ? { currentOperation: toPSString(operation) } : {}),
      });
    },
  };
}

export const writeProgress: CommandDef = {
  name: 'Write-Progress',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Shows a progress bar for a long operation.',
    description:
      'Write-Progress shows how far a long operation has got: the window\'s console draws a bar, and the headless shell at a ' +
      'terminal draws one status line that each new record replaces (nothing is written when its output is redirected). ' +
      'Records with the same -Id update one bar; -Completed removes it. $ProgressPreference = "SilentlyContinue" hides progress.',
    examples: [
      {
        title: 'A bar over a loop',
        code: '$sites = Get-CsPersistentChatConfiguration -Filter site:*; $i = 0\n$sites | ForEach-Object { $i++; Write-Progress -Activity "Updating sites" -Status $_.Identity -PercentComplete ($i * 100 / $sites.Count) }',
        remarks: 'The bar fills as the sites are processed.',
      },
      {
        title: 'End the bar',
        code: 'Write-Progress -Activity "Updating sites" -Completed',
        remarks: 'The bar disappears.',
      },
    ],
    outputs: 'None\n    Nothing goes down the pipeline.',
  },
  source: UTILITY,
  create,
};
