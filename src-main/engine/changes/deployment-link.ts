// How the Pchat connection cmdlets reach the deployment: through the
// administrator's own PowerShell, started as a child process. The engine only
// knows this interface; src-main/connection implements it, and the host that
// runs sessions (the session worker, tests) installs it with
// useDeploymentLink. Without one, the cmdlets say that this host cannot
// connect, and change nothing.

import type { ConnectionProfile } from './connection-profile';

export type LinkAction =
  /** Loads the module or opens the session, and counts the collections: does the connection work? */
  | { readonly kind: 'test' }
  /** Exports the configuration, the sites and the Persistent Chat pools as CliXML. */
  | { readonly kind: 'pull' }
  /** Runs a change script (Export-PchatChangeScript's text), with -WhatIf or for real. */
  | { readonly kind: 'push'; readonly script: string; readonly whatIf: boolean };

export interface LinkRequest {
  readonly profile: Pick<ConnectionProfile, 'powerShellPath' | 'mode' | 'module' | 'connectionUri' | 'userName' | 'timeoutSeconds'>;
  /** The typed password for profile.userName; given to the child on its standard input only. */
  readonly password: string | null;
  readonly action: LinkAction;
}

export interface LinkIO {
  /** A line the child printed (its markers removed), as it comes. */
  onLine(text: string, stream: 'output' | 'error'): Promise<void>;
  /** Polled while the child runs: true ends it. */
  stopRequested(): boolean;
}

/** The CliXML a pull exported (null: the file was not written). */
export interface PulledFiles {
  readonly configuration: Buffer;
  readonly sites: Buffer | null;
  readonly pools: Buffer | null;
}

export type LinkFailureStage =
  /** The executable could not be started. */
  | 'start'
  /** The module did not load, or the remote session was refused. */
  | 'connect'
  /** A command failed on the server (the message is the server's). */
  | 'run'
  /** The change script's drift check stopped it before any change. */
  | 'drift'
  /** It ran longer than the profile's timeout and was ended. */
  | 'timeout'
  /** The user pressed Stop; the child was ended. */
  | 'stopped'
  /** It ended without saying how (not a PowerShell, or it crashed). */
  | 'protocol';

export type LinkResult =
  | { readonly ok: true; readonly collections?: number; readonly files?: PulledFiles }
  | { readonly ok: false; readonly stage: LinkFailureStage; readonly message: string };

export interface DeploymentLink {
  run(request: LinkRequest, io: LinkIO): Promise<LinkResult>;
}

let installed: DeploymentLink | undefined;

/** Installs the link the connection cmdlets use (once per process or worker). */
export function useDeploymentLink(link: DeploymentLink | undefined): void {
  installed = link;
}

export function deploymentLink(): DeploymentLink | undefined {
  return installed;
}

/**
 * Typed passwords, in memory only, for as long as the process (the app's
 * session worker, or one headless shell run) lives; keyed by store folder
 * and user name, so another store never gets them. Never written anywhere.
 */
const passwords = new Map<string, string>();

function key(storePath: string, userName: string): string {
  return `${storePath}\u0000${userName.toLowerCase()}`;
}

export function rememberPassword(storePath: string, userName: string, password: string): void {
  passwords.set(key(storePath, userName), password);
}

export function heldPassword(storePath: string, userName: string): string | undefined {
  return passwords.get(key(storePath, userName));
}

export function forgetPasswords(storePath: string): void {
  for (const k of [...passwords.keys()]) if (k.startsWith(`${storePath}\u0000`)) passwords.delete(k);
}
