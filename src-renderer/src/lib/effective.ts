// Effective settings: which collection applies to a scope and what each
// property then is. Persistent Chat takes the most specific collection that
// exists — the pool's, else its site's, else Global — and every collection
// holds all the settings, so one collection supplies them all. The store does
// not know which site a pool belongs to (that is the topology's business), so
// the caller names the site.

import type { ConfigurationDto } from '../../../src-main/ipc/contract';
import { sameIdentity } from './identity';

export interface EffectiveProperty {
  readonly name: string;
  readonly value: string | number | null;
  /** Identity of the collection the value comes from. */
  readonly source: string;
  /** What would apply without the row's own collection (its fallback), and where that comes from. */
  readonly fallback: string | number | null;
  readonly fallbackSource: string;
  readonly defaultValue: string | number | null;
}

/** The chain a row's scope falls back through, most specific first (itself included). */
export function fallbackChain(row: ConfigurationDto, site: string | null): string[] {
  if (row.scope === 'Global') return ['Global'];
  if (row.scope === 'Site') return [row.Identity, 'Global'];
  return [row.Identity, ...(site !== null ? [site] : []), 'Global'];
}

export function effectiveSettings(
  row: ConfigurationDto,
  site: string | null,
  all: readonly ConfigurationDto[],
  properties: readonly { readonly name: string; readonly property: { readonly default: string | number | null } }[],
): EffectiveProperty[] {
  const find = (identity: string) => all.find((c) => sameIdentity(c.Identity, identity));
  const chain = fallbackChain(row, site).map(find).filter((c): c is ConfigurationDto => c !== undefined);
  const own = chain[0] ?? row;
  const next = chain[1];
  const read = (c: ConfigurationDto, name: string) => (c as unknown as Record<string, string | number | null>)[name] ?? null;
  return properties.map((p) => ({
    name: p.name,
    value: read(own, p.name),
    source: own.Identity,
    fallback: next === undefined ? p.property.default : read(next, p.name),
    fallbackSource: next === undefined ? 'default' : next.Identity,
    defaultValue: p.property.default,
  }));
}
