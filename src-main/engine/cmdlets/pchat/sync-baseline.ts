// Sync-PchatBaseline: pulls the deployment's configuration through the
// connection (Get-CsPersistentChatConfiguration | Export-Clixml in the
// administrator's PowerShell) and imports it with exactly the rules of
// Import-PchatBaseline: all or nothing, the same checks, the same refusal
// when local changes would be lost. The sites and Persistent Chat pools come
// along, as Import-PchatTopology would record them.

import { recordOperation } from '../../changes/connection-profile';
import { applyBaselineImport, localPendingOf, pendingRefusal, planFromInput } from '../../changes/baseline-import';
import { describeTarget, type ConnectionProfile } from '../../changes/connection-profile';
import type { PulledFiles } from '../../changes/deployment-link';
import { RecordError } from '../../changes/records';
import { readBaseline } from '../../changes/baseline';
import { replaceWorking } from '../../changes/apply';
import { rebaseChanges } from '../../changes/rebase';
import type { ConfigRecord } from '../../domain/properties';
import { TopologyError } from '../../changes/topology';
import { InputFormatError, readConfigInput, type ReadInput } from '../../formats/config-input';
import type { CommandContext, CommandHelp, ParameterDef } from '../../shell/commands';
import { param } from '../builtins/support';
import { baselineObject } from './import-baseline';
import { failLinked, failMissingPassword, missingPassword, requireProfile, runLinked } from './link-support';
import { planTopologyImport, writeImportedTopology } from './topology';
import { afterCommit, clause, fail, pchatCommand } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('Force', 'SwitchParameter', 'Pulls even though the working configuration has pending changes, which are then discarded.'),
  param('KeepChanges', 'SwitchParameter', "Keeps the pending changes: they are made again on top of the server's configuration, property by property. A property the server also changed, to another value, is a conflict, and nothing is pulled."),
];

const HELP: CommandHelp = {
  synopsis: "Pulls the deployment's configuration and makes it the baseline and the working configuration.",
  description:
    'Sync-PchatBaseline runs Get-CsPersistentChatConfiguration (and Get-CsSite and Get-CsService -PersistentChatServer) ' +
    'in the PowerShell recorded by Connect-PchatServer, exports the result as CliXML to a private temporary folder, and ' +
    'imports it exactly as Import-PchatBaseline imports a file: every collection checked, all or nothing, the ' +
    'baseline recorded with its SHA-256. The sites and pools are recorded as Import-PchatTopology records them. With ' +
    'pending local changes it refuses unless -Force (discard them) or -KeepChanges (make them again on top of the ' +
    "server's configuration; a property changed both here and on the server is a conflict, and then nothing is " +
    'pulled). The server is only read.',
  examples: [
    { title: 'Pull', code: 'Sync-PchatBaseline', remarks: '' },
    { title: 'Pull and discard local changes', code: 'Sync-PchatBaseline -Force', remarks: '' },
    {
      title: 'The server changed since the last pull: take its state, keep your changes',
      code: 'Sync-PchatBaseline -KeepChanges',
      remarks: 'Your pending changes are made again on top of what the server holds now; then Publish-PchatChange pushes them.',
    },
  ],
  outputs: 'PchatAdmin.Baseline\n    Where the baseline came from and how many collections it holds.',
};

/** The configuration a pull exported, read as an import file is; throws InputFormatError. */
export function readPulled(files: PulledFiles): ReadInput {
  return readConfigInput(files.configuration);
}

/** The pulled sites and pools, recorded when the export holds any; a problem with them is a warning, not a failure. */
async function recordPulledTopology(ctx: CommandContext, files: PulledFiles): Promise<void> {
  const inputs: { name: string; input: ReadInput }[] = [];
  for (const [name, bytes] of [['sites.xml', files.sites], ['pools.xml', files.pools]] as const) {
    if (bytes === null) continue;
    try {
      const input = readConfigInput(bytes);
      if (input.objects.length > 0) inputs.push({ name, input });
    } catch (e) {
      if (!(e instanceof InputFormatError)) throw e;
      await ctx.writeWarning(`The server's ${name} export could not be read (${clause(e.message)}); the recorded sites and pools were kept.`);
    }
  }
  if (inputs.length === 0) return;
  let found;
  try {
    found = planTopologyImport(inputs);
  } catch (e) {
    if (!(e instanceof TopologyError)) throw e;
    await ctx.writeWarning(`The server's sites and pools were not recorded: ${clause(e.message)}.`);
    return;
  }
  afterCommit(ctx, () => writeImportedTopology(ctx.repo, inputs, found));
}

