// Classifies the parsed contents of a store file: a current file, an older
// file (migrated in memory), a file from a newer build (readable in part,
// never writable), an invalid file (ours but damaged: to be moved aside), or
// a foreign file (not recognisably ours: never written, moved or renamed).
// Pure: no I/O.

import { identityKey, parseIdentity } from '../domain/identity';
import type { ConfigRecord } from '../domain/properties';
import { CURRENT_SCHEMA_VERSION, checkRecord, defaultRecord, validateStoreFile } from './schema';
import { MigrationError, migrateToCurrent, readSchemaVersion } from './migrations';
import { notALegacyStore } from './legacy';

export interface DecodedCollections {
  /** Records keyed by canonical identity; Global is always present. */
  readonly collections: Record<string, ConfigRecord>;
  /** Top-level keys this version does not know, written back unchanged. */
  readonly extra: Record<string, unknown>;
  readonly warnings: string[];
}

export type Decoded =
  | (DecodedCollections & { kind: 'current'; migratedFrom?: number })
  | (DecodedCollections & { kind: 'newer'; version: number })
  | { kind: 'invalid'; reason: string }
  | { kind: 'foreign'; reason: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitExtra(data: Record<string, unknown>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (k !== 'schemaVersion' && k !== 'collections') extra[k] = v;
  return extra;
}

function withGlobal(collections: Record<string, ConfigRecord>): Record<string, ConfigRecord> {
  if (!('Global' in collections)) collections['Global'] = defaultRecord('Global');
  return collections;
}

/**
 * Reads what it can from a file written by a newer build: the collections
 * that still match this version's rules. Anything else is left alone (and
 * never written, since the store is read-only in that state).
 */
function decodeNewer(data: Record<string, unknown>, version: number): Decoded {
  const collections: Record<string, ConfigRecord> = {};
  const seen = new Set<string>();
  let skipped = 0;
  const source = isPlainObject(data['collections']) ? data['collections'] : {};
  for (const [key, record] of Object.entries(source)) {
    const parsed = parseIdentity(key);
    // A second spelling of one identity is skipped and counted, never merged silently.
    if (parsed.ok && parsed.identity.canonical === key && !seen.has(identityKey(key)) && checkRecord(record).length === 0) {
      collections[key] = { ...(record as ConfigRecord), Identity: key };
      seen.add(identityKey(key));
    } else skipped++;
  }
  const warnings = skipped > 0 ? [`${skipped} collection(s) in the newer store could not be read by this version.`] : [];
  return { kind: 'newer', version, collections: withGlobal(collections), extra: {}, warnings };
}

/** Classifies parsed JSON from the store file. */
export function decodeStore(raw: unknown): Decoded {
  // No schemaVersion at all: a legacy store of ours, or somebody else's file (legacy.ts decides).
  if (Array.isArray(raw) || (isPlainObject(raw) && !('schemaVersion' in raw))) {
    const reason = notALegacyStore(raw);
    if (reason !== undefined) return { kind: 'foreign', reason };
  }
  const version = readSchemaVersion(raw);
  if (version === undefined) return { kind: 'invalid', reason: 'it is not a pchat-admin store (no usable schemaVersion)' };
  if (version > CURRENT_SCHEMA_VERSION) return decodeNewer(raw as Record<string, unknown>, version);

  let data = raw;
  let warnings: string[] = [];
  let migratedFrom: number | undefined;
  if (version < CURRENT_SCHEMA_VERSION) {
    try {
      const result = migrateToCurrent(raw);
      data = result.data;
      warnings = result.warnings;
      migratedFrom = version;
    } catch (err) {
      if (err instanceof MigrationError) return { kind: 'invalid', reason: `it cannot be migrated: ${err.message}` };
      throw err;
    }
  }
  const problems = validateStoreFile(data);
  if (problems.length > 0) return { kind: 'invalid', reason: `it does not match the store schema: ${problems.join('; ')}` };
  const obj = data as Record<string, unknown>;
  const collections = withGlobal({ ...(obj['collections'] as Record<string, ConfigRecord>) });
  // Unknown keys of the (migrated) data survive; a migration step decides what it carries over.
  const extra = splitExtra(obj);
  return migratedFrom === undefined
    ? { kind: 'current', collections, extra, warnings }
    : { kind: 'current', collections, extra, warnings, migratedFrom };
}
