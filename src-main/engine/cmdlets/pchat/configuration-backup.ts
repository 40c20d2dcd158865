// Export-PchatConfiguration and Import-PchatConfiguration: a full backup of
// the working configuration, the baseline and the topology in pchat-admin's
// versioned JSON format (docs/configuration-format.md), and its restore, all
// or nothing.

import { replaceWorking } from '../../changes/apply';
import { readBaseline, writeBaseline, type BaselineSource } from '../../changes/baseline';
import { RecordError, toConfigRecords } from '../../changes/records';
import { readTopology, readTopologyObjects, TopologyError, writeTopology, type TopologyFile } from '../../changes/topology';
import type { ConfigRecord } from '../../domain/properties';
import { OWN_EXPORT_FORMAT, type ReadInput } from '../../formats/config-input';
import { fromJsonValue } from '../../formats/json51';
import { writeTextFile } from '../../files/write-text-file';
import type { CommandHelp, ParameterDef } from '../../shell/commands';
import type { ConfigRepository } from '../../store/types';
import { PSObject } from '../../shell/values';
import { param } from '../builtins/support';
import { reportFileError } from '../files/support';
import { clause, fail, pchatCommand, readImportFile } from './support';

export const CONFIGURATION_FORMAT_VERSION = 1;

/**
 * The backup text (docs/configuration-format.md): what Export-PchatConfiguration
 * writes and the window's Back up downloads, UTF-8 without a byte order mark.
 */
export function configurationBackupText(repo: Pick<ConfigRepository, 'path' | 'list'>, now: Date = new Date()): string {
  const baseline = readBaseline(repo);
  const topology = readTopology(repo);
  const data = {
    format: OWN_EXPORT_FORMAT,
    version: CONFIGURATION_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    collections: repo.list(),
    baseline: baseline.kind === 'ok' ? { source: baseline.data.source, collections: baseline.data.collections } : null,
    topology: topology.kind === 'ok' ? { sources: topology.data.sources, sites: topology.data.sites, pools: topology.data.pools } : null,
  };
  return `${JSON.stringify(data, undefined, 2)}\n`;
}

const EXPORT_PARAMETERS: readonly ParameterDef[] = [
  param('Path', 'String', 'The backup file to write (JSON), absolute or relative to the current location.', { mandatory: true, position: 0 }),
  param('NoClobber', 'SwitchParameter', 'Refuses to replace a file that already exists.', { aliases: ['NoOverwrite'] }),
  param('Force', 'SwitchParameter', 'Writes over a read-only file.'),
];

const EXPORT_HELP: CommandHelp = {
  synopsis: 'Backs up the configuration, the baseline and the topology to a JSON file.',
  description:
    "Export-PchatConfiguration writes everything pchat-admin holds about the deployment to one JSON file in its own " +
    'versioned format (format "pchat-admin-configuration", version 1, described in docs/configuration-format.md): ' +
    'the working configuration, the baseline with its source, and the imported topology. Import-PchatConfiguration ' +
    'restores it; Import-PchatBaseline also accepts it as a baseline.',
  examples: [{ title: 'Back up before a big change', code: 'Export-PchatConfiguration .\\pchat-backup.json', remarks: '' }],
  outputs: 'None',
};

export const exportConfiguration = pchatCommand(
  'Export-PchatConfiguration',
  EXPORT_PARAMETERS,
  EXPORT_HELP,
  (ctx) => ({
    async process(bound) {
      const file = ctx.session.files().resolve(String(bound.get('Path') ?? ''));
      const text = configurationBackupText(ctx.repo);
      if (!(await ctx.shouldProcess(file))) return;
      try {
        writeTextFile(file, text, { encoding: 'UTF8', bom: false, noClobber: bound.get('NoClobber') === true, force: bound.get('Force') === true });
      } catch (e) {
        await reportFileError(ctx, e);
      }
    },
  }),
  { shouldProcess: true },
);

const IMPORT_HELP: CommandHelp = {
  synopsis: 'Restores a backup made by Export-PchatConfiguration.',
  description:
    'Import-PchatConfiguration replaces the working configuration, the baseline and the topology with those in a ' +
    'backup file. The whole file is checked first with the same rules as the cmdlets; if anything in it is wrong, ' +
    'nothing changes. Because it replaces everything, it asks for confirmation; -Force or -Confirm:$false skips the question.',
  examples: [{ title: 'Restore a backup', code: 'Import-PchatConfiguration .\\pchat-backup.json -Force', remarks: '' }],
  outputs: 'None',
};

