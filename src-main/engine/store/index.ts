// The store's public surface, plus `openRepository`, the one-call way for the
// CLI, the web preview and tests to get a repository over a directory.

import { openConf, type OpenStoreOptions } from './open-store';
import { ConfRepository, type RepositoryOptions } from './repository';
import type { StoreWarning } from './types';

export type * from './types';
export { CURRENT_SCHEMA_VERSION, STORE_SCHEMA, buildStoreSchema, defaultStoreFile, validateStoreFile } from './schema';
export { MIGRATIONS, migrateToCurrent, newerSchemaMessage, readSchemaVersion } from './migrations';
export { openConf, storeConfOptions, storeFilePath } from './open-store';
export type { ConfFactory, OpenStoreOptions, OpenedStore, StoreConfOptions } from './open-store';
export { acquireLock, lockPathFor, withLock, StoreLockError } from './lock';
export type { HeldLock, LockOptions } from './lock';
export { ConfRepository, StoreCommitError } from './repository';
export { StoreRefusedError } from './inspect';
export type { RepositoryOptions } from './repository';
export { ChangeHistory, historyPathFor, MAX_HISTORY_ENTRIES, MAX_HISTORY_CHANGES } from './history-file';
export type { HistoryChange, HistoryEntry } from './history-file';

export interface OpenRepositoryOptions extends OpenStoreOptions, Omit<RepositoryOptions, 'lock'> {
  readonly fileName?: string;
}

/** Opens `<dir>/<fileName>.json` and returns a repository over it with the warnings met on the way. */
export function openRepository(
  dir: string,
  options: OpenRepositoryOptions = {},
): { repository: ConfRepository; warnings: StoreWarning[] } {
  const opened = openConf(dir, options.fileName, options);
  const repository = new ConfRepository(opened.conf, options);
  return { repository, warnings: [...opened.warnings, ...repository.refresh()] };
}
