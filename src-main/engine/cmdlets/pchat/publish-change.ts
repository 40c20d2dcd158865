// Publish-PchatChange: pushes the pending changes to the deployment. The
// change script (Export-PchatChangeScript's text, with its drift check) runs
// in the administrator's PowerShell first with -WhatIf — the server's own
// "What if:" lines are shown — then, once confirmed, for real, its output
// shown as it comes. Then the configuration is pulled again: when the server
// now holds exactly the working configuration, that becomes the baseline
// ("Verified"); any difference is listed and nothing changes here. A
// failure on the server keeps its message and changes nothing here.

import { applyBaselineImport, planFromInput } from '../../changes/baseline-import';
import { describeTarget, recordOperation, type OperationRecord } from '../../changes/connection-profile';
import { collectionChanges, pendingChanges } from '../../changes/diff';
import { RecordError } from '../../changes/records';
import { changeScript } from '../../formats/change-script';
import { InputFormatError } from '../../formats/config-input';
import type { CommandContext, CommandHelp } from '../../shell/commands';
import { PSObject } from '../../shell/values';
import { failLinked, failMissingPassword, missingPassword, requireProfile, runLinked } from './link-support';
import { pullSourceName, readPulled } from './sync-baseline';
import { afterCommit, clause, fail, pchatCommand, requireBaseline } from './support';

export const PUBLISH_TYPE = 'PchatAdmin.PublishResult';

const HELP: CommandHelp = {
  synopsis: 'Pushes the pending changes to the deployment, then checks that it holds them.',
  description:
    'Publish-PchatChange runs the change script Export-PchatChangeScript would write in the PowerShell recorded by ' +
    'Connect-PchatServer. It runs it with -WhatIf first and shows the server\'s "What if:" lines; with -WhatIf it ' +
    'stops there. Otherwise it asks for confirmation (-Confirm:$false skips the question), runs the script for ' +
    "real and shows the server's output as it comes. The script's drift check stops it before any change when a " +
    'collection on the server no longer holds the baseline values; pull again (Sync-PchatBaseline) and review. After ' +
    'the run the configuration is pulled again: when the server holds exactly the working configuration, it becomes ' +
    'the new baseline and the result is Verified; otherwise the differences are listed and nothing changes here.',
  examples: [
    { title: 'See what the server would do', code: 'Publish-PchatChange -WhatIf', remarks: 'Runs the change script on the server with -WhatIf.' },
    { title: 'Push without being asked', code: 'Publish-PchatChange -Confirm:$false', remarks: '' },
  ],
  outputs: `${PUBLISH_TYPE}\n    The target, how many collections changed, and whether the server now holds them (Verified).`,
};

function result(status: string, target: string, collections: number, differences: number): PSObject {
  return new PSObject(PUBLISH_TYPE, [
    ['Status', status],
    ['Target', target],
    ['Collections', collections],
    ['Differences', differences],
  ]);
}

function record(ctx: CommandContext, result: string, message: string): void {
  const entry: OperationRecord = { at: new Date().toISOString(), result, message };
  recordOperation(ctx.repo, 'lastPush', entry);
}

