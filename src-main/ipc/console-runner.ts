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

import { Session, type ExecuteResult } from '../engine/session';
import type { OutputLine } from '../engine/shell/commands';
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
}

/** One execute call's statement, from start to finish (prompts included). */
class Run {
  /** Set right after the run becomes current (the engine may print or prompt before execute returns). */
  done!: Promise<ExecuteResult>;
  /** Lines produced since the last step was reported. */
  buffer: OutputLine[] = [];
  failed = false;
  /** Resolved by readLine when the engine starts waiting; renewed after each answer. */
  promptRaised = deferred<void>();
  pending: { readonly prompt: string; readonly answer: (text: string | null) => void } | undefined;
}

export class ConsoleRunner {
  readonly session: Session;
  /** The statement in flight; statements are serialized, so there is at most one. */
  private run: Run | undefined;

  constructor(private readonly options: ConsoleRunnerOptions) {
    this.session = new Session({
      repo: options.repo,
      host: { interactive: true, readLine: (prompt) => this.readLine(prompt) },
      onLine: (line) => {
        const run = this.run;
        if (!run) return;
        if (line.kind === 'error') run.failed = true;
        run.buffer.push(line);
      },
    });
  }

  /** The prompt the console is waiting on, if any. */
  get pendingPrompt(): string | undefined {
    return this.run?.pending?.prompt;
  }

  async execute(input: string): Promise<ConsoleResult> {
    const waiting = this.pendingPrompt;
    if (waiting !== undefined) {
      refuse('ConsoleAwaitingAnswer', `The console is waiting for an answer to "${waiting.trim()}". Answer it (or cancel it) first.`, 'InvalidOperation');
    }
    const release = await this.options.queue.acquire();
    // Each run keeps its own buffer: a later run may start (after this one
    // released the queue) before this call has read its last lines.
    const run = new Run();
    this.run = run;
    run.done = this.session.execute(input, { allowIncomplete: true });
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

  private readLine(prompt: string): Promise<string | null> {
    const run = this.run;
    if (!run) return Promise.resolve(null);
    return new Promise((resolve) => {
      run.pending = { prompt, answer: resolve };
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
      return { output, prompt: run.pending?.prompt ?? null, incomplete: false, success: !run.failed };
    }
    if ('error' in step) throw step.error;
    return { output, prompt: null, incomplete: step.result.incomplete, success: step.result.success };
  }
}
