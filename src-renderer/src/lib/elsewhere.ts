// An Edit form against a store that others write to: what changed elsewhere
// since the form was opened, field by field, and what the form does about it.
//
// For each property the form keeps a base (the value it started from, sent
// as the expected value on Commit). When the store holds another value:
// - a field the user has not touched (or already set to that value) simply
//   takes the new value, and the notice says so;
// - a field the user has edited is a conflict: Commit waits until the user
//   chooses Take theirs (the field shows the new value) or Keep mine (the
//   new value becomes the base, so Commit overwrites it on purpose).

export type FieldValue = string | number | null;

export interface ElsewhereChange {
  readonly name: string;
  /** The value when the form opened (or when the user last chose). */
  readonly before: FieldValue;
  /** The value the store holds now. */
  readonly after: FieldValue;
  /**
   * updated: the form took the new value (the field was untouched);
   * conflict: waiting for the user; theirs / mine: the user chose.
   */
  readonly status: 'updated' | 'conflict' | 'theirs' | 'mine';
}

export interface Reconciled {
  readonly base: Record<string, FieldValue>;
  /** New text for fields the form takes the store's value for. */
  readonly texts: Record<string, string>;
  readonly changes: ElsewhereChange[];
}

export function textOf(value: FieldValue): string {
  return value === null ? '' : String(value);
}

/**
 * Merges the store's current values into a form. `mine(name)` is what the
 * field stands for now (undefined when it cannot be read, e.g. emptied).
 */
export function reconcile(
  names: readonly string[],
  base: Readonly<Record<string, FieldValue>>,
  current: Readonly<Record<string, FieldValue>>,
  mine: (name: string) => FieldValue | undefined,
  previous: readonly ElsewhereChange[],
): Reconciled {
  const nextBase: Record<string, FieldValue> = { ...base };
  const texts: Record<string, string> = {};
  const changes = new Map(previous.map((c) => [c.name, c]));
  for (const name of names) {
    const theirs = current[name] ?? null;
    const was = base[name] ?? null;
    if (theirs === was) continue;
    const earlier = changes.get(name);
    // A field changed twice elsewhere reads "first value → latest value".
    const before = earlier !== undefined && earlier.status !== 'mine' && earlier.status !== 'theirs' ? earlier.before : was;
    const value = mine(name);
    if (value === was || value === theirs) {
      nextBase[name] = theirs;
      texts[name] = textOf(theirs);
      changes.set(name, { name, before, after: theirs, status: 'updated' });
    } else {
      changes.set(name, { name, before, after: theirs, status: 'conflict' });
    }
  }
  return { base: nextBase, texts, changes: [...changes.values()] };
}
