// Out-Null: swallows its input, so `New-… | Out-Null` creates without
// printing. Administrators use it in scripts all the time.

import type { CommandDef, CommandHelp } from '../../shell/commands';
import { CORE, param } from './support';

const HELP: CommandHelp = {
  synopsis: 'Discards its input instead of showing it.',
  description: 'Out-Null takes objects from the pipeline and does nothing with them. Put it at the end of a pipeline whose output you do not want to see.',
  examples: [
    {
      title: 'Create a collection without showing it',
      code: 'New-CsPersistentChatConfiguration -Identity site:Redmond | Out-Null',
      remarks: 'The collection is created; nothing is printed.',
    },
  ],
};

export const outNull: CommandDef = {
  name: 'Out-Null',
  parameters: [param('InputObject', 'Object', 'The objects to discard.', { pipeline: ['ByValue'] })],
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: HELP,
  source: CORE,
  create: () => ({ async process() {} }),
};
