// Everything the IPC handlers call, over ONE repository: the console session,
// the forms session, the metadata, the console history, and the
// "configuration changed" event. Electron's main process and the web preview
// each build one of these and register it with register.ts.
//
// Concurrency: every statement — console or form — runs through one
// StatementQueue, because both sessions journal into the same repository.
// A short wait (another statement is running) is queued. A console statement
// suspended on a prompt is different: it waits for a human, for any length of
// time. Given a second repository over the same store file (`sideRepo`, as
// the session worker does), form actions are then served from it, as if from
// another process: reads see the committed store (not the console's
// uncommitted changes), and a form's commit is an ordinary atomic write under
// the store's lock, onto which the console's statement replays its own
// changes when it commits (another process's write is handled the same way:
// nothing is lost, and a change that no longer applies is reported as the
// console statement's error). Calls queued when the prompt appears move there
// too. Without a side repository they are REFUSED ("The console is waiting
// for an answer…") rather than left hanging.

import { CHANGE_SOURCE } from '../engine/changes/sources';
import type { ExecuteResult } from '../engine/session';
import type { ConfigCmdletName } from '../engine/domain/parameters';
import type { ConfigRepository } from '../engine/store/types';
import { ConsoleRunner, type ConsoleExecuteOptions, type ConsoleRunnerOptions } from './console-runner';
import { commandHelpData } from '../engine/cmdlets/help/help-data';
import type { BulkRequest, BulkResponse, CmdletParameters, CmdletResponse, CompletionResult, HelpData, ConsoleResult, HistoryListDto, Metadata, OutputBatch, PreviewResponse } from './contract';
import { historyList } from './history-dto';
import type { BaselineImportDto, BaselineImportRequest, ChangesSummaryDto, ConfigurationRestoreDto, ConfigurationRestoreRequest, TopologyImportDto, TopologyImportRequest } from './contract';
import { changesSummary } from '../engine/changes/summary';
import { connectionStatus } from '../engine/changes/connection-profile';
import { connectionIndicator } from '../engine/changes/connection-indicator';
import { connectLine } from '../engine/changes/connect-line';
import type { ConnectionStatusDto, ConnectRequest } from './contract';
import { configurationBackupText } from '../engine/cmdlets/pchat/configuration-backup';
import { importBaselineFromWindow } from './baseline-import';
import { restoreConfigurationFromWindow } from './configuration-restore';
import { importTopologyFromWindow } from './topology-import';
import { IpcRefusal } from './errors';
import { FormsRunner } from './forms-runner';
import { HistoryFile } from './history-file';
import { buildMetadata } from './metadata';
import { StatementQueue } from './statement-queue';

export interface EngineServiceOptions {
  /** Defaults to console-history.json beside the store file. */
  readonly history?: HistoryFile;
  /** Stop support and streaming for the console session (see the worker host). */
  readonly console?: Pick<ConsoleRunnerOptions, 'stop' | 'guard' | 'onStreamLine' | 'onWaiting' | 'drain'>;
  /**
   * The window's console input streams its lines to console.onStreamLine as
   * they come (the session worker relays them) instead of returning them in
   * the result.
   */
  readonly streamConsole?: boolean;
  /** Opens a second repository over the same store file (once, when first needed): forms use it while the console waits on a prompt. */
  readonly openSideRepo?: () => ConfigRepository;
}

/** How often a streaming console formats the objects of a running statement (ms). */
export const CONSOLE_BATCH_MS = 20;

function awaitingAnswer(prompt: string): IpcRefusal {
  return new IpcRefusal(
    'ConsoleAwaitingAnswer',
    `The console is waiting for an answer to "${prompt.trim()}". Answer it in the console (or cancel it), then try again.`,
    'InvalidOperation',
  );
}

