// Import-PchatBaseline: records what the server exported as the baseline and
// makes it the working configuration, all or nothing. With pending changes it
// refuses unless -Force; -WhatIf says what it would do.

import type { BaselineSource } from '../../changes/baseline';
import { applyBaselineImport, planFromInput, pendingRefusal } from '../../changes/baseline-import';
import { RecordError } from '../../changes/records';
import type { CommandHelp, ParameterDef } from '../../shell/commands';
import { PSObject } from '../../shell/values';
import { param } from '../builtins/support';
import { afterCommit, clause, fail, pchatCommand, readImportFile } from './support';

export const BASELINE_TYPE = 'PchatAdmin.Baseline';

const PARAMETERS: readonly ParameterDef[] = [
  param('Path', 'String', 'The file the server produced: Export-Clixml, ConvertTo-Json, Export-PchatConfiguration output, or the list text the Management Shell prints.', { mandatory: true, position: 0 }),
  param('Force', 'SwitchParameter', 'Imports even though the working configuration has pending changes, which are then discarded.'),
];

const HELP: CommandHelp = {
  synopsis: 'Makes what the server exported the baseline and the working configuration.',
  description:
    'Import-PchatBaseline reads the Persistent Chat configuration that a Management Shell on the server wrote to ' +
    'a file, records it as the baseline (the deployment as it is, with the file name, its SHA-256 and the time) ' +
    'and replaces the working configuration with it. It recognises CliXML (Export-Clixml), JSON (ConvertTo-Json, ' +
    'or Export-PchatConfiguration) and the list text the shell prints, in UTF-16 (as 5.1 writes it), UTF-8 or ' +
    'the ANSI code page. Every collection is checked with the same rules as the cmdlets; one bad value or a ' +
    'duplicate identity refuses the whole file and nothing changes. Properties pchat-admin does not manage are ' +
    'named in a warning. When the working configuration has changes not yet carried to the server, it refuses ' +
    'unless -Force is given.',
  examples: [
    {
      title: 'On the server, then here',
      code: 'Import-PchatBaseline -Path .\\pchat-server.xml',
      remarks: 'On the server: Get-CsPersistentChatConfiguration | Export-Clixml pchat-server.xml. Copy the file here, then import it.',
    },
    { title: 'See what an import would do', code: 'Import-PchatBaseline .\\pchat-server.xml -WhatIf', remarks: '' },
  ],
  outputs: 'PchatAdmin.Baseline\n    Where the baseline came from and how many collections it holds.',
};

export const importBaseline = pchatCommand(
  'Import-PchatBaseline',
  PARAMETERS,
  HELP,
  (ctx) => ({
    async process(bound) {
      const read = await readImportFile(ctx, bound.get('Path'), 'BaselineImportFailed');
      if (!read) return;
      let plan;
      try {
        plan = planFromInput(ctx.repo, read.input);
      } catch (e) {
        if (!(e instanceof RecordError)) throw e;
        return fail(ctx, `Cannot import '${read.file}': ${clause(e.message)}. Nothing was changed.`, 'BaselineImportFailed', read.file);
      }
      if (plan.localPending !== 0 && bound.get('Force') !== true) {
        return fail(
          ctx,
          `Cannot import '${read.file}': ${pendingRefusal(plan.localPending)}, and importing would discard them. Export them first with Export-PchatChangeScript or Export-PchatConfiguration, or add -Force to discard them. Nothing was changed.`,
          'PendingChanges',
          read.file,
          'InvalidOperation',
        );
      }
      for (const w of plan.warnings) await ctx.writeWarning(w);
      if (!(await ctx.shouldProcess(read.file))) return;
      let source: BaselineSource;
      try {
        source = applyBaselineImport(ctx.repo, plan, read.name, (record) => afterCommit(ctx, record));
      } catch (e) {
        // A refused side file, a lock held too long, a full disk: the store is untouched.
        return fail(ctx, `Cannot record the baseline: ${(e as Error).message}`, 'BaselineWriteFailed', read.file, 'WriteError');
      }
      await ctx.emit(baselineObject(source, plan.records.length));
    },
  }),
  { shouldProcess: true },
);

export function baselineObject(source: BaselineSource, collections: number): PSObject {
  return new PSObject(BASELINE_TYPE, [
    ['Source', source.file],
    ['Format', source.format],
    ['Encoding', source.encoding],
    ['Collections', collections],
    ['ImportedAt', source.importedAt],
    ['Sha256', source.sha256],
  ]);
}
