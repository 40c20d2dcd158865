// Small synchronous file helpers for the store: change fingerprints, moving a
// bad file aside (never deleting or truncating it), an atomic write for the
// one place we write without conf (migration before conf is constructed), and
// keeping the file private (0600).

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export const STORE_FILE_MODE = 0o600;

/**
 * Identifies one version of the file: inode, size, and nanosecond mtime and
 * ctime. Atomic writes rename a new inode into place, so any write by any
 * process changes it; nanosecond times make a false "unchanged" practically
 * impossible even if an inode number is reused at the same size. null means
 * the file does not exist.
 */
export type Fingerprint = string | null;

export function fingerprintOf(file: string): Fingerprint {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
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

function freeName(base: string): string {
  if (!fs.existsSync(base)) return base;
  for (let i = 2; ; i++) if (!fs.existsSync(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Renames `file` to `<file>.<tag>-<timestamp>` (plus -2, -3… if taken) and
 * returns the new path. A rename keeps the original bytes exactly.
 */
export function moveAside(file: string, tag = 'corrupt', now: Date = new Date()): string {
  const target = freeName(`${file}.${tag}-${fileTimestamp(now)}`);
  fs.renameSync(file, target);
  // The backup holds the same settings as the store: keep it as private as the store.
  try {
    fs.chmodSync(target, 0o600);
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

/** Copies `file` to `<file>.<tag>-<timestamp>` and returns the copy's path. */
export function copyAside(file: string, tag: string, now: Date = new Date()): string {
  const target = freeName(`${file}.${tag}-${fileTimestamp(now)}`);
  fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
  return target;
}

/**
 * Writes `text` to `file` atomically: a private temp file in the same
 * directory, fsync, rename over the target, then fsync the directory so the
 * rename itself survives a power cut (best effort: not possible on Windows).
 */
export function writeFileAtomicSync(file: string, text: string, mode = STORE_FILE_MODE): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    fs.writeSync(fd, text);
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

/**
 * Makes the file private. conf already writes with configFileMode, but a file
 * created by an older build or by hand may be wider; check after every write.
 * POSIX only: Windows has no such mode bits. Returns true when it changed the mode.
 */
export function ensureMode(file: string, mode = STORE_FILE_MODE): boolean {
  if (process.platform === 'win32') return false;
  try {
    if ((fs.statSync(file).mode & 0o777) === mode) return false;
    fs.chmodSync(file, mode);
    return true;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
}
