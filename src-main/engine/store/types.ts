// The contract between the engine and the configuration store.
//
// A console statement works on an in-memory copy; its changes are journalled
// and committed in ONE atomic write under a cross-process lock at the end of
// the statement (see repository.ts). Reads never take the lock: writes are
// atomic renames, so a reader sees a whole file, old or new.

import type { ConfigRecord, PropertyValues } from '../domain/properties';

/** What is persisted in the store file. */
export interface StoreFile {
  schemaVersion: number;
  /** Keyed by canonical identity. Never accessed with dot-notation. */
  collections: Record<string, ConfigRecord>;
  /**
   * Top-level keys this version does not know are kept and written back
   * unchanged (the index signature also lets conf's Options<T> accept the type).
   */
  [key: string]: unknown;
}

/** A problem the store met and dealt with, for the console to show as WARNING:. */
export interface StoreWarning {
  readonly message: string;
}

/** A change that could not be applied at commit time (another process got there first). */
export interface StoreConflict {
  readonly identity: string;
  readonly message: string;
}

export interface CommitResult {
  /** True when something was written. */
  readonly written: boolean;
  readonly conflicts: readonly StoreConflict[];
  readonly warnings: readonly StoreWarning[];
}

export interface ConfigRepository {
  /** Absolute path of the store file. */
  readonly path: string;

  /**
   * Brings the in-memory copy up to date with the file when the file changed
   * on disk (cheap stat check otherwise). `force` re-reads unconditionally
   * (Get -LocalStore). Never throws for a corrupt file: it is moved aside and
   * reported as a warning.
   */
  refresh(force?: boolean): StoreWarning[];

  /** Every collection, Global first, then sites, then pools, each sorted by name. Copies. */
  list(): ConfigRecord[];
  /** One collection by identity (any letter case), a copy; undefined when absent. */
  get(identity: string): ConfigRecord | undefined;

  /** Journals a new collection. The caller has checked it does not exist. */
  create(record: ConfigRecord): void;
  /** Journals new values for some properties of an existing collection. */
  update(identity: string, values: Partial<PropertyValues>): void;
  /** Journals a removal (Global is reset to defaults instead). */
  remove(identity: string): void;

  /**
   * Writes the journalled changes in one atomic write under the cross-process
   * lock, replaying them onto the file's current contents so that a concurrent
   * writer's changes are kept. An empty journal writes nothing.
   */
  commit(): CommitResult;
  /** Drops the journal and restores the in-memory copy to the last known file state. */
  rollback(): void;

  /** Subscribe to changes written by this or another process (fs.watch on the directory). */
  watch(onChange: () => void): () => void;
}
