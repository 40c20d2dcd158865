// Makes the working configuration equal to a list of collections through the
// repository's journal, so the session commits it in its one atomic write at
// the end of the statement (or drops it when the statement is stopped).

import { defaultValues, PROPERTIES, type ConfigRecord, type PropertyValues } from '../domain/properties';
import { identityKey } from '../domain/identity';
import type { ConfigRepository } from '../store/types';

function valuesOf(record: ConfigRecord): PropertyValues {
  const values: Record<string, unknown> = {};
  for (const p of PROPERTIES) values[p.name] = record[p.name as keyof PropertyValues];
  return values as unknown as PropertyValues;
}

export function replaceWorking(repo: ConfigRepository, records: readonly ConfigRecord[]): void {
  const wanted = new Map(records.map((r) => [identityKey(r.Identity), r]));
  for (const current of repo.list()) {
    if (!wanted.has(identityKey(current.Identity))) repo.remove(current.Identity);
  }
  for (const record of records) {
    if (repo.get(record.Identity)) repo.update(record.Identity, valuesOf(record));
    else repo.create({ ...record });
  }
}

/** True when the working configuration is what a new store holds (only Global, at its defaults). */
export function isFreshConfiguration(records: readonly ConfigRecord[]): boolean {
  const defaults = defaultValues();
  return records.length === 1 && records[0]!.Identity === 'Global' && PROPERTIES.every((p) => records[0]![p.name as keyof PropertyValues] === defaults[p.name as keyof PropertyValues]);
}