/** The pending changes made again on the pulled configuration, or why they cannot be. */
function keepChanges(ctx: CommandContext, pulled: readonly ConfigRecord[]): { ok: true; working: ConfigRecord[] } | { ok: false; reason: string } {
  const old = readBaseline(ctx.repo);
  if (old.kind !== 'ok') return { ok: false, reason: 'there is no baseline to tell the pending changes from the rest' };
  const result = rebaseChanges(old.data.collections, ctx.repo.list(), pulled);
  if (result.ok) return result;
  const list = result.conflicts.map((c) => `${c.identity}${c.property ? ` ${c.property}` : ''} ${c.reason}`);
  return { ok: false, reason: `${list.length} conflict${list.length === 1 ? '' : 's'}: ${list.join('; ')}` };
}

export function pullSourceName(profile: ConnectionProfile): string {
  return `pulled from ${describeTarget(profile)}`;
}

export const syncPchatBaseline = pchatCommand(
  'Sync-PchatBaseline',
  PARAMETERS,
  HELP,
  (ctx) => ({
    async process(bound) {
      const profile = await requireProfile(ctx);
      if (!profile) return;
      if (missingPassword(ctx, profile)) return failMissingPassword(ctx, profile);
      // What the pull would do with local work is known before the server is asked (a pull can take minutes).
      const keep = bound.get('KeepChanges') === true;
      if (keep && bound.get('Force') === true) {
        return fail(ctx, '-Force discards the pending changes and -KeepChanges keeps them: give one of them. Nothing was changed.', 'ConflictingSwitches', '', 'InvalidOperation');
      }
      const pending = localPendingOf(ctx.repo);
      if (pending !== 0 && !keep && bound.get('Force') !== true) {
        return fail(
          ctx,
          `Cannot pull: ${pendingRefusal(pending)}, and pulling would discard them. Add -KeepChanges to make them again on top of the server's configuration, push them first with Publish-PchatChange, or add -Force to discard them. Nothing was changed.`,
          'PendingChanges',
          '',
          'InvalidOperation',
        );
      }
      const failed = (message: string) => recordOperation(ctx.repo, 'lastPull', { at: new Date().toISOString(), result: 'Failed', message });
      const result = await runLinked(ctx, profile, { kind: 'pull' });
      if (!result.ok) {
        failed(result.message);
        return failLinked(ctx, result, null, 'Nothing was changed here.');
      }
      let plan;
      try {
        plan = planFromInput(ctx.repo, readPulled(result.files!));
      } catch (e) {
        if (!(e instanceof InputFormatError) && !(e instanceof RecordError)) throw e;
        failed(e.message);
        return fail(ctx, `The server's configuration cannot be imported: ${clause(e.message)}. Nothing was changed.`, 'BaselineImportFailed', '');
      }
      let kept: ConfigRecord[] | undefined;
      if (keep && plan.localPending !== 0) {
        const rebased = keepChanges(ctx, plan.records);
        if (!rebased.ok) {
          failed('refused: conflicting changes');
          return fail(ctx, `Cannot pull keeping the pending changes: ${rebased.reason}. Nothing was changed.`, 'ChangesConflict', '', 'InvalidOperation');
        }
        kept = rebased.working;
      }
      for (const w of plan.warnings) await ctx.writeWarning(w);
      const name = pullSourceName(profile);
      if (!(await ctx.shouldProcess(name))) return;
      let source;
      try {
        source = applyBaselineImport(ctx.repo, plan, name, (record) => afterCommit(ctx, record));
        if (kept) replaceWorking(ctx.repo, kept);
      } catch (e) {
        failed((e as Error).message);
        return fail(ctx, `Cannot record the baseline: ${(e as Error).message}`, 'BaselineWriteFailed', '', 'WriteError');
      }
      await recordPulledTopology(ctx, result.files!);
      const pulled = { at: source.importedAt, result: 'Succeeded', message: `${plan.records.length} collection${plan.records.length === 1 ? '' : 's'} ${name}` };
      // A pull counts once what it brought is saved (a Stop or a failed commit leaves the last pull as it was).
      afterCommit(ctx, () => recordOperation(ctx.repo, 'lastPull', pulled));
      await ctx.emit(baselineObject(source, plan.records.length));
    },
  }),
  { shouldProcess: true },
);
