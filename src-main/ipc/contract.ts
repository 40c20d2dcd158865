// The one IPC contract shared by main, preload, the web preview and the
// renderer (type-only for the renderer). Channel names map to a request and
// a response type; errors cross as plain data. Every request is validated in
// main before it reaches the engine (see validate-payload.ts).

import type { ConfigCmdletName } from '../engine/domain/parameters';

/** An error as plain data: safe to send over IPC and to show. */
export interface ErrorData {
  readonly id: string;
  readonly message: string;
  readonly category: string;
}

export type OutputKind = 'output' | 'error' | 'warning' | 'verbose' | 'whatif' | 'prompt' | 'clear' | 'input';

/** One console line. Errors carry the full record text (`text`) and a one-line summary. */
export interface OutputLineDto {
  readonly kind: OutputKind;
  readonly text: string;
  /** Errors only: `<Command> : <message>`, for the collapsed view. */
  readonly summary?: string;
  /** Errors only: where the offending text is in the input line, to underline it. */
  readonly span?: { readonly start: number; readonly end: number };
}

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

export interface PreviewResponse {
  /** The equivalent console line for the form as filled in so far. */
  readonly commandLine: string;
  /** Engine messages per parameter name, for inline validation. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** A problem not tied to one field (parameter set, missing mandatory value). */
  readonly error?: string;
}

/** Result of running console input; `prompt` is set while the engine waits for an answer. */
export interface ConsoleResult {
  readonly output: readonly OutputLineDto[];
  /** Text of the pending prompt (e.g. the -Confirm choices, `Identity: `); answer with console:answer. */
  readonly prompt: string | null;
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
  'pchat:console:execute': { request: { readonly input: string }; response: ConsoleResult };
  'pchat:console:answer': { request: { readonly answer: string | null }; response: ConsoleResult };
  /** Stops the running console input (Ctrl+C / Stop); true when something was running. */
  'pchat:console:stop': { request: void; response: boolean };
  'pchat:console:complete': { request: { readonly input: string; readonly cursor: number }; response: CompletionResult };
  /** Console input history, persisted next to the store (newest last). */
  'pchat:console:history': { request: void; response: readonly string[] };
  /** The baseline's source and age, the pending changes and the change script (see engine/changes/summary.ts). */
  'pchat:changes:summary': { request: void; response: ChangesSummaryDto };
  /** A server export chosen in the window: previewed (apply false) or imported as the baseline. */
  'pchat:baseline:import': { request: BaselineImportRequest; response: BaselineImportDto };
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
export type MenuCommand = 'toggle-console' | 'show-reference' | 'import-baseline' | 'show-changes';

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
  setConfiguration(parameters: CmdletParameters): Promise<CmdletResponse>;
  removeConfiguration(parameters: CmdletParameters): Promise<CmdletResponse>;
  previewCmdlet(cmdlet: ConfigCmdletName, parameters: CmdletParameters): Promise<PreviewResponse>;
  /** Baseline, pending changes and change script, for the status bar and the Pending changes panel. */
  changesSummary(): Promise<ChangesSummaryDto>;
  importBaseline(request: BaselineImportRequest): Promise<BaselineImportDto>;
  console: {
    execute(input: string): Promise<ConsoleResult>;
    answer(answer: string | null): Promise<ConsoleResult>;
    /** Stops the running input; resolves once it has ended (true) or when nothing was running (false). */
    stop(): Promise<boolean>;
    complete(input: string, cursor: number): Promise<CompletionResult>;
    history(): Promise<readonly string[]>;
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
