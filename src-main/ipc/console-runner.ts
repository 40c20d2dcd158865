// The window's console: one interactive Session whose prompts (-Confirm
// choices, a missing mandatory `Identity: `) are answered by later IPC calls.
//
// A statement that prompts is suspended inside the engine (Host.readLine has
// not returned). `execute` therefore resolves at the first of: the statement
// finished, or it asked something — with the output produced so far and the
// prompt text. `answer` hands the reply to the suspended readLine and again
// resolves at the next prompt or at the end. The statement holds the shared
// StatementQueue from start to finish, prompts included, so no form action
// can touch the repository's journal in between.

import { Session, type ExecuteOptions, type ExecuteResult } from '../engine/session';
import type { OutputLine } from '../engine/shell/commands';
import { PipelineStoppedError } from '../engine/shell/errors';
import type { StatementGuard, StopSignal } from '../engine/shell/runtime/stop';
import type { ConfigRepository } from '../engine/store/types';
import type { ConsoleResult } from './contract';
import { toOutputLineDto } from './dto';
import { refuse } from './errors';
import type { StatementQueue } from './statement-queue';

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A script cannot keep a cancelled console busy forever by prompting again and again. */
const MAX_CANCELLED_PROMPTS = 1_000;

export interface ConsoleRunnerOptions {
  readonly repo: ConfigRepository;
  readonly queue: StatementQueue;
  /** Called when a prompt starts waiting for its answer (the service turns queued form calls away). */
  readonly onPrompt: () => void;
  /** Called once a statement has finished, with the engine's result. */
  readonly onFinished: (result: ExecuteResult) => void;
  /** Where the console session asks whether the user pressed Stop. */
  readonly stop?: StopSignal;
  readonly guard?: StatementGuard;
  /** A streaming run's lines go here as they are produced (the headless shell prints as it goes). */
  readonly onStreamLine?: (line: OutputLine) => void;
  /** Told when a prompt starts and stops waiting for a human (a host may not cut a statement off meanwhile). */
  readonly onWaiting?: (waiting: boolean) => void;
  /** Back-pressure of a streaming run (see SessionOptions.drain). */
  readonly drain?: () => Promise<void> | undefined;
}

/** How one console input runs. */
export interface ConsoleExecuteOptions extends ExecuteOptions {
  /** Lines go to onStreamLine as they come instead of into the step results. */
  readonly stream?: boolean;
  /** False when nobody can answer a prompt (the headless shell without a terminal): prompts fail at once. Default true. */
  readonly interactive?: boolean;
}

/** One execute call's statement, from start to finish (prompts included). */
class Run {
  /** Set right after the run becomes current (the engine may print or prompt before execute returns). */
  done!: Promise<ExecuteResult>;
  /** Lines produced since the last step was reported. */
  buffer: OutputLine[] = [];
  failed = false;
  release: () => void = () => {};
  constructor(
    readonly source: string,
    readonly stream: boolean,
    readonly interactive: boolean,
  ) {}
  /** Resolved by readLine when the engine starts waiting; renewed after each answer. */
  promptRaised = deferred<void>();
  pending: { readonly prompt: string; readonly secret: boolean; readonly answer: (text: string | null) => void; readonly fail: (error: unknown) => void } | undefined;
}

export class ConsoleRunner {
  readonly session: Session;
  /** The statement in flight; statements are serialized, so there is at most one. */
  private run: Run | undefined;

