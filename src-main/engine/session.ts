// A console session: parses a line, runs it statement by statement against
// the store (one commit per top-level statement), and reports output lines.
// The window's console, the IPC handlers and the headless shell all use it.

import { CommandRegistry } from './cmdlets/registry';
import { SessionOutput } from './session-output';
import { sessionFilesOf, type SessionFiles } from './files/session-files';
import type { Host, OutputLine } from './shell/commands';
import { errorRecord, ExitException, PipelineStoppedError, TerminatingError, type ErrorRecordData } from './shell/errors';
import { complete, type CompletionResult } from './shell/completion';
import { parse } from './shell/parse';
import type { StatementAst, TrapAst } from './shell/ast';
import { LoopSignal, ReturnSignal } from './shell/runtime/control-flow';
import { DEFAULT_WIDTH } from './shell/format/table-view';
import { Interpreter } from './shell/runtime/interpreter';
import { checkTopLevel, errorActionIsStop } from './shell/runtime/statement-errors';
import type { StatementGuard, StopSignal } from './shell/runtime/stop';
import type { ConfigRepository } from './store/types';

export interface ExecuteResult {
  readonly lines: OutputLine[];
  /** $? after the last statement: the headless shell's exit code is 0 when true. */
  readonly success: boolean;
  /** The input ended too early (open brace, quote, trailing pipe): the console may ask for more. */
  readonly incomplete: boolean;
  /** Something was written to the store (the window refreshes its table). */
  readonly changed: boolean;
  /**
   * Set when the input ran `exit`: the code it asked for (`exit` alone is 0).
   * The input stopped there; the headless shell exits with this code, the
   * window's console just ends the input.
   */
  readonly exitCode?: number;
  /**
   * The user stopped the input (Ctrl+C, Stop, SIGINT): the statement that was
   * running changed nothing in the store and nothing after it ran.
   */
  readonly stopped?: boolean;
}

export interface ExecuteOptions {
  /**
   * The window's console: input that only lacks its end (open brace, quote,
   * trailing pipe) is not run and leaves no trace in history or $Error; the
   * console asks for another line.
   */
  readonly allowIncomplete?: boolean;
  /** The script file the input was read from (-File): error positions then read "At <path>:<line> char:<n>". */
  readonly scriptPath?: string;
  /**
   * The input is a generated call (`-File` runs `& '<script>' <args>`): errors placed in it show
   * no position, as powershell.exe -File shows none for its own command line, and the exit code is
   * powershell.exe -File's: the script's `exit n`, else 1 when an error ended it (or its binding
   * failed), else 0 — whatever its last statement did.
   */
  readonly fileInvocation?: boolean;
  /**
   * The console's width in characters for this input (PowerShell's host
   * buffer width): Out-Default, Format-Table, Format-List and Get-Help lay
   * their text out for it. Default 120, PowerShell's width when redirected.
   */
  readonly width?: number;
  /**
   * A console that shows output while a statement runs: buffered objects are
   * formatted at least this often (ms), scalars at once. Default: at the end
   * of each statement.
   */
  readonly batchMs?: number;
  /** Who runs it, as the change history records it (default: the session's source). */
  readonly source?: string;
}

export interface SessionOptions {
  readonly repo: ConfigRepository;
  readonly host?: Host;
  /** Called for each line as soon as it is produced (the CLI prints as it goes). */
  readonly onLine?: (line: OutputLine) => void;
  readonly registry?: CommandRegistry;
  /** Where the runtime asks whether the user pressed Stop (default: never). */
  readonly stop?: StopSignal;
  /** Hooks around each top-level statement for a host that can cut statements off. */
  readonly guard?: StatementGuard;
  /**
   * Back-pressure from a streaming console: awaited after each object the
   * pipeline sends to the display; returns a promise while the reader is
   * behind, so the pipeline waits instead of filling memory.
   */
  readonly drain?: () => Promise<void> | undefined;
  /** Who runs statements in this session, as the change history records it: window console, headless shell… */
  readonly source?: string;
}

