// Everything the window needs to show pending changes in one call, so a
// future IPC handler (status bar, "Pending changes" panel, cell marks) reads
// the same rules as Get-PchatChange and Export-PchatChangeScript: the
// baseline's source and age, the pending changes, and the script they make.

import type { ConfigRepository } from '../store/types';
import { readBaseline, type BaselineSource } from './baseline';
import { collectionChanges, pendingChanges, type PendingChange } from './diff';
import { changeScript } from '../formats/change-script';

export interface ChangesSummary {
  /** null when no baseline was imported; `problem` when baseline.json cannot be used. */
  readonly baseline: (BaselineSource & { readonly ageSeconds: number }) | null;
  readonly problem?: string;
  readonly changes: readonly PendingChange[];
  /** The script Export-PchatChangeScript would write now ('' without a baseline). */
  readonly script: string;
}

export function changesSummary(repo: Pick<ConfigRepository, 'path' | 'list'>, now: Date = new Date()): ChangesSummary {
  const read = readBaseline(repo);
  if (read.kind === 'missing') return { baseline: null, changes: [], script: '' };
  if (read.kind !== 'ok') return { baseline: null, problem: read.reason, changes: [], script: '' };
  const working = repo.list();
  const source = read.data.source;
  const ageSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(source.importedAt)) / 1000));
  return {
    baseline: { ...source, ageSeconds },
    changes: pendingChanges(read.data.collections, working),
    script: changeScript(collectionChanges(read.data.collections, working), source, now),
  };
}
