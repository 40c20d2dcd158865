// Identity helpers for the picker and the table: the scope prefixes the
// engine accepts, and the comparison it uses (identities differing only in
// case name the same collection). The engine still validates every identity.

import type { Scope } from '../../../src-main/ipc/contract';

export type NewScope = Exclude<Scope, 'Global'>;

const PREFIX: Readonly<Record<NewScope, string>> = {
  Site: 'site:',
  Pool: 'service:PersistentChatServer:',
};

export function identityFor(scope: NewScope, name: string): string {
  return PREFIX[scope] + name.trim();
}

/** The site name or pool FQDN inside an identity of that scope. */
export function nameIn(scope: NewScope, identity: string): string | null {
  const prefix = PREFIX[scope];
  return identity.toLowerCase().startsWith(prefix.toLowerCase()) ? identity.slice(prefix.length) : null;
}

export function sameIdentity(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && a.toLowerCase() === b.toLowerCase();
}
