// One statement at a time over the shared repository. The console session and
// the forms session journal their changes into the SAME repository, and a
// statement's journal is only committed when the statement ends, so two
// statements must never interleave — not even when one of them is suspended
// on a -Confirm prompt.
//
// A plain FIFO lock: `acquire()` resolves with a release function once every
// earlier holder has released. `rejectWaiting()` lets the owner turn away
// everyone still queued (used when the console starts waiting on a human).

export class StatementQueue {
  private held = false;
  private readonly waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  get busy(): boolean {
    return this.held;
  }

  async acquire(): Promise<() => void> {
    if (this.held) {
      await new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    } else {
      this.held = true;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Hand the lock straight to the next waiter, so nobody can slip in between.
      const next = this.waiters.shift();
      if (next) next.resolve();
      else this.held = false;
    };
  }

  /** Runs `task` holding the lock. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** Rejects every queued (not yet running) caller with `error`. */
  rejectWaiting(error: unknown): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
