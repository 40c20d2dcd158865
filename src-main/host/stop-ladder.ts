// Stop, in three steps, each only if the one before did not end the
// statement: (1) the shared stop flag, which the engine polls at every
// statement, pipeline item and scriptblock call, and the `stop` message,
// which fails a prompt waiting for an answer (the host sends both before
// climbing); (2) after CUT_AFTER_MS, an interrupt of the worker's JavaScript
// (interrupt.ts) followed by the `cut` message, which rolls the statement
// back and keeps the session; (3) after RESTART_AFTER_MS, a new worker: the
// statement still changed nothing, but the session's variables are lost, and
// the user is told so. Between statements (a commit, bounded work) the worker
// gets RESTART_BETWEEN_MS, so a commit is never cut in the middle.

/** A statement that did not react to the stop flag by now is interrupted. */
export const CUT_AFTER_MS = 150;
/** A statement still running by now (the interrupt did not work) costs the session: a new worker. */
export const RESTART_AFTER_MS = 800;
/** Between statements the worker is committing: give that time to finish rather than cut a commit. */
export const RESTART_BETWEEN_MS = 10_000;
const TICK_MS = 20;

export interface LadderSteps {
  /** The statement has ended (its call was answered). */
  ended(): boolean;
  /** The worker is between statements. */
  between(): boolean;
  /** Wins the right to interrupt (control.ts claimCut). */
  claimCut(): boolean;
  /** Interrupts the worker and sends `cut`; false when the interrupt is unavailable. */
  cut(): boolean;
  /** Replaces the worker. */
  restart(): void;
  /** Keeps the pending timer, so the host can cancel it. */
  schedule(timer: ReturnType<typeof setTimeout>): void;
}

/** Runs steps (2) and (3) until the statement has ended. */
export function climbStopLadder(steps: LadderSteps): void {
  const started = Date.now();
  let cut = false;
  const tick = (): void => {
    if (steps.ended()) return;
    const elapsed = Date.now() - started;
    if (elapsed >= (steps.between() ? RESTART_BETWEEN_MS : RESTART_AFTER_MS)) return steps.restart();
    if (!cut && steps.claimCut()) {
      cut = true;
      if (!steps.cut()) return steps.restart();
    }
    steps.schedule(setTimeout(tick, TICK_MS));
  };
  steps.schedule(setTimeout(tick, CUT_AFTER_MS));
}
