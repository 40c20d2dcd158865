// Opens the store file with conf (plain Node, CLI, tests) or electron-store
// (the Electron app, via `create`), after making sure conf will not destroy it.
//
// Before conf sees the file we inspect it ourselves (inspect.ts), under the
// store lock:
// - not recognisably ours (another program's JSON, a symbolic link) → refused:
//   opening fails with StoreRefusedError naming it, and it stays byte-identical.
// - ours but unreadable, not JSON, or not matching the schema → moved aside as
//   `<file>.corrupt-<timestamp>` and reported; we then start from defaults.
//   (conf's clearInvalidConfig would instead treat it as empty and overwrite it.)
// - an older schemaVersion → a byte-identical copy is kept, then it is
//   upgraded and written atomically, with a warning (upgrade.ts).
// - a newer schemaVersion → left untouched; conf is built without schema and
//   defaults so its constructor neither rejects nor rewrites it, and the
//   repository treats the store as read-only.
// - missing → we write the defaults ourselves, atomically.
// conf itself never writes the store: its constructor only writes when keys
// are missing, and its write is not atomic under SNAP or after EXDEV. Stale
// temp files of killed writes are removed first (temp-files.ts).
//
// A folder we may not write to (the lock cannot be created: EACCES, EPERM,
// EROFS) is opened for reading only, without the lock: nothing is moved,
// upgraded or created, and every commit fails saying the folder is read-only.

import fs from 'node:fs';
import path from 'node:path';
import Conf, { type Options, type Schema } from 'conf';
import type { StoreFile, StoreWarning } from './types';
import { STORE_ROOT_SCHEMA, STORE_SCHEMA, defaultStoreFile } from './schema';
import { newerSchemaWarning } from './migrations';
import { describeError, ensureMode, moveAside, movedAsideWarning, serializeStore, writeFileAtomicSync } from './files';
import { StoreRefusedError, isLegacy, judgeStoreFile } from './inspect';
import { upgradeOnDisk } from './upgrade';
import { removeStaleTemps } from './temp-files';
import { historyPathFor } from './history-file';
import { acquireLock, isReadOnlyLockError, type LockOptions } from './lock';

export type StoreConfOptions = Partial<Options<StoreFile>>;

/**
 * Builds the Conf instance. The Electron app passes one that constructs
 * electron-store; note electron-store takes the file name from `name` and
 * overwrites `configName`, so map it: `(o) => new Store({ ...o, name: o.configName })`.
 */
export type ConfFactory = (options: StoreConfOptions) => Conf<StoreFile>;

export interface OpenStoreOptions {
  readonly create?: ConfFactory;
  readonly lock?: LockOptions;
}

export interface OpenedStore {
  readonly conf: Conf<StoreFile>;
  /** Absolute path of the store file. */
  readonly path: string;
  /** Problems found and dealt with while opening, for the console to show as WARNING:. */
  readonly warnings: StoreWarning[];
  /** Set when the file comes from a newer build: it is readable, and every commit fails. */
  readonly newerSchemaVersion?: number;
  /** Set when the store folder is read-only for us: the store is readable, and every commit fails. */
  readonly readOnly?: true;
}

/** The store file name conf will use in `dir` for `fileName` (with or without .json). */
export function storeFilePath(dir: string, fileName = 'config'): string {
  return path.join(path.resolve(dir), `${fileName.replace(/\.json$/i, '')}.json`);
}

/** conf options for the store; `withoutSchema` drops schema and defaults (see header). */
export function storeConfOptions(dir: string, fileName = 'config', withoutSchema = false): StoreConfOptions {
  const base: StoreConfOptions = {
    cwd: path.resolve(dir),
    configName: fileName.replace(/\.json$/i, ''),
    projectName: 'pchat-admin',
    configFileMode: 0o600,
    // Identities such as pool FQDNs contain dots: keys are never paths.
    accessPropertiesByDotNotation: false,
    // Never: conf would treat a damaged file as empty and the next write would destroy it.
    clearInvalidConfig: false,
    // conf polls with fs.watchFile on Linux; the repository watches the directory itself.
    watch: false,
  };
  if (withoutSchema) return base;
  return {
    ...base,
    schema: STORE_SCHEMA as unknown as Schema<StoreFile>,
    rootSchema: { required: [...STORE_ROOT_SCHEMA.required] },
    defaults: defaultStoreFile(),
  };
}

