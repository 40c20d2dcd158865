// The host's side of output streaming (the worker's is line-pump.ts): the
// running console input's batches wait here until the window takes them
// (pchat:console:output). A batch is acknowledged to the worker only when it
// is taken, so the worker never gets more than a few batches ahead of the
// window. When the input's step ends, its reply takes every line still here.

import type { OutputBatch, OutputLineDto } from '../ipc/contract';

/** One take hands out whole batches up to about this many lines (at least one batch). */
export const MAX_TAKE_LINES = 4_000;
/** A reader waits at most this long for lines; it then gets an empty batch and asks again. */
export const TAKE_WAIT_MS = 10_000;

const EMPTY: OutputBatch = Object.freeze({ lines: Object.freeze([]) });

interface Waiter {
  readonly resolve: (batch: OutputBatch) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export class OutputPipe {
  private batches: { seq: number; lines: readonly OutputLineDto[] }[] = [];
  private waiters: Waiter[] = [];

  constructor(private readonly ack: (seq: number) => void) {}

  /** A batch arrived from the worker. */
  add(seq: number, lines: readonly OutputLineDto[]): void {
    this.batches.push({ seq, lines });
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(this.takeNow());
    }
  }

  /** The next lines: at once when there are some or `running` is false, else when some come (or after TAKE_WAIT_MS). */
  take(running: boolean): OutputBatch | Promise<OutputBatch> {
    if (this.batches.length > 0) return this.takeNow();
    if (!running) return EMPTY;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(EMPTY);
        }, TAKE_WAIT_MS),
      };
      this.waiters.push(waiter);
    });
  }

  /** The step ended: every line not taken yet (for its reply); waiting readers get an empty batch. */
  end(): OutputLineDto[] {
    const lines = this.batches.flatMap((b) => b.lines);
    this.batches = [];
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.resolve(EMPTY);
    }
    return lines;
  }

  private takeNow(): OutputBatch {
    const lines: OutputLineDto[] = [];
    let seq = 0;
    while (this.batches.length > 0 && (lines.length === 0 || lines.length + this.batches[0]!.lines.length <= MAX_TAKE_LINES)) {
      const batch = this.batches.shift()!;
      for (const line of batch.lines) lines.push(line);
      seq = batch.seq;
    }
    this.ack(seq);
    return { lines };
  }
}
