// The connection profile's shapes (and the module names), with nothing else: the engine, the IPC contract
// and the renderer's type check all read them from here (connection-profile.ts
// reads and writes the file; it uses Node, which the renderer may not import).

export type ConnectionMode = 'Local' | 'Remote';

/** Local mode: which module holds the cmdlets (Auto tries SkypeForBusiness, then Lync). */
export const MODULE_NAMES = ['Auto', 'SkypeForBusiness', 'Lync'] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

export interface OperationRecord {
  /** ISO 8601, UTC. */
  readonly at: string;
  /** Pull: Succeeded / Failed. Push: Verified / Differences / Drift / Failed / WhatIf. */
  readonly result: string;
  /** One line the user can read: what happened. */
  readonly message: string;
}

export interface ConnectionProfile {
  readonly powerShellPath: string;
  readonly mode: ConnectionMode;
  readonly module: ModuleName;
  /** Remote mode: https://<pool fqdn>/OcsPowershell. */
  readonly connectionUri: string | null;
  /** Remote mode with typed credentials: the user name (DOMAIN\user or user@domain); null: the current Windows credentials. */
  readonly userName: string | null;
  readonly timeoutSeconds: number;
  /** ISO 8601, UTC: when Connect-PchatServer last reached the deployment. */
  readonly connectedAt: string;
  readonly lastPull: OperationRecord | null;
  readonly lastPush: OperationRecord | null;
}

/** What the window's status bar and Connect dialog show (a plain-data copy of the profile). */
export interface ConnectionStatusDto {
  /** False: no profile (never connected, or disconnected). */
  readonly connected: boolean;
  /** Why connection.json cannot be used, when it cannot. */
  readonly problem?: string;
  readonly powerShellPath: string;
  readonly mode: ConnectionMode;
  readonly module: ModuleName;
  readonly connectionUri: string | null;
  readonly userName: string | null;
  readonly timeoutSeconds: number;
  readonly connectedAt: string | null;
  readonly lastPull: OperationRecord | null;
  readonly lastPush: OperationRecord | null;
  /** A short description: "remote session to pool01.contoso.com" or "local module in powershell.exe". */
  readonly target: string;
}
