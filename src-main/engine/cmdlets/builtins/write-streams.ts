// Write-Warning, Write-Verbose, Write-Debug and Write-Information: one
// message to one of PowerShell's streams. Whether it shows is the stream's
// preference variable's choice ($WarningPreference, $VerbosePreference,
// $DebugPreference, $InformationPreference) unless the common parameter
// (-WarningAction, -Verbose, -Debug, -InformationAction) says otherwise.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import type { Value } from '../../shell/values';
import { param, UTILITY } from './support';

type Stream = 'writeWarning' | 'writeVerbose' | 'writeDebug';

function messageParameter(what: string): ParameterDef {
  return param('Message', 'String', `The ${what} message to write.`, { mandatory: true, position: 0, pipeline: ['ByValue'], aliases: ['Msg'] });
}

function streamCommand(name: string, stream: Stream, help: CommandHelp, what: string): CommandDef {
  return {
    name,
    parameters: [messageParameter(what)],
    sets: ['__AllParameterSets'],
    supportsShouldProcess: false,
    help,
    source: UTILITY,
    create: (ctx: CommandContext) => ({
      async process(bound: Bound, input: { value: Value } | undefined) {
        const message = bound.get('Message') ?? (input ? input.value : null);
        await ctx[stream](toPSString(message));
      },
    }),
  };
}

export const writeWarning = streamCommand(
  'Write-Warning',
  'writeWarning',
  {
    synopsis: 'Writes a WARNING: line.',
    description:
      'Write-Warning writes its message to the warning stream, shown as a yellow "WARNING:" line. $WarningPreference decides ' +
      'whether it is shown (Continue, the default), hidden (SilentlyContinue) or ends the command (Stop); -WarningAction ' +
      'decides for one call. Warnings never go down the pipeline.',
    examples: [
      {
        title: 'Warn before a risky step',
        code: 'Write-Warning "site:Paris has no room management URL"',
        remarks: 'Prints WARNING: site:Paris has no room management URL.',
      },
    ],
    inputs: 'System.String\n    The message can be piped.',
    outputs: 'None\n    Nothing goes down the pipeline.',
  },
  'warning',
);

export const writeVerbose = streamCommand(
  'Write-Verbose',
  'writeVerbose',
  {
    synopsis: 'Writes a VERBOSE: line when verbose output is wanted.',
    description:
      'Write-Verbose writes its message to the verbose stream. It is hidden by default; it shows when $VerbosePreference is ' +
      'Continue or the command is given -Verbose. Use it for the step-by-step detail of a script.',
    examples: [
      {
        title: 'Detail that appears only on request',
        code: 'Write-Verbose "Reading the site list" -Verbose',
        remarks: 'Prints VERBOSE: Reading the site list. Without -Verbose (and with the default preference) nothing is printed.',
      },
    ],
    inputs: 'System.String\n    The message can be piped.',
    outputs: 'None\n    Nothing goes down the pipeline.',
  },
  'verbose',
);

export const writeDebug = streamCommand(
  'Write-Debug',
  'writeDebug',
  {
    synopsis: 'Writes a DEBUG: line when debug output is wanted.',
    description:
      'Write-Debug writes its message to the debug stream. It is hidden by default; it shows when $DebugPreference is Continue ' +
      'or the command is given -Debug. (Windows PowerShell also stops to ask after each message under -Debug; this console ' +
      'shows the message and goes on.)',
    examples: [
      {
        title: 'A debugging trace',
        code: '$DebugPreference = "Continue"; Write-Debug "Value is 40"',
        remarks: 'Prints DEBUG: Value is 40.',
      },
    ],
    inputs: 'System.String\n    The message can be piped.',
    outputs: 'None\n    Nothing goes down the pipeline.',
  },
  'debug',
);

const INFORMATION_PARAMETERS: readonly ParameterDef[] = [
  param('MessageData', 'Object', 'The message (any object; it is shown as text).', { mandatory: true, position: 0, aliases: ['Msg', 'Message'] }),
  param('Tags', 'String[]', 'Tags to file the message under; kept with -InformationVariable, not shown.', { position: 1 }),
];

export const writeInformation: CommandDef = {
  name: 'Write-Information',
  parameters: INFORMATION_PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Writes a message to the information stream.',
    description:
      'Write-Information writes its message to the information stream. It is hidden by default; it shows when ' +
      '$InformationPreference is Continue or the call is given -InformationAction Continue, and -InformationVariable collects it either way.',
    examples: [
      {
        title: 'A message that shows on request',
        code: 'Write-Information "3 sites updated" -InformationAction Continue',
        remarks: 'Prints 3 sites updated.',
      },
    ],
    outputs: 'None\n    Nothing goes down the pipeline.',
  },
  source: UTILITY,
  create: (ctx) => ({
    async process(bound) {
      await ctx.writeInformation(toPSString(bound.get('MessageData') ?? null));
    },
  }),
};
