// Cuts off JavaScript that never returns to the engine's stop checks (a
// catastrophic regular expression) without ending the worker: V8's
// Runtime.terminateExecution, sent through the process's own inspector to the
// worker's isolate. V8 delivers it as an interrupt, so it works while the
// worker is busy; the worker's event loop then carries on, and with it the
// session's variables and history. No port is opened: this is the in-process
// inspector API. Where the inspector is unavailable, interrupt() returns
// false and the host falls back to restarting the worker.

import inspector from 'node:inspector';

type Post = (method: string, params?: object) => void;

export class WorkerInterrupter {
  private session: inspector.Session | undefined;
  private post: Post | undefined;
  /** Inspector session ids of attached workers, by thread id. */
  private readonly sessions = new Map<number, string>();
  private failed = false;

  /** Starts listening for workers; call before (or right after) starting one. */
  enable(): void {
    if (this.session !== undefined || this.failed) return;
    try {
      const session = new inspector.Session();
      session.connect();
      session.on('NodeWorker.attachedToWorker', (message) => {
        const params = (message as { params: { sessionId: string; workerInfo: { title: string } } }).params;
        // workerId is the inspector's own counter; the title names the thread: "[worker <threadId>] …".
        const thread = /^\[worker (\d+)\]/.exec(params.workerInfo.title)?.[1];
        if (thread !== undefined) this.sessions.set(Number(thread), params.sessionId);
      });
      session.on('NodeWorker.detachedFromWorker', (message) => {
        const { sessionId } = (message as { params: { sessionId: string } }).params;
        for (const [thread, id] of this.sessions) if (id === sessionId) this.sessions.delete(thread);
      });
      this.post = (method, params) => session.post(method, params ?? {}, () => {});
      this.post('NodeWorker.enable', { waitForDebuggerOnStart: false });
      this.session = session;
    } catch {
      this.failed = true;
    }
  }

  /** Interrupts whatever JavaScript the worker runs now; false when that is not possible. */
  interrupt(threadId: number): boolean {
    const sessionId = this.sessions.get(threadId);
    if (this.post === undefined || sessionId === undefined) return false;
    try {
      this.post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.terminateExecution' }) });
      return true;
    } catch {
      return false;
    }
  }

  dispose(): void {
    try {
      this.session?.disconnect();
    } catch {
      // Already gone.
    }
    this.session = undefined;
    this.post = undefined;
    this.sessions.clear();
  }
}
