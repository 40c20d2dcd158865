// ConfigRepository over conf / electron-store.
//
// conf re-reads, parses and validates the whole file on every `get` and
// `.store`, and rewrites it whole on every `set`; a pipeline over thousands of
// collections must not become thousands of reads and writes. So we keep a
// validated in-memory copy (`base`, the file as last seen, and `current`, base
// plus this statement's journal) and a stat fingerprint of the file, re-read
// only when the fingerprint changes, and commit the journal in one atomic
// write under the cross-process lock, replayed onto the file's contents at
// that moment. Reads go through the injected Conf (plain Node passes conf, the
// Electron app electron-store, see open-store.ts); writes do not (see
// repository-io.ts for why).
//
// What the file holds decides what may be written over it: a damaged file is
// moved aside first, an older one is upgraded with a copy kept (upgrade.ts),
// and a newer or foreign one (or a link) is never written at all.
//
// Every commit that changes something is recorded in the change history
// (history-file.ts) right there, under the same lock, whoever the caller is.

import type Conf from 'conf';
import { identityKey, parseIdentity } from '../domain/identity';
import { PROPERTIES, type ConfigRecord, type PropertyValues } from '../domain/properties';
import type { CommitInfo, CommitResult, ConfigRepository, StoreConflict, StoreFile, StoreWarning } from './types';
import { checkPropertyValue, checkRecord } from './schema';
import type { Decoded } from './decode';
import { newerSchemaMessage, newerSchemaWarning } from './migrations';
import { errorCode, fingerprintOf, moveAside, movedAsideWarning, type Fingerprint } from './files';
import { StoreLockError, acquireLock, withLock, type LockOptions } from './lock';
import { applyOp, changesBetween, replay, sortedEntries, toCollections, type Collections, type JournalOp } from './journal';
import { ChangeHistory, historyPathFor } from './history-file';
import { isLegacy, judgeStoreFile, refusedCommitMessage, refusedWarning } from './inspect';
import { upgradeOnDisk, upgradedInMemoryWarnings } from './upgrade';
import { StoreCommitError, lockCommitError, lockFailureText, readStore, writeStore } from './repository-io';
import { watchStoreFile } from './watch';

export { StoreCommitError } from './repository-io';

export interface RepositoryOptions {
  readonly lock?: LockOptions;
  /** Quiet period before a watch callback fires. Default 50 ms. */
  readonly watchDebounceMs?: number;
}

/** Never equal to a real fingerprint: forces the next refresh/commit to re-read. */
const UNKNOWN: Fingerprint = 'unknown';

type Loaded = Exclude<Decoded, { kind: 'invalid' } | { kind: 'foreign' }> | { kind: 'missing' };
type Legacy = Extract<Decoded, { kind: 'current' }> & { migratedFrom: number };

export class ConfRepository implements ConfigRepository {
  readonly path: string;
  readonly history: ChangeHistory;
  readonly #conf: Conf<StoreFile>;
  readonly #options: RepositoryOptions;
  #base: Collections = new Map();
  #current: Collections = new Map();
  #journal: JournalOp[] = [];
  /** Changes refused when they were journalled (stale expected values): reported by the next commit. */
  #refusedOps: StoreConflict[] = [];
  /** The history entry this journal undoes (markRevert): recorded, and the commit is all or nothing. */
  #revertOf: number | undefined;
  #fingerprint: Fingerprint = UNKNOWN;
  #extra: Record<string, unknown> = {};
  #newerVersion: number | undefined;
  /** Why the file in place is refused (foreign, or a link); nothing is written while set. */
  #refused: string | undefined;
  /** Set while `base` came from an older file not yet upgraded on disk: commit upgrades it first. */
  #unupgraded = false;
  #pending: StoreWarning[] = [];
  #sortedKeys: string[] | undefined;
  #loaded = false;

  constructor(conf: Conf<StoreFile>, options: RepositoryOptions = {}) {
    this.#conf = conf;
    this.#options = options;
    this.path = conf.path;
    this.history = new ChangeHistory(historyPathFor(conf.path));
    this.#load(false);
    this.#loaded = true;
  }

