// The store file's JSON schema and its defaults, generated from PROPERTIES so
// the ranges and types written here can never drift from the ones the binder
// enforces. conf takes the schema per top-level key (`schema`) plus a
// `rootSchema`; we also keep a hand-rolled validator built from the same
// metadata, because the repository must judge files conf is not allowed to see
// through its schema (a newer schema version, a legacy file to migrate) and
// because conf's own ajv instance is private.

import {
  PROPERTIES,
  PROPERTY_NAMES,
  defaultValues,
  type ConfigRecord,
  type PropertyMeta,
} from '../domain/properties';
import { validatePropertyValue } from '../domain/validate';
import { parseIdentity, POOL_FQDN_PATTERN, SERVICE_ROLE, SITE_NAME_PATTERN } from '../domain/identity';
import type { StoreFile } from './types';

/** The store layout this build reads and writes. Bump together with a migration step. */
export const CURRENT_SCHEMA_VERSION = 1;

type JsonSchema = Record<string, unknown>;

function propertySchema(p: PropertyMeta): JsonSchema {
  if (p.kind === 'integer') return { type: 'integer', minimum: p.min, maximum: p.max };
  // URLs: the binder decides what a valid URL is; the store only guarantees the
  // type, so a value the engine accepted can always be written.
  return { type: ['string', 'null'] };
}

/**
 * A coarse pattern for stored (canonical) identities. Keys are matched as
 * whole strings, never split on dots, so pool FQDNs are safe. The precise rules
 * live in identity.ts and are applied by validateStoreFile.
 */
export const STORED_IDENTITY_PATTERN = `^(?:Global|site:${SITE_NAME_PATTERN}|service:${SERVICE_ROLE}:${POOL_FQDN_PATTERN})$`;

/** JSON schema of one stored collection. */
export function recordSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    Identity: { type: 'string', pattern: STORED_IDENTITY_PATTERN },
  };
  for (const p of PROPERTIES) properties[p.name] = propertySchema(p);
  // No `default` keywords: conf runs ajv with useDefaults, which would quietly
  // fill in missing properties on read instead of reporting a damaged file.
  return {
    type: 'object',
    properties,
    required: ['Identity', ...PROPERTY_NAMES],
    additionalProperties: false,
  };
}

/** conf's `schema` option: one schema per top-level key of the store file. */
export function buildStoreSchema(): Record<keyof StoreFile, JsonSchema> {
  return {
    schemaVersion: { type: 'integer', minimum: 0 },
    collections: {
      type: 'object',
      propertyNames: { pattern: STORED_IDENTITY_PATTERN },
      additionalProperties: recordSchema(),
    },
  };
}

/** conf's `rootSchema` option: both keys must be present in a current file. */
export const STORE_ROOT_SCHEMA = { required: ['schemaVersion', 'collections'] } as const;

export const STORE_SCHEMA = buildStoreSchema();

export function defaultRecord(identity: string): ConfigRecord {
  return { Identity: identity, ...defaultValues() };
}

/** A new store: schema version and a Global collection with default values. */
export function defaultStoreFile(): StoreFile {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, collections: { Global: defaultRecord('Global') } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why one property value is not storable, or undefined when it is. */
export function checkPropertyValue(p: PropertyMeta, value: unknown): string | undefined {
  if (p.kind === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return `${p.name} must be an integer (${p.type})`;
    // The range rule is the domain's (the one the binder applies), not a copy.
    const problem = validatePropertyValue(p, value);
    return problem ? `${p.name}: ${problem}` : undefined;
  }
  return value === null || typeof value === 'string' ? undefined : `${p.name} must be a string or null`;
}

/** Why a stored collection is invalid ([] when it is valid). Same rules as recordSchema. */
export function checkRecord(value: unknown): string[] {
  if (!isPlainObject(value)) return ['a collection must be an object'];
  const errors: string[] = [];
  const identity = value['Identity'];
  if (typeof identity !== 'string') errors.push('Identity must be a string');
  else if (!parseIdentity(identity).ok) errors.push(`Identity '${identity}' is not a valid identity`);
  for (const p of PROPERTIES) {
    if (!(p.name in value)) errors.push(`${p.name} is missing`);
    else {
      const problem = checkPropertyValue(p, value[p.name]);
      if (problem) errors.push(problem);
    }
  }
  for (const key of Object.keys(value)) {
    if (key !== 'Identity' && !(PROPERTY_NAMES as readonly string[]).includes(key)) {
      errors.push(`unknown property '${key}'`);
    }
  }
  return errors;
}

/**
 * Checks a whole current-version store file, including the rules a JSON schema
 * cannot express: every key is the canonical form of its record's Identity,
 * and no two keys name the same identity in different letter case (the
 * repository keys collections case-insensitively, so one of them would be
 * dropped at the next write: such a file is invalid, and moved aside whole).
 * Returns the problems found, at most `limit` of them ([] when valid).
 */
export function validateStoreFile(data: unknown, limit = 5): string[] {
  if (!isPlainObject(data)) return ['the store is not a JSON object'];
  const errors: string[] = [];
  if (data['schemaVersion'] !== CURRENT_SCHEMA_VERSION) {
    errors.push(`schemaVersion must be ${CURRENT_SCHEMA_VERSION}`);
  }
  const collections = data['collections'];
  if (!isPlainObject(collections)) return [...errors, 'collections must be an object keyed by identity'];
  const seen = new Map<string, string>();
  for (const [key, record] of Object.entries(collections)) {
    if (errors.length >= limit) break;
    const parsed = parseIdentity(key);
    if (!parsed.ok || parsed.identity.canonical !== key) {
      errors.push(`'${key}' is not a canonical identity`);
      continue;
    }
    const first = seen.get(parsed.identity.key);
    if (first !== undefined) {
      errors.push(`'${first}' and '${key}' are the same identity in different letter case`);
      continue;
    }
    seen.set(parsed.identity.key, key);
    const problems = checkRecord(record);
    if (problems.length > 0) errors.push(`${key}: ${problems.join(', ')}`);
    else if ((record as ConfigRecord).Identity !== key) errors.push(`${key}: Identity does not match its key`);
  }
  return errors;
}
