// Get-PchatHistory: the change history kept beside the store, oldest first
// (as Get-History lists), or particular entries by -Id, or the newest -Count.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { lastEntries } from '../builtins/get-history';
import { param } from '../builtins/support';
import { historyObject, PCHAT_SOURCE, readHistory, undoneBy, HISTORY_ENTRY_TYPE } from './shared';

const PARAMETERS: readonly ParameterDef[] = [
  param('Id', 'Int32', 'The number of the entry to get.', { position: 0, pipeline: ['ByPropertyName'] }),
  param('Count', 'Int32', 'Gets only this many of the most recent entries.'),
];

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound) {
      const entries = await readHistory(ctx);
      const undone = undoneBy(entries);
      const id = bound.get('Id');
      if (typeof id === 'number') {
        const entry = entries.find((e) => e.id === id);
        if (!entry) {
          await ctx.writeError({
            message: `Cannot find change ${id} in the change history.${entries.length > 0 ? ` It holds changes ${entries[0]!.id} to ${entries[entries.length - 1]!.id}.` : ' It is empty.'}`,
            errorId: 'ChangeNotFound',
            category: 'ObjectNotFound',
            exceptionType: 'ItemNotFoundException',
            target: `${id}:Int32`,
          });
          return;
        }
        await ctx.emit(historyObject(entry, undone));
        return;
      }
      const count = bound.get('Count');
      for (const entry of lastEntries(entries, typeof count === 'number' ? count : undefined)) await ctx.emit(historyObject(entry, undone));
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Lists the changes made to the Persistent Chat configuration store, from any window or shell.',
  description:
    'Every change committed to the store is recorded beside it: when, from where (window form, window console, ' +
    'headless shell, window history), by which user, the statement that made it, and each collection\'s values ' +
    'before and after. Get-PchatHistory lists those entries, oldest first. The history keeps the newest 1,000 ' +
    'entries, and no more than 5,000 collection changes in all (the newest entry is always kept, however large). Undone is $true for an entry whose effect a later ' +
    'Undo-PchatChange has reverted; Undoes names the entry an undo reverted.',
  examples: [
    { title: 'The last five changes', code: 'Get-PchatHistory -Count 5', remarks: 'Shows the five most recent entries.' },
    {
      title: 'Changes made from the headless shell',
      code: 'Get-PchatHistory | Where-Object Source -eq "headless shell"',
      remarks: 'Filters the entries by where they came from.',
    },
  ],
  outputs: `${HISTORY_ENTRY_TYPE}\n    One object per history entry.`,
};

export const getPchatHistory: CommandDef = {
  name: 'Get-PchatHistory',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: HELP,
  source: PCHAT_SOURCE,
  create,
};
