// The one IPC contract shared by main, preload, the web preview and the
// renderer (type-only for the renderer). Channel names map to a request and
// a response type; errors cross as plain data. Every request is validated in
// main before it reaches the engine (see validate-payload.ts).

import type { BulkCmdletName } from '../engine/cmdlets/bulk-types';
import type { HelpData } from '../engine/cmdlets/help/help-types';
import type { ConfigCmdletName } from '../engine/domain/parameters';
import type { ConnectionMode, ConnectionStatusDto as ConnectionStatus, ModuleName } from '../engine/changes/connection-types';

export type { ConnectionMode, ModuleName };

export type { BulkCmdletName, HelpData };

/** An error as plain data: safe to send over IPC and to show. */
export interface ErrorData {
  readonly id: string;
  readonly message: string;
  readonly category: string;
}

export type OutputKind = 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information' | 'host' | 'progress' | 'whatif' | 'prompt' | 'clear' | 'input';

/** Write-Progress's record (kind 'progress'): a console draws one bar per id, replaced by each new record. */
export interface ProgressDto {
  readonly activity: string;
  readonly status: string;
  /** -1 when unknown. */
  readonly percent: number;
  readonly id: number;
  readonly completed: boolean;
  readonly currentOperation?: string;
  readonly secondsRemaining?: number;
}

/** One console line. Errors carry the full record text (`text`) and a one-line summary. */
export interface OutputLineDto {
  readonly kind: OutputKind;
  readonly text: string;
  /** Errors only: `<Command> : <message>`, for the collapsed view. */
  readonly summary?: string;
  /** Errors only: where the offending text is in the input line, to underline it. */
  readonly span?: { readonly start: number; readonly end: number };
  /** Progress lines only. */
  readonly progress?: ProgressDto;
  /** Write-Host -NoNewline: the next line continues this one. */
  readonly noNewline?: boolean;
  /** Write-Host colours (ConsoleColor names). */
  readonly foreground?: string;
  readonly background?: string;
}

/**
 * Lines of the running console input, taken in order (pchat:console:output).
 * The input's reply (execute/answer) carries the lines not taken by then.
 */
export interface OutputBatch {
  readonly lines: readonly OutputLineDto[];
}

/** The console's width in characters that a window may send with an input (a type, so the renderer can mirror it checked). */
export interface ConsoleWidthRange {
  readonly min: 20;
  readonly max: 1000;
}
export const CONSOLE_WIDTH_RANGE: ConsoleWidthRange = { min: 20, max: 1000 };

export type Scope = 'Global' | 'Site' | 'Pool';

/** A configuration collection as the window shows it. */
export interface ConfigurationDto {
  readonly Identity: string;
  readonly scope: Scope;
  readonly DefaultChatHistory: number;
  readonly MaxChatContentSizeMB: number;
  readonly MaxFileSizeKB: number;
  readonly ParticipantUpdateLimit: number;
  readonly FileServiceUrl: string | null;
  readonly RoomManagementUrl: string | null;
}

/** Parameter metadata for forms, completion and help, derived from the engine's table. */
export interface ParameterInfo {
  readonly name: string;
  /** 'Int16' | 'Int32' | 'UInt32' | 'String' | 'XdsIdentity' | 'SwitchParameter' | … */
  readonly type: string;
  /** System.Int16 … as shown in help and errors. */
  readonly dotNetType: string;
  readonly help: string;
  readonly aliases: readonly string[];
  /** Set for configuration properties: 'integer' with min/max, or 'url'. */
  readonly property?: {
    readonly kind: 'integer' | 'url';
    readonly min?: number;
    readonly max?: number;
    readonly default: number | null;
  };
  /** Per cmdlet that takes it. */
  readonly cmdlets: Partial<Record<ConfigCmdletName, { readonly mandatory: boolean; readonly position?: number; readonly sets?: readonly string[] }>>;
}

export interface Metadata {
  readonly cmdlets: readonly { readonly name: ConfigCmdletName; readonly synopsis: string }[];
  /** Configuration properties in display order (Identity excluded). */
  readonly properties: readonly string[];
  readonly parameters: readonly ParameterInfo[];
  /** Absolute path of the store file (About box, README). */
  readonly storePath: string;
}

