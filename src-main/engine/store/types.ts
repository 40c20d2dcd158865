// The contract between the engine and the configuration store.
//
// A console statement works on an in-memory copy; its changes are journalled
// and committed in ONE atomic write under a cross-process lock at the end of
// the statement (see repository.ts). Reads never take the lock: writes are
// atomic renames, so a reader sees a whole file, old or new.

import type { ConfigRecord, PropertyValues } from '../domain/properties';
import type { HistoryEntry } from './history-file';

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

/** What the change history records about a commit (the repository adds time, user and values). */
export interface CommitInfo {
  /** window form, window console, headless shell, window history… */
  readonly source: string;
  /** The statement that made the changes. */
  readonly commandLine: string;
}

/** The change history kept beside the store (history-file.ts). */
export interface HistoryReader {
  readonly path: string;
  /** Every entry kept, oldest first. */
  read(): { entries: readonly HistoryEntry[]; warnings: StoreWarning[] };
}

export interface CommitResult {
  /** True when something was written. */
  readonly written: boolean;
  /** The change history entry recorded for this commit, when something changed and it could be recorded. */
  readonly historyId?: number;
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
  /**
   * Journals new values for some properties of an existing collection.
   * `expected`: the values the caller started from (an editor's, an undo's);
   * when the collection holds other values for any of them — now, or in the
   * file at commit time — the change is refused as a conflict naming each
   * field (old → new), and nothing is written to that collection.
   */
  update(identity: string, values: Partial<PropertyValues>, expected?: Partial<PropertyValues>): void;
  /** Journals a removal (Global is reset to defaults instead); `expected` as for update. */
  remove(identity: string, expected?: Partial<PropertyValues>): void;
  /**
   * Marks the journal as undoing history entry `entryId`: the history records
   * it so, and the commit is all or nothing (any conflict writes nothing).
   * False, marking nothing, when the statement has already journalled
   * changes: an undo is a statement of its own, so its entry says exactly
   * what it undid.
   */
  markRevert(entryId: number): boolean;
  /** The change history beside the store. */
  readonly history: HistoryReader;

  /**
   * Writes the journalled changes in one atomic write under the cross-process
   * lock, replaying them onto the file's current contents so that a concurrent
   * writer's changes are kept. An empty journal writes nothing.
   */
  commit(info?: CommitInfo): CommitResult;
  /** Drops the journal and restores the in-memory copy to the last known file state. */
  rollback(): void;

  /** Subscribe to changes written by this or another process (fs.watch on the directory). */
  watch(onChange: () => void): () => void;
}
