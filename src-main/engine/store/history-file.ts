// The change history: every committed change to the store, from any source
// (window form, console, headless shell, an undo), with its time, source,
// statement text and each collection's values before and after. The
// repository appends to it inside commit(), under the store lock, right after
// the store file is written (repository.ts), so every writer goes through this
// one code path.
//
// `<store name>.history.json` beside the store, mode 0600, written whole with
// the store's atomic write. Bounded: the newest MAX_HISTORY_ENTRIES entries,
// and older entries are also dropped once the entries kept describe more than
// MAX_HISTORY_CHANGES collection changes (a bulk pipeline over 10,000
// collections is one entry, but a big one); the newest entry is always kept.
// Every commit rewrites the whole file, so the change cap is what keeps a
// commit fast: 5,000 changes are about 2.5 MB (20,000 took half a second a
// commit on a busy 2-core machine). A bulk change larger than the cap stays
// undoable until the next change.
//
// Read without following links (O_NOFOLLOW). A link, or a file that is not a
// history, is moved aside (renamed, never deleted) and a new history begins,
// with a warning saying where the old one went.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PropertyValues } from '../domain/properties';
import { describeError, errorCode, fingerprintOf, moveAside, NO_FOLLOW_READ, writeFileAtomicSync, type Fingerprint } from './files';
import type { StoreWarning } from './types';

export const MAX_HISTORY_ENTRIES = 1_000;
export const MAX_HISTORY_CHANGES = 5_000;
/** Statement text kept per entry; a pasted script longer than this is cut. */
export const MAX_COMMAND_LINE = 4_000;
const HISTORY_VERSION = 1;

/** One collection's values before and after a change; null where it did not exist. */
export interface HistoryChange {
  readonly identity: string;
  readonly before: PropertyValues | null;
  readonly after: PropertyValues | null;
}

export interface HistoryEntry {
  /** 1, 2, 3… in commit order; never reused while the file lives. */
  readonly id: number;
  /** ISO 8601, UTC. */
  readonly time: string;
  /** Where the change came from: window form, window console, headless shell, window history… */
  readonly source: string;
  readonly user?: string;
  /** The statement that made the change, as typed or as the form's equivalent line. */
  readonly commandLine: string;
  /** Set when this change undid (reverted) another entry. */
  readonly revertOf?: number;
  readonly changes: readonly HistoryChange[];
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'time' | 'user'>;

/**
 * A change as stored: a changed collection keeps its full `after` and, as
 * `was`, only the properties that differed before (a third of the size of two
 * full records: a bulk change is most of the file).
 */
type StoredChange =
  | { readonly identity: string; readonly before: PropertyValues | null; readonly after: PropertyValues | null }
  | { readonly identity: string; readonly after: PropertyValues; readonly was: Partial<PropertyValues> };

type StoredEntry = Omit<HistoryEntry, 'changes'> & { readonly changes: readonly StoredChange[] };

interface HistoryData {
  readonly version: number;
  readonly entries: StoredEntry[];
}

function encodeChange(change: HistoryChange): StoredChange {
  const { identity, before, after } = change;
  if (before === null || after === null) return change;
  const was: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(before)) if ((after as unknown as Record<string, unknown>)[name] !== value) was[name] = value;
  return { identity, after, was: was as Partial<PropertyValues> };
}

function decodeChange(change: StoredChange): HistoryChange {
  if ('was' in change) return { identity: change.identity, before: { ...change.after, ...change.was }, after: change.after };
  return change;
}

function encode(entries: readonly HistoryEntry[]): StoredEntry[] {
  return entries.map((e) => ({ ...e, changes: e.changes.map(encodeChange) }));
}

/** `config.json` → `config.history.json`, in the same folder. */
export function historyPathFor(storePath: string): string {
  return path.join(path.dirname(storePath), `${path.basename(storePath, '.json')}.history.json`);
}

function isValues(v: unknown): v is PropertyValues | null {
  return v === null || (typeof v === 'object' && !Array.isArray(v));
}

function isStoredChange(c: unknown): c is StoredChange {
  if (typeof c !== 'object' || c === null || typeof (c as StoredChange).identity !== 'string') return false;
  const x = c as Record<string, unknown>;
  if ('was' in x) return isValues(x['was']) && x['was'] !== null && isValues(x['after']) && x['after'] !== null;
  return isValues(x['before']) && isValues(x['after']);
}