  /** Set while the file comes from a newer build: reads work, commits fail. */
  get newerSchemaVersion(): number | undefined {
    return this.#newerVersion;
  }

  /** True when create/update/remove calls are waiting for commit(). */
  get hasPendingChanges(): boolean {
    return this.#journal.length > 0 || this.#refusedOps.length > 0;
  }

  refresh(force = false): StoreWarning[] {
    if (force || fingerprintOf(this.path) !== this.#fingerprint) this.#load(false);
    return this.#drain();
  }

  list(): ConfigRecord[] {
    this.#sortedKeys ??= sortedEntries(this.#current).map((e) => e.id.key);
    return this.#sortedKeys.map((k) => ({ ...this.#current.get(k)!.record }));
  }

  get(identity: string): ConfigRecord | undefined {
    const entry = this.#current.get(identityKey(identity.trim()));
    return entry ? { ...entry.record } : undefined;
  }

  create(record: ConfigRecord): void {
    const parsed = parseIdentity(record.Identity);
    if (!parsed.ok) throw new Error(parsed.message);
    const { identity } = parsed;
    if (identity.scope === 'Global') throw new Error('The Global collection always exists and cannot be created.');
    if (this.#current.has(identity.key)) throw new Error(`A collection with identity ${identity.canonical} already exists.`);
    const full: Record<string, unknown> = { Identity: identity.canonical };
    for (const p of PROPERTIES) full[p.name] = (record as unknown as Record<string, unknown>)[p.name];
    const problems = checkRecord(full);
    if (problems.length > 0) throw new Error(`Cannot store ${identity.canonical}: ${problems.join(', ')}.`);
    this.#apply({ kind: 'create', key: identity.key, entry: { id: identity, record: full as unknown as ConfigRecord } });
  }

  update(identity: string, values: Partial<PropertyValues>, expected?: Partial<PropertyValues>): void {
    const key = identityKey(identity.trim());
    const entry = this.#current.get(key);
    if (!entry) throw new Error(`Cannot find a collection with identity '${identity}'.`);
    const clean: Record<string, unknown> = {};
    for (const p of PROPERTIES) {
      const v = (values as Record<string, unknown>)[p.name];
      if (v === undefined) continue;
      const problem = checkPropertyValue(p, v);
      if (problem) throw new Error(`Cannot store ${entry.record.Identity}: ${problem}.`);
      clean[p.name] = v;
    }
    if (Object.keys(clean).length === 0 && expected === undefined) return;
    const expect = expected !== undefined ? { expected: { ...expected } } : {};
    this.#apply({ kind: 'update', key, identity: entry.record.Identity, values: clean as Partial<PropertyValues>, ...expect });
  }

  remove(identity: string, expected?: Partial<PropertyValues>): void {
    const key = identityKey(identity.trim());
    if (key === 'global') return this.#apply({ kind: 'reset', key });
    const entry = this.#current.get(key);
    if (!entry) throw new Error(`Cannot find a collection with identity '${identity}'.`);
    this.#apply({ kind: 'remove', key, identity: entry.record.Identity, ...(expected !== undefined ? { expected: { ...expected } } : {}) });
  }

  markRevert(entryId: number): boolean {
    if (this.#journal.length > 0 || this.#revertOf !== undefined) return false;
    this.#revertOf = entryId;
    return true;
  }

  commit(info?: CommitInfo): CommitResult {
    if (this.#journal.length === 0) {
      const conflicts = this.#refusedOps;
      this.rollback();
      return { written: false, conflicts, warnings: this.#drain() };
    }
    let lock;
    try {
      lock = acquireLock(this.path, this.#options.lock);
    } catch (err) {
      this.rollback();
      if (err instanceof StoreLockError) throw lockCommitError(this.path, err);
      throw err;
    }
    try {
      // Another process may have written since we last looked, or an older file
      // still waits for its upgrade: start from what is on disk now.
      const reload = this.#unupgraded || fingerprintOf(this.path) !== this.#fingerprint;
      if (reload) this.#load(true);
      if (this.#refused !== undefined) throw new StoreCommitError(refusedCommitMessage(this.path, this.#refused));
      if (this.#newerVersion !== undefined) throw new StoreCommitError(newerSchemaMessage(this.#newerVersion));
      // Unchanged file: `current` already is base + journal, each op checked as it was
      // applied, so replaying would only repeat the work (10,000 ops for a big pipeline).
      const replayed = reload
        ? replay(this.#base, this.#journal)
        : { entries: this.#current, conflicts: [], applied: this.#journal.length };
      const conflicts = [...this.#refusedOps, ...replayed.conflicts];
      // An undo is all or nothing: half of one would leave a state nobody asked for.
      const applied = this.#revertOf !== undefined && conflicts.length > 0 ? 0 : replayed.applied;
      const entries = applied > 0 ? replayed.entries : this.#base;
      let historyId: number | undefined;
      if (applied > 0) {
        writeStore(this.path, this.#extra, entries);
        this.#fingerprint = fingerprintOf(this.path);
        historyId = this.#record(entries, info);
      }
      this.#journal = [];
      this.#refusedOps = [];
      this.#revertOf = undefined;
      this.#base = entries;
      this.#current = new Map(this.#base);
      this.#sortedKeys = undefined;
      return { written: applied > 0, conflicts, warnings: this.#drain(), ...(historyId !== undefined ? { historyId } : {}) };
    } catch (err) {
      this.rollback();
      throw err;
    } finally {
      lock.release();
    }
  }

  rollback(): void {
    this.#journal = [];
    this.#refusedOps = [];
    this.#revertOf = undefined;
    this.#current = new Map(this.#base);
    this.#sortedKeys = undefined;
  }

  watch(onChange: () => void): () => void {
    // Our own commits update #fingerprint before the event arrives, so they are ignored.
    return watchStoreFile(this.path, (fp) => fp !== this.#fingerprint, onChange, this.#options.watchDebounceMs ?? 50);
  }

  /**
   * Records the commit in the change history (the store is already written,
   * the lock still held). A history that cannot be written costs a warning,
   * never the change itself.
   */
  #record(after: Collections, info: CommitInfo | undefined): number | undefined {
    const changes = changesBetween(this.#base, after, this.#journal);
    if (changes.length === 0) return undefined;
    const revert = this.#revertOf !== undefined ? { revertOf: this.#revertOf } : {};
    try {
      return this.history.append({ source: info?.source ?? 'engine', commandLine: info?.commandLine ?? '', ...revert, changes }, this.#pending);
    } catch (err) {
      this.#pending.push({ message: `The change was saved, but it could not be recorded in the change history ${this.history.path}: ${lockFailureText(this.history.path, err)}.` });
      return undefined;
    }
  }

  #apply(op: JournalOp): void {
    // A change refused now (its expected values are stale) is not journalled; the commit reports it.
    const conflict = applyOp(this.#current, op);
    if (conflict) {
      this.#refusedOps.push(conflict);
      return;
    }
    this.#journal.push(op);
    if (op.kind === 'create' || op.kind === 'remove') this.#sortedKeys = undefined;
  }

  #drain(): StoreWarning[] {
    const out = this.#pending;
    this.#pending = [];
    return out;
  }

  /** Runs `fn` under the lock (already held when `locked`). */
  #locked<T>(locked: boolean, fn: () => T): T {
    return locked ? fn() : withLock(this.path, fn, this.#options.lock);
  }

  /**
   * Re-reads the file into `base` (and rebases the journal onto it). A file
   * that cannot be used is moved aside, and an older one upgraded, under the
   * lock, after checking it is still the file we judged.
   */
  #load(locked: boolean): void {
    for (let attempt = 0; ; attempt++) {
      const fp = fingerprintOf(this.path); // before reading: a later change then shows as a new fingerprint
      const result = fp === null ? ({ kind: 'missing' } as const) : readStore(this.#conf, this.path);
      if (result.kind === 'foreign') return this.#refuse(result.reason, fp);
      if (isLegacy(result)) {
        if (this.#upgrade(locked, fp, result)) return;
      } else if (result.kind !== 'invalid') {
        return this.#setBase(result, fp);
      } else if (this.#quarantine(locked, fp, result.reason)) return;
      if (attempt >= 2) throw new Error(`The configuration store ${this.path} keeps changing under us; try again.`);
    }
  }

  /** Moves an invalid file aside and loads defaults; false when the file changed meanwhile. */
  #quarantine(locked: boolean, fp: Fingerprint, reason: string): boolean {
    try {
      const moved = this.#locked(locked, () => {
        if (fingerprintOf(this.path) !== fp) return false; // replaced meanwhile: judge the new file instead
        const backup = moveAside(this.path);
        this.#pending.push({ message: movedAsideWarning(this.path, reason, backup) });
        return true;
      });
      if (moved) this.#setBase({ kind: 'missing' }, null);
      return moved;
    } catch (err) {
      if (!(err instanceof StoreLockError)) throw err;
      // Cannot move it aside now; use defaults in memory and retry on the next refresh or commit.
      this.#pending.push({
        message: `The store file ${this.path} cannot be used (${reason}); defaults are shown. It could not be moved aside now: ${lockFailureText(this.path, err)}.`,
      });
      this.#setBase({ kind: 'missing' }, UNKNOWN);
      return true;
    }
  }

  /**
   * Upgrades an older file on disk (copy kept, upgrade.ts) before anything can
   * overwrite it; false when the file changed meanwhile. When it cannot be
   * done now (no lock, read-only folder, a write error), the upgraded contents
   * are shown and commit() tries again first; a commit fails rather than
   * write over an older file without its copy.
   */
  #upgrade(locked: boolean, fp: Fingerprint, legacy: Legacy): boolean {
    try {
      const upgraded = this.#locked(locked, () => {
        const judged = judgeStoreFile(this.path);
        return judged.fp === fp && isLegacy(judged.verdict) ? upgradeOnDisk(this.path, judged) : undefined;
      });
      if (!upgraded) return false;
      this.#pending.push(...upgraded.warnings);
      this.#setBase(upgraded.loaded, upgraded.fp);
      return true;
    } catch (err) {
      const cause = lockFailureText(this.path, err);
      if (locked) {
        throw new StoreCommitError(`Could not upgrade the older store ${this.path} before saving: ${cause}. Nothing was changed.`, errorCode(err));
      }
      if (!(err instanceof StoreLockError) && errorCode(err) === undefined) throw err;
      this.#pending.push(...upgradedInMemoryWarnings(this.path, legacy.migratedFrom, legacy.warnings, cause));
      this.#setBase({ ...legacy, warnings: [] }, fp);
      this.#unupgraded = true;
      return true;
    }
  }

  /** A foreign file or a link is in place: show defaults, write nothing, say so once per file version. */
  #refuse(reason: string, fp: Fingerprint): void {
    this.#setBase({ kind: 'missing' }, fp);
    this.#refused = reason;
    this.#pending.push({ message: refusedWarning(this.path, reason) });
  }

  #setBase(loaded: Loaded, fp: Fingerprint): void {
    const wasNewer = this.#newerVersion;
    this.#refused = undefined;
    this.#unupgraded = false;
    if (loaded.kind === 'missing') {
      this.#base = toCollections({});
      this.#extra = {};
      this.#newerVersion = undefined;
    } else {
      this.#base = toCollections(loaded.collections);
      this.#extra = loaded.extra;
      this.#newerVersion = loaded.kind === 'newer' ? loaded.version : undefined;
      for (const m of loaded.warnings) this.#pending.push({ message: m });
    }
    // openConf already reported a newer file found at start-up; report one that appears later.
    if (this.#loaded && this.#newerVersion !== undefined && this.#newerVersion !== wasNewer) {
      this.#pending.push({ message: newerSchemaWarning(this.#newerVersion, this.path) });
    }
    this.#fingerprint = fp;
    this.#current = this.#journal.length === 0 ? new Map(this.#base) : replay(this.#base, this.#journal).entries;
    this.#sortedKeys = undefined;
  }
}
