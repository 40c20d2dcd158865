// SecureString as 5.1 shows it: an object whose only visible member is
// Length and whose text is its type name. The characters themselves live in
// a module-private WeakMap, never in a property, so Format-List *,
// Get-Member, ConvertTo-Json, Export-Clixml and "$s" have nothing to reveal;
// only code that asks for them here (PSCredential.GetNetworkCredential) can.

import { PSObject, readOnlyProperties, type Value } from './values';

export const SECURE_STRING_TYPE = 'System.Security.SecureString';

const SECRETS = new WeakMap<PSObject, string>();

/** A SecureString holding `text`. */
export function makeSecureString(text: string): PSObject {
  const secure = new PSObject(SECURE_STRING_TYPE, [['Length', text.length]], readOnlyProperties);
  secure.text = SECURE_STRING_TYPE;
  SECRETS.set(secure, text);
  return secure;
}

/** The SecureString's characters; undefined for any other value (a copy made by Select-Object has none). */
export function secureStringText(value: Value): string | undefined {
  return value instanceof PSObject ? SECRETS.get(value) : undefined;
}

export function isSecureString(value: Value): value is PSObject {
  return value instanceof PSObject && value.typeName === SECURE_STRING_TYPE;
}
