// Undo-PchatChange: reverts one change from the change history (the newest
// one not yet undone, or -Id <n>), refused with the reason when later changes
// to the same collections conflict. The undo is itself a change: it is
// recorded, and can be reverted in turn.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { inverseLines, journalRevert, lastUndoable, whyNotRevertible } from '../../changes/undo';
import { param } from '../builtins/support';
import { PCHAT_SOURCE, readHistory } from './shared';

const PARAMETERS: readonly ParameterDef[] = [
  param('Id', 'Int32', 'The number of the change to revert (see Get-PchatHistory). Without it, the newest change not yet undone.', {
    position: 0,
    pipeline: ['ByPropertyName'],
  }),
  param('Force', 'SwitchParameter', 'Skips the confirmation prompt.'),
  param('WhatIf', 'SwitchParameter', 'Describes the undo, and changes nothing.', { aliases: ['wi'] }),
  param('Confirm', 'SwitchParameter', 'Asks for confirmation before the undo.', { aliases: ['cf'] }),
];

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound) {
      const entries = await readHistory(ctx);
      const id = bound.get('Id');
      const entry = typeof id === 'number' ? entries.find((e) => e.id === id) : lastUndoable(entries);
      if (!entry) {
        await ctx.writeError({
          message:
            typeof id === 'number'
              ? `Cannot find change ${id} in the change history.${entries.length > 0 ? ` It holds changes ${entries[0]!.id} to ${entries[entries.length - 1]!.id}.` : ' It is empty.'}`
              : 'There is no change to undo: the change history is empty, or every change in it has been undone.',
          errorId: 'ChangeNotFound',
          category: 'ObjectNotFound',
          exceptionType: 'ItemNotFoundException',
          target: typeof id === 'number' ? `${id}:Int32` : '',
        });
        return;
      }
      const refusal = whyNotRevertible(entry, entries, ctx.repo);
      if (refusal !== undefined) {
        await ctx.writeError({
          message: refusal,
          errorId: 'UndoConflict',
          category: 'ResourceUnavailable',
          exceptionType: 'InvalidOperationException',
          target: `${entry.id}:Int32`,
        });
        return;
      }
      for (const line of inverseLines(entry, 100)) await ctx.writeVerbose(`Undo change ${entry.id}: ${line}`);
      if (!(await ctx.shouldProcess(`change ${entry.id} (${entry.commandLine.split('\n')[0]})`))) return;
      if (!journalRevert(entry, ctx.repo)) {
        await ctx.writeError({
          message:
            `Change ${entry.id} was not undone: this statement has already changed the store. Undo-PchatChange undoes one change per ` +
            'statement, so that the history records exactly what was undone; run it on a line of its own for each change, newest first.',
          errorId: 'UndoNotAlone',
          category: 'InvalidOperation',
          exceptionType: 'InvalidOperationException',
          target: `${entry.id}:Int32`,
        });
      }
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Reverts a change recorded in the change history.',
  description:
    'Undo-PchatChange puts every collection a recorded change touched back to its values before that change: a ' +
    'created collection is removed, a removed one is created again, changed values are set back. Without -Id it ' +
    'reverts the newest change that is not itself an undo and has not been undone, so running it again walks ' +
    'further back. It refuses, and changes nothing, when a later change conflicts: a collection no longer holds ' +
    'the values the change left, or a removed one exists again. The check is repeated under the store lock when ' +
    'the undo is saved, so a change another window or shell makes at the same moment is caught too. The undo is ' +
    'recorded in the history like any change (its Undoes property names the entry), and can be reverted in turn. ' +
    '-Verbose lists the configuration cmdlet lines that do the same as the undo.',
  examples: [
    { title: 'Undo the last change', code: 'Undo-PchatChange', remarks: 'Reverts the newest change that has not been undone.' },
    { title: 'See what reverting a change would do', code: 'Undo-PchatChange -Id 12 -WhatIf -Verbose', remarks: 'Lists the equivalent cmdlet lines and changes nothing.' },
  ],
  inputs: 'PchatAdmin.ChangeHistoryEntry\n    An entry from Get-PchatHistory (its Id is used).',
  outputs: 'None',
};

export const undoPchatChange: CommandDef = {
  name: 'Undo-PchatChange',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: HELP,
  source: PCHAT_SOURCE,
  create,
};
