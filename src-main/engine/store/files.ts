// Small synchronous file helpers for the store: change fingerprints, moving a
// bad file aside and copying one (never deleting or truncating it), the one
// atomic write every store write goes through, and keeping files private
// (0600) without ever following a symbolic link: the store folder may be
// shared, and a planted link must not turn our writes or chmods onto a file
// outside it.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export const STORE_FILE_MODE = 0o600;

/**
 * Identifies one version of the file: inode, size, and nanosecond mtime and
 * ctime. Atomic writes rename a new inode into place, so any write by any
 * process changes it; nanosecond times make a false "unchanged" practically
 * impossible even if an inode number is reused at the same size. null means
 * the file does not exist. The link itself is described (lstat), never its
 * target: a link that replaces the file is a change.
 */
export type Fingerprint = string | null;

export function fingerprintOfStats(s: fs.BigIntStats): string {
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

export function fingerprintOf(file: string): Fingerprint {
  try {
    return fingerprintOfStats(fs.lstatSync(file, { bigint: true }));
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw err;
  }
}

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** "EACCES: permission denied, open '…'" style text for user-facing messages. */
export function describeError(err: unknown): string {
  if (err instanceof SyntaxError) return `it is not valid JSON (${err.message})`;
  return err instanceof Error ? err.message : String(err);
}

/** 2026-11-25T15:04:05.123Z → 2026-11-25T15-04-05-123Z (safe in file names everywhere). */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** The store file's text: the same layout as conf's own serializer, so diffs stay minimal. */
export function serializeStore(value: unknown): string {
  return JSON.stringify(value, undefined, '\t');
}

/** True when anything (even a dangling link) has this name. */
function taken(name: string): boolean {
  try {
    fs.lstatSync(name);
    return true;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
}

function freeName(base: string): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Renames `file` to `<file>.<tag>-<timestamp>` (plus -2, -3… if taken) and
 * returns the new path. A rename keeps the original bytes exactly; renaming a
 * link moves the link, not its target.
 */
export function moveAside(file: string, tag = 'corrupt', now: Date = new Date()): string {
  const target = freeName(`${file}.${tag}-${fileTimestamp(now)}`);
  fs.renameSync(file, target);
  // The backup holds the same settings as the store: keep it as private as the store.
  try {
    ensureMode(target);
  } catch {
    // Not fatal: the data is safe either way.
  }
  return target;
}

/** The message for a file that had to be moved aside. */
export function movedAsideWarning(file: string, reason: string, backup: string): string {
  return (
    // One line: parser messages can contain newlines, which would split the WARNING: line.
    `The store file ${file} could not be used: ${reason.replace(/\s*\n\s*/g, ' ')}. It was moved aside to ${backup}, ` +
    'and a new store with default settings is in use.'
  );
}

/**
 * Writes `bytes` (the file's contents as judged by the caller, so the copy is
 * byte for byte what was migrated) to a new `<file>.<tag>-<timestamp>`,
 * created 0600 from the start, and returns its path.
 */
export function copyAside(file: string, tag: string, bytes: Uint8Array, now: Date = new Date()): string {
  for (;;) {
    const target = freeName(`${file}.${tag}-${fileTimestamp(now)}`);
    let fd: number;
    try {
      fd = fs.openSync(target, 'wx', STORE_FILE_MODE); // O_EXCL: never through a link planted under that name
    } catch (err) {
      if (errorCode(err) === 'EEXIST') continue; // taken meanwhile: pick the next name
      throw err;
    }
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } catch (err) {
      fs.closeSync(fd);
      fs.rmSync(target, { force: true });
      throw err;
    }
    fs.closeSync(fd);
    ensureMode(target); // a umask can only narrow the mode; make it exactly 0600
    return target;
  }
}

/**
 * Writes `text` to `file` atomically whatever the environment: a private temp
 * file in the same directory (`.<name>.<pid>.<hex>.tmp`, see temp-files.ts),
 * fsync, rename over the target, then fsync the directory so the rename itself
 * survives a power cut (best effort: not possible on Windows). The rename
 * replaces a link at `file` rather than writing through it. There is no
 * non-atomic fallback (conf has one for SNAP and EXDEV): a failed write fails.
 */
export function writeFileAtomicSync(file: string, text: string, mode = STORE_FILE_MODE): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    fs.writeFileSync(fd, text); // loops until every byte is written
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  syncDirectory(dir);
  ensureMode(file, mode);
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Directories cannot be opened or fsynced on some platforms; the data itself is already synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Flags to open a path for inspection: never through a link, never blocking on a FIFO. */
export const NO_FOLLOW_READ =
  fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Makes the file private. A file created by an older build or by hand may be
 * wider; check after every write. A symbolic link is left alone (chmod would
 * change its target). POSIX only: Windows has no such mode bits. Returns true
 * when it changed the mode.
 */
export function ensureMode(file: string, mode = STORE_FILE_MODE): boolean {
  if (process.platform === 'win32') return false;
  let fd: number;
  try {
    fd = fs.openSync(file, NO_FOLLOW_READ); // fchmod on what we opened: no window for a swap to a link
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT' || code === 'ELOOP') return false; // gone, or a link: nothing of ours to chmod
    if (code !== 'EACCES') throw err;
    // Not readable by us (say 0200): chmod by name, still only a non-link.
    const st = fs.lstatSync(file);
    if (st.isSymbolicLink() || (st.mode & 0o777) === mode) return false;
    fs.chmodSync(file, mode);
    return true;
  }
  try {
    if ((fs.fstatSync(fd).mode & 0o777) === mode) return false;
    fs.fchmodSync(fd, mode);
    return true;
  } finally {
    fs.closeSync(fd);
  }
}
