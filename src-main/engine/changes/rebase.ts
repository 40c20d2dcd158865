// Keeping local changes across a new baseline (Sync-PchatBaseline
// -KeepChanges): the pending changes — what the working configuration
// changed against the old baseline — are replayed onto the server's new
// state, property by property. A property the server changed too, to a
// different value, is a conflict; so is a change to a collection the server
// no longer has, or a new collection the server now holds with other values.
// Any conflict refuses the whole pull (nothing is half kept).

import { identityKey } from '../domain/identity';
import type { ConfigRecord } from '../domain/properties';
import { collectionChanges } from './diff';

export interface RebaseConflict {
  readonly identity: string;
  /** The property, or null for the collection as a whole. */
  readonly property: string | null;
  readonly reason: string;
}

export type RebaseResult = { readonly ok: true; readonly working: ConfigRecord[] } | { readonly ok: false; readonly conflicts: RebaseConflict[] };

const shown = (v: number | string | null | undefined) => (v === null || v === undefined ? 'not set' : String(v));

export function rebaseChanges(oldBaseline: readonly ConfigRecord[], working: readonly ConfigRecord[], server: readonly ConfigRecord[]): RebaseResult {
  const next = new Map(server.map((r) => [identityKey(r.Identity), { ...r }]));
  const conflicts: RebaseConflict[] = [];
  for (const change of collectionChanges(oldBaseline, working)) {
    const key = identityKey(change.identity);
    const there = next.get(key);
    if (change.action === 'Remove') {
      next.delete(key);
      continue;
    }
    if (change.action === 'New') {
      if (!there) next.set(key, { ...change.working! });
      else if (change.properties.some((p) => there[p] !== change.working![p])) {
        conflicts.push({ identity: change.identity, property: null, reason: 'created here, and created on the server meanwhile with other values' });
      }
      continue;
    }
    if (!there) {
      conflicts.push({ identity: change.identity, property: null, reason: 'changed here, and removed on the server meanwhile' });
      continue;
    }
    for (const p of change.properties) {
      const base = change.baseline![p];
      const mine = change.working![p];
      const theirs = there[p];
      if (theirs === base || theirs === mine) (there as Record<string, unknown>)[p] = mine;
      else conflicts.push({ identity: change.identity, property: p, reason: `changed here from ${shown(base)} to ${shown(mine)}, and on the server to ${shown(theirs)}` });
    }
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  return { ok: true, working: [...next.values()] };
}
