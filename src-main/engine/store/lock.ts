// A cross-process lock around the store's read-modify-write.
//
// conf's writes are atomic, but two processes that each read, change and write
// the whole file lose each other's updates. Every commit therefore holds
// `<store>.lock`, a file created with O_EXCL ('wx') that names its holder
// (pid, host, random token, time). The lock is synchronous on purpose: the
// engine commits synchronously at the end of a statement, and commits take
// milliseconds, so waiting is a short Atomics.wait sleep rather than a timer.
//
// A lock is stale when its holder is a dead process on this host, when it is
// older than `staleMs`, or when it is empty for more than a moment (its creator
// died between creating and writing it). Breaking a stale lock is serialised
// by a second exclusive file, `<lock>.break`, and only removes the lock the
// breaker actually inspected, so two breakers cannot remove a fresh lock.
// Known limit: a holder that is alive but exceeded `staleMs` can lose its lock;
// commits never take that long in practice.

import fs from 'node:fs';
import os from 'node:os';
import crypto from 'node:crypto';
import path from 'node:path';
import { describeError, errorCode } from './files';

export interface LockOptions {
  /** How long to wait for another holder before failing. Default 10 s. */
  readonly timeoutMs?: number;
  /** A lock older than this is broken even if its holder seems alive. Default 30 s. */
  readonly staleMs?: number;
  /** Base delay between attempts (jittered ×1–3). Default 5 ms. */
  readonly retryMs?: number;
}

export interface LockHolder {
  readonly pid?: number;
  readonly host?: string;
  readonly token?: string;
  readonly time?: string;
}

export class StoreLockError extends Error {
  constructor(
    message: string,
    readonly holder?: LockHolder,
    /** The errno code when the lock file could not be created or written (EACCES, EROFS, ENOSPC…). */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StoreLockError';
  }
}

/** Codes that mean the store folder cannot be written by us: the store can still be read. */
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** True when the lock failed because the store folder is read-only (for us). */
export function isReadOnlyLockError(err: unknown): err is StoreLockError & { code: string } {
  return err instanceof StoreLockError && err.code !== undefined && READ_ONLY_CODES.has(err.code);
}

/** "The store folder … is read-only" for a lock that failed that way. */
export function readOnlyFolderMessage(storePath: string, err: StoreLockError): string {
  const cause = err.code === 'EROFS' ? 'the file system is read-only' : `${err.code}: we may not create files there`;
  return `The store folder ${path.dirname(storePath)} is read-only (${cause}): changes to the configuration store ${storePath} cannot be saved.`;
}

export interface HeldLock {
  readonly path: string;
  readonly token: string;
  /** Removes the lock file if it is still ours (safe to call twice). */
  release(): void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_MS = 30_000;
const DEFAULT_RETRY_MS = 5;
/** An empty lock file this old belongs to a creator that died before writing it. */
const EMPTY_LOCK_GRACE_MS = 2_000;
const BREAK_MUTEX_STALE_MS = 5_000;

/** Tokens of locks this process holds now; a lock naming our pid but not one of these is a leftover. */
const heldTokens = new Set<string>();
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

export function lockPathFor(storePath: string): string {
  return `${storePath}.lock`;
}

/** Blocks the thread for `ms` milliseconds without spinning. */
export function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(sleepCell, 0, 0, ms);
}

interface Seen {
  readonly raw: string;
  readonly ino: number;
  readonly ageMs: number;
  readonly holder: LockHolder | undefined;
}

function inspect(file: string): Seen | undefined {
  try {
    const st = fs.statSync(file);
    const raw = fs.readFileSync(file, 'utf8');
    let holder: LockHolder | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'object' && parsed !== null) holder = parsed as LockHolder;
    } catch {
      holder = undefined; // being written right now, or its writer died
    }
    return { raw, ino: st.ino, ageMs: Date.now() - st.mtimeMs, holder };
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(err) !== 'ESRCH';
  }
}

function isStale(seen: Seen, staleMs: number): boolean {
  if (seen.ageMs > staleMs) return true;
  const h = seen.holder;
  if (!h || typeof h.pid !== 'number') return seen.ageMs > EMPTY_LOCK_GRACE_MS;
  if (h.host !== undefined && h.host !== os.hostname()) return false; // cannot probe another machine's pids
  if (h.pid === process.pid) return !(typeof h.token === 'string' && heldTokens.has(h.token));
  return !isProcessAlive(h.pid);
}

