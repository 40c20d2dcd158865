// The change history as the History pane shows it: newest first, each entry
// with its changes per property, the cmdlet lines its undo amounts to, and
// why it cannot be reverted now (judged against the store as the engine
// holds it). Bulk entries are cut to their first changes, so one pipeline
// over 10,000 collections does not become a 10,000-row reply.

import { inverseLines, lastUndoable, undoneBy, whyNotRevertible } from '../engine/changes/undo';
import { PROPERTIES } from '../engine/domain/properties';
import type { HistoryChange, HistoryEntry } from '../engine/store/history-file';
import type { ConfigRepository } from '../engine/store/types';
import type { HistoryChangeDto, HistoryEntryDto, HistoryListDto } from './contract';

/** Entries sent to the pane: the newest ones. */
export const MAX_LISTED_ENTRIES = 200;
/** Changes and inverse lines shown per entry. */
export const MAX_LISTED_CHANGES = 20;

type Values = Record<string, string | number | null>;

function changeDto(change: HistoryChange): HistoryChangeDto {
  const before = change.before as unknown as Values | null;
  const after = change.after as unknown as Values | null;
  const kind = before === null ? 'created' : after === null ? 'removed' : 'changed';
  const fields = PROPERTIES.filter((p) => kind !== 'changed' || before![p.name] !== after![p.name]).map((p) => ({
    name: p.name,
    before: before?.[p.name] ?? null,
    after: after?.[p.name] ?? null,
  }));
  return { identity: change.identity, kind, fields };
}

function entryDto(entry: HistoryEntry, all: readonly HistoryEntry[], undone: ReadonlyMap<number, number>, repo: Pick<ConfigRepository, 'get'>): HistoryEntryDto {
  return {
    id: entry.id,
    time: entry.time,
    source: entry.source,
    user: entry.user ?? null,
    commandLine: entry.commandLine,
    revertOf: entry.revertOf ?? null,
    undoneBy: undone.get(entry.id) ?? null,
    changes: entry.changes.slice(0, MAX_LISTED_CHANGES).map(changeDto),
    changeCount: entry.changes.length,
    inverse: inverseLines(entry, MAX_LISTED_CHANGES),
    blocked: whyNotRevertible(entry, all, repo, undone) ?? null,
  };
}

/** Reads the history beside `repo`'s store and describes it for the pane; `refresh` re-reads the store first. */
export function historyList(repo: ConfigRepository, refresh: boolean): HistoryListDto {
  // Judge "can it be reverted" against the file as it is now.
  const storeWarnings = refresh ? repo.refresh() : [];
  const { entries, warnings } = repo.history.read();
  const undone = undoneBy(entries);
  const newest = entries.slice(-MAX_LISTED_ENTRIES).reverse();
  return {
    entries: newest.map((e) => entryDto(e, entries, undone, repo)),
    total: entries.length,
    undoable: lastUndoable(entries)?.id ?? null,
    path: repo.history.path,
    warnings: [...storeWarnings, ...warnings].map((w) => w.message),
  };
}