/** Values a form sends: property names to number | string | null; Identity; switches. */
export type CmdletParameters = Readonly<Record<string, string | number | boolean | null>>;

export interface CmdletRequest {
  readonly parameters: CmdletParameters;
  /**
   * Set only: the property values the editor started from. The engine refuses
   * the change, naming each field (old → new), when the collection holds
   * other values for them in the store — checked under the store lock, so a
   * change by another process is caught too.
   */
  readonly expected?: CmdletParameters;
}

/** One property of a recorded change; null stands for $null or "did not exist". */
export interface HistoryFieldDto {
  readonly name: string;
  readonly before: string | number | null;
  readonly after: string | number | null;
}

export interface HistoryChangeDto {
  readonly identity: string;
  readonly kind: 'created' | 'changed' | 'removed';
  /** Changed: the properties that differ. Created / removed: every property. */
  readonly fields: readonly HistoryFieldDto[];
}

/** One change history entry as the History pane shows it. */
export interface HistoryEntryDto {
  readonly id: number;
  /** ISO 8601, UTC. */
  readonly time: string;
  /** window form, window console, headless shell, window history… */
  readonly source: string;
  readonly user: string | null;
  readonly commandLine: string;
  /** The entry this one undid. */
  readonly revertOf: number | null;
  /** The entry that undid this one. */
  readonly undoneBy: number | null;
  /** The first changes (a bulk change lists a few); changeCount says how many there are. */
  readonly changes: readonly HistoryChangeDto[];
  readonly changeCount: number;
  /** The configuration cmdlet lines that undoing it runs the equivalent of (a bulk change: the first ones, then a count). */
  readonly inverse: readonly string[];
  /** Why it cannot be reverted now (later changes conflict, already undone); null when it can. */
  readonly blocked: string | null;
}

export interface HistoryListDto {
  /** Newest first. */
  readonly entries: readonly HistoryEntryDto[];
  /** Entries in the history file (entries holds at most the newest 200). */
  readonly total: number;
  /** The entry Undo reverts; null when there is none. */
  readonly undoable: number | null;
  /** Absolute path of the history file. */
  readonly path: string;
  /** A history that had to be moved aside, … */
  readonly warnings: readonly string[];
}

export interface CmdletResponse {
  readonly ok: boolean;
  /** The equivalent console line, exactly as run (for the transcript). */
  readonly commandLine: string;
  /** What the console would have printed. */
  readonly output: readonly OutputLineDto[];
  /** Objects returned (Get, New). */
  readonly objects: readonly ConfigurationDto[];
}

/** One change applied to many collections (bulk Edit, bulk Remove). */
export interface BulkRequest {
  readonly cmdlet: BulkCmdletName;
  readonly identities: readonly string[];
  /** The values to apply to each (no Identity). */
  readonly parameters: CmdletParameters;
}

/** How the change went for one collection. */
export interface BulkItemResult {
  readonly identity: string;
  readonly ok: boolean;
  /** The line run for this collection. */
  readonly commandLine: string;
  readonly output: readonly OutputLineDto[];
}

export interface BulkResponse {
  /** True when every collection succeeded. */
  readonly ok: boolean;
  /** The equivalent pipeline over all of them. */
  readonly commandLine: string;
  readonly results: readonly BulkItemResult[];
}

export interface PreviewResponse {
  /** The equivalent console line for the form as filled in so far. */
  readonly commandLine: string;
  /** Engine messages per parameter name, for inline validation. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** A problem not tied to one field (parameter set, missing mandatory value). */
  readonly error?: string;
  /** Values that would be stored differently from how they were typed (`12.5` → 12), per parameter. */
  readonly storedAs?: Readonly<Record<string, number>>;
}

/** Result of running console input; `prompt` is set while the engine waits for an answer. */
export interface ConsoleResult {
  readonly output: readonly OutputLineDto[];
  /** Text of the pending prompt (e.g. the -Confirm choices, `Identity: `); answer with console:answer. */
  readonly prompt: string | null;
  /** The prompt asks for a secret (Read-Host -AsSecureString): what is typed should not be shown. */
  readonly secret?: boolean;
  /** The input is incomplete (open brace, quote, trailing pipe): ask for another line. */
  readonly incomplete: boolean;
  readonly success: boolean;
  /** The input ran `exit <n>` (the headless shell exits with it). */
  readonly exitCode?: number;
  /** The user stopped it: the statement that was running changed nothing, and nothing after it ran. */
  readonly stopped?: boolean;
  /** Something was written to the store. */
  readonly changed?: boolean;
}