interface Target {
  readonly dir: string;
  readonly fileName: string;
  readonly file: string;
  readonly create: ConfFactory;
}

/** Under the lock: refuses, moves aside, upgrades or creates the file as needed, then builds conf. */
function openWritable(t: Target): OpenedStore {
  const { file } = t;
  const warnings: StoreWarning[] = [];
  removeStaleTemps(file);
  removeStaleTemps(historyPathFor(file)); // the change history's, written under the same lock
  const judged = judgeStoreFile(file);
  const { verdict } = judged;
  if (verdict.kind === 'foreign') throw new StoreRefusedError(file, verdict.reason);
  if (verdict.kind === 'invalid') {
    const backup = moveAside(file);
    warnings.push({ message: movedAsideWarning(file, verdict.reason, backup) });
  } else if (isLegacy(verdict)) {
    warnings.push(...upgradeOnDisk(file, judged).warnings);
  } else if (verdict.kind === 'newer') {
    warnings.push({ message: newerSchemaWarning(verdict.version, file) });
    return { conf: t.create(storeConfOptions(t.dir, t.fileName, true)), path: file, warnings, newerSchemaVersion: verdict.version };
  }
  if (verdict.kind === 'missing' || verdict.kind === 'invalid') writeFileAtomicSync(file, serializeStore(defaultStoreFile()));

  let conf: Conf<StoreFile>;
  try {
    conf = t.create(storeConfOptions(t.dir, t.fileName));
  } catch (err) {
    // The preflight accepted the file but conf did not (its ajv and our
    // validator disagree, or the file changed outside pchat-admin): move it
    // aside like any other bad file and start once more from defaults.
    if (!fs.existsSync(file)) throw err;
    const backup = moveAside(file);
    warnings.push({ message: movedAsideWarning(file, describeError(err), backup) });
    writeFileAtomicSync(file, serializeStore(defaultStoreFile()));
    conf = t.create(storeConfOptions(t.dir, t.fileName));
  }
  try {
    ensureMode(file);
  } catch {
    // Not our file to chmod (another owner): reading still works; writes set the mode.
  }
  return { conf, path: file, warnings };
}

/** Without the lock, in a folder we may not write: reads only; nothing on disk changes. */
function openReadOnly(t: Target, why: string): OpenedStore {
  const { file } = t;
  const { verdict } = judgeStoreFile(file);
  if (verdict.kind === 'foreign') throw new StoreRefusedError(file, verdict.reason);
  if (verdict.kind === 'invalid') {
    throw new Error(`The store file ${file} cannot be used: ${verdict.reason}. ${why} It was not moved aside; nothing was changed.`);
  }
  const warnings: StoreWarning[] = [];
  if (verdict.kind === 'newer') warnings.push({ message: newerSchemaWarning(verdict.version, file) });
  // A current file passes conf's schema without a write; anything else (missing,
  // older, newer) gets conf without schema and defaults, so its constructor
  // writes nothing. An older file is upgraded in memory by the repository.
  const withoutSchema = !(verdict.kind === 'current' && !isLegacy(verdict));
  let conf: Conf<StoreFile>;
  try {
    conf = t.create(storeConfOptions(t.dir, t.fileName, withoutSchema));
  } catch (err) {
    throw new Error(`The store file ${file} cannot be used: ${describeError(err)}. ${why} Nothing was changed.`);
  }
  const opened = { conf, path: file, warnings, readOnly: true } as const;
  return verdict.kind === 'newer' ? { ...opened, newerSchemaVersion: verdict.version } : opened;
}

/**
 * Opens (creating if needed) the store `<dir>/<fileName>.json` and returns the
 * Conf instance for ConfRepository, plus any warnings. Never replaces or
 * truncates an existing file silently; throws StoreRefusedError for a file
 * that is not recognisably a pchat-admin store.
 */
export function openConf(dir: string, fileName = 'config', options: OpenStoreOptions = {}): OpenedStore {
  const create: ConfFactory = options.create ?? ((o) => new Conf<StoreFile>(o));
  const file = storeFilePath(dir, fileName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const target: Target = { dir, fileName, file, create };
  let lock;
  try {
    lock = acquireLock(file, options.lock);
  } catch (err) {
    if (!isReadOnlyLockError(err)) throw err;
    const why = `The store folder ${path.dirname(file)} is read-only (${err.code}).`;
    return openReadOnly(target, why);
  }
  try {
    return openWritable(target);
  } finally {
    lock.release();
  }
}
