// The worker's side of output streaming: a running input's lines go to the
// host in numbered batches, and the engine waits when the host is behind.
//
// A batch is posted at once while the host's reader has taken everything
// (it is waiting: the first line of an input shows without delay), else once
// it holds BATCH_LINES lines or BATCH_CHARS characters, or BATCH_MS after its
// first line (checked as lines come, since a
// busy pipeline never lets a timer run, and by a timer for a pipeline that is
// waiting on something). At most MAX_UNACKED batches may be unacknowledged;
// the host acknowledges a batch only when its reader has taken it, so the
// engine (Session's `drain`) waits for a slow window instead of filling memory.

import type { OutputLineDto } from '../ipc/contract';

export const BATCH_LINES = 2_000;
export const BATCH_CHARS = 256 * 1024;
export const BATCH_MS = 16;
export const MAX_UNACKED = 4;

export class LinePump {
  private batch: OutputLineDto[] = [];
  private chars = 0;
  private started = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Sequence number of the last batch posted, and of the last one the host acknowledged. */
  private posted = 0;
  private acked = 0;
  private waiters: (() => void)[] = [];
  /** Stop was pressed: nobody waits on the reader any more. */
  private released = false;

  constructor(private readonly post: (seq: number, lines: OutputLineDto[]) => void) {}

  push(line: OutputLineDto): void {
    const now = performance.now();
    if (this.batch.length === 0) {
      this.started = now;
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, BATCH_MS);
    }
    this.batch.push(line);
    this.chars += line.text.length;
    const idle = this.posted === this.acked;
    if (idle || this.batch.length >= BATCH_LINES || this.chars >= BATCH_CHARS || now - this.started >= BATCH_MS) this.flush();
  }

  /** Posts what is pending (the input ends or asks something, or its batch is due). */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.batch.length === 0) return;
    const lines = this.batch;
    this.batch = [];
    this.chars = 0;
    this.post(++this.posted, lines);
  }

  /** The host's reader took every batch up to `seq`. */
  ack(seq: number): void {
    if (seq <= this.acked) return;
    this.acked = Math.min(seq, this.posted);
    if (this.posted - this.acked < MAX_UNACKED) this.wake();
  }

  /** For Session's drain: a promise while too many batches wait for the reader. */
  drain(): Promise<void> | undefined {
    if (this.released || this.posted - this.acked < MAX_UNACKED) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stop was pressed: the pipeline must reach its stop check, not wait on the reader. */
  release(): void {
    this.released = true;
    this.wake();
  }

  /** A new input, or a step's reply took every line still held: start with a clean slate. */
  reset(): void {
    this.flush();
    this.acked = this.posted;
    this.released = false;
    this.wake();
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
