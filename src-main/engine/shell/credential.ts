// PSCredential and the NetworkCredential its GetNetworkCredential() returns,
// with 5.1's constructor checks and its user/domain splitting. The password
// stays inside the SecureString (secure-string.ts); only the NetworkCredential
// carries it as text, as in .NET, for scripts that must hand it on.

import { toPSString } from './convert';
import { isSecureString, makeSecureString, secureStringText } from './secure-string';
import { PSObject, readOnlyProperties, type Value } from './values';

export const PSCREDENTIAL_TYPE = 'System.Management.Automation.PSCredential';
export const NETWORK_CREDENTIAL_TYPE = 'System.Net.NetworkCredential';

/**
 * Why a constructor call failed: 'overload' when no constructor takes these
 * arguments (5.1: Cannot find an overload…), 'invocation' when the
 * constructor itself threw (5.1: Exception calling ".ctor"…: inner).
 */
export class ConstructorError extends Error {
  constructor(
    readonly kind: 'overload' | 'invocation',
    message: string,
    readonly argumentCount: number,
    /** The inner .NET exception's type, for 'invocation'. */
    readonly innerType = '',
  ) {
    super(message);
  }
}

function nullArgument(name: string): string {
  return `Cannot process argument because the value of argument "${name}" is null. Change the value of argument "${name}" to a non-null value.`;
}

/** new PSCredential(string userName, SecureString password); other argument lists find no overload. */
export function constructCredential(args: readonly Value[]): PSObject {
  const [user = null, password = null] = args;
  if (args.length !== 2 || (password !== null && !isSecureString(password))) {
    throw new ConstructorError('overload', '', args.length);
  }
  if (user === null) throw new ConstructorError('invocation', nullArgument('userName'), 2, 'PSArgumentNullException');
  const userName = toPSString(user);
  if (userName === '') {
    throw new ConstructorError('invocation', 'Cannot process argument because the value of argument "userName" is not valid. Change the value of the "userName" argument and run the operation again.', 2, 'PSArgumentException');
  }
  if (password === null) throw new ConstructorError('invocation', nullArgument('password'), 2, 'PSArgumentNullException');
  return new PSCredentialObject(userName, password);
}

class PSCredentialObject extends PSObject {
  constructor(userName: string, password: PSObject) {
    super(PSCREDENTIAL_TYPE, [['UserName', userName], ['Password', password]], readOnlyProperties);
    this.text = PSCREDENTIAL_TYPE;
  }
}

/**
 * PSCredential's SplitUserDomain: "DOMAIN\user"; "user@domain" only when the
 * part after the last @ has no dot (so "admin@contoso.com" stays whole) or
 * there are several @; anything else is all user name, domain "".
 */
export function splitUserDomain(input: string): { user: string; domain: string } {
  const slash = input.indexOf('\\');
  if (slash >= 0) return { user: input.slice(slash + 1), domain: input.slice(0, slash) };
  const at = input.lastIndexOf('@');
  if (at >= 0 && (input.lastIndexOf('.') < at || input.indexOf('@') !== at)) return { user: input.slice(0, at), domain: input.slice(at + 1) };
  return { user: input, domain: '' };
}

/** An error a method throws, as .NET reports it: its message and exception type. */
export class DotNetMethodException extends Error {
  constructor(
    message: string,
    readonly exceptionType: string,
  ) {
    super(message);
  }
}

/** PSCredential.GetNetworkCredential(): UserName, Password (text), SecurePassword, Domain. */
export function networkCredential(credential: PSObject): PSObject {
  const { user, domain } = splitUserDomain(toPSString(credential.get('UserName') ?? null));
  if (user === '') throw new DotNetMethodException('The value for UserName is not in the correct format.\nParameter name: UserName', 'PSArgumentException');
  const password = credential.get('Password') ?? null;
  const text = secureStringText(password) ?? '';
  const net = new PSObject(NETWORK_CREDENTIAL_TYPE, [
    ['UserName', user],
    ['Password', text],
    ['SecurePassword', makeSecureString(text)],
    ['Domain', domain],
  ]);
  net.text = NETWORK_CREDENTIAL_TYPE;
  return net;
}

export function isCredential(value: Value): value is PSObject {
  return value instanceof PSCredentialObject;
}
