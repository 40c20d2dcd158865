// Store-layout migrations keyed on the file's `schemaVersion`.
//
// We do not use conf's own `migrations` option: it is keyed on the app's semver,
// runs every step on a brand-new store, and cannot refuse a file written by a
// newer build. Here MIGRATIONS[n] turns a version-n file into a version-n+1
// file; each step is pure (data in, data out) so it can run on a raw file before
// conf is constructed and again in memory if an old file reappears while the
// app runs. Every step must be harmless on an empty store.
//
// Nothing is dropped silently: whatever a step cannot carry over (an unknown
// field, an invalid value or identity) is reported through `warn`, and the
// caller keeps a byte-identical copy of the original file (upgrade.ts).

import { PROPERTIES, PROPERTY_NAMES, type ConfigRecord } from '../domain/properties';
import { parseIdentity, identityKey } from '../domain/identity';
import { CURRENT_SCHEMA_VERSION, checkPropertyValue, defaultRecord } from './schema';
import { isIdentityShaped } from './legacy';

export type MigrationStep = (data: unknown, warn: (message: string) => void) => unknown;

/** Thrown when a file's shape is beyond what a migration can interpret. */
export class MigrationError extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Normalises one legacy record: canonical identity, every known property
 * present and in range (missing or invalid values take the default). Returns
 * undefined, with a warning, when the identity cannot be interpreted.
 */
function normaliseLegacyRecord(
  value: unknown,
  keyHint: string | undefined,
  warn: (message: string) => void,
): ConfigRecord | undefined {
  if (!isPlainObject(value)) {
    warn(`Dropped a collection that is not an object${keyHint ? ` ('${keyHint}')` : ''}.`);
    return undefined;
  }
  const rawIdentity = typeof value['Identity'] === 'string' ? value['Identity'] : keyHint;
  const parsed = rawIdentity === undefined ? undefined : parseIdentity(rawIdentity);
  if (!parsed?.ok) {
    warn(`Dropped a collection with an invalid identity ('${rawIdentity ?? ''}').`);
    return undefined;
  }
  const canonical = parsed.identity.canonical;
  if (keyHint !== undefined && typeof value['Identity'] === 'string' && identityKey(keyHint.trim()) !== parsed.identity.key) {
    warn(`The collection stored under '${keyHint}' names itself ${canonical}; it was kept as ${canonical}.`);
  }
  const record = defaultRecord(canonical) as unknown as Record<string, unknown>;
  for (const p of PROPERTIES) {
    if (!(p.name in value)) continue; // older files may predate a property: keep the default
    const v = value[p.name];
    if (checkPropertyValue(p, v) === undefined) record[p.name] = v;
    else warn(`${canonical}: ${p.name} value ${JSON.stringify(v)} was not valid and was reset to its default.`);
  }
  // A record of this version has exactly the known properties: anything else cannot be carried over.
  const unknown = Object.keys(value).filter((k) => k !== 'Identity' && !(PROPERTY_NAMES as readonly string[]).includes(k));
  if (unknown.length > 0) {
    warn(`${canonical}: ${unknown.length === 1 ? 'field' : 'fields'} ${unknown.map((k) => `'${k}'`).join(', ')} could not be carried over.`);
  }
  return record as unknown as ConfigRecord;
}

/**
 * v0 → v1. "v0" is anything written before schemaVersion existed: an array of
 * collections, `{ collections: [...] }`, `{ collections: {...} }`, an object
 * keyed directly by identity, or `{}` (legacy.ts says which files count). The
 * result is keyed by canonical identity and always holds Global. Other
 * top-level keys (conf's `__internal__`, or anything in a file that states
 * schemaVersion 0) are carried over: this version keeps unknown top-level keys.
 */
function v0ToV1(data: unknown, warn: (message: string) => void): unknown {
  let source: Array<[string | undefined, unknown]>;
  const carried: Record<string, unknown> = {};
  if (Array.isArray(data)) source = data.map((r) => [undefined, r]);
  else if (!isPlainObject(data)) throw new MigrationError('the store is not a JSON object');
  else {
    const atTop = Object.keys(data).filter(isIdentityShaped);
    if ('collections' in data && atTop.length > 0) {
      throw new MigrationError('it holds collections both under `collections` and at the top level');
    }
    if (Array.isArray(data['collections'])) source = data['collections'].map((r) => [undefined, r]);
    else if (isPlainObject(data['collections'])) source = Object.entries(data['collections']);
    else if ('collections' in data) throw new MigrationError('collections is neither a list nor an object');
    else source = atTop.map((key) => [key, data[key]]);
    for (const [key, value] of Object.entries(data)) {
      if (key !== 'collections' && key !== 'schemaVersion' && !isIdentityShaped(key)) carried[key] = value;
    }
  }

  const collections: Record<string, ConfigRecord> = {};
  const seen = new Set<string>();
  for (const [key, value] of source) {
    const record = normaliseLegacyRecord(value, key, warn);
    if (!record) continue;
    const k = identityKey(record.Identity);
    if (seen.has(k)) {
      warn(`Dropped a second collection for ${record.Identity} (identities differ only in letter case).`);
      continue;
    }
    seen.add(k);
    collections[record.Identity] = record;
  }
  if (!seen.has('global')) collections['Global'] = defaultRecord('Global');
  return { ...carried, schemaVersion: 1, collections };
}

/** MIGRATIONS[n] upgrades a version-n file to version n+1. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {
  0: v0ToV1,
};

/**
 * The schema version a raw file claims: 0 for a legacy file without one,
 * undefined when the value cannot be a store at all (not an object, or a
 * schemaVersion that is not a non-negative integer).
 */
export function readSchemaVersion(raw: unknown): number | undefined {
  if (Array.isArray(raw)) return 0;
  if (!isPlainObject(raw)) return undefined;
  if (!('schemaVersion' in raw)) return 0;
  const v = raw['schemaVersion'];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

export interface MigrationResult {
  readonly data: unknown;
  readonly fromVersion: number;
  /** What could not be carried over as it was; the caller keeps a copy of the original either way. */
  readonly warnings: string[];
}

/** Runs every step from the file's version up to CURRENT_SCHEMA_VERSION. */
export function migrateToCurrent(raw: unknown): MigrationResult {
  const fromVersion = readSchemaVersion(raw);
  if (fromVersion === undefined) throw new MigrationError('the store has no usable schemaVersion');
  if (fromVersion > CURRENT_SCHEMA_VERSION) throw new MigrationError(newerSchemaMessage(fromVersion));
  const warnings: string[] = [];
  let data = raw;
  for (let v = fromVersion; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new MigrationError(`no migration from schema ${v} to ${v + 1}`);
    data = step(data, (m) => warnings.push(m));
  }
  return { data, fromVersion, warnings };
}

/** The message every commit fails with while a newer-schema file is open. */
export function newerSchemaMessage(version: number): string {
  return (
    `The store was written by a newer version of pchat-admin (schema ${version}); ` +
    `this version can read schema ${CURRENT_SCHEMA_VERSION} only. Nothing was changed.`
  );
}

/** The warning shown when a newer-schema file is opened read-only. */
export function newerSchemaWarning(version: number, path: string): string {
  return (
    `The store ${path} was written by a newer version of pchat-admin (schema ${version}); ` +
    `this version can read schema ${CURRENT_SCHEMA_VERSION} only. It is open read-only: ` +
    'collections this version understands are shown, and changes cannot be saved.'
  );
}