function isEntry(e: unknown): e is StoredEntry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  return (
    Number.isSafeInteger(x['id']) &&
    typeof x['time'] === 'string' &&
    typeof x['source'] === 'string' &&
    typeof x['commandLine'] === 'string' &&
    Array.isArray(x['changes']) &&
    (x['changes'] as unknown[]).every(isStoredChange)
  );
}

function currentUser(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined; // no passwd entry (some containers)
  }
}

/** Keeps the newest entries within both bounds (the newest one always). */
export function bounded(entries: readonly HistoryEntry[]): HistoryEntry[] {
  let changes = 0;
  let keep = 0;
  for (let i = entries.length - 1; i >= 0 && keep < MAX_HISTORY_ENTRIES; i--) {
    changes += entries[i]!.changes.length;
    if (keep > 0 && changes > MAX_HISTORY_CHANGES) break;
    keep++;
  }
  return entries.slice(entries.length - keep);
}

export class ChangeHistory {
  #cache: { fp: Fingerprint; entries: HistoryEntry[] } | undefined;

  constructor(readonly path: string) {}

  /** Every entry kept, oldest first, with warnings about a history that had to be moved aside. */
  read(): { entries: readonly HistoryEntry[]; warnings: StoreWarning[] } {
    const warnings: StoreWarning[] = [];
    try {
      return { entries: this.#load(warnings), warnings };
    } catch (err) {
      // Unreadable (permissions) or not movable aside: say so; reading the history never fails a command.
      if (!warnings.some((w) => w.message.includes(this.path))) {
        warnings.push({ message: `The change history ${this.path} cannot be read: ${describeError(err)}.` });
      }
      return { entries: [], warnings };
    }
  }

  /**
   * Appends one entry and returns its id. The caller holds the store lock
   * (commit), so no other writer can interleave. Throws when the file cannot
   * be written; the caller reports that as a warning (the change is saved).
   */
  append(entry: NewHistoryEntry, warnings: StoreWarning[], now: Date = new Date()): number {
    const entries = this.#load(warnings);
    const id = (entries[entries.length - 1]?.id ?? 0) + 1;
    const user = currentUser();
    const commandLine = entry.commandLine.length > MAX_COMMAND_LINE ? `${entry.commandLine.slice(0, MAX_COMMAND_LINE)}…` : entry.commandLine;
    const full: HistoryEntry = { id, time: now.toISOString(), ...(user !== undefined ? { user } : {}), ...entry, commandLine };
    const next = bounded([...entries, full]);
    const data: HistoryData = { version: HISTORY_VERSION, entries: encode(next) };
    writeFileAtomicSync(this.path, JSON.stringify(data));
    this.#cache = { fp: fingerprintOf(this.path), entries: next };
    return id;
  }

  #load(warnings: StoreWarning[]): HistoryEntry[] {
    const fp = fingerprintOf(this.path);
    if (fp === null) return [];
    if (this.#cache?.fp === fp) return this.#cache.entries;
    const result = this.#readFile();
    if ('entries' in result) {
      this.#cache = { fp, entries: result.entries };
      return result.entries;
    }
    // Not ours to read: keep it (renamed), start afresh.
    try {
      const backup = moveAside(this.path, 'unusable');
      warnings.push({ message: `The change history ${this.path} could not be used (${result.problem}); it was moved aside to ${backup} and a new history begins.` });
    } catch (err) {
      warnings.push({ message: `The change history ${this.path} cannot be used (${result.problem}) nor moved aside: ${describeError(err)}.` });
      throw err;
    }
    this.#cache = undefined;
    return [];
  }

  #readFile(): { entries: HistoryEntry[] } | { problem: string } {
    let fd: number;
    try {
      fd = fs.openSync(this.path, NO_FOLLOW_READ);
    } catch (err) {
      if (errorCode(err) === 'ELOOP') return { problem: 'it is a symbolic link' };
      if (errorCode(err) === 'ENOENT') return { entries: [] };
      throw err;
    }
    let text: string;
    try {
      if (!fs.fstatSync(fd).isFile()) return { problem: 'it is not a regular file' };
      text = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      return { problem: describeError(err) };
    }
    const data = parsed as Partial<HistoryData> | null;
    if (typeof data !== 'object' || data === null || !Array.isArray(data.entries)) return { problem: 'it is not a change history' };
    if (data.version !== HISTORY_VERSION) return { problem: `it has version ${String(data.version)}, this build reads ${HISTORY_VERSION}` };
    if (!data.entries.every(isEntry)) return { problem: 'some of its entries are damaged' };
    return { entries: data.entries.map((e) => ({ ...e, changes: e.changes.map(decodeChange) })) };
  }
}
