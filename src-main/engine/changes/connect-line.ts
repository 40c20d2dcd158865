// The Connect dialog's line: its fields, checked, as the Connect-PchatServer
// line the window runs in the console (the console is what asks for a
// password, with a hidden prompt; a password is never part of the line).
// Values are written as the change script writes them (quoteValue: single
// quotes, a quote doubled), so the line reads back unchanged.

import type { ConnectionMode, ModuleName } from './connection-profile';
import { connectionUriOf, DEFAULT_TIMEOUT_SECONDS, TIMEOUT_RANGE } from './connection-profile';
import { quoteValue } from '../shell/completion';

export interface ConnectFields {
  readonly powerShellPath: string;
  readonly mode: ConnectionMode;
  readonly module: ModuleName;
  readonly connectionUri: string;
  /** '' : the current Windows credentials. */
  readonly userName: string;
  /** As typed. */
  readonly timeoutSeconds: string;
}

export interface ConnectLine {
  readonly commandLine: string;
  /** Messages per parameter name (PowerShellPath, ConnectionUri, Credential, TimeoutSeconds). */
  readonly fieldErrors: Readonly<Record<string, string>>;
}

const quote = (text: string): string => quoteValue(text, "'");

/** Why `uri` cannot be a remote session's address, or null (the rule Connect-PchatServer applies). */
export function connectionUriProblem(uri: string): string | null {
  const checked = connectionUriOf(uri);
  return typeof checked === 'string' ? null : checked.error;
}

export function connectLine(fields: ConnectFields): ConnectLine {
  const errors: Record<string, string> = {};
  const parts = ['Connect-PchatServer'];
  const path = fields.powerShellPath.trim();
  if (path === '') errors['PowerShellPath'] = 'Type the PowerShell to start (powershell.exe, pwsh, or a full path).';
  else parts.push('-PowerShellPath', quote(path));
  if (fields.mode === 'Remote') {
    const uri = fields.connectionUri.trim();
    const problem = connectionUriProblem(uri);
    if (problem !== null) errors['ConnectionUri'] = problem;
    if (uri !== '') parts.push('-ConnectionUri', quote(uri));
    const user = fields.userName.trim();
    if (user !== '') parts.push('-Credential', quote(user));
  } else if (fields.module !== 'Auto') {
    parts.push('-Module', fields.module);
  }
  const timeout = fields.timeoutSeconds.trim();
  const seconds = /^\d{1,6}$/.test(timeout) ? Number(timeout) : NaN;
  if (!Number.isInteger(seconds) || seconds < TIMEOUT_RANGE.min || seconds > TIMEOUT_RANGE.max) {
    errors['TimeoutSeconds'] = `Type a whole number of seconds from ${TIMEOUT_RANGE.min} to ${TIMEOUT_RANGE.max}.`;
  } else if (seconds !== DEFAULT_TIMEOUT_SECONDS) {
    parts.push('-TimeoutSeconds', String(seconds));
  }
  return { commandLine: parts.join(' '), fieldErrors: errors };
}
