// Export-PchatChangeScript: writes the pending changes as a script for the
// Management Shell (see formats/change-script.ts), UTF-8 with a byte order
// mark so Windows PowerShell 5.1 reads non-ASCII site names correctly.

import { collectionChanges } from '../../changes/diff';
import { changeScript } from '../../formats/change-script';
import { writeTextFile } from '../../files/write-text-file';
import type { CommandHelp, ParameterDef } from '../../shell/commands';
import { param } from '../builtins/support';
import { reportFileError } from '../files/support';
import { pchatCommand, requireBaseline } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('Path', 'String', 'The script to write (a .ps1 file), absolute or relative to the current location.', { mandatory: true, position: 0 }),
  param('NoClobber', 'SwitchParameter', 'Refuses to replace a file that already exists.', { aliases: ['NoOverwrite'] }),
  param('Force', 'SwitchParameter', 'Writes over a read-only file.'),
  param('PassThru', 'SwitchParameter', 'Also returns the script text.'),
];

const HELP: CommandHelp = {
  synopsis: 'Writes the pending changes as a script for the server.',
  description:
    'Export-PchatChangeScript writes a PowerShell script that applies exactly the pending changes (Get-PchatChange) ' +
    'and nothing else. Run it in the Lync Server or Skype for Business Server Management Shell. Before changing ' +
    'anything it checks that every collection it touches still holds the values of the baseline, and stops with a ' +
    'clear message if the server has drifted. It creates collections first, then changes, then removes. With ' +
    '-WhatIf the script only says what it would do. Values are written as single-quoted literals, so no value can ' +
    'run as code. The file is UTF-8 with a byte order mark and CR LF line ends.',
  examples: [
    { title: 'Write the script', code: 'Export-PchatChangeScript -Path .\\pchat-changes.ps1', remarks: 'On the server: .\\pchat-changes.ps1 -WhatIf, then .\\pchat-changes.ps1.' },
  ],
  outputs: 'None, or the script text with -PassThru.',
};

export const exportChangeScript = pchatCommand(
  'Export-PchatChangeScript',
  PARAMETERS,
  HELP,
  (ctx) => ({
    async process(bound) {
      const baseline = await requireBaseline(ctx);
      if (!baseline) return;
      const file = ctx.session.files().resolve(String(bound.get('Path') ?? ''));
      const text = changeScript(collectionChanges(baseline.collections, ctx.repo.list()), baseline.source, new Date());
      if (!(await ctx.shouldProcess(file))) return;
      try {
        writeTextFile(file, text, { encoding: 'UTF8', noClobber: bound.get('NoClobber') === true, force: bound.get('Force') === true });
      } catch (e) {
        return reportFileError(ctx, e);
      }
      if (bound.get('PassThru') === true) await ctx.emit(text);
    },
  }),
  { shouldProcess: true },
);
