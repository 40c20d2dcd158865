// The repository's in-memory model and its change journal.
//
// Collections are held in a Map keyed by identityKey (case-folded), each entry
// carrying its parsed identity (for ordering) and an immutable record: a change
// replaces the record object, so the Map can be copied cheaply (copy-on-write)
// between the last-known file state and the working copy.
//
// The journal records what a statement asked for, not the resulting values, so
// at commit time it can be REPLAYED onto whatever the file holds then: an
// update writes only the properties it names, which keeps another process's
// concurrent edit of other properties.

import { compareIdentities, parseIdentity, type ParsedIdentity } from '../domain/identity';
import type { ConfigRecord, PropertyValues } from '../domain/properties';
import { defaultRecord } from './schema';
import type { HistoryChange } from './history-file';
import type { StoreConflict } from './types';

export interface Entry {
  readonly id: ParsedIdentity;
  readonly record: Readonly<ConfigRecord>;
}

/** Keyed by identityKey(canonical identity). */
export type Collections = Map<string, Entry>;

export type JournalOp =
  | { readonly kind: 'create'; readonly key: string; readonly entry: Entry }
  | {
      readonly kind: 'update';
      readonly key: string;
      readonly identity: string;
      readonly values: Partial<PropertyValues>;
      /** The values the caller started from (an editor, an undo): refused when the collection holds others now. */
      readonly expected?: Partial<PropertyValues>;
    }
  | { readonly kind: 'remove'; readonly key: string; readonly identity: string; readonly expected?: Partial<PropertyValues> }
  /** "Removing" Global: every property back to its default. Never conflicts. */
  | { readonly kind: 'reset'; readonly key: string };

export function globalEntry(): Entry {
  const parsed = parseIdentity('Global');
  if (!parsed.ok) throw new Error('unreachable: Global must parse');
  return { id: parsed.identity, record: defaultRecord('Global') };
}

/** Builds the Map from validated stored collections; adds Global if it is missing. */
export function toCollections(stored: Record<string, ConfigRecord>): Collections {
  const map: Collections = new Map();
  for (const record of Object.values(stored)) {
    const parsed = parseIdentity(record.Identity);
    if (!parsed.ok) continue; // validated before we get here; defensive only
    if (!map.has(parsed.identity.key)) {
      map.set(parsed.identity.key, { id: parsed.identity, record: { ...record, Identity: parsed.identity.canonical } });
    }
  }
  if (!map.has('global')) map.set('global', globalEntry());
  return map;
}

export function sortedEntries(map: Collections): Entry[] {
  return [...map.values()].sort((a, b) => compareIdentities(a.id, b.id));
}

/** The `collections` object for the file, in display order so diffs stay readable. */
export function toStoredCollections(map: Collections): Record<string, ConfigRecord> {
  const out: Record<string, ConfigRecord> = {};
  for (const e of sortedEntries(map)) out[e.record.Identity] = e.record as ConfigRecord;
  return out;
}

/** A value as the console would type it, for messages: `$null`, 42, or the text. */
export function showValue(value: unknown): string {
  return value === null || value === undefined ? '$null' : String(value);
}

/**
 * The fields whose current value is not the expected one, as "Name old → new"
 * (old: what the caller started from, new: what the collection holds now).
 */
export function staleFields(record: Readonly<ConfigRecord>, expected: Partial<PropertyValues> | undefined): string[] {
  if (!expected) return [];
  const out: string[] = [];
  for (const [name, value] of Object.entries(expected)) {
    const now = (record as unknown as Record<string, unknown>)[name];
    if (value !== undefined && now !== value) out.push(`${name} ${showValue(value)} → ${showValue(now)}`);
  }
  return out;
}

function staleConflict(identity: string, stale: readonly string[], verb: string): StoreConflict {
  return {
    identity,
    message:
      `Cannot ${verb} ${identity}: it was changed elsewhere after its values were read (${stale.join(', ')}). ` +
      'Nothing was changed. Read its current values, then make the change again.',
  };
}

/** Applies one op to `map` in place; returns a conflict instead when it cannot apply. */
export function applyOp(map: Collections, op: JournalOp): StoreConflict | undefined {
  switch (op.kind) {
    case 'create':
      if (map.has(op.key)) {
        const identity = map.get(op.key)!.record.Identity;
        return {
          identity,
          message:
            `Cannot create ${op.entry.record.Identity}: another process created ${identity} first. ` +
            'Nothing this command did to that collection was saved.',
        };
      }
      map.set(op.key, op.entry);
      return undefined;
    case 'update': {
      const existing = map.get(op.key);
      if (!existing) {
        return { identity: op.identity, message: `Cannot change ${op.identity}: another process removed it.` };
      }
      const stale = staleFields(existing.record, op.expected);
      if (stale.length > 0) return staleConflict(existing.record.Identity, stale, 'change');
      map.set(op.key, { id: existing.id, record: { ...existing.record, ...op.values } });
      return undefined;
    }
    case 'remove': {
      const existing = map.get(op.key);
      if (!existing) {
        return { identity: op.identity, message: `Cannot remove ${op.identity}: another process already removed it.` };
      }
      const stale = staleFields(existing.record, op.expected);
      if (stale.length > 0) return staleConflict(existing.record.Identity, stale, 'remove');
      map.delete(op.key);
      return undefined;
    }
    case 'reset':
      map.set(op.key, globalEntry());
      return undefined;
  }
}

export interface ReplayResult {
  readonly entries: Collections;
  readonly conflicts: StoreConflict[];
  /** How many ops took effect; 0 means there is nothing to write. */
  readonly applied: number;
}

/**
 * Replays `ops` onto a copy of `base`. Once a create has conflicted, later ops
 * on the same identity are skipped too: they were meant for our collection,
 * not for the one another process made.
 */
export function replay(base: Collections, ops: readonly JournalOp[]): ReplayResult {
  const entries: Collections = new Map(base);
  const conflicts: StoreConflict[] = [];
  const lost = new Set<string>();
  let applied = 0;
  for (const op of ops) {
    if (lost.has(op.key)) continue;
    const conflict = applyOp(entries, op);
    if (conflict) {
      conflicts.push(conflict);
      if (op.kind === 'create') lost.add(op.key);
    } else applied++;
  }
  return { entries, conflicts, applied };
}

function valuesOf(record: Readonly<ConfigRecord> | undefined): PropertyValues | null {
  if (!record) return null;
  const { Identity: _identity, ...values } = record;
  return values as PropertyValues;
}

function sameValues(a: PropertyValues | null, b: PropertyValues | null): boolean {
  if (a === null || b === null) return a === b;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  return Object.keys(x).length === Object.keys(y).length && Object.keys(x).every((k) => x[k] === y[k]);
}

/** What the ops changed between `before` and `after`, one entry per collection that really differs, in op order. */
export function changesBetween(before: Collections, after: Collections, ops: readonly JournalOp[]): HistoryChange[] {
  const out: HistoryChange[] = [];
  const seen = new Set<string>();
  for (const op of ops) {
    if (seen.has(op.key)) continue;
    seen.add(op.key);
    const b = before.get(op.key)?.record;
    const a = after.get(op.key)?.record;
    const change = { identity: (a ?? b)?.Identity ?? op.key, before: valuesOf(b), after: valuesOf(a) };
    if (!sameValues(change.before, change.after)) out.push(change);
  }
  return out;
}