export class EngineService {
  private readonly queue = new StatementQueue();
  private readonly console: ConsoleRunner;
  private readonly forms: FormsRunner;
  /** Forms while the console waits on a prompt (see the header), over the side repository once opened. */
  private side: { readonly repo: ConfigRepository; readonly forms: FormsRunner } | undefined;
  private readonly history: HistoryFile;
  private readonly listeners = new Set<() => void>();
  private metadataCache: Metadata | undefined;
  /** The window's console input now running (see execute). */
  private historyPending: string | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    readonly repo: ConfigRepository,
    private readonly options: EngineServiceOptions = {},
  ) {
    this.history = options.history ?? HistoryFile.besideStore(repo.path);
    this.forms = new FormsRunner(repo, this.queue);
    this.console = new ConsoleRunner({
      repo,
      queue: this.queue,
      onPrompt: () => this.queue.rejectWaiting(awaitingAnswer(this.console.pendingPrompt ?? '')),
      onFinished: (result: ExecuteResult) => {
        if (result.changed) this.notifyChanged();
      },
      ...options.console,
    });
  }

  /** Starts watching the store file for writes by other processes (the headless shell). */
  start(): void {
    this.unwatch ??= this.repo.watch(() => this.notifyChanged());
  }

  /** Stops watching the store file (the app is quitting, the preview server closing). */
  dispose(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  /** Subscribe to "the store changed"; returns an unsubscribe function. */
  onConfigurationChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  metadata(): Metadata {
    return (this.metadataCache ??= buildMetadata(this.repo.path));
  }

  async runCmdlet(cmdlet: ConfigCmdletName, parameters: CmdletParameters, expected?: CmdletParameters): Promise<CmdletResponse> {
    const prompt = this.console.pendingPrompt;
    if (prompt !== undefined) {
      const side = this.sideForms();
      if (!side) throw awaitingAnswer(prompt);
      return this.runForm(side, cmdlet, parameters, expected);
    }
    try {
      return await this.runForm(this.forms, cmdlet, parameters, expected);
    } catch (e) {
      // Queued behind a console statement that has since started waiting on a prompt.
      const side = e instanceof IpcRefusal && e.data.id === 'ConsoleAwaitingAnswer' ? this.sideForms() : undefined;
      if (side) return this.runForm(side, cmdlet, parameters, expected);
      throw e;
    }
  }

  /** The forms runner over the side repository, opened on first use; undefined without one. */
  private sideForms(): FormsRunner | undefined {
    const open = this.options.openSideRepo;
    if (!open) return undefined;
    if (!this.side) {
      const repo = open();
      this.side = { repo, forms: new FormsRunner(repo, new StatementQueue()) };
    }
    return this.side.forms;
  }

  private async runForm(forms: FormsRunner, cmdlet: ConfigCmdletName, parameters: CmdletParameters, expected: CmdletParameters | undefined): Promise<CmdletResponse> {
    const { changed, ...response } = await forms.run(cmdlet, parameters, expected);
    if (changed) this.notifyChanged();
    return response;
  }

  /**
   * The change history for the History pane. Never waits for a statement (a
   * prompt may hold one for minutes): while one is in flight the store is not
   * re-read, as its journal is not the file's state.
   */
  listHistory(): HistoryListDto {
    return historyList(this.repo, !this.queue.busy);
  }

  /** The History pane's Undo / Revert of entry `id`. */
  async undoChange(id: number): Promise<CmdletResponse> {
    const prompt = this.console.pendingPrompt;
    if (prompt !== undefined) throw awaitingAnswer(prompt);
    const { changed, ...response } = await this.forms.undo(id);
    if (changed) this.notifyChanged();
    return response;
  }

  async runBulk(request: BulkRequest): Promise<BulkResponse> {
    const prompt = this.console.pendingPrompt;
    if (prompt !== undefined) throw awaitingAnswer(prompt);
    const { changed, ...response } = await this.forms.runBulk(request.cmdlet, request.identities, request.parameters);
    if (changed) this.notifyChanged();
    return response;
  }

  previewBulk(request: BulkRequest): PreviewResponse {
    return this.forms.previewBulk(request.cmdlet, request.identities, request.parameters);
  }

  help(name: string): HelpData | null {
    return commandHelpData(name) ?? null;
  }

  previewCmdlet(cmdlet: ConfigCmdletName, parameters: CmdletParameters): PreviewResponse {
    const side = this.console.pendingPrompt === undefined ? undefined : this.sideForms();
    if (!side) return this.forms.preview(cmdlet, parameters);
    // The side view is read only when a form runs; bring it up to date with the file first (a stat when unchanged).
    this.side?.repo.refresh();
    return side.preview(cmdlet, parameters);
  }

  async execute(input: string, width?: number): Promise<ConsoleResult> {
    // Remembered until it ends, so that a line cut off by Stop (whose call never returns) still joins the history.
    this.historyPending = input;
    const stream = this.options.streamConsole === true ? { stream: true, batchMs: CONSOLE_BATCH_MS } : {};
    const result = await this.console.execute(input, { ...stream, ...(width !== undefined ? { width } : {}), source: CHANGE_SOURCE.console });
    this.historyPending = undefined;
    // An incomplete input comes back whole with its continuation; keep only that.
    if (!result.incomplete) this.history.add(input);
    return result;
  }

  /**
   * In-process, a statement can only be stopped between its steps, by whoever
   * owns the StopSignal; the session host (src-main/host) does that. Here
   * there is nothing else to do.
   */
  async stop(): Promise<boolean> {
    this.console.stopPrompt();
    return false;
  }

  /** In-process, output is not streamed: every line comes in the input's result. */
  consoleOutput(): OutputBatch {
    return { lines: [] };
  }

  /** Runs a script or command line for the headless shell: no console history, options as given. */
  executeScript(input: string, options: ConsoleExecuteOptions): Promise<ConsoleResult> {
    return this.console.execute(input, { source: CHANGE_SOURCE.shell, ...options });
  }

  /** True while a console input runs (prompts included). */
  get consoleRunning(): boolean {
    return this.console.running;
  }

  /** Stop pressed while the console waits on a prompt: the statement stops. */
  stopPrompt(): void {
    this.console.stopPrompt();
  }

  /** Stop pressed while the console waits on a prompt: resolves with how the input ended. */
  stopAtPrompt(): Promise<ConsoleResult> {
    return this.console.stopAtPrompt();
  }

  /** The console statement was cut off from outside; see ConsoleRunner.abandon. */
  abandonConsole(): ConsoleResult | undefined {
    if (this.historyPending !== undefined) this.history.add(this.historyPending);
    this.historyPending = undefined;
    return this.console.abandon();
  }

  answer(answer: string | null): Promise<ConsoleResult> {
    return this.console.answer(answer);
  }

  /** For a page (re)load: the prompt's page is gone, so nobody will answer it. */
  cancelPrompt(): Promise<void> {
    return this.console.cancelPrompt();
  }

  complete(input: string, cursor: number): CompletionResult {
    return this.console.session.complete(input, cursor);
  }

  consoleHistory(): readonly string[] {
    return this.history.list();
  }

  /** A server export chosen in the window; a write tells the windows as a console write would. */
  async importBaseline(request: BaselineImportRequest): Promise<BaselineImportDto> {
    const result = await importBaselineFromWindow(this.repo, this.queue, request);
    if (result.applied) this.notifyChanged();
    return result;
  }

  /** Read in the session's thread, like every file access of the engine. */
  changesSummary(): ChangesSummaryDto {
    return changesSummary(this.repo);
  }

  /** The connection profile (connection.json), read in the session's thread like the summary. */
  connectionStatus(): ConnectionStatusDto {
    const status = connectionStatus(this.repo);
    return { ...status, indicator: connectionIndicator(status) };
  }

  /** The Connect dialog's Connect-PchatServer line; nothing runs (the window runs the line in the console). */
  previewConnect(request: ConnectRequest): PreviewResponse {
    return connectLine(request);
  }

  /** Back up: the same text as Export-PchatConfiguration, read in the session's thread. */
  backupConfiguration(): string {
    return configurationBackupText(this.repo);
  }

  /** A backup chosen in the window; a restore tells the windows as a console write would. */
  async restoreConfiguration(request: ConfigurationRestoreRequest): Promise<ConfigurationRestoreDto> {
    const result = await restoreConfigurationFromWindow(this.repo, this.queue, request);
    if (result.applied) this.notifyChanged();
    return result;
  }

  /** Site and pool exports chosen in the window; a recorded topology tells the windows (their New dialogs offer it). */
  async importTopology(request: TopologyImportRequest): Promise<TopologyImportDto> {
    const result = await importTopologyFromWindow(this.repo, this.queue, request);
    if (result.ok) this.notifyChanged();
    return result;
  }

  private notifyChanged(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // One broken subscriber (a closed window) must not keep the others from hearing.
      }
    }
  }
}
