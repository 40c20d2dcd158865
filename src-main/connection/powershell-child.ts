// Runs one PowerShell child process to its end: its lines as they come, a
// password (if any) on standard input, a deadline, and Stop. A child that
// outlives its deadline or is stopped is ended with everything it started
// (its process group; taskkill /T on Windows), so a hung remote session or
// a module that waits for input never stays behind.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { decodeWindows1252 } from '../engine/files/encoding';

export interface ChildRun {
  readonly executable: string;
  readonly args: readonly string[];
  /** Written to standard input, which is then closed (a password line, or nothing). */
  readonly stdin: string;
  readonly timeoutMs: number;
  onLine(text: string, stream: 'output' | 'error'): Promise<void>;
  stopRequested(): boolean;
}

export type ChildEnd =
  | { readonly kind: 'exited'; readonly code: number | null; readonly signal: string | null }
  | { readonly kind: 'not-started'; readonly code: string; readonly message: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'stopped' };

/** How often Stop and the deadline are checked while the child runs. */
const POLL_MS = 50;
/** Lines waiting to be shown at which the child's pipes are paused, and resumed. */
const QUEUE_HIGH = 1_000;
const QUEUE_LOW = 100;
/** After asking a child to end, how long before it is killed outright. */
const KILL_AFTER_MS = 2_000;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A line as text: UTF-8 as the bootstrap asks for; a child that ignored it (an old console code page) is read as Windows-1252. */
export function decodeLine(bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Splits a byte stream into lines (LF or CR LF), calling `line` for each complete one. */
class LineSplitter {
  private rest = Buffer.alloc(0);
  constructor(private readonly line: (bytes: Buffer) => void) {}

  push(chunk: Buffer): void {
    let data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    let at: number;
    while ((at = data.indexOf(0x0a)) !== -1) {
      const end = at > 0 && data[at - 1] === 0x0d ? at - 1 : at;
      this.line(data.subarray(0, end));
      data = data.subarray(at + 1);
    }
    // A child that never ends a line cannot fill memory: a very long piece is passed on as a line.
    if (data.length > 1_000_000) {
      this.line(data);
      data = Buffer.alloc(0);
    }
    this.rest = Buffer.from(data);
  }

  end(): void {
    if (this.rest.length > 0) this.line(this.rest);
    this.rest = Buffer.alloc(0);
  }
}

/** Children now running, so that a stop from outside or the end of this thread ends them too. */
const running = new Set<ChildProcess>();
let onRunningChanged: ((pids: number[]) => void) | undefined;

function runningChanged(): void {
  onRunningChanged?.([...running].map((c) => c.pid!).filter((pid) => pid !== undefined));
}

/**
 * Tells `listener` the process ids of the children now running, whenever
 * they change. The session worker passes them to its host, which ends them
 * if the worker itself is ended (terminate() runs none of the worker's own
 * exit handlers), so no PowerShell outlives the statement or the app.
 */
export function watchRunningChildren(listener: (pids: number[]) => void): void {
  onRunningChanged = listener;
}

/** Ends every child still running: called when Stop is pressed, before the statement's own check sees it. */
export function endRunningChildren(): void {
  for (const child of running) endTree(child);
}

/** Ends a process and everything it started (its process group; taskkill /T on Windows). */
export function endProcessTree(pid: number): void {
  if (process.platform === 'win32') {
    // By full path: a taskkill.exe earlier on PATH (or in the current folder) must not be the one run.
    const taskkill = path.join(process.env['SystemRoot'] ?? 'C:\\Windows', 'System32', 'taskkill.exe');
    spawnSync(taskkill, ['/pid', String(pid), '/T', '/F'], { windowsHide: true, stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, KILL_AFTER_MS).unref();
}

function endTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  endProcessTree(child.pid);
}

export async function runChild(run: ChildRun): Promise<ChildEnd> {
  let child: ChildProcess;
  try {
    child = spawn(run.executable, [...run.args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      // Its own process group, so that ending it ends what it started too.
      detached: process.platform !== 'win32',
      env: process.env,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { kind: 'not-started', code: err.code ?? 'UNKNOWN', message: err.message };
  }
  running.add(child);
  runningChanged();
  const gone = (): void => {
    if (running.delete(child)) runningChanged();
  };
  child.once('close', gone);
  child.once('error', gone);

  // Lines are delivered in order, one at a time. When the console falls behind, the child's pipes are
  // paused (and the child then waits on its writes), so a flood of output never piles up in memory.
  let delivering: Promise<void> = Promise.resolve();
  let closed = false;
  let queued = 0;
  const deliver = (stream: 'output' | 'error') => (bytes: Buffer) => {
    // Lines of a child that was stopped or timed out arrive after its statement ended: nobody is listening.
    if (closed) return;
    const text = decodeLine(bytes);
    if (++queued === QUEUE_HIGH) {
      child.stdout!.pause();
      child.stderr!.pause();
    }
    delivering = delivering
      .then(() => run.onLine(text, stream))
      .finally(() => {
        if (--queued === QUEUE_LOW) {
          child.stdout!.resume();
          child.stderr!.resume();
        }
      });
  };
  const out = new LineSplitter(deliver('output'));
  const err = new LineSplitter(deliver('error'));
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
  // A child that exits without reading its input must not crash us with EPIPE.
  child.stdin!.on('error', () => {});
  child.stdin!.end(run.stdin);

  const ended = new Promise<ChildEnd>((resolve) => {
    child.once('error', (e: NodeJS.ErrnoException) => resolve({ kind: 'not-started', code: e.code ?? 'UNKNOWN', message: e.message }));
    child.once('close', (code, signal) => {
      out.end();
      err.end();
      resolve({ kind: 'exited', code, signal });
    });
  });

  const deadline = Date.now() + run.timeoutMs;
  let outcome: ChildEnd | undefined;
  while (outcome === undefined) {
    const tick = new Promise<undefined>((r) => setTimeout(r, POLL_MS));
    const done = await Promise.race([ended, tick]);
    if (done !== undefined) outcome = done;
    else if (run.stopRequested()) outcome = { kind: 'stopped' };
    else if (Date.now() > deadline) outcome = { kind: 'timeout' };
  }
  // The lines still to show are shown, with Stop and the deadline still heard.
  while (outcome.kind === 'exited') {
    const shown = delivering.then(
      () => true,
      () => true,
    );
    if (await Promise.race([shown, new Promise<false>((r) => setTimeout(() => r(false), POLL_MS))])) break;
    if (run.stopRequested()) outcome = { kind: 'stopped' };
    else if (Date.now() > deadline) outcome = { kind: 'timeout' };
  }
  // Ended from outside because Stop was pressed (endRunningChildren): that is a stop, not a crash.
  if (outcome.kind === 'exited' && run.stopRequested()) outcome = { kind: 'stopped' };
  if (outcome.kind === 'stopped' || outcome.kind === 'timeout') {
    closed = true;
    endTree(child);
    // Its last lines are not waited for: the user asked it to go (or it had its time).
    delivering.catch(() => {});
    return outcome;
  }
  await delivering;
  return outcome;
}