export const NON_INTERACTIVE: Host = { interactive: false, readLine: async () => null };

/** Largest input accepted in one execute call. */
export const MAX_INPUT_LENGTH = 1_000_000;

export class Session {
  readonly registry: CommandRegistry;
  private readonly interp: Interpreter;
  private readonly historyList: { id: number; commandLine: string }[] = [];
  private lines: OutputLine[] = [];
  private readonly output: SessionOutput;
  private running = false;
  private changed = false;
  private exitCode: number | undefined;
  private stopped = false;
  /** The input now running and who runs it, for the change history. */
  private text = '';
  private source = 'console';

  constructor(private readonly options: SessionOptions) {
    this.registry = options.registry ?? new CommandRegistry();
    this.output = new SessionOutput((line) => {
      this.lines.push(line);
      options.onLine?.(line);
      // Start-Transcript records what the console shows (prompts and clears are not output).
      if (line.kind !== 'prompt' && line.kind !== 'clear') this.files.transcript?.output(line.text);
    });
    this.interp = new Interpreter(this.registry, options.repo, options.host ?? NON_INTERACTIVE, this.output, () => this.historyList);
    if (options.stop) this.interp.stop = options.stop;
  }

  /** The session's current location and transcript (Set-Location, Start-Transcript). */
  get files(): SessionFiles {
    return sessionFilesOf(this.interp);
  }

  get busy(): boolean {
    return this.running;
  }

  /**
   * For a statement cut off from outside (its code never returned): discards
   * what it had changed and not committed, and makes the session usable
   * again. Returns the result the cut-off input ends with. The input joins
   * the history, as PowerShell keeps a line that was stopped.
   */
  abandon(source: string): ExecuteResult {
    this.repo.rollback();
    this.interp.afterCommit = [];
    this.interp.resetAfterAbort();
    this.output.discard();
    this.running = false;
    if (source.trim() !== '') this.historyList.push({ id: this.historyList.length + 1, commandLine: source });
    this.interp.variables.lastSuccess = false;
    return { lines: [], success: false, incomplete: false, changed: this.changed, stopped: true };
  }

  get repo(): ConfigRepository {
    return this.options.repo;
  }

  get history(): readonly { id: number; commandLine: string }[] {
    return this.historyList;
  }

  set host(host: Host) {
    this.interp.host = host;
  }

  /** Runs console input or a script (see ExecuteOptions). */
  async execute(source: string, options: ExecuteOptions = {}): Promise<ExecuteResult> {
    if (this.running) throw new Error('A command is already running in this session.');
    this.running = true;
    this.lines = [];
    this.changed = false;
    this.exitCode = undefined;
    this.stopped = false;
    const width = options.width ?? DEFAULT_WIDTH;
    this.output.width = width;
    this.output.batchMs = options.batchMs;
    this.interp.consoleWidth = width;
    this.output.reset();
    this.output.scriptPath = options.scriptPath;
    this.output.fileInvocation = options.fileInvocation === true;
    this.fileInvocation = options.fileInvocation === true;
    this.endedByError = false;
    this.interp.scriptPath = options.scriptPath;
    this.text = source;
    this.source = options.source ?? this.options.source ?? 'console';
    try {
      return await this.run(source, options.allowIncomplete === true);
    } finally {
      this.running = false;
    }
  }

  private fail(record: ErrorRecordData): void {
    this.interp.recordError(record);
  }

