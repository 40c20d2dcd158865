// The steps of importing a baseline, shared by Import-PchatBaseline and the
// window's import dialog: read and check the file (all or nothing), measure
// what it would change and what local work it would discard, then apply it
// (baseline.json written, the working configuration journalled for the
// caller's commit).

import type { ConfigRecord } from '../domain/properties';
import { readConfigInput, type ReadInput } from '../formats/config-input';
import type { ConfigRepository } from '../store/types';
import { isFreshConfiguration, replaceWorking } from './apply';
import { readBaseline, writeBaseline, type BaselineSource } from './baseline';
import { pendingChanges, type PendingChange } from './diff';
import { toConfigRecords } from './records';
import { SideFileRefusedError } from './side-files';

export interface BaselinePlan {
  readonly input: ReadInput;
  readonly records: ConfigRecord[];
  readonly warnings: string[];
  /** Pending local changes the import would discard: 0 none, -1 settings no baseline records. */
  readonly localPending: number;
  /** What the import changes in the working configuration (working → imported). */
  readonly changes: PendingChange[];
}

/** Reads and checks `bytes`; throws InputFormatError or RecordError with the reason. */
export function planBaselineImport(repo: Pick<ConfigRepository, 'path' | 'list'>, bytes: Buffer): BaselinePlan {
  return planFromInput(repo, readConfigInput(bytes));
}

/** The same for input already read; throws RecordError. */
export function planFromInput(repo: Pick<ConfigRepository, 'path' | 'list'>, input: ReadInput): BaselinePlan {
  const { records, warnings } = toConfigRecords(input.objects);
  return { input, records, warnings, localPending: localPendingOf(repo), changes: pendingChanges(repo.list(), records) };
}

/** Pending local changes a new baseline would replace: 0 none, -1 settings no baseline records. */
export function localPendingOf(repo: Pick<ConfigRepository, 'path' | 'list'>): number {
  const working = repo.list();
  const current = readBaseline(repo);
  return current.kind === 'ok' ? pendingChanges(current.data.collections, working).length : isFreshConfiguration(working) ? 0 : -1;
}

/** The sentence for a refused import because of local work. */
export function pendingRefusal(localPending: number): string {
  return localPending > 0
    ? `the working configuration has ${localPending} pending change${localPending === 1 ? '' : 's'} (see Get-PchatChange)`
    : 'the working configuration holds settings that no baseline records';
}

/**
 * Journals the working configuration and arranges for the baseline to be
 * recorded once that is committed: `afterCommit` runs its argument after the
 * caller's commit succeeded (and never when the statement is stopped or the
 * commit fails), so a baseline never describes a working configuration that
 * was not saved. Returns the source that will be recorded.
 */
export function applyBaselineImport(
  repo: ConfigRepository,
  plan: BaselinePlan,
  fileName: string,
  afterCommit: (record: () => void) => void,
  now: Date = new Date(),
): BaselineSource {
  const source: BaselineSource = {
    file: fileName,
    sha256: plan.input.sha256,
    format: plan.input.format,
    encoding: plan.input.encoding,
    importedAt: now.toISOString(),
  };
  // A baseline.json that may not be replaced (a link, someone else's file) refuses the import before anything is journalled.
  const current = readBaseline(repo);
  if (current.kind === 'refused') throw new SideFileRefusedError(`Refusing to replace ${current.reason}. It was left untouched, and nothing was changed.`);
  replaceWorking(repo, plan.records);
  afterCommit(() => writeBaseline(repo, source, plan.records));
  return source;
}
