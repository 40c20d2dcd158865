// Write-Output: sends its arguments (or pipeline input) down the pipeline,
// unrolling collections unless -NoEnumerate is given. `echo` and `write`
// are its aliases.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import type { Value } from '../../shell/values';
import { inputOf, param, UTILITY } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('InputObject', 'Object[]', 'The objects to send down the pipeline; every argument not bound to another parameter lands here.', {
    mandatory: true,
    position: 0,
    pipeline: ['ByValue'],
    remaining: true,
  }),
  param('NoEnumerate', 'SwitchParameter', 'Sends a collection as one object instead of item by item.'),
];

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound, input: { value: Value } | undefined) {
      const current = inputOf(bound, input);
      if (!current) return;
      const value = current.value;
      if (bound.get('NoEnumerate') === true) {
        // Binding wraps a single argument in an array; -NoEnumerate keeps the argument as given.
        await ctx.emit(Array.isArray(value) && value.length === 1 ? value[0]! : value);
        return;
      }
      for (const item of Array.isArray(value) ? value : [value]) await ctx.emit(item);
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Sends objects down the pipeline.',
  description:
    'Write-Output passes its arguments to the next command, or to the console when it is last. A collection ' +
    'is sent one item at a time unless -NoEnumerate is given. Writing a value on its own line has the same ' +
    'effect; Write-Output makes the intent explicit.',
  examples: [
    {
      title: 'Write a line of text',
      code: 'Write-Output "Persistent Chat settings"',
      remarks: 'The string is shown in the console.',
    },
    {
      title: 'Several values',
      code: 'echo 1 2 3 | Measure-Object -Sum',
      remarks: 'echo is an alias of Write-Output. Each number goes down the pipeline separately; the sum is 6.',
    },
  ],
  inputs: 'System.Object\n    Any object can be piped to Write-Output.',
  outputs: 'System.Object\n    The objects it was given.',
};

export const writeOutput: CommandDef = {
  name: 'Write-Output',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: HELP,
  source: UTILITY,
  create,
};
