// Identity helpers for the picker and the table: the scope prefixes the
// engine accepts, and the comparison it uses (identities differing only in
// case name the same collection). The engine still validates every identity.

import type { Scope } from '../../../src-main/ipc/contract';

export type NewScope = Exclude<Scope, 'Global'>;

const PREFIX: Readonly<Record<NewScope, string>> = {
  Site: 'site:',
  Pool: 'service:PersistentChatServer:',
};

/** The identity for a site name or pool FQDN, in the engine's canonical form (pool FQDNs lower-case). */
export function identityFor(scope: NewScope, name: string): string {
  const trimmed = name.trim();
  return PREFIX[scope] + (scope === 'Pool' ? trimmed.toLowerCase() : trimmed);
}

/** The site name or pool FQDN inside an identity of that scope. */
export function nameIn(scope: NewScope, identity: string): string | null {
  const prefix = PREFIX[scope];
  return identity.toLowerCase().startsWith(prefix.toLowerCase()) ? identity.slice(prefix.length) : null;
}

/** What the New picker's box stands for: the name without a typed prefix, and the identity to check. */
export interface TypedIdentity {
  /** The site name or pool FQDN (the text itself when it is a whole identity of another kind). */
  readonly name: string;
  readonly identity: string;
  /** Set when the text is a whole identity that does not belong to `scope`. */
  readonly otherScope: string | null;
}

/**
 * Reads the picker's text. A prefix of the picker's own scope ("site:Redmond"
 * under Site) is dropped; other text with a scope prefix ("site:…" under
 * Pool, "service:Registrar:…") is taken as typed, for the engine to judge
 * (site names and FQDNs never contain a colon).
 */
export function readTyped(scope: NewScope, text: string): TypedIdentity {
  const trimmed = text.trim();
  const own = nameIn(scope, trimmed);
  if (own !== null) return { name: own.trim(), identity: identityFor(scope, own), otherScope: null };
  if (!trimmed.includes(':')) return { name: trimmed, identity: identityFor(scope, trimmed), otherScope: null };
  const other: NewScope = scope === 'Site' ? 'Pool' : 'Site';
  const otherName = nameIn(other, trimmed);
  const identity = otherName === null ? trimmed : identityFor(other, otherName);
  return { name: trimmed, identity, otherScope: otherName === null ? null : other };
}

export function sameIdentity(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && a.toLowerCase() === b.toLowerCase();
}
