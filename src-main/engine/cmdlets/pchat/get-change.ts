// Get-PchatChange: the pending changes (working configuration against the
// baseline) as objects; Get-PchatBaseline: where the baseline came from.

import { readBaseline } from '../../changes/baseline';
import { pendingChanges } from '../../changes/diff';
import type { CommandHelp } from '../../shell/commands';
import { PSObject } from '../../shell/values';
import { baselineObject } from './import-baseline';
import { pchatCommand, requireBaseline } from './support';

export const CHANGE_TYPE = 'PchatAdmin.PendingChange';

const HELP: CommandHelp = {
  synopsis: 'Lists the changes not yet carried to the server.',
  description:
    'Get-PchatChange compares the working configuration with the baseline (what the server held when it was last ' +
    'imported) and returns one object per changed property: Identity, Action (New, Set or Remove), Property, and ' +
    'the Baseline and Working values. A new or removed collection lists all its properties. Export-PchatChangeScript ' +
    'writes exactly these changes as a script for the server.',
  examples: [
    { title: 'What will the script change?', code: 'Get-PchatChange', remarks: '' },
    { title: 'Only removals', code: "Get-PchatChange | Where-Object Action -eq 'Remove'", remarks: '' },
  ],
  outputs: 'PchatAdmin.PendingChange',
};

export const getChange = pchatCommand('Get-PchatChange', [], HELP, (ctx) => ({
  async process() {
    const baseline = await requireBaseline(ctx);
    if (!baseline) return;
    for (const c of pendingChanges(baseline.collections, ctx.repo.list())) {
      await ctx.emit(
        new PSObject(CHANGE_TYPE, [
          ['Identity', c.identity],
          ['Action', c.action],
          ['Property', c.property],
          ['Baseline', c.baseline],
          ['Working', c.working],
        ]),
      );
    }
  },
}));

export const getBaseline = pchatCommand(
  'Get-PchatBaseline',
  [],
  {
    synopsis: 'Shows where the baseline came from.',
    description: 'Get-PchatBaseline returns the file the baseline was imported from, its format, encoding, SHA-256, the time of the import and how many collections it holds.',
    examples: [{ title: 'How old is the baseline?', code: 'Get-PchatBaseline', remarks: '' }],
    outputs: 'PchatAdmin.Baseline',
  },
  (ctx) => ({
    async process() {
      const read = readBaseline(ctx.repo);
      if (read.kind === 'missing') return;
      const baseline = await requireBaseline(ctx);
      if (baseline) await ctx.emit(baselineObject(baseline.source, baseline.collections.length));
    },
  }),
);
