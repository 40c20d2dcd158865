// ConfigRepository over conf / electron-store.
//
// conf re-reads, parses and validates the whole file on every `get` and
// `.store`, and rewrites it whole on every `set`; a pipeline over thousands of
// collections must not become thousands of reads and writes. So we keep a
// validated in-memory copy (`base`, the file as last seen, and `current`, base
// plus this statement's journal) and a stat fingerprint of the file, re-read
// only when the fingerprint changes, and commit the journal in one write under
// the cross-process lock, replayed onto the file's contents at that moment.
//
// The Conf instance is injected: plain Node passes conf, the Electron app
// passes electron-store (a Conf subclass); see open-store.ts.

import fs from 'node:fs';
import path from 'node:path';
import type Conf from 'conf';
import { identityKey, parseIdentity } from '../domain/identity';
import { PROPERTIES, type ConfigRecord, type PropertyValues } from '../domain/properties';
import type { CommitResult, ConfigRepository, StoreFile, StoreWarning } from './types';
import { CURRENT_SCHEMA_VERSION, checkPropertyValue, checkRecord } from './schema';
import { decodeStore, type Decoded } from './decode';
import { newerSchemaMessage, newerSchemaWarning } from './migrations';
import {
  describeError,
  ensureMode,
  errorCode,
  fingerprintOf,
  moveAside,
  movedAsideWarning,
  type Fingerprint,
} from './files';
import { StoreLockError, acquireLock, withLock, type LockOptions } from './lock';
import { applyOp, replay, sortedEntries, toCollections, toStoredCollections, type Collections, type JournalOp } from './journal';

export interface RepositoryOptions {
  readonly lock?: LockOptions;
  /** Quiet period before a watch callback fires. Default 50 ms. */
  readonly watchDebounceMs?: number;
}

/** A commit that failed; the in-memory copy has been rolled back to the file's state. */
export class StoreCommitError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StoreCommitError';
  }
}

/** Never equal to a real fingerprint: forces the next refresh/commit to re-read. */
const UNKNOWN: Fingerprint = 'unknown';

type Loaded = Exclude<Decoded, { kind: 'invalid' }> | { kind: 'missing' };

export class ConfRepository implements ConfigRepository {
  readonly path: string;
  readonly #conf: Conf<StoreFile>;
  readonly #options: RepositoryOptions;
  #base: Collections = new Map();
  #current: Collections = new Map();
  #journal: JournalOp[] = [];
  #fingerprint: Fingerprint = UNKNOWN;
  #extra: Record<string, unknown> = {};
  #newerVersion: number | undefined;
  #pending: StoreWarning[] = [];
  #sortedKeys: string[] | undefined;
  #loaded = false;

  constructor(conf: Conf<StoreFile>, options: RepositoryOptions = {}) {
    this.#conf = conf;
    this.#options = options;
    this.path = conf.path;
    this.#load(false);
    this.#loaded = true;
  }

  /** Set while the file comes from a newer build: reads work, commits fail. */
  get newerSchemaVersion(): number | undefined {
    return this.#newerVersion;
  }

