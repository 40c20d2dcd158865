// Messages between the session host (the caller's thread: Electron's main
// process, the web preview server, the headless shell) and the session
// worker. Requests carry an id and get exactly one reply; events flow from
// the worker unasked. Everything here is plain data (structured clone).

import type { ConfigCmdletName } from '../engine/domain/parameters';
import type { StoreWarning } from '../engine/store/types';
import type { BaselineImportDto, BaselineImportRequest, ConfigurationRestoreDto, ConfigurationRestoreRequest, TopologyImportDto, TopologyImportRequest, BulkRequest, BulkResponse, ChangesSummaryDto, ConnectionStatusDto, ConnectRequest, CmdletParameters, CmdletResponse, CompletionResult, ConsoleResult, HelpData, HistoryListDto, OutputLineDto, PreviewResponse } from '../ipc/contract';

/** What the worker is started with (workerData). */
export interface WorkerStart {
  readonly storeDir: string;
  readonly fileName: string;
  /** The shared control block (see control.ts). */
  readonly control: SharedArrayBuffer;
  /** Debounce of the store watcher, for tests. */
  readonly watchDebounceMs?: number;
  /** The process's standard input is the script's: [Console]::ReadLine() reads fd 0 (the headless shell). */
  readonly standardInput?: boolean;
}

export interface ScriptOptions {
  readonly allowIncomplete?: boolean;
  readonly scriptPath?: string;
  /** A generated call (-File): errors placed in it show no position. */
  readonly fileInvocation?: boolean;
  /** Lines arrive as `line` events while the input runs, not in the result. */
  readonly stream?: boolean;
  /** False when nobody can answer a prompt (no terminal): prompts fail at once. */
  readonly interactive?: boolean;
  /** The terminal's width in characters (default 120). */
  readonly width?: number;
}

/** The worker's methods: name → [arguments, result]. */
export interface WorkerMethods {
  'console.execute': [[input: string, width: number | undefined], ConsoleResult];
  'script.execute': [[input: string, options: ScriptOptions], ConsoleResult];
  'console.answer': [[answer: string | null], ConsoleResult];
  'console.cancelPrompt': [[], void];
  'console.stopAtPrompt': [[], ConsoleResult];
  'console.complete': [[input: string, cursor: number], CompletionResult];
  'console.history': [[], readonly string[]];
  'changes.summary': [[], ChangesSummaryDto];
  'connection.status': [[], ConnectionStatusDto];
  'connection.preview': [[request: ConnectRequest], PreviewResponse];
  'baseline.import': [[request: BaselineImportRequest], BaselineImportDto];
  'configuration.backup': [[], string];
  'configuration.restore': [[request: ConfigurationRestoreRequest], ConfigurationRestoreDto];
  'topology.import': [[request: TopologyImportRequest], TopologyImportDto];
  'cmdlet.run': [[cmdlet: ConfigCmdletName, parameters: CmdletParameters, expected?: CmdletParameters], CmdletResponse];
  'cmdlet.preview': [[cmdlet: ConfigCmdletName, parameters: CmdletParameters], PreviewResponse];
  'cmdlet.bulk': [[request: BulkRequest], BulkResponse];
  'cmdlet.bulkPreview': [[request: BulkRequest], PreviewResponse];
  'help.get': [[name: string], HelpData | null];
  'watch.start': [[], void];
  'history.list': [[], HistoryListDto];
  'history.undo': [[id: number], CmdletResponse];
}

export type MethodName = keyof WorkerMethods;

/** The calls that run console input: at most one is in flight, and Stop and a cut-off answer for it. */
export const CONSOLE_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(['console.execute', 'script.execute', 'console.answer', 'console.stopAtPrompt']);

export type Request = { readonly [M in MethodName]: { readonly type: 'call'; readonly id: number; readonly method: M; readonly args: WorkerMethods[M][0] } }[MethodName];

/** A control message: `stop` (the user pressed Stop), `cut` (the host just interrupted the statement's code). */
export interface ControlMessage {
  readonly type: 'stop' | 'cut';
}

/** The host's reader took the streamed batches up to `seq` (see line-pump.ts). */
export interface AckMessage {
  readonly type: 'ack';
  readonly seq: number;
}

export type ToWorker = Request | ControlMessage | AckMessage;

/** An error as it crosses: refusals keep their id and category (IpcRefusal). */
export interface WireError {
  readonly refusal: boolean;
  readonly id: string;
  readonly message: string;
  readonly category: string;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly path: string; readonly warnings: readonly StoreWarning[] }
  | { readonly type: 'open-failed'; readonly message: string }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: WireError }
  /** Lines of the running console input, in numbered batches (line-pump.ts); sent before the step's reply. */
  | { readonly type: 'lines'; readonly seq: number; readonly lines: readonly OutputLineDto[] }
  | { readonly type: 'changed' }
  /** The PowerShell processes a pull or push has running (the host ends them if the worker is ended). */
  | { readonly type: 'children'; readonly pids: readonly number[] };
