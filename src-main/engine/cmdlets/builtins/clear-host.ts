// Clear-Host: asks the console to clear its screen. In Windows PowerShell it
// is a function with no module, which is how Get-Command reports it.

import type { CommandContext, CommandDef, CommandHelp } from '../../shell/commands';

function create(ctx: CommandContext) {
  return {
    async process() {
      ctx.clearHost();
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Clears the console screen.',
  description: 'Clear-Host removes everything shown in the console. It changes no settings and writes no output.',
  examples: [
    {
      title: 'Clear the screen',
      code: 'cls',
      remarks: 'cls and clear are aliases of Clear-Host.',
    },
  ],
};

export const clearHost: CommandDef = {
  name: 'Clear-Host',
  parameters: [],
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: HELP,
  source: '',
  create,
};