  /** True when create/update/remove calls are waiting for commit(). */
  get hasPendingChanges(): boolean {
    return this.#journal.length > 0;
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

  update(identity: string, values: Partial<PropertyValues>): void {
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
    if (Object.keys(clean).length === 0) return;
    this.#apply({ kind: 'update', key, identity: entry.record.Identity, values: clean as Partial<PropertyValues> });
  }

  remove(identity: string): void {
    const key = identityKey(identity.trim());
    if (key === 'global') return this.#apply({ kind: 'reset', key });
    const entry = this.#current.get(key);
    if (!entry) throw new Error(`Cannot find a collection with identity '${identity}'.`);
    this.#apply({ kind: 'remove', key, identity: entry.record.Identity });
  }

  commit(): CommitResult {
    if (this.#journal.length === 0) return { written: false, conflicts: [], warnings: this.#drain() };
    let lock;
    try {
      lock = acquireLock(this.path, this.#options.lock);
    } catch (err) {
      this.rollback();
      if (err instanceof StoreLockError) throw new StoreCommitError(`${err.message.replace(/\.?$/, '.')} Nothing was changed.`);
      throw err;
    }
    try {
      // Another process may have written since we last looked: start from what is on disk now.
      const changedOnDisk = fingerprintOf(this.path) !== this.#fingerprint;
      if (changedOnDisk) this.#load(true);
      if (this.#newerVersion !== undefined) throw new StoreCommitError(newerSchemaMessage(this.#newerVersion));
      // Unchanged file: `current` already is base + journal, each op checked as it was
      // applied, so replaying would only repeat the work (10,000 ops for a big pipeline).
      const { entries, conflicts, applied } = changedOnDisk
        ? replay(this.#base, this.#journal)
        : { entries: this.#current, conflicts: [], applied: this.#journal.length };
      if (applied > 0) this.#write(entries);
      this.#journal = [];
      this.#base = applied > 0 ? entries : this.#base;
      this.#current = new Map(this.#base);
      this.#sortedKeys = undefined;
      return { written: applied > 0, conflicts, warnings: this.#drain() };
    } catch (err) {
      this.rollback();
      throw err;
    } finally {
      lock.release();
    }
  }

  rollback(): void {
    this.#journal = [];
    this.#current = new Map(this.#base);
    this.#sortedKeys = undefined;
  }

  watch(onChange: () => void): () => void {
    const name = path.basename(this.path);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = (): void => {
      timer = undefined;
      let fp: Fingerprint;
      try {
        fp = fingerprintOf(this.path);
      } catch {
        return;
      }
      // Our own commits update #fingerprint before the event arrives, so they are ignored here.
      if (fp !== this.#fingerprint) onChange();
    };
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(path.dirname(this.path), { persistent: false }, (_event, filename) => {
        if (filename && filename.toString() !== name) return; // temp files, lock files, backups
        if (timer) clearTimeout(timer);
        timer = setTimeout(fire, this.#options.watchDebounceMs ?? 50);
      });
    } catch {
      return () => {}; // directory vanished or watching unsupported: the next refresh still sees changes
    }
    watcher.on('error', () => watcher.close());
    return () => {
      if (timer) clearTimeout(timer);
      watcher.close();
    };
  }

  #apply(op: JournalOp): void {
    applyOp(this.#current, op);
    this.#journal.push(op);
    if (op.kind === 'create' || op.kind === 'remove') this.#sortedKeys = undefined;
  }

  #drain(): StoreWarning[] {
    const out = this.#pending;
    this.#pending = [];
    return out;
  }

  /** One write of the whole file through conf (atomic temp+rename), then 0600 and a new fingerprint. */
  #write(entries: Collections): void {
    // conf keeps its own metadata under `__internal__`; when the value lacks the
    // key, conf's setter re-reads and parses the whole file to carry it over.
    // Passing it (empty unless the file had one) spares a full read per commit.
    const data = {
      ...this.#extra,
      __internal__: this.#extra.__internal__ ?? {},
      schemaVersion: CURRENT_SCHEMA_VERSION,
      collections: toStoredCollections(entries),
    };
    try {
      this.#conf.store = data as StoreFile;
      ensureMode(this.path);
    } catch (err) {
      const code = errorCode(err);
      const hint =
        code === 'ENOSPC' ? ' The disk is full.'
        : code === 'EACCES' || code === 'EPERM' ? ` Check that you may write to ${path.dirname(this.path)}.`
        : code === 'EROFS' ? ' The file system is read-only.'
        : '';
      throw new StoreCommitError(
        `Could not save the configuration store ${this.path}: ${describeError(err)}.${hint} Nothing was changed.`,
        code,
      );
    }
    this.#fingerprint = fingerprintOf(this.path);
  }

  /**
   * Re-reads the file into `base` (and rebases the journal onto it). A file
   * that cannot be used is moved aside under the lock, after checking it is
   * still the file we judged, and defaults are loaded.
   */
  #load(locked: boolean): void {
    for (let attempt = 0; ; attempt++) {
      const fp = fingerprintOf(this.path); // before reading: a later change then shows as a new fingerprint
      const result = fp === null ? ({ kind: 'missing' } as const) : this.#read();
      if (result.kind !== 'invalid') return this.#setBase(result, fp);
      if (attempt >= 2) throw new Error(`The configuration store ${this.path} keeps changing into an unusable file: ${result.reason}.`);
      const quarantine = (): boolean => {
        if (fingerprintOf(this.path) !== fp) return false; // replaced meanwhile: judge the new file instead
        const backup = moveAside(this.path);
        this.#pending.push({ message: movedAsideWarning(this.path, result.reason, backup) });
        return true;
      };
      try {
        if (!(locked ? quarantine() : withLock(this.path, quarantine, this.#options.lock))) continue;
        return this.#setBase({ kind: 'missing' }, null);
      } catch (err) {
        if (!(err instanceof StoreLockError)) throw err;
        // Cannot move it aside now; use defaults in memory and retry on the next refresh or commit.
        this.#pending.push({ message: `The store file ${this.path} cannot be used (${result.reason}); defaults are shown. ${err.message}` });
        return this.#setBase({ kind: 'missing' }, UNKNOWN);
      }
    }
  }

  #read(): Loaded | { kind: 'invalid'; reason: string } {
    let data: unknown;
    try {
      data = this.#conf.store; // conf reads, parses and validates against its schema
    } catch (confError) {
      // Older and newer files are expected to fail conf's schema; decode the raw file to tell them from damage.
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(this.path, 'utf8'));
      } catch (err) {
        if (errorCode(err) === 'ENOENT') return { kind: 'missing' };
        return { kind: 'invalid', reason: describeError(err) };
      }
      const decoded = decodeStore(raw);
      if (decoded.kind === 'current' && decoded.migratedFrom === undefined) {
        return { kind: 'invalid', reason: describeError(confError) };
      }
      return decoded;
    }
    return decodeStore(data);
  }

  #setBase(loaded: Loaded, fp: Fingerprint): void {
    const wasNewer = this.#newerVersion;
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