  private async run(source: string, allowIncomplete: boolean): Promise<ExecuteResult> {
    this.output.source = source;
    this.interp.source = source;
    this.files.transcript?.input(this.files.location, source);
    if (source.length > MAX_INPUT_LENGTH) {
      this.fail(errorRecord({ message: `The input is too long (${source.length} characters; the limit is ${MAX_INPUT_LENGTH}).`, errorId: 'InputTooLong', category: 'InvalidArgument' }));
      return this.result(false, false);
    }
    const parsed = parse(source);
    if (allowIncomplete && !parsed.ok && parsed.errors.every((e) => e.incomplete)) {
      return { lines: [], success: this.interp.variables.lastSuccess, incomplete: true, changed: false };
    }
    // Like PowerShell, a line joins the history once it has run (Get-History does not list itself).
    try {
      return await this.runParsed(parsed);
    } finally {
      if (source.trim() !== '') this.historyList.push({ id: this.historyList.length + 1, commandLine: source });
    }
  }

  private async runParsed(parsed: ReturnType<typeof parse>): Promise<ExecuteResult> {
    if (!parsed.ok) {
      for (const e of parsed.errors) {
        this.fail(errorRecord({ message: e.message, errorId: e.id, category: 'ParserError', exceptionType: 'ParentContainsErrorRecordException', extent: e.extent }));
      }
      this.interp.variables.lastSuccess = false;
      return this.result(false, parsed.errors.every((e) => e.incomplete));
    }
    // A trap at the top level handles the errors of every top-level statement.
    this.traps = parsed.script.statements.filter((s): s is TrapAst => s.type === 'Trap');
    for (const statement of parsed.script.statements) {
      // -ErrorAction Stop is script-terminating, and `exit` ends the input: nothing after either runs;
      // nor after output over the budget (nothing more could be shown).
      if ((await this.runTopLevel(statement)) || this.output.exhausted) break;
    }
    if (this.fileInvocation && this.exitCode === undefined && !this.stopped) this.exitCode = this.endedByError ? 1 : 0;
    return this.result(this.interp.variables.lastSuccess, false);
  }

  /** Runs one top-level statement; true when it ended the input (a script-terminating error, or `exit`). */
  private async runTopLevel(statement: Parameters<Interpreter['runStatement']>[0]): Promise<boolean> {
    let stop = false;
    const interp = this.interp;
    interp.statementFailed = false;
    for (const w of this.repo.refresh()) this.output.line({ kind: 'warning', text: `WARNING: ${w.message}` });
    const guard = this.options.guard;
    try {
      guard?.enter();
      let flushError: unknown;
      try {
        const drain = this.options.drain;
        await interp.runStatement(
          statement,
          drain
            ? async (v) => {
                this.output.object(v);
                const wait = drain();
                if (wait) await wait;
              }
            : async (v) => this.output.object(v),
        );
      } finally {
        // Format the statement's output while it can still be cut off (a huge table takes a while);
        // a stopped statement shows nothing more.
        try {
          if (interp.stop.requested) this.output.discard();
          else this.output.flush();
        } catch (e) {
          flushError = e;
        }
        // A statement that finished while a cut-off was already on its way counts as stopped.
        if (guard && !guard.leave()) this.stopped = true;
      }
      if (flushError !== undefined) throw flushError;
      if (interp.stop.requested) this.stopped = true;
    } catch (e) {
      if (e instanceof PipelineStoppedError || interp.stop.requested) {
        this.stopped = true;
      } else if (e instanceof ExitException) {
        this.exitCode = e.code;
        stop = true;
      } else if (e instanceof ReturnSignal || e instanceof LoopSignal) {
        // `return`, or `break`/`continue` outside any loop, ends the script, as in PowerShell.
        stop = true;
      } else {
        if (e instanceof TerminatingError) this.endedByError = true;
        stop = await this.handleTopLevelError(e, statement);
      }
    }
    if (this.stopped) {
      // A stopped statement changes nothing: its journal is dropped, nothing after it runs, and what it
      // had not yet shown is dropped too.
      this.repo.rollback();
      interp.afterCommit = [];
      this.output.discard();
      interp.variables.lastSuccess = false;
      return true;
    }
    // What the statement changed before an `exit` is kept, as in PowerShell (there is nothing to roll back).
    // A write that failed is the statement's error: under $ErrorActionPreference = 'Stop' nothing after it runs.
    const line = this.text.slice(statement.extent.start, statement.extent.end);
    if (!this.commit(line) && errorActionIsStop(interp)) stop = true;
    this.flushOutput();
    if (this.exitCode !== undefined) {
      // As after a script that exits: $LASTEXITCODE holds the code, and $? is true only for 0.
      interp.variables.set('LASTEXITCODE', this.exitCode);
      interp.variables.lastSuccess = this.exitCode === 0;
    } else {
      interp.variables.lastSuccess = !interp.statementFailed;
    }
    return stop;
  }