function asObjects(list: unknown): PSObject[] {
  return (Array.isArray(list) ? list : []).map((v) => fromJsonValue(v)).filter((v): v is PSObject => v instanceof PSObject);
}

/** What a backup restores, checked whole before anything is written. */
export interface RestorePlan {
  readonly collections: ConfigRecord[];
  readonly baseline?: { readonly source: BaselineSource; readonly records: ConfigRecord[] };
  readonly topology?: Omit<TopologyFile, 'format' | 'version'>;
}

/**
 * Checks a backup already read (Import-PchatConfiguration and the window's
 * Restore): the plan, or why the file is refused (a clause, no full stop).
 */
export function planRestore(input: ReadInput): RestorePlan | { readonly refused: string } {
  const own = input.own;
  if (!own) return { refused: `it is not a pchat-admin backup (format "${OWN_EXPORT_FORMAT}"); to import what the server exported, use Import-PchatBaseline` };
  if (typeof own.version !== 'number' || own.version > CONFIGURATION_FORMAT_VERSION) return { refused: `it was written by a newer pchat-admin (format version ${String(own.version)})` };
  try {
    const collections = toConfigRecords(input.objects).records;
    let baseline: RestorePlan['baseline'];
    let topology: RestorePlan['topology'];
    const b = own.baseline as { source?: BaselineSource; collections?: unknown } | null | undefined;
    if (b) {
      if (!b.source || typeof b.source.file !== 'string') throw new RecordError('its baseline has no source');
      baseline = { source: b.source, records: toConfigRecords(asObjects(b.collections).map((o) => ({ properties: o.entries() }))).records };
    }
    const t = own.topology as { sources?: BaselineSource[]; sites?: unknown; pools?: unknown } | null | undefined;
    if (t) {
      const objects = [...asObjects(t.sites), ...asObjects(t.pools)].map((o) => ({ properties: o.entries() }));
      topology = { sources: Array.isArray(t.sources) ? t.sources : [], ...(objects.length > 0 ? readTopologyObjects(objects) : { sites: [], pools: [] }) };
    }
    return { collections, ...(baseline ? { baseline } : {}), ...(topology ? { topology } : {}) };
  } catch (e) {
    if (e instanceof RecordError || e instanceof TopologyError) return { refused: clause(e.message) };
    throw e;
  }
}

/** Writes the baseline and the topology of a plan (the caller then replaces the working configuration). */
export function writeRestoredSideFiles(repo: Pick<ConfigRepository, 'path'>, plan: RestorePlan): void {
  if (plan.baseline) writeBaseline(repo, plan.baseline.source, plan.baseline.records);
  if (plan.topology) writeTopology(repo, plan.topology);
}

export const importConfiguration = pchatCommand(
  'Import-PchatConfiguration',
  [
    param('Path', 'String', 'The backup file written by Export-PchatConfiguration.', { mandatory: true, position: 0 }),
    param('Force', 'SwitchParameter', 'Restores without asking for confirmation.'),
  ],
  IMPORT_HELP,
  (ctx) => ({
    async process(bound) {
      const read = await readImportFile(ctx, bound.get('Path'), 'ConfigurationImportFailed');
      if (!read) return;
      const refuse = (why: string) => fail(ctx, `Cannot restore '${read.file}': ${clause(why)}. Nothing was changed.`, 'ConfigurationImportFailed', read.file);
      const plan = planRestore(read.input);
      if ('refused' in plan) return refuse(plan.refused);
      if (!(await ctx.shouldProcess(read.file))) return;
      try {
        writeRestoredSideFiles(ctx.repo, plan);
      } catch (e) {
        return fail(ctx, `Cannot restore '${read.file}': ${(e as Error).message}`, 'ConfigurationImportFailed', read.file, 'WriteError');
      }
      replaceWorking(ctx.repo, plan.collections);
    },
  }),
  { shouldProcess: true, confirmImpact: 'High' },
);