  constructor(private readonly options: ConsoleRunnerOptions) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the host's getter needs the runner, not the host object
    const runner = this;
    this.session = new Session({
      repo: options.repo,
      host: {
        get interactive() {
          return runner.run?.interactive ?? true;
        },
        readLine: (prompt, options) => this.readLine(prompt, options?.secret === true),
      },
      onLine: (line) => {
        const run = this.run;
        if (!run) return;
        if (line.kind === 'error') run.failed = true;
        if (run.stream) options.onStreamLine?.(line);
        else run.buffer.push(line);
      },
      ...(options.stop ? { stop: options.stop } : {}),
      ...(options.guard ? { guard: options.guard } : {}),
      ...(options.drain ? { drain: () => (this.run?.stream ? options.drain!() : undefined) } : {}),
    });
  }

  /** The prompt the console is waiting on, if any. */
  get pendingPrompt(): string | undefined {
    return this.run?.pending?.prompt;
  }

  /** True while an input is running (prompts included). */
  get running(): boolean {
    return this.run !== undefined;
  }

  async execute(input: string, options: ConsoleExecuteOptions = {}): Promise<ConsoleResult> {
    const waiting = this.pendingPrompt;
    if (waiting !== undefined) {
      refuse('ConsoleAwaitingAnswer', `The console is waiting for an answer to "${waiting.trim()}". Answer it (or cancel it) first.`, 'InvalidOperation');
    }
    const release = await this.options.queue.acquire();
    // Each run keeps its own buffer: a later run may start (after this one
    // released the queue) before this call has read its last lines.
    const run = new Run(input, options.stream === true, options.interactive !== false);
    run.release = release;
    this.run = run;
    const { stream: _stream, interactive: _interactive, ...execute } = options;
    run.done = this.session.execute(input, { allowIncomplete: true, ...execute });
    void run.done.then(
      (result) => this.finish(run, release, result),
      () => this.finish(run, release, undefined),
    );
    return this.nextStep(run);
  }

  async answer(text: string | null): Promise<ConsoleResult> {
    const run = this.run;
    const pending = run?.pending;
    if (!run || !pending) refuse('NoPendingPrompt', 'The console is not waiting for an answer.', 'InvalidOperation');
    run.pending = undefined;
    run.promptRaised = deferred();
    pending.answer(text);
    return this.nextStep(run);
  }

  /**
   * Answers pending prompts with "no input" (the engine then stops that
   * command with ConfirmationNotAnswered), for when the page that showed the
   * prompt is gone (reload). A script's later statements may ask again, so
   * this repeats — boundedly — until the console is no longer waiting.
   */
  async cancelPrompt(): Promise<void> {
    for (let i = 0; i < MAX_CANCELLED_PROMPTS && this.pendingPrompt !== undefined; i++) await this.answer(null);
  }

  /** Stop pressed: a statement waiting on a prompt stops now (a busy one sees the StopSignal). */
  stopPrompt(): void {
    const pending = this.run?.pending;
    if (!pending || !this.run) return;
    this.run.pending = undefined;
    this.run.promptRaised = deferred();
    pending.fail(new PipelineStoppedError());
  }

  /** Stop pressed while a prompt waits: the statement stops; resolves with how the input ended. */
  async stopAtPrompt(): Promise<ConsoleResult> {
    const run = this.run;
    if (!run?.pending) refuse('NoPendingPrompt', 'The console is not waiting for an answer.', 'InvalidOperation');
    this.stopPrompt();
    return this.nextStep(run);
  }

  /**
   * The running statement was cut off from outside and its code will never
   * return: release the queue, roll back, and give the result it ends with.
   * Undefined when nothing was running.
   */
  abandon(): ConsoleResult | undefined {
    const run = this.run;
    if (!run) return undefined;
    this.run = undefined;
    run.pending = undefined;
    const result = this.session.abandon(run.source);
    run.release();
    this.options.onFinished(result);
    const output = run.buffer.map(toOutputLineDto);
    run.buffer = [];
    return { output, prompt: null, incomplete: false, success: false, stopped: true, ...(result.changed ? { changed: true } : {}) };
  }

  private readLine(prompt: string, secret = false): Promise<string | null> {
    const run = this.run;
    if (!run) return Promise.resolve(null);
    // Stop already pressed: never show a prompt nobody will get to answer.
    if (this.options.stop?.requested) return Promise.reject(new PipelineStoppedError());
    return new Promise((resolve, reject) => {
      this.options.onWaiting?.(true);
      const done = (): void => this.options.onWaiting?.(false);
      run.pending = {
        prompt,
        secret,
        answer: (text) => {
          done();
          resolve(text);
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      this.options.onPrompt();
      run.promptRaised.resolve();
    });
  }

  private finish(run: Run, release: () => void, result: ExecuteResult | undefined): void {
    run.pending = undefined;
    if (this.run === run) this.run = undefined;
    release();
    if (result) this.options.onFinished(result);
  }

  /** Waits for the statement to finish or to ask something; reports the output since the last step. */
  private async nextStep(run: Run): Promise<ConsoleResult> {
    const step = await Promise.race([
      run.done.then((result) => ({ result }), (error: unknown) => ({ error })),
      run.promptRaised.promise.then(() => ({ prompt: true as const })),
    ]);
    const output = run.buffer.map(toOutputLineDto);
    run.buffer = [];
    if ('prompt' in step) {
      return { output, prompt: run.pending?.prompt ?? null, ...(run.pending?.secret ? { secret: true } : {}), incomplete: false, success: !run.failed };
    }
    if ('error' in step) throw step.error;
    const r = step.result;
    return {
      output,
      prompt: null,
      incomplete: r.incomplete,
      success: r.success,
      ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}),
      ...(r.stopped ? { stopped: true } : {}),
      ...(r.changed ? { changed: true } : {}),
    };
  }
}
