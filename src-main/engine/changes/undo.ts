// Undo and revert over the change history: which entry "Undo" means, the
// inverse of an entry (as journal steps and as the cmdlet lines that do the
// same), and why an entry cannot be reverted now.
//
// The inverse of an entry puts every collection it touched back to its
// "before" values, on the condition that the collection still holds the
// entry's "after" values: the undo's updates and removals carry those as
// expected values, so the store refuses them under its lock if another
// process changed the collection meanwhile (journal.ts), and the repository
// commits an undo all or nothing (markRevert).

import { PROPERTIES, defaultValues, type PropertyValues } from '../domain/properties';
import { buildCommandLine } from '../cmdlets/command-line';
import { showValue } from '../store/journal';
import type { HistoryChange, HistoryEntry } from '../store/history-file';
import type { ConfigRepository } from '../store/types';

export type InverseStep =
  | { readonly kind: 'create'; readonly identity: string; readonly values: PropertyValues }
  | { readonly kind: 'update'; readonly identity: string; readonly values: Partial<PropertyValues>; readonly expected: PropertyValues }
  | { readonly kind: 'remove'; readonly identity: string; readonly expected: PropertyValues };

type Values = Record<string, string | number | null>;

function changedValues(from: PropertyValues, to: PropertyValues): Partial<PropertyValues> {
  const out: Values = {};
  for (const p of PROPERTIES) {
    const name = p.name as keyof PropertyValues;
    if (from[name] !== to[name]) out[name] = to[name];
  }
  return out as Partial<PropertyValues>;
}

function inverseStep(change: HistoryChange): InverseStep {
  const { identity, before, after } = change;
  if (before === null) return { kind: 'remove', identity, expected: after! };
  if (after === null) return { kind: 'create', identity, values: before };
  return { kind: 'update', identity, values: changedValues(after, before), expected: after };
}

/** The steps that undo `entry`, in reverse order of its changes. */
export function inverseSteps(entry: HistoryEntry): InverseStep[] {
  return [...entry.changes].reverse().map(inverseStep);
}

/** One step as the configuration cmdlet line that does the same. */
export function stepLine(step: InverseStep): string {
  switch (step.kind) {
    case 'remove':
      return buildCommandLine('Remove-CsPersistentChatConfiguration', { Identity: step.identity });
    case 'update':
      return buildCommandLine('Set-CsPersistentChatConfiguration', { Identity: step.identity, ...(step.values as Values) });
    case 'create':
      // Only what differs from the defaults, as an administrator would type it.
      return buildCommandLine('New-CsPersistentChatConfiguration', { Identity: step.identity, ...(changedValues(defaultValues(), step.values) as Values) });
  }
}

/** The cmdlet lines equivalent to undoing `entry` (at most `limit`, then a count of the rest). */
export function inverseLines(entry: HistoryEntry, limit = Number.POSITIVE_INFINITY): string[] {
  const steps = inverseSteps(entry);
  const lines = steps.slice(0, limit).map(stepLine);
  if (steps.length > limit) lines.push(`# … and ${steps.length - limit} more`);
  return lines;
}

/** Why `change` cannot be reverted against the store's current values; undefined when it can. */
function changeConflict(change: HistoryChange, repo: Pick<ConfigRepository, 'get'>): string | undefined {
  const current = repo.get(change.identity);
  if (change.after === null) return current ? `${current.Identity} exists again` : undefined;
  if (!current) return `${change.identity} has been removed since`;
  const now = current as unknown as Values;
  const then = change.after as unknown as Values;
  const differ = PROPERTIES.filter((p) => now[p.name] !== then[p.name]).map((p) => `${p.name} is now ${showValue(now[p.name])}, not ${showValue(then[p.name])}`);
  return differ.length > 0 ? `${current.Identity}: ${differ.join(', ')}` : undefined;
}

/** The conflicts that keep `entry` from being reverted now (later changes to the same collections). */
export function revertConflicts(entry: HistoryEntry, repo: Pick<ConfigRepository, 'get'>): string[] {
  return entry.changes.map((c) => changeConflict(c, repo)).filter((c): c is string => c !== undefined);
}

/**
 * Why `entry` cannot be reverted now, in full; undefined when it can. An entry
 * already undone says by which change (reverting that one redoes it).
 */
export function whyNotRevertible(
  entry: HistoryEntry,
  entries: readonly HistoryEntry[],
  repo: Pick<ConfigRepository, 'get'>,
  undone: ReadonlyMap<number, number> = undoneBy(entries),
): string | undefined {
  const by = undone.get(entry.id);
  if (by !== undefined) return `Change ${entry.id} has already been undone by change ${by}. To redo it, revert change ${by}.`;
  const conflicts = revertConflicts(entry, repo);
  return conflicts.length > 0 ? conflictMessage(entry, conflicts) : undefined;
}

/** The message for an entry that cannot be reverted. */
export function conflictMessage(entry: HistoryEntry, conflicts: readonly string[]): string {
  const shown = conflicts.slice(0, 5).join('; ') + (conflicts.length > 5 ? `; and ${conflicts.length - 5} more` : '');
  return (
    `Change ${entry.id} cannot be undone: later changes conflict with it (${shown}). ` +
    'Nothing was changed. Undo the later changes first, or change the values by hand.'
  );
}

/**
 * Entries whose effect has been undone, each with the entry that undid it: a
 * later entry reverts them and that revert has not itself been undone.
 */
export function undoneBy(entries: readonly HistoryEntry[]): Map<number, number> {
  const undone = new Map<number, number>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.revertOf !== undefined && !undone.has(e.id) && !undone.has(e.revertOf)) undone.set(e.revertOf, e.id);
  }
  return undone;
}

/**
 * What Undo (without an id) reverts: the newest change that is not itself an
 * undo and has not been undone, so pressing Undo again walks further back.
 */
export function lastUndoable(entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  const undone = undoneBy(entries);
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.revertOf === undefined && !undone.has(e.id)) return e;
  }
  return undefined;
}

/**
 * Journals the undo of `entry` on `repo` (the caller checked for conflicts and
 * asked ShouldProcess); false, journalling nothing, when the statement has
 * already changed something (an undo must be a statement of its own).
 */
export function journalRevert(entry: HistoryEntry, repo: ConfigRepository): boolean {
  if (!repo.markRevert(entry.id)) return false;
  for (const step of inverseSteps(entry)) {
    if (step.kind === 'create') repo.create({ Identity: step.identity, ...step.values });
    else if (step.kind === 'update') repo.update(step.identity, step.values, step.expected);
    else repo.remove(step.identity, step.expected);
  }
  return true;
}
