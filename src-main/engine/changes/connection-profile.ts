// The connection profile: how pchat-admin reaches the deployment — which
// PowerShell to start, and whether it loads the Skype for Business / Lync
// module itself (local) or opens a remote session to a pool's
// https://<pool>/OcsPowershell endpoint. Kept in connection.json beside the
// store (0600, atomic, see side-files.ts). It never holds a secret: a typed
// password lives only in the session's memory (see deployment-link.ts), so
// the file says only whose name to ask a password for. It also remembers
// how the last pull and push ended, for Get-PchatConnection and the window's
// status bar.

import type { ConfigRepository } from '../store/types';
import { readSideFile, sideFilePath, writeSideFile, type SideRead } from './side-files';
import fs from 'node:fs';
import { MODULE_NAMES, type ConnectionProfile, type ConnectionStatusDto, type OperationRecord } from './connection-types';

export type { ConnectionMode, ConnectionProfile, ConnectionStatusDto, ModuleName, OperationRecord } from './connection-types';

export const CONNECTION_FILE_NAME = 'connection.json';
export const CONNECTION_FORMAT = 'pchat-admin-connection';
export const CONNECTION_VERSION = 1;

/** Seconds a pull or a push may take before its PowerShell is ended. */
export const DEFAULT_TIMEOUT_SECONDS = 600;
export const TIMEOUT_RANGE = { min: 5, max: 86_400 } as const;

interface ConnectionFile extends ConnectionProfile {
  readonly format: typeof CONNECTION_FORMAT;
  readonly version: number;
}

/** The PowerShell a new profile starts: Windows PowerShell 5.1 on Windows, PowerShell 7 elsewhere. */
export function defaultPowerShellPath(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'powershell.exe' : 'pwsh';
}

export function connectionPath(repo: Pick<ConfigRepository, 'path'>): string {
  return sideFilePath(repo.path, CONNECTION_FILE_NAME);
}

function wellFormed(d: ConnectionFile): boolean {
  return (
    typeof d.powerShellPath === 'string' &&
    d.powerShellPath !== '' &&
    (d.mode === 'Local' || d.mode === 'Remote') &&
    (MODULE_NAMES as readonly string[]).includes(d.module) &&
    (d.connectionUri === null || typeof d.connectionUri === 'string') &&
    (d.userName === null || typeof d.userName === 'string') &&
    Number.isInteger(d.timeoutSeconds) &&
    d.timeoutSeconds >= TIMEOUT_RANGE.min &&
    d.timeoutSeconds <= TIMEOUT_RANGE.max
  );
}

export function readConnection(repo: Pick<ConfigRepository, 'path'>): SideRead<ConnectionProfile> {
  const file = connectionPath(repo);
  const read = readSideFile<ConnectionFile>(file, CONNECTION_FORMAT, CONNECTION_VERSION);
  if (read.kind !== 'ok') return read;
  if (!wellFormed(read.data)) return { kind: 'damaged', reason: `${file} is incomplete` };
  const { format: _format, version: _version, ...profile } = read.data;
  return { kind: 'ok', data: { ...profile, lastPull: profile.lastPull ?? null, lastPush: profile.lastPush ?? null } };
}

export function writeConnection(repo: Pick<ConfigRepository, 'path'>, profile: ConnectionProfile): void {
  const data: ConnectionFile = { format: CONNECTION_FORMAT, version: CONNECTION_VERSION, ...profile };
  writeSideFile(connectionPath(repo), CONNECTION_FORMAT, CONNECTION_VERSION, data);
}

/** Records how a pull or push ended, when a profile exists (a failure to write it is not the operation's failure). */
export function recordOperation(repo: Pick<ConfigRepository, 'path'>, kind: 'lastPull' | 'lastPush', record: OperationRecord): void {
  const read = readConnection(repo);
  if (read.kind !== 'ok') return;
  try {
    writeConnection(repo, { ...read.data, [kind]: record });
  } catch {
    // The profile is a convenience; the operation's own result was already reported.
  }
}

/** Forgets the profile (Disconnect-PchatServer); true when there was one. */
export function removeConnection(repo: Pick<ConfigRepository, 'path'>): boolean {
  const file = connectionPath(repo);
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile()) return false;
  } catch {
    return false;
  }
  fs.rmSync(file);
  return true;
}

/**
 * A pool's management endpoint as typed — a full https URI, or just the
 * pool's FQDN — made whole (https://<pool>/OcsPowershell), or why it cannot
 * be one. Connect-PchatServer and the Connect dialog share this one rule.
 */
export function connectionUriOf(typed: string): string | { error: string } {
  const text = typed.trim();
  if (text === '') return { error: "Type the pool's address, e.g. https://pool01.contoso.com/OcsPowershell." };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: 'The address is not a valid URI; it looks like https://pool01.contoso.com/OcsPowershell.' };
  }
  if (url.protocol !== 'https:') return { error: 'The address must start with https:// (remote PowerShell to a pool uses HTTPS).' };
  if (url.hostname === '') return { error: 'The address has no server name.' };
  if (url.username !== '' || url.password !== '') return { error: 'The address must not hold a user name or password; give the user name as the credential.' };
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/OcsPowershell';
  return url.toString();
}

/** Where a profile points, in a few words: "remote session to pool01.contoso.com", "local module in powershell.exe". */
export function describeTarget(p: Pick<ConnectionProfile, 'mode' | 'connectionUri' | 'powerShellPath' | 'module'>): string {
  if (p.mode === 'Remote') {
    let host = p.connectionUri ?? '';
    try {
      host = new URL(p.connectionUri ?? '').hostname;
    } catch {
      // keep the text as typed
    }
    return `remote session to ${host}`;
  }
  const program = p.powerShellPath.split(/[\\/]/).pop() || p.powerShellPath;
  return `local ${p.module === 'Auto' ? '' : `${p.module} `}module in ${program}`;
}

export function connectionStatus(repo: Pick<ConfigRepository, 'path'>): ConnectionStatusDto {
  const read = readConnection(repo);
  if (read.kind === 'ok') return { connected: true, ...read.data, target: describeTarget(read.data) };
  const empty = {
    connected: false,
    powerShellPath: defaultPowerShellPath(),
    mode: 'Local' as const,
    module: 'Auto' as const,
    connectionUri: null,
    userName: null,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    connectedAt: null,
    lastPull: null,
    lastPush: null,
    target: 'not connected',
  };
  return read.kind === 'missing' ? empty : { ...empty, problem: read.reason };
}
