// The control block the host and the session worker share (a
// SharedArrayBuffer): the stop flag, and which phase the console statement is
// in. It is read with Atomics on both sides, because a worker busy in a
// runaway statement never gets to read a message.
//
// Phases and who moves between them:
//   IDLE ──enter()──▶ RUNNING ──leave()──▶ IDLE          (worker)
//   RUNNING ──prompt──▶ WAITING ──answer──▶ RUNNING        (worker)
//   RUNNING ──host: cut off──▶ CUTTING                      (host, compare-and-swap)
// The host cuts a statement off (interrupts its JavaScript) only by winning
// RUNNING → CUTTING. The worker leaves RUNNING by compare-and-swap too, so
// exactly one side wins: if the worker finds CUTTING at leave(), an interrupt
// is on its way and it waits for it rather than carrying on into code that
// the interrupt could hit. While WAITING (a prompt) or IDLE, nothing is cut off.

import type { StatementGuard, StopSignal } from '../engine/shell/runtime/stop';

const STOP = 0;
const PHASE = 1;
const SLEEP = 2;

export const IDLE = 0;
export const RUNNING = 1;
export const CUTTING = 2;
export const WAITING = 3;

/** How long leave() waits for an interrupt it knows is coming before giving up on it. */
const ABSORB_LIMIT_MS = 2_000;

export function createControlBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
}

export class Control {
  private readonly cells: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer);
  }

  get stopRequested(): boolean {
    return Atomics.load(this.cells, STOP) === 1;
  }

  requestStop(): void {
    Atomics.store(this.cells, STOP, 1);
  }

  clearStop(): void {
    Atomics.store(this.cells, STOP, 0);
  }

  get phase(): number {
    return Atomics.load(this.cells, PHASE);
  }

  /** Host side: claims the right to interrupt; false unless a statement is running engine code. */
  claimCut(): boolean {
    return Atomics.compareExchange(this.cells, PHASE, RUNNING, CUTTING) === RUNNING;
  }

  /** Back to IDLE, whatever the phase (after a cut-off was dealt with, or a new worker). */
  reset(): void {
    Atomics.store(this.cells, PHASE, IDLE);
  }

  /** Worker side: a prompt starts (true) or stops (false) waiting for a human. */
  setWaiting(waiting: boolean): void {
    if (waiting) Atomics.compareExchange(this.cells, PHASE, RUNNING, WAITING);
    else Atomics.compareExchange(this.cells, PHASE, WAITING, RUNNING);
  }

  /** The StopSignal the engine polls. */
  signal(): StopSignal {
    const control = this;
    return {
      get requested() {
        return control.stopRequested;
      },
    };
  }

  /** The StatementGuard the console session brackets each top-level statement with. */
  guard(): StatementGuard {
    return {
      enter: () => {
        Atomics.compareExchange(this.cells, PHASE, IDLE, RUNNING);
      },
      leave: () => {
        if (Atomics.compareExchange(this.cells, PHASE, RUNNING, IDLE) !== CUTTING) return true;
        // The host won: an interrupt is on its way. Wait for it here, where it
        // can only cut off this statement (each wake-up is a loop back-edge,
        // where V8 takes interrupts). If it never comes, count as stopped.
        const deadline = Date.now() + ABSORB_LIMIT_MS;
        while (Date.now() < deadline) Atomics.wait(this.cells, SLEEP, 0, 5);
        return false;
      },
    };
  }
}