  /** See ExecuteOptions.fileInvocation. */
  private fileInvocation = false;
  /** An error reached the top level of the input (for -File's exit code). */
  private endedByError = false;

  /** The top-level traps of the input being run. */
  private traps: readonly TrapAst[] = [];

  /** A top-level statement's error: its trap (if any) handles it, else $ErrorActionPreference decides. */
  private async handleTopLevelError(e: unknown, statement: StatementAst): Promise<boolean> {
    if (this.traps.length > 0 && e instanceof TerminatingError) {
      try {
        if (await this.interp.runTrap(this.traps, e, async (v) => this.output.object(v))) return false;
      } catch (thrown) {
        return checkTopLevel(this.interp, thrown, statement.extent);
      }
    }
    return checkTopLevel(this.interp, e, statement.extent);
  }

  /** Formats what is still buffered; output over the budget becomes the statement's error. */
  private flushOutput(): void {
    try {
      this.output.flush();
    } catch (e) {
      if (!(e instanceof TerminatingError)) throw e;
      this.fail(e.record);
      this.interp.statementFailed = true;
    }
  }

  /** One atomic write for everything the statement changed; false when it failed (the errors are recorded). */
  private commit(commandLine: string): boolean {
    const after = this.interp.afterCommit;
    this.interp.afterCommit = [];
    let ok: boolean;
    try {
      const result = this.repo.commit({ source: this.source, commandLine });
      if (result.written) this.changed = true;
      for (const w of result.warnings) this.output.line({ kind: 'warning', text: `WARNING: ${w.message}` });
      for (const c of result.conflicts) {
        this.fail(errorRecord({ message: c.message, errorId: 'ConcurrentChange', category: 'WriteError', exceptionType: 'InvalidOperationException', target: `${c.identity}:XdsIdentity` }));
      }
      ok = result.conflicts.length === 0;
    } catch (e) {
      this.repo.rollback();
      this.fail(errorRecord({ message: (e as Error).message, errorId: 'StoreWriteFailed', category: 'WriteError', exceptionType: 'IOException' }));
      ok = false;
    }
    // Side files that must match what was saved (a pulled baseline): only once it is saved.
    if (ok) {
      for (const work of after) {
        try {
          work();
        } catch (e) {
          this.fail(errorRecord({ message: `The change was saved, but a file beside the store could not be written: ${(e as Error).message}`, errorId: 'SideFileWriteFailed', category: 'WriteError', exceptionType: 'IOException' }));
          ok = false;
        }
      }
    }
    return ok;
  }

  private result(success: boolean, incomplete: boolean): ExecuteResult {
    this.flushOutput();
    const exit = this.exitCode !== undefined ? { exitCode: this.exitCode } : {};
    const stopped = this.stopped ? { stopped: true } : {};
    return { lines: this.lines, success: success && !this.stopped, incomplete, changed: this.changed, ...exit, ...stopped };
  }

  /**
   * Tab completion over this session's commands, the identities in the store's
   * in-memory copy (no file read: completion must stay instant) and the
   * session's variables. Never throws.
   */
  complete(input: string, cursor: number): CompletionResult {
    return complete(input, cursor, {
      commands: this.registry,
      identities: () => this.repo.list().map((r) => r.Identity),
      variables: () => this.interp.variables.names(),
    });
  }
}