export interface CompletionResult {
  /** Replace input[replaceStart, replaceEnd) with one of the matches. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly matches: readonly string[];
}

/** Request/response types per channel. */
export interface Channels {
  'pchat:metadata': { request: void; response: Metadata };
  'pchat:cmdlet:get': { request: CmdletRequest; response: CmdletResponse };
  'pchat:cmdlet:new': { request: CmdletRequest; response: CmdletResponse };
  'pchat:cmdlet:set': { request: CmdletRequest; response: CmdletResponse };
  'pchat:cmdlet:remove': { request: CmdletRequest; response: CmdletResponse };
  /** Validate a form and build its cmdlet line without running anything. */
  'pchat:cmdlet:preview': { request: { readonly cmdlet: ConfigCmdletName; readonly parameters: CmdletParameters }; response: PreviewResponse };
  /** One change to many collections, run per collection, in one turn of the engine's queue. */
  'pchat:cmdlet:bulk': { request: BulkRequest; response: BulkResponse };
  /** Checks a bulk change and builds its pipeline without running anything. */
  'pchat:cmdlet:bulk-preview': { request: BulkRequest; response: PreviewResponse };
  /** A command's help as data (the Help pane); null when there is no such command. */
  'pchat:help': { request: { readonly name: string }; response: HelpData | null };
  /** `width`: the pane's width in characters; the output is laid out for it (default 120). */
  'pchat:console:execute': { request: { readonly input: string; readonly width?: number }; response: ConsoleResult };
  /**
   * The next lines of the running input, as soon as there are some (waits a
   * while otherwise; empty when nothing runs). Taking them lets the engine go
   * on: a window that falls behind slows the pipeline down, never the reverse.
   */
  'pchat:console:output': { request: void; response: OutputBatch };
  'pchat:console:answer': { request: { readonly answer: string | null }; response: ConsoleResult };
  /** Stops the running console input (Ctrl+C / Stop); true when something was running. */
  'pchat:console:stop': { request: void; response: boolean };
  'pchat:console:complete': { request: { readonly input: string; readonly cursor: number }; response: CompletionResult };
  /** Console input history, persisted next to the store (newest last). */
  'pchat:console:history': { request: void; response: readonly string[] };
  /** The change history, newest first. */
  'pchat:history:list': { request: void; response: HistoryListDto };
  /** Reverts one history entry (Undo-PchatChange -Id <id>), recorded as a change of its own. */
  'pchat:history:undo': { request: { readonly id: number }; response: CmdletResponse };
  /** The baseline's source and age, the pending changes and the change script (see engine/changes/summary.ts). */
  'pchat:changes:summary': { request: void; response: ChangesSummaryDto };
  /** A server export chosen in the window: previewed (apply false) or imported as the baseline. */
  'pchat:baseline:import': { request: BaselineImportRequest; response: BaselineImportDto };
  /** The backup text Export-PchatConfiguration would write now (docs/configuration-format.md), for the window's Back up. */
  'pchat:configuration:backup': { request: void; response: string };
  /** A backup chosen in the window: previewed (apply false) or restored, as Import-PchatConfiguration restores it. */
  'pchat:configuration:restore': { request: ConfigurationRestoreRequest; response: ConfigurationRestoreDto };
  /** The server's site and pool exports chosen in the window, recorded as Import-PchatTopology records them. */
  'pchat:topology:import': { request: TopologyImportRequest; response: TopologyImportDto };
  /** The connection profile (connection.json beside the store) and how the last pull and push ended, for the status bar and the Connect dialog. */
  'pchat:connection:status': { request: void; response: ConnectionStatusDto };
  /** Checks the Connect dialog's fields and builds its Connect-PchatServer line without running anything. */
  'pchat:connection:preview': { request: ConnectRequest; response: PreviewResponse };
}

/**
 * The connection profile as the status bar and the Connect dialog see it:
 * the engine's status (engine/changes/connection-types.ts) and the status
 * bar's indicator in words (engine/changes/connection-indicator.ts).
 */
export type ConnectionStatusDto = ConnectionStatus & {
  readonly indicator: { readonly label: string; readonly detail: string; readonly warn: boolean };
};

/** The Connect dialog's fields, as typed (the engine checks them and builds the Connect-PchatServer line). */
export interface ConnectRequest {
  readonly powerShellPath: string;
  readonly mode: ConnectionMode;
  /** Local mode only. */
  readonly module: ModuleName;
  /** Remote mode only: https://<pool fqdn>/OcsPowershell. */
  readonly connectionUri: string;
  /** Remote mode: '' for the current Windows credentials, else the user name whose password the console asks for. */
  readonly userName: string;
  /** As typed: a whole number of seconds. */
  readonly timeoutSeconds: string;
}

/** Largest file the window sends (base64 characters); the console's Import-PchatBaseline reads larger ones. */
export const MAX_IMPORT_CONTENT = 900_000;

export interface BaselineImportRequest {
  /** The file's name (shown in messages and recorded as the baseline's source). */
  readonly name: string;
  /** The file's bytes, base64. */
  readonly content: string;
  /** False: only read, check and preview. */
  readonly apply: boolean;
  /** Discard pending local changes. */
  readonly force: boolean;
}

export interface TopologyImportRequest {
  /** The files (name, bytes as base64), at most MAX_TOPOLOGY_FILES, together at most MAX_IMPORT_CONTENT characters. */
  readonly files: readonly { readonly name: string; readonly content: string }[];
}

/** Files one topology import takes (Get-CsSite's and Get-CsService's exports, and a few more). */
export const MAX_TOPOLOGY_FILES = 4;

export interface TopologyImportDto {
  readonly ok: boolean;
  /** Why nothing was recorded (the engine's message). */
  readonly message?: string;
  /** Sites and pools the files held. */
  readonly sites: number;
  readonly pools: number;
}

export interface ConfigurationRestoreRequest {
  /** The file's name (shown in messages). */
  readonly name: string;
  /** The file's bytes, base64 (at most MAX_IMPORT_CONTENT characters). */
  readonly content: string;
  /** False: only read, check and preview. */
  readonly apply: boolean;
}

export interface ConfigurationRestoreDto {
  readonly ok: boolean;
  readonly applied: boolean;
  /** Why the file was refused or not restored (the engine's message). */
  readonly message?: string;
  /** What the restore changes in the working configuration (working → backup). */
  readonly changes: readonly PendingChangeDto[];
  /** Collections in the backup. */
  readonly collections: number;
  /** The backup's baseline source file, or null when it has none. */
  readonly baseline: string | null;
  /** The backup's topology (counts), or null when it has none. */
  readonly topology: { readonly sites: number; readonly pools: number } | null;
}

export interface BaselineImportDto {
  readonly ok: boolean;
  readonly applied: boolean;
  /** Why the file was refused or not imported. */
  readonly message?: string;
  readonly format?: string;
  readonly encoding?: string;
  readonly collections?: number;
  readonly warnings: readonly string[];
  /** What the import changes in the working configuration. */
  readonly changes: readonly PendingChangeDto[];
  /** Local changes the import would discard (-1: settings that no baseline records). */
  readonly localPending: number;
}

/** One pending change, as Get-PchatChange lists it. */
export interface PendingChangeDto {
  readonly identity: string;
  readonly action: 'New' | 'Set' | 'Remove';
  readonly property: string;
  readonly baseline: number | string | null;
  readonly working: number | string | null;
}

export interface ChangesSummaryDto {
  /** null when no baseline was imported. */
  readonly baseline: {
    readonly file: string;
    readonly sha256: string;
    readonly format: string;
    readonly encoding: string;
    readonly importedAt: string;
    readonly ageSeconds: number;
  } | null;
  /** Why baseline.json cannot be used, when it cannot. */
  readonly problem?: string;
  readonly changes: readonly PendingChangeDto[];
  /** What Export-PchatChangeScript would write now ('' without a baseline). */
  readonly script: string;
  /** Imported sites and pools as identities, offered by the New dialogs. */
  readonly topology: { readonly sites: readonly string[]; readonly pools: readonly string[] };
}

export type ChannelName = keyof Channels;

/** The one event main sends: the store changed (this window, the console, or another process). */
export const CONFIGURATION_CHANGED = 'pchat:configuration-changed';

/** One-way event for application-menu commands the renderer carries out (payload: a MenuCommand). */
export const MENU_COMMAND = 'pchat:menu';
/** Every command the application menu sends; the preload lets through only these. */
export const MENU_COMMANDS = ['toggle-console', 'show-reference', 'show-shortcuts', 'import-baseline', 'show-changes', 'back-up', 'restore', 'import-topology', 'connect-server', 'pull-server', 'push-server'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * What a handler sends back over the wire (Electron invoke, web preview POST).
 * The preload and the web client unwrap it: `value` resolves the API call,
 * `error` rejects it with the ErrorData itself (plain data survives
 * contextBridge; an Error's extra fields would not).
 */
export type IpcReply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

/**
 * The shape of `window.pchat` (preload in Electron, an HTTP client in the web preview).
 * Every method rejects with an ErrorData (plain object) when main refuses or fails the call.
 */
export interface PchatApi {
  readonly version: string;
  metadata(): Promise<Metadata>;
  getConfiguration(parameters?: CmdletParameters): Promise<CmdletResponse>;
  newConfiguration(parameters: CmdletParameters): Promise<CmdletResponse>;
  /** `expected`: the values the editor started from (see CmdletRequest). */
  setConfiguration(parameters: CmdletParameters, expected?: CmdletParameters): Promise<CmdletResponse>;
  removeConfiguration(parameters: CmdletParameters): Promise<CmdletResponse>;
  previewCmdlet(cmdlet: ConfigCmdletName, parameters: CmdletParameters): Promise<PreviewResponse>;
  runBulk(request: BulkRequest): Promise<BulkResponse>;
  previewBulk(request: BulkRequest): Promise<PreviewResponse>;
  help(name: string): Promise<HelpData | null>;
  /** Baseline, pending changes and change script, for the status bar and the Pending changes panel. */
  changesSummary(): Promise<ChangesSummaryDto>;
  importBaseline(request: BaselineImportRequest): Promise<BaselineImportDto>;
  /** The backup file's text (JSON, UTF-8 without a byte order mark). */
  backupConfiguration(): Promise<string>;
  restoreConfiguration(request: ConfigurationRestoreRequest): Promise<ConfigurationRestoreDto>;
  importTopology(request: TopologyImportRequest): Promise<TopologyImportDto>;
  /** The connection profile and the last pull and push (status bar, Connect dialog). */
  connectionStatus(): Promise<ConnectionStatusDto>;
  /** The Connect dialog's line and field errors (nothing runs: the dialog runs the line in the console). */
  previewConnect(request: ConnectRequest): Promise<PreviewResponse>;
  console: {
    execute(input: string, width?: number): Promise<ConsoleResult>;
    /** The running input's next lines (see the channel); call one at a time while execute/answer is pending. */
    output(): Promise<OutputBatch>;
    answer(answer: string | null): Promise<ConsoleResult>;
    /** Stops the running input; resolves once it has ended (true) or when nothing was running (false). */
    stop(): Promise<boolean>;
    complete(input: string, cursor: number): Promise<CompletionResult>;
    history(): Promise<readonly string[]>;
  };
  /** The change history beside the store (every change from any window or shell). */
  history: {
    list(): Promise<HistoryListDto>;
    /** Reverts entry `id`; the response is the console's, as for a form. */
    undo(id: number): Promise<CmdletResponse>;
  };
  /** Subscribe to store changes; returns an unsubscribe function. */
  onConfigurationChanged(listener: () => void): () => void;
  /** Subscribe to application-menu commands (never fires in the web preview); returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** What registration needs: the shape of Electron's ipcMain.handle (the web preview provides the same). */
export interface HandlerRegistry {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

/** The part of Electron's IpcMainInvokeEvent the handlers use (sender check). */
export interface IpcEventLike {
  readonly senderFrame: { readonly url: string } | null;
}
