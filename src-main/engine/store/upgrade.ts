// Upgrading an older store file on disk (open-store.ts at start-up, the
// repository when an old file appears while it runs). Always the same care:
// a byte-identical copy of the original (0600, `<file>.schema<N>-<time>`) is
// written before the file is replaced, and the user is told where it is and
// what could not be carried over. The caller holds the store lock and has
// checked that `judged` is still the file on disk.

import type { StoreWarning } from './types';
import { CURRENT_SCHEMA_VERSION } from './schema';
import type { Judged } from './inspect';
import { isLegacy } from './inspect';
import type { DecodedCollections } from './decode';
import { toCollections, toStoredCollections } from './journal';
import { copyAside, fingerprintOf, serializeStore, writeFileAtomicSync, type Fingerprint } from './files';

export interface Upgraded {
  /** The upgraded contents, as now on disk (its warnings are in `warnings`). */
  readonly loaded: DecodedCollections & { kind: 'current' };
  readonly fp: Fingerprint;
  readonly warnings: StoreWarning[];
}

function itemWarnings(items: readonly string[]): StoreWarning[] {
  return items.map((m) => ({ message: `Upgrading the store: ${m}` }));
}

export function upgradeOnDisk(file: string, judged: Judged): Upgraded {
  const { verdict, bytes } = judged;
  if (!isLegacy(verdict) || bytes === undefined) throw new Error(`unreachable: ${file} is not an older store`);
  const copy = copyAside(file, `schema${verdict.migratedFrom}`, bytes);
  // In display order, as every commit writes it.
  const collections = toStoredCollections(toCollections(verdict.collections));
  writeFileAtomicSync(file, serializeStore({ ...verdict.extra, schemaVersion: CURRENT_SCHEMA_VERSION, collections }));
  const summary =
    `The store ${file} was in an older format (schema ${verdict.migratedFrom}) and was upgraded to schema ` +
    `${CURRENT_SCHEMA_VERSION}. A copy of it as it was is kept as ${copy}` +
    (verdict.warnings.length > 0 ? '; what is listed below could not be carried over and is kept only there.' : '.');
  return {
    loaded: { kind: 'current', collections, extra: verdict.extra, warnings: [] },
    fp: fingerprintOf(file),
    warnings: [{ message: summary }, ...itemWarnings(verdict.warnings)],
  };
}

/** Warnings for an older file shown upgraded in memory only (it could not be locked or written now). */
export function upgradedInMemoryWarnings(file: string, from: number, items: readonly string[], cause: string): StoreWarning[] {
  const summary =
    `The store ${file} is in an older format (schema ${from}). It is shown upgraded, but it could not be ` +
    `upgraded on disk now (${cause}); before any change is saved it will be upgraded, and a copy of it kept.`;
  return [{ message: summary }, ...itemWarnings(items)];
}