export const publishPchatChange = pchatCommand(
  'Publish-PchatChange',
  [],
  HELP,
  (ctx) => ({
    async process() {
      const profile = await requireProfile(ctx);
      if (!profile) return;
      const baseline = await requireBaseline(ctx);
      if (!baseline) return;
      if (missingPassword(ctx, profile)) return failMissingPassword(ctx, profile);
      const changes = collectionChanges(baseline.collections, ctx.repo.list());
      const target = describeTarget(profile);
      if (changes.length === 0) {
        await ctx.writeWarning('There are no pending changes to push: the working configuration equals the baseline.');
        return;
      }
      const script = changeScript(changes, baseline.source, new Date());
      const count = `${changes.length} collection${changes.length === 1 ? '' : 's'}`;

      await ctx.writeVerbose(`Running the change script for ${count} with -WhatIf on ${target}.`);
      const rehearsal = await runLinked(ctx, profile, { kind: 'push', script, whatIf: true });
      if (!rehearsal.ok) {
        record(ctx, rehearsal.stage === 'drift' ? 'Drift' : 'Failed', rehearsal.message);
        const next = rehearsal.stage === 'drift' ? 'Nothing was changed on the server or here. Pull the server\'s configuration keeping your changes (Sync-PchatBaseline -KeepChanges), check them, and push again.' : 'Nothing was changed on the server or here.';
        return failLinked(ctx, rehearsal, 'The what-if run on the server stopped.', next);
      }
      if (!(await ctx.shouldProcess(`${count} on ${target}`, 'Publish changes'))) {
        record(ctx, 'WhatIf', `what-if run of ${count} on ${target}`);
        return;
      }

      await ctx.writeVerbose(`Running the change script for ${count} on ${target}.`);
      const run = await runLinked(ctx, profile, { kind: 'push', script, whatIf: false });
      if (!run.ok) {
        record(ctx, run.stage === 'drift' ? 'Drift' : 'Failed', run.message);
        const next =
          run.stage === 'drift'
            ? 'Nothing was changed on the server or here. Pull the server\'s configuration keeping your changes (Sync-PchatBaseline -KeepChanges), check them, and push again.'
            : "Changes made on the server before the failure stay there; nothing was changed here. Sync-PchatBaseline -KeepChanges takes the server's configuration and keeps what is still to do; then push again.";
        return failLinked(ctx, run, 'The push stopped.', next);
      }

      // Verify: the server as it is now, against the working configuration.
      await ctx.writeVerbose(`Reading the configuration back from ${target} to verify it.`);
      const pulled = await runLinked(ctx, profile, { kind: 'pull' });
      if (!pulled.ok) {
        record(ctx, 'Unverified', pulled.message);
        return failLinked(ctx, pulled, 'The changes were made, but reading them back failed.', 'The baseline was not updated; Sync-PchatBaseline -KeepChanges takes the server\'s configuration and keeps anything still to do.');
      }
      let plan;
      try {
        plan = planFromInput(ctx.repo, readPulled(pulled.files!));
      } catch (e) {
        if (!(e instanceof InputFormatError) && !(e instanceof RecordError)) throw e;
        record(ctx, 'Unverified', e.message);
        return fail(ctx, `Publish-PchatChange ran the changes, but the server's configuration read back cannot be checked: ${clause(e.message)}. The baseline was not updated.`, 'VerifyFailed', '');
      }
      const differences = pendingChanges(ctx.repo.list(), plan.records);
      if (differences.length > 0) {
        for (const d of differences) {
          await ctx.writeWarning(`${d.identity} ${d.property}: the server holds ${String(d.working ?? '(none)')}, the working configuration ${String(d.baseline ?? '(none)')}.`);
        }
        record(ctx, 'Differences', `${differences.length} difference${differences.length === 1 ? '' : 's'} after the push to ${target}`);
        await ctx.writeError({
          message: `Publish-PchatChange ran the changes, but the server does not hold exactly the working configuration: ${differences.length} difference${differences.length === 1 ? '' : 's'} (listed above). The baseline was not updated.`,
          errorId: 'VerifyDifferences',
          category: 'InvalidResult',
          exceptionType: 'InvalidOperationException',
          target,
        });
        await ctx.emit(result('Differences', target, changes.length, differences.length));
        return;
      }
      // The server holds the working configuration: it is the new baseline.
      // The server already holds the changes: the push counts as verified whatever happens here next.
      record(ctx, 'Verified', `${count} pushed to ${target} and verified`);
      try {
        applyBaselineImport(ctx.repo, plan, pullSourceName(profile), (recordBaseline) => afterCommit(ctx, recordBaseline));
      } catch (e) {
        return fail(ctx, `The push is verified, but the new baseline cannot be recorded: ${(e as Error).message}. Run Sync-PchatBaseline to take it.`, 'BaselineWriteFailed', '', 'WriteError');
      }
      await ctx.emit(result('Verified', target, changes.length, 0));
    },
  }),
  { shouldProcess: true, confirmImpact: 'High' },
);

