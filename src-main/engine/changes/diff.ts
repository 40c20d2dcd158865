// Pending changes: the working configuration measured against the baseline,
// per collection and property. New and Remove list every property (what the
// collection holds), Set only the properties that differ. Global is never
// new or removed: it always exists, so any difference is a Set.

import { compareIdentities, identityKey, parseIdentity } from '../domain/identity';
import { PROPERTIES, type ConfigRecord, type PropertyName } from '../domain/properties';

export type ChangeAction = 'New' | 'Set' | 'Remove';

export interface PendingChange {
  readonly identity: string;
  readonly action: ChangeAction;
  readonly property: PropertyName;
  readonly baseline: number | string | null;
  readonly working: number | string | null;
}

/** One collection's change: its action and the properties involved. */
export interface CollectionChange {
  readonly identity: string;
  readonly action: ChangeAction;
  readonly baseline: ConfigRecord | undefined;
  readonly working: ConfigRecord | undefined;
  readonly properties: readonly PropertyName[];
}

const ORDER: Record<ChangeAction, number> = { New: 0, Set: 1, Remove: 2 };

function sortKey(identity: string) {
  const parsed = parseIdentity(identity);
  if (!parsed.ok) throw new Error(`Unexpected identity ${identity}`);
  return parsed.identity;
}

/** Changes per collection: New first, then Set, then Remove, each in identity order. */
export function collectionChanges(baseline: readonly ConfigRecord[], working: readonly ConfigRecord[]): CollectionChange[] {
  const before = new Map(baseline.map((r) => [identityKey(r.Identity), r]));
  const after = new Map(working.map((r) => [identityKey(r.Identity), r]));
  const out: CollectionChange[] = [];
  for (const [key, w] of after) {
    const b = before.get(key);
    if (!b) out.push({ identity: w.Identity, action: 'New', baseline: undefined, working: w, properties: PROPERTIES.map((p) => p.name as PropertyName) });
    else {
      const changed = PROPERTIES.map((p) => p.name as PropertyName).filter((n) => b[n] !== w[n]);
      if (changed.length > 0) out.push({ identity: w.Identity, action: 'Set', baseline: b, working: w, properties: changed });
    }
  }
  for (const [key, b] of before) {
    if (after.has(key)) continue;
    out.push({ identity: b.Identity, action: 'Remove', baseline: b, working: undefined, properties: PROPERTIES.map((p) => p.name as PropertyName) });
  }
  return out.sort((x, y) => ORDER[x.action] - ORDER[y.action] || compareIdentities(sortKey(x.identity), sortKey(y.identity)));
}

/** The same, one row per property, as Get-PchatChange lists them. */
export function pendingChanges(baseline: readonly ConfigRecord[], working: readonly ConfigRecord[]): PendingChange[] {
  return collectionChanges(baseline, working).flatMap((c) =>
    c.properties.map((property) => ({
      identity: c.identity,
      action: c.action,
      property,
      baseline: c.baseline ? c.baseline[property] : null,
      working: c.working ? c.working[property] : null,
    })),
  );
}
