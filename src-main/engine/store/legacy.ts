// Which files without a schemaVersion are pchat-admin's own legacy
// ("schema 0") stores.
//
// A store written before schemaVersion existed has none; neither has any other
// program's JSON file that happens to be called config.json (electron-store's
// default name, and a common project file name). Migrating such a file would
// rewrite it, so only a file that is recognisably ours is migrated; anything
// else is refused and left byte-identical (see inspect.ts).
//
// Recognisably ours means every part of the file has a shape a legacy store had:
// - an array: every item is a collection object whose Identity is a string
//   shaped like an identity;
// - an object: every top-level key is `collections`, conf's `__internal__`, or
//   shaped like an identity, and every identity key holds an object (a record);
// - `{}` and `[]`: they hold nothing that could be lost, and conf itself
//   writes `{}` for a new file, so they are taken for an empty store.
// "Shaped like an identity" means Global, site:… or service:… in any letter
// case. It is looser than valid on purpose: a legacy record for
// service:Registrar:… is still ours; the migration drops it with a warning,
// and a copy of the original is always kept. What `collections` holds is the
// migration's to judge: a value it cannot interpret makes the file damaged
// (moved aside, bytes kept), not foreign.
// A file that states `"schemaVersion": 0` claims to be ours and is not judged here.

const IDENTITY_SHAPED = /^(?:global|site:.+|service:.+)$/is;
const KNOWN_KEYS = new Set(['collections', '__internal__']);
const MAX_NAMED = 5;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isIdentityShaped(key: string): boolean {
  return IDENTITY_SHAPED.test(key.trim());
}

function quoteSome(items: readonly string[]): string {
  const shown = items.slice(0, MAX_NAMED).map((k) => `'${k}'`).join(', ');
  return items.length > MAX_NAMED ? `${shown} and ${items.length - MAX_NAMED} more` : shown;
}

/**
 * Why `raw` (parsed JSON without a schemaVersion) is not a legacy
 * pchat-admin store, or undefined when it is recognisably one.
 */
export function notALegacyStore(raw: unknown): string | undefined {
  if (Array.isArray(raw)) {
    const bad = raw.findIndex((item) => !isPlainObject(item) || typeof item['Identity'] !== 'string' || !isIdentityShaped(item['Identity']));
    if (bad < 0) return undefined;
    return `it has no schemaVersion, and item ${bad + 1} of its list is not a configuration collection (an object with an Identity such as Global or site:<name>)`;
  }
  if (!isPlainObject(raw)) return 'it is not a JSON object';
  const foreign = Object.keys(raw).filter((k) => !KNOWN_KEYS.has(k) && !isIdentityShaped(k));
  if (foreign.length > 0) {
    return `it has no schemaVersion, and it has keys a pchat-admin store never had (${quoteSome(foreign)})`;
  }
  const notRecords = Object.keys(raw).filter((k) => isIdentityShaped(k) && !isPlainObject(raw[k]));
  if (notRecords.length > 0) {
    return `it has no schemaVersion, and ${quoteSome(notRecords)} ${notRecords.length === 1 ? 'does' : 'do'} not hold a configuration collection`;
  }
  return undefined;
}
