// How a running statement learns that the user asked it to stop. The runtime
// asks `requested` at every statement, pipeline item and scriptblock call, so
// a stop takes effect within microseconds of the next one; the host decides
// where the flag lives (a SharedArrayBuffer cell when the session runs in a
// worker, since a busy worker never gets to read a message).

export interface StopSignal {
  /** True once a stop was requested for the statement now running. */
  readonly requested: boolean;
}

export const NEVER_STOPS: StopSignal = Object.freeze({ requested: false });

/**
 * Optional hooks around each top-level statement, for a host that can cut a
 * statement off from outside (a runaway regular expression never reaches a
 * check). `enter` marks the start of engine code that may be cut off;
 * `leave` marks its end, before the commit, and returns false when a cut-off
 * is already on its way — the statement then counts as stopped.
 */
export interface StatementGuard {
  enter(): void;
  leave(): boolean;
}
