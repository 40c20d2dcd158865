// Everything the IPC handlers call, over ONE repository: the console session,
// the forms session, the metadata, the console history, and the
// "configuration changed" event. Electron's main process and the web preview
// each build one of these and register it with register.ts.
//
// Concurrency: every statement — console or form — runs through one
// StatementQueue, because both sessions journal into the same repository.
// A short wait (another statement is running) is queued. A console statement
// suspended on a prompt is different: it waits for a human, for any length of
// time, so form actions are REFUSED then ("The console is waiting for an
// answer…") instead of queued — a queued form would hang with no explanation,
// and its request could outlive the page that sent it. Calls already queued
// when the prompt appears are refused the same way.

import type { ExecuteResult } from '../engine/session';
import type { ConfigCmdletName } from '../engine/domain/parameters';
import type { ConfigRepository } from '../engine/store/types';
import { ConsoleRunner, type ConsoleExecuteOptions, type ConsoleRunnerOptions } from './console-runner';
import type { BaselineImportDto, BaselineImportRequest, ChangesSummaryDto, CmdletParameters, CmdletResponse, CompletionResult, ConsoleResult, Metadata, PreviewResponse } from './contract';
import { changesSummary } from '../engine/changes/summary';
import { importBaselineFromWindow } from './baseline-import';
import { IpcRefusal } from './errors';
import { FormsRunner } from './forms-runner';
import { HistoryFile } from './history-file';
import { buildMetadata } from './metadata';
import { StatementQueue } from './statement-queue';

export interface EngineServiceOptions {
  /** Defaults to console-history.json beside the store file. */
  readonly history?: HistoryFile;
  /** Stop support and streaming for the console session (see the worker host). */
  readonly console?: Pick<ConsoleRunnerOptions, 'stop' | 'guard' | 'onStreamLine' | 'onWaiting'>;
}

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
  private readonly history: HistoryFile;
  private readonly listeners = new Set<() => void>();
  private metadataCache: Metadata | undefined;
  /** The window's console input now running (see execute). */
  private historyPending: string | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    readonly repo: ConfigRepository,
    options: EngineServiceOptions = {},
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

  async runCmdlet(cmdlet: ConfigCmdletName, parameters: CmdletParameters): Promise<CmdletResponse> {
    const prompt = this.console.pendingPrompt;
    if (prompt !== undefined) throw awaitingAnswer(prompt);
    const { changed, ...response } = await this.forms.run(cmdlet, parameters);
    if (changed) this.notifyChanged();
    return response;
  }

  previewCmdlet(cmdlet: ConfigCmdletName, parameters: CmdletParameters): PreviewResponse {
    return this.forms.preview(cmdlet, parameters);
  }

  async execute(input: string): Promise<ConsoleResult> {
    // Remembered until it ends, so that a line cut off by Stop (whose call never returns) still joins the history.
    this.historyPending = input;
    const result = await this.console.execute(input);
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

  /** Runs a script or command line for the headless shell: no console history, options as given. */
  executeScript(input: string, options: ConsoleExecuteOptions): Promise<ConsoleResult> {
    return this.console.execute(input, options);
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