/** Removes the stale lock we inspected, unless someone replaced it meanwhile. True when it is gone. */
function breakStale(lockPath: string, seen: Seen): boolean {
  const mutex = `${lockPath}.break`;
  let fd: number;
  try {
    fd = fs.openSync(mutex, 'wx', 0o600);
  } catch (err) {
    if (errorCode(err) !== 'EEXIST') throw err;
    const other = inspect(mutex);
    const pid = other?.holder?.pid;
    const dead = typeof pid === 'number' && pid !== process.pid && !isProcessAlive(pid);
    if (other && (dead || other.ageMs > BREAK_MUTEX_STALE_MS)) fs.rmSync(mutex, { force: true });
    return false; // let the other breaker finish; the caller waits and retries
  }
  try {
    try {
      fs.writeSync(fd, JSON.stringify({ pid: process.pid }));
    } finally {
      fs.closeSync(fd);
    }
    const now = inspect(lockPath);
    if (now && now.ino === seen.ino && now.raw === seen.raw) fs.unlinkSync(lockPath);
    return true;
  } finally {
    fs.rmSync(mutex, { force: true });
  }
}

function describeHolder(h: LockHolder | undefined): string {
  if (!h || typeof h.pid !== 'number') return 'another process';
  const host = h.host && h.host !== os.hostname() ? ` on ${h.host}` : '';
  return `another process (pid ${h.pid}${host}${h.time ? `, since ${h.time}` : ''})`;
}

/**
 * Takes the lock for `storePath`, waiting up to `timeoutMs`. Throws a
 * StoreLockError naming the holder when it cannot.
 */
export function acquireLock(storePath: string, options: LockOptions = {}): HeldLock {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  const lockPath = lockPathFor(storePath);
  const token = crypto.randomBytes(16).toString('hex');
  const deadline = Date.now() + timeoutMs;

  for (;;) {
    let fd: number;
    try {
      fd = fs.openSync(lockPath, 'wx', 0o600);
    } catch (err) {
      const cannot = (e: unknown, code?: string) =>
        new StoreLockError(`Cannot lock the configuration store ${storePath}: ${describeError(e)}`, undefined, code);
      // Only a failure to create the lock says the folder is read-only; one reading another's lock does not.
      if (errorCode(err) !== 'EEXIST') throw cannot(err, errorCode(err));
      let seen: Seen | undefined;
      try {
        seen = inspect(lockPath);
        if (!seen) continue; // released between our attempt and our look
        if (isStale(seen, staleMs) && breakStale(lockPath, seen)) continue;
      } catch (e) {
        throw cannot(e);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new StoreLockError(
          `The configuration store ${storePath} is locked by ${describeHolder(seen.holder)}. ` +
            `Waited ${timeoutMs / 1000} s. If no other pchat-admin window or shell is using it, delete ${lockPath}.`,
          seen.holder,
        );
      }
      sleepSync(Math.min(left, retryMs * (1 + Math.random() * 2)));
      continue;
    }
    try {
      const holder = { pid: process.pid, host: os.hostname(), token, time: new Date().toISOString() };
      try {
        fs.writeSync(fd, JSON.stringify(holder));
      } finally {
        fs.closeSync(fd);
      }
    } catch (err) {
      fs.rmSync(lockPath, { force: true });
      throw new StoreLockError(`Cannot lock the configuration store ${storePath}: ${describeError(err)}`, undefined, errorCode(err));
    }
    heldTokens.add(token);
    let released = false;
    return {
      path: lockPath,
      token,
      release() {
        if (released) return;
        released = true;
        heldTokens.delete(token);
        // Only remove the file if it is still ours: a lock broken as stale may now belong to someone else.
        if (inspect(lockPath)?.holder?.token === token) fs.rmSync(lockPath, { force: true });
      },
    };
  }
}

/** Runs `fn` while holding the lock for `storePath`. */
export function withLock<T>(storePath: string, fn: () => T, options?: LockOptions): T {
  const lock = acquireLock(storePath, options);
  try {
    return fn();
  } finally {
    lock.release();
  }
}
