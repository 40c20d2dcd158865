// Opens the store file with conf (plain Node, CLI, tests) or electron-store
// (the Electron app, via `create`), after making sure conf will not destroy it.
//
// Before conf sees the file we inspect it ourselves, under the store lock:
// - unreadable, not JSON, or not matching the schema → moved aside as
//   `<file>.corrupt-<timestamp>` and reported; conf then starts from defaults.
//   (conf's clearInvalidConfig would instead treat it as empty and overwrite it.)
// - an older schemaVersion → migrated and written atomically (a copy of the
//   original is kept when the migration had to drop or repair anything).
// - a newer schemaVersion → left untouched; conf is built without schema and
//   defaults so its constructor neither rejects nor rewrites it, and the
//   repository treats the store as read-only.
// conf's constructor writes the defaults when the file is missing, so it also
// runs under the lock: otherwise two first launches could race a commit.

import fs from 'node:fs';
import path from 'node:path';
import Conf, { type Options, type Schema } from 'conf';
import type { StoreFile, StoreWarning } from './types';
import { CURRENT_SCHEMA_VERSION, STORE_ROOT_SCHEMA, STORE_SCHEMA, defaultStoreFile } from './schema';
import { decodeStore } from './decode';
import { newerSchemaWarning } from './migrations';
import {
  copyAside,
  describeError,
  ensureMode,
  errorCode,
  moveAside,
  movedAsideWarning,
  writeFileAtomicSync,
} from './files';
import { withLock, type LockOptions } from './lock';

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
}

/** The store file name conf will use in `dir` for `fileName` (with or without .json). */
export function storeFilePath(dir: string, fileName = 'config'): string {
  return path.join(path.resolve(dir), `${fileName.replace(/\.json$/i, '')}.json`);
}

/** conf options for the store; `forNewerFile` drops schema and defaults (see header). */
export function storeConfOptions(dir: string, fileName = 'config', forNewerFile = false): StoreConfOptions {
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
  if (forNewerFile) return base;
  return {
    ...base,
    schema: STORE_SCHEMA as unknown as Schema<StoreFile>,
    rootSchema: { required: [...STORE_ROOT_SCHEMA.required] },
    defaults: defaultStoreFile(),
  };
}

interface Preflight {
  readonly newerSchemaVersion?: number;
}

/** Inspects (and if needed moves aside or migrates) the file. Runs under the lock. */
function preflight(file: string, warnings: StoreWarning[]): Preflight {
  const quarantine = (reason: string): Preflight => {
    const backup = moveAside(file);
    warnings.push({ message: movedAsideWarning(file, reason, backup) });
    return {};
  };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return {};
    return quarantine(describeError(err));
  }
  const decoded = decodeStore(raw);
  if (decoded.kind === 'invalid') return quarantine(decoded.reason);
  if (decoded.kind === 'newer') {
    warnings.push({ message: newerSchemaWarning(decoded.version, file) });
    return { newerSchemaVersion: decoded.version };
  }
  if (decoded.migratedFrom !== undefined) {
    if (decoded.warnings.length > 0) {
      const copy = copyAside(file, `schema${decoded.migratedFrom}`);
      for (const m of decoded.warnings) warnings.push({ message: `Upgrading the store: ${m}` });
      warnings.push({ message: `A copy of the store as it was before the upgrade was kept as ${copy}.` });
    }
    const data = { ...decoded.extra, schemaVersion: CURRENT_SCHEMA_VERSION, collections: decoded.collections };
    // Same layout as conf's own serializer, so the next conf write is a minimal diff.
    writeFileAtomicSync(file, JSON.stringify(data, undefined, '\t'));
  }
  return {};
}

/**
 * Opens (creating if needed) the store `<dir>/<fileName>.json` and returns the
 * Conf instance for ConfRepository, plus any warnings. Never replaces or
 * truncates an existing file silently.
 */
export function openConf(dir: string, fileName = 'config', options: OpenStoreOptions = {}): OpenedStore {
  const create: ConfFactory = options.create ?? ((o) => new Conf<StoreFile>(o));
  const file = storeFilePath(dir, fileName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const warnings: StoreWarning[] = [];

  return withLock(
    file,
    () => {
      const { newerSchemaVersion } = preflight(file, warnings);
      const confOptions = storeConfOptions(dir, fileName, newerSchemaVersion !== undefined);
      let conf: Conf<StoreFile>;
      try {
        conf = create(confOptions);
      } catch (err) {
        // The preflight accepted the file but conf did not (its ajv and our
        // validator disagree, or the file changed outside pchat-admin): move it
        // aside like any other bad file and start once more from defaults.
        if (!fs.existsSync(file)) throw err;
        const backup = moveAside(file);
        warnings.push({ message: movedAsideWarning(file, describeError(err), backup) });
        conf = create(storeConfOptions(dir, fileName));
      }
      try {
        ensureMode(file);
      } catch {
        // Not our file to chmod (another owner): reading still works; writes set the mode.
      }
      return newerSchemaVersion === undefined
        ? { conf, path: file, warnings }
        : { conf, path: file, warnings, newerSchemaVersion };
    },
    options.lock,
  );
}
