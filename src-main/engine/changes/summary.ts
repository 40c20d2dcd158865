// Everything the window needs to show pending changes in one call, so a
// future IPC handler (status bar, "Pending changes" panel, cell marks) reads
// the same rules as Get-PchatChange and Export-PchatChangeScript: the
// baseline's source and age, the pending changes, and the script they make.

import type { ConfigRepository } from '../store/types';
import { readBaseline, type BaselineSource } from './baseline';
import { collectionChanges, pendingChanges, type PendingChange } from './diff';
import { changeScript } from '../formats/change-script';
import { readTopology } from './topology';

export interface ChangesSummary {
  /** null when no baseline was imported; `problem` when baseline.json cannot be used. */
  readonly baseline: (BaselineSource & { readonly ageSeconds: number }) | null;
  readonly problem?: string;
  readonly changes: readonly PendingChange[];
  /** The script Export-PchatChangeScript would write now ('' without a baseline). */
  readonly script: string;
  /** Sites and pools from Import-PchatTopology, as configuration identities (site:<name>, service:PersistentChatServer:<fqdn>), for the New dialogs. */
  readonly topology: { readonly sites: readonly string[]; readonly pools: readonly string[] };
}

function topologyIdentities(repo: Pick<ConfigRepository, 'path'>): ChangesSummary['topology'] {
  const read = readTopology(repo);
  if (read.kind !== 'ok') return { sites: [], pools: [] };
  return {
    sites: read.data.sites.map((s) => `site:${s.Identity.replace(/^site:/i, '')}`),
    pools: read.data.pools.map((p) => `service:PersistentChatServer:${p.PoolFqdn}`),
  };
}

export function changesSummary(repo: Pick<ConfigRepository, 'path' | 'list'>, now: Date = new Date()): ChangesSummary {
  const topology = topologyIdentities(repo);
  const read = readBaseline(repo);
  if (read.kind === 'missing') return { baseline: null, changes: [], script: '', topology };
  if (read.kind !== 'ok') return { baseline: null, problem: read.reason, changes: [], script: '', topology };
  const working = repo.list();
  const source = read.data.source;
  const ageSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(source.importedAt)) / 1000));
  return {
    baseline: { ...source, ageSeconds },
    changes: pendingChanges(read.data.collections, working),
    script: changeScript(collectionChanges(read.data.collections, working), source, now),
    topology,
  };
}
