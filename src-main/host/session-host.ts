// The session host: runs the engine and the store in a worker thread and
// relays to it — for Electron's main process, the web preview server, the
// headless shell and the tests alike — so that nothing typed can block the
// caller's thread. It serves the IPC handler table's service interface, and
// adds Stop (the steps are in stop-ladder.ts).
//
// A worker that dies (out of memory: it has its own heap limit, so the
// caller's process survives) is replaced the same way, and whatever was in
// flight is answered with an error that says what happened.

import { Worker } from 'node:worker_threads';
import type { checkBulk } from '../engine/cmdlets/bulk-line';
import type { checkCmdlet } from '../engine/cmdlets/form-check';
import type { commandHelpData } from '../engine/cmdlets/help/help-data';
import type { ConfigCmdletName } from '../engine/domain/parameters';
import type { StoreWarning } from '../engine/store/types';
import { STORE_FILE_NAME } from '../engine/store/file-name';
import type { BaselineImportDto, BaselineImportRequest, ConfigurationRestoreDto, ConfigurationRestoreRequest, TopologyImportDto, TopologyImportRequest, BulkRequest, BulkResponse, ChangesSummaryDto, ConnectionStatusDto, ConnectRequest, CmdletParameters, CmdletResponse, CompletionResult, ConsoleResult, HelpData, HistoryListDto, Metadata, OutputBatch, PreviewResponse } from '../ipc/contract';
import { IpcRefusal, refuse } from '../ipc/errors';
import { buildMetadata } from '../ipc/metadata';
import { Control, createControlBuffer, IDLE } from './control';
import { WorkerInterrupter } from './interrupt';
import { busyRefusal, consoleFailure, type Pending, type StreamedLine } from './calls';
import { climbStopLadder } from './stop-ladder';
import { OutputPipe } from './output-pipe';
import { endProcessTree } from '../connection/powershell-child';
import { CONSOLE_METHODS, type FromWorker, type MethodName, type ScriptOptions, type ToWorker, type WorkerMethods, type WorkerStart } from './protocol';

/** The worker's own heap limit: a runaway statement exhausts it, not the caller's process. */
const DEFAULT_MEMORY_LIMIT_MB = 2048;

export interface SessionHostOptions {
  readonly storeDir: string;
  /** Store file name without .json (default: config, electron-store's). */
  readonly fileName?: string;
  /** The bundled session worker (session-worker.ts built for Node). */
  readonly workerFile: string | URL;
  readonly watchDebounceMs?: number;
  readonly memoryLimitMb?: number;
  /** Tests only: false skips step (2) of Stop, as where the inspector is unavailable. */
  readonly interrupt?: boolean;
  /** [Console]::ReadLine() reads this process's standard input (the headless shell running -Command or -File). */
  readonly standardInput?: boolean;
  /**
   * The engine's form check (form-check.ts), for checking forms on this
   * thread while the worker is busy. Passed in by the callers that serve
   * forms (the app, the preview), so the headless shell does not load it.
   */
  readonly checkForm?: typeof checkCmdlet;
  /** The engine's bulk check (bulk-line.ts), likewise. */
  readonly checkBulk?: typeof checkBulk;
  /** The engine's help as data (help-data.ts), likewise for the Help pane while the worker is busy. */
  readonly helpData?: typeof commandHelpData;
}

export class SessionHost {
  private worker!: Worker;
  private control!: Control;
  private ready!: Promise<void>;
  private readonly interrupter = new WorkerInterrupter();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private consoleId: number | undefined;
  /** The last console step ended at a prompt: the input waits for an answer. */
  private atPrompt = false;
  private watching = false;
  private disposed = false;
  /** The old worker is being ended for a new one (see restartForStop). */
  private replacing = false;
  /** Why the store can no longer be opened (it was replaced by a foreign file, …). */
  private broken: string | undefined;
  private lastError: unknown;
  /** The headless shell's printer for the input it runs; undefined while the window's input streams into `pipe`. */
  private lineListener: ((line: StreamedLine) => void) | undefined;
  /** The window's console input's lines, until the window takes them (back-pressure, see output-pipe.ts). */
  private readonly pipe = new OutputPipe((seq) => this.ack(seq));
  private readonly listeners = new Set<() => void>();
  private metadataCache: Metadata | undefined;
  /** Absolute path of the store file. */
  path = '';
  /** What opening the store reported (a damaged file moved aside, …). */
  warnings: readonly StoreWarning[] = [];

  private constructor(private readonly options: SessionHostOptions) {}

