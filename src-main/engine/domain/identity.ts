// XdsIdentity rules for Persistent Chat configuration collections: parsing,
// canonical form, and the scope a collection applies to.

export type Scope = 'Global' | 'Site' | 'Pool';

export interface ParsedIdentity {
  /** Canonical text: Global, site:<Name>, service:PersistentChatServer:<fqdn>. */
  readonly canonical: string;
  /** Case-folded form; two identities are the same collection when keys match. */
  readonly key: string;
  readonly scope: Scope;
  /** Site name or pool FQDN; '' for Global. */
  readonly name: string;
}

export type IdentityResult = { ok: true; identity: ParsedIdentity } | { ok: false; message: string };

export const SERVICE_ROLE = 'PersistentChatServer';
/** Pattern sources, shared with the store's JSON schema so the rule is written once. */
export const SITE_NAME_PATTERN = '[\\p{L}\\p{N} _.\\-]{1,64}';
export const POOL_FQDN_PATTERN = '[a-z0-9.\\-]{1,253}';
const SITE_NAME = new RegExp(`^${SITE_NAME_PATTERN}$`, 'u');
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const WILDCARD = /[*?[\]]/;

export function identityKey(text: string): string {
  return text.toLowerCase();
}

export function isValidPoolFqdn(fqdn: string): boolean {
  if (fqdn.length === 0 || fqdn.length > 253) return false;
  const labels = fqdn.toLowerCase().split('.');
  return labels.length >= 2 && labels.every((l) => DNS_LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!);
}

export function isValidSiteName(name: string): boolean {
  return SITE_NAME.test(name) && name.trim().length > 0;
}

function make(canonical: string, scope: Scope, name: string): IdentityResult {
  return { ok: true, identity: { canonical, key: identityKey(canonical), scope, name } };
}

/** Parses what a user typed for -Identity (or an Identity property). */
export function parseIdentity(raw: string): IdentityResult {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, message: 'The identity cannot be empty.' };
  if (WILDCARD.test(text)) {
    return {
      ok: false,
      message: `Wildcard characters are not allowed in an identity ('${text}'). Use -Filter to match several collections.`,
    };
  }
  if (text.toLowerCase() === 'global') return make('Global', 'Global', '');

  const colon = text.indexOf(':');
  const scopeWord = colon < 0 ? '' : text.slice(0, colon).toLowerCase();
  const rest = colon < 0 ? '' : text.slice(colon + 1);

  if (scopeWord === 'site') {
    if (!isValidSiteName(rest)) {
      return {
        ok: false,
        message:
          `'${rest}' is not a valid site name. A site name has 1 to 64 characters: ` +
          'letters, digits, spaces, hyphens, underscores and periods, and is not all spaces.',
      };
    }
    return make(`site:${rest}`, 'Site', rest);
  }

  if (scopeWord === 'service') {
    const roleEnd = rest.indexOf(':');
    const role = roleEnd < 0 ? rest : rest.slice(0, roleEnd);
    const fqdn = roleEnd < 0 ? '' : rest.slice(roleEnd + 1);
    if (role.toLowerCase() !== SERVICE_ROLE.toLowerCase()) {
      return {
        ok: false,
        message:
          `Persistent Chat configuration cannot be assigned to the service '${role}'. ` +
          `Only ${SERVICE_ROLE} pools can have one: service:${SERVICE_ROLE}:<pool FQDN>.`,
      };
    }
    if (!isValidPoolFqdn(fqdn)) {
      return {
        ok: false,
        message:
          `'${fqdn}' is not a valid pool FQDN. Give the fully qualified domain name of the ` +
          'Persistent Chat pool, for example pchat01.contoso.com.',
      };
    }
    const lower = fqdn.toLowerCase();
    return make(`service:${SERVICE_ROLE}:${lower}`, 'Pool', lower);
  }

  return {
    ok: false,
    message:
      `'${text}' is not a valid identity. Use Global, site:<site name>, or ` +
      `service:${SERVICE_ROLE}:<pool FQDN>.`,
  };
}

const SCOPE_ORDER: Record<Scope, number> = { Global: 0, Site: 1, Pool: 2 };

/** Global first, then sites, then pools, each group by name (case-insensitive). */
export function compareIdentities(a: ParsedIdentity, b: ParsedIdentity): number {
  return SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