  /** Starts the worker and opens the store in it; rejects with the store's own message when it cannot be opened. */
  static async open(options: SessionHostOptions): Promise<SessionHost> {
    const host = new SessionHost(options);
    if (options.interrupt !== false) host.interrupter.enable();
    host.spawn();
    try {
      await host.ready;
    } catch (error) {
      await host.dispose();
      throw error;
    }
    return host;
  }

  private spawn(): void {
    const buffer = createControlBuffer();
    this.control = new Control(buffer);
    const start: WorkerStart = {
      storeDir: this.options.storeDir,
      fileName: this.options.fileName ?? STORE_FILE_NAME,
      control: buffer,
      ...(this.options.watchDebounceMs !== undefined ? { watchDebounceMs: this.options.watchDebounceMs } : {}),
      ...(this.options.standardInput ? { standardInput: true } : {}),
    };
    const worker = new Worker(this.options.workerFile, {
      workerData: start,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB },
    });
    this.worker = worker;
    /** The PowerShell processes this worker has running (pull, push): ended with it. */
    let children: readonly number[] = [];
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'children') {
          children = message.pids;
          return;
        }
        if (worker !== this.worker) return;
        if (message.type === 'ready') {
          this.path = message.path;
          this.warnings = message.warnings;
          resolve();
        } else if (message.type === 'open-failed') {
          this.broken = message.message;
          reject(new Error(message.message));
        }
        else this.onMessage(message);
      });
      worker.on('error', (error) => {
        this.lastError = error;
        reject(error);
      });
      worker.on('exit', () => {
        for (const pid of children) endProcessTree(pid);
        children = [];
        reject(new Error('The session worker ended before the store was open.'));
        if (worker === this.worker && !this.replacing) this.onWorkerLost();
      });
    });
    // Failures are reported through open() or to the calls in flight.
    this.ready.catch(() => {});
  }

  private onMessage(message: FromWorker): void {
    if (message.type === 'lines') this.onLines(message.seq, message.lines);
    else if (message.type === 'changed') this.notifyChanged();
    else if (message.type === 'reply') {
      const call = this.pending.get(message.id);
      if (!call) return;
      // The step is over: a window waiting for lines is answered, and the lines it has not taken yet come first in the reply.
      const held = CONSOLE_METHODS.has(call.method) ? this.pipe.end() : [];
      if (message.ok) {
        let value = message.value;
        if (CONSOLE_METHODS.has(call.method)) {
          const result = value as ConsoleResult;
          this.atPrompt = result.prompt !== null;
          if (held.length > 0) value = { ...result, output: [...held, ...result.output] };
        }
        this.settle(message.id, call, () => call.resolve(value));
      }
      else {
        const e = message.error;
        this.settle(message.id, call, () => call.reject(e.refusal ? new IpcRefusal(e.id, e.message, e.category) : new Error(e.message)));
      }
    }
  }

  private onLines(seq: number, lines: readonly StreamedLine[]): void {
    const print = this.lineListener;
    if (print === undefined) {
      this.pipe.add(seq, lines);
      return;
    }
    for (const line of lines) print(line);
    this.ack(seq);
  }

  private ack(seq: number): void {
    this.worker.postMessage({ type: 'ack', seq } satisfies ToWorker);
  }

  /**
   * The running window console input's next lines (pchat:console:output):
   * at once when there are some, otherwise as soon as some come; empty when
   * nothing runs.
   */
  consoleOutput(): OutputBatch | Promise<OutputBatch> {
    return this.pipe.take(this.consoleBusy && this.lineListener === undefined);
  }

  private settle(id: number, call: Pending, finish: () => void): void {
    if (call.settled) return;
    call.settled = true;
    clearTimeout(call.timer);
    this.pending.delete(id);
    if (this.consoleId === id) this.consoleId = undefined;
    finish();
  }

  /** The worker died (out of memory, a crash) or was replaced: answer everything in flight, start another. */
  private onWorkerLost(stoppedText?: string): void {
    const oom = (this.lastError as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    this.lastError = undefined;
    const limit = this.options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
    const text =
      stoppedText ??
      (oom
        ? `The command needed more memory than the engine allows (${limit} MB) and was stopped. Nothing it changed was saved. The session was restarted, so its variables and $Error are cleared.`
        : 'The engine stopped unexpectedly. Nothing the running command changed was saved. The session was restarted, so its variables and $Error are cleared.');
    this.settleAll(text, stoppedText !== undefined);
    // A store that cannot be opened any more is not retried in a loop: calls are refused with its reason.
    if (this.disposed || this.broken !== undefined) return;
    this.respawn();
  }

  private settleAll(text: string, stopped: boolean): void {
    const held = this.pipe.end();
    for (const [id, call] of [...this.pending]) {
      this.settle(id, call, () => {
        if (CONSOLE_METHODS.has(call.method)) {
          const failure = consoleFailure(text, stopped);
          call.resolve({ ...failure, output: [...held, ...failure.output] });
        }
        else call.reject(new IpcRefusal('EngineRestarted', text, 'ResourceUnavailable'));
      });
    }
  }

  private respawn(): void {
    this.spawn();
    if (this.watching) void this.call('watch.start').catch(() => {});
  }

  private async call<M extends MethodName>(method: M, ...args: WorkerMethods[M][0]): Promise<WorkerMethods[M][1]> {
    if (this.disposed) refuse('EngineClosed', 'The engine has been shut down.', 'ResourceUnavailable');
    if (this.broken !== undefined) refuse('StoreUnavailable', `The configuration store cannot be opened: ${this.broken}`, 'ResourceUnavailable');
    try {
      await this.ready;
    } catch (error) {
      // The store turned out to be unusable while this call waited for the worker: the same refusal as afterwards.
      if (this.broken !== undefined) refuse('StoreUnavailable', `The configuration store cannot be opened: ${this.broken}`, 'ResourceUnavailable');
      throw error;
    }
    const id = this.nextId++;
    return new Promise<WorkerMethods[M][1]>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, settled: false, stopping: false });
      if (CONSOLE_METHODS.has(method)) {
        this.consoleId = id;
        this.atPrompt = false;
      }
      this.worker.postMessage({ type: 'call', id, method, args } as ToWorker);
    });
  }

  /** True while console input runs (between execute/answer and its reply). */
  get consoleBusy(): boolean {
    return this.consoleId !== undefined;
  }

  /**
   * Stops the console input that is running. Resolves true once it has
   * ended (false when nothing was running). See the header for the steps.
   */
  stop(): Promise<boolean> {
    const id = this.consoleId;
    const call = id === undefined ? undefined : this.pending.get(id);
    if (id === undefined || call === undefined) return Promise.resolve(false);
    const ended = new Promise<boolean>((resolve) => {
      const { resolve: done, reject } = call;
      call.resolve = (v) => {
        done(v);
        resolve(true);
      };
      call.reject = (e) => {
        reject(e);
        resolve(true);
      };
    });
    if (call.stopping) return ended;
    call.stopping = true;
    this.control.requestStop();
    this.worker.postMessage({ type: 'stop' } satisfies ToWorker);
    climbStopLadder({
      ended: () => call.settled,
      between: () => this.control.phase === IDLE,
      claimCut: () => this.control.claimCut(),
      cut: () => {
        if (!this.interrupter.interrupt(this.worker.threadId)) return false;
        this.worker.postMessage({ type: 'cut' } satisfies ToWorker);
        return true;
      },
      restart: () => this.restartForStop(),
      schedule: (timer) => (call.timer = timer),
    });
    return ended;
  }

  private restartForStop(): void {
    const old = this.worker;
    // Answer what is in flight now; start the new worker only once the old one is gone, so the two
    // never both hold the store (a lock from another thread of this process would look stale).
    this.replacing = true;
    this.settleAll(
      'The command could not be stopped in place, so the engine was restarted. Nothing the command changed was saved; the session\'s variables and $Error are cleared.',
      true,
    );
    this.ready = old.terminate().then(() => {
      this.replacing = false;
      if (this.disposed) throw new Error('The engine has been shut down.');
      this.respawn();
      return this.ready;
    });
    this.ready.catch(() => {});
  }

  // ——— The IPC service (the same table serves Electron and the web preview) ———

  metadata(): Metadata {
    return (this.metadataCache ??= buildMetadata(this.path));
  }

  runCmdlet(cmdlet: ConfigCmdletName, parameters: CmdletParameters, expected?: CmdletParameters): Promise<CmdletResponse> {
    return expected === undefined ? this.call('cmdlet.run', cmdlet, parameters) : this.call('cmdlet.run', cmdlet, parameters, expected);
  }

  listHistory(): Promise<HistoryListDto> {
    return this.call('history.list');
  }

  undoChange(id: number): Promise<CmdletResponse> {
    return this.call('history.undo', id);
  }

  runBulk(request: BulkRequest): Promise<BulkResponse> {
    return this.call('cmdlet.bulk', request);
  }

  /** Checks a bulk change; like a form check, it never waits for a busy worker. */
  previewBulk(request: BulkRequest): PreviewResponse | Promise<PreviewResponse> {
    const check = this.options.checkBulk;
    if (!this.consoleBusy || check === undefined) return this.call('cmdlet.bulkPreview', request);
    try {
      return check(request.cmdlet, request.identities, request.parameters);
    } catch (e) {
      if ((e as Error)?.name === 'CommandLineError') refuse('InvalidPayload', (e as Error).message);
      throw e;
    }
  }

  /** A command's help for the Help pane; like a form check, it never waits for a busy worker. */
  help(name: string): HelpData | null | Promise<HelpData | null> {
    const local = this.options.helpData;
    if (!this.consoleBusy || local === undefined) return this.call('help.get', name);
    return local(name) ?? null;
  }

  /**
   * Checks a form. While console input runs, the worker may be busy for a
   * long time, so the check runs here, without the store (as the worker does
   * whenever a statement is in flight): form validation never waits.
   */
  previewCmdlet(cmdlet: ConfigCmdletName, parameters: CmdletParameters): PreviewResponse | Promise<PreviewResponse> {
    const check = this.options.checkForm;
    if (!this.consoleBusy || check === undefined) return this.call('cmdlet.preview', cmdlet, parameters);
    try {
      return check(cmdlet, parameters);
    } catch (e) {
      // validate-payload.ts admits only what the line builder accepts; this is a second guard.
      if ((e as Error)?.name === 'CommandLineError') refuse('InvalidPayload', (e as Error).message);
      throw e;
    }
  }

  /** The window's console input; `width` is the pane's width in characters. Lines stream through consoleOutput(). */
  execute(input: string, width?: number): Promise<ConsoleResult> {
    if (this.consoleBusy) return Promise.reject(busyRefusal());
    this.control.clearStop();
    this.lineListener = undefined;
    this.pipe.end();
    return this.call('console.execute', input, width);
  }

  /** The headless shell: runs input with lines streamed to `onLine` as they come. */
  runScript(input: string, options: Omit<ScriptOptions, 'stream'>, onLine: (line: StreamedLine) => void): Promise<ConsoleResult> {
    if (this.consoleBusy) return Promise.reject(busyRefusal());
    this.control.clearStop();
    this.lineListener = onLine;
    // Scripts and -Command text are whole: incomplete input is a parse error unless the caller asks otherwise.
    return this.call('script.execute', input, { ...options, allowIncomplete: options.allowIncomplete === true, stream: true });
  }

  answer(answer: string | null): Promise<ConsoleResult> {
    if (this.consoleBusy) return Promise.reject(busyRefusal());
    return this.call('console.answer', answer);
  }

  /** Stop while a prompt waits for its answer: the statement stops (nothing it changed is saved). */
  stopAtPrompt(): Promise<ConsoleResult> {
    if (this.consoleBusy) return Promise.reject(busyRefusal());
    this.control.requestStop();
    return this.call('console.stopAtPrompt');
  }

  /**
   * The page that showed the console is gone (a reload): whatever input it
   * started stops — at its prompt or while running — so nothing the user can
   * no longer see goes on to change the store.
   */
  async cancelPrompt(): Promise<void> {
    if (this.consoleBusy) {
      await this.stop();
      return;
    }
    // Only when the input waits on a prompt: otherwise the call would make the console look busy
    // to the reloaded page's first command.
    if (!this.atPrompt) return;
    this.control.requestStop();
    try {
      await this.call('console.stopAtPrompt');
    } catch {
      // It had just ended: nothing to stop.
    } finally {
      this.control.clearStop();
    }
  }

  complete(input: string, cursor: number): CompletionResult | Promise<CompletionResult> {
    // Completion must be instant; a busy engine has nothing to offer.
    if (this.consoleBusy) return { replaceStart: cursor, replaceEnd: cursor, matches: [] };
    return this.call('console.complete', input, cursor);
  }

  consoleHistory(): Promise<readonly string[]> {
    return this.call('console.history');
  }

  changesSummary(): Promise<ChangesSummaryDto> {
    return this.call('changes.summary');
  }

  connectionStatus(): Promise<ConnectionStatusDto> {
    return this.call('connection.status');
  }

  previewConnect(request: ConnectRequest): Promise<PreviewResponse> {
    return this.call('connection.preview', request);
  }

  importBaseline(request: BaselineImportRequest): Promise<BaselineImportDto> {
    return this.call('baseline.import', request);
  }

  backupConfiguration(): Promise<string> {
    return this.call('configuration.backup');
  }

  restoreConfiguration(request: ConfigurationRestoreRequest): Promise<ConfigurationRestoreDto> {
    return this.call('configuration.restore', request);
  }

  importTopology(request: TopologyImportRequest): Promise<TopologyImportDto> {
    return this.call('topology.import', request);
  }

  /** Starts watching the store for writes by other processes. */
  start(): void {
    if (this.watching) return;
    this.watching = true;
    void this.call('watch.start').catch(() => {});
  }

  onConfigurationChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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

  /** Ends the worker (the app quits, the preview closes, the shell exits). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.interrupter.dispose();
    await this.worker.terminate();
  }
}
