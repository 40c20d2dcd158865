// Writes a user's file (Out-File, Set-Content, Export-Csv, a change script…)
// so that a failure changes nothing: the new bytes go to a temp file in the
// same folder, are synced, and replace the file by rename. Unlike the
// store's private files, a user's file keeps its mode, and a symbolic link is
// written through (as PowerShell does) rather than replaced.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { accessDenied, alreadyExists, folderNotFound, fromNodeError } from './file-errors';

export interface ReplaceOptions {
  /** Fail with 5.1's NoClobber error when the file exists. */
  readonly noClobber?: boolean;
  /** Write over a read-only file (5.1's -Force). */
  readonly force?: boolean;
}

function existing(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') return undefined;
    throw fromNodeError(err, file);
  }
}

/** Where the bytes really go: the target of a link, else the path itself. */
export function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** The current bytes of `file`, or an empty buffer when it does not exist. */
export function currentBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return Buffer.alloc(0);
    throw fromNodeError(err, file);
  }
}

/** Replaces `file` (an absolute path) with `bytes` atomically; throws FileError in 5.1's words. */
export function replaceFile(file: string, bytes: Uint8Array, options: ReplaceOptions = {}): void {
  const target = realTarget(file);
  const dir = path.dirname(target);
  const dirStat = existing(dir);
  if (!dirStat || !dirStat.isDirectory()) throw folderNotFound(file);
  const st = existing(target);
  if (st?.isDirectory()) throw accessDenied(file);
  if (st && options.noClobber) throw alreadyExists(file);
  if (st && !options.force) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      throw accessDenied(file);
    }
  }
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', st ? st.mode & 0o777 : 0o666);
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
    if (st && process.platform !== 'win32') fs.fchmodSync(fd, st.mode & 0o777);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw fromNodeError(err, file);
  }
}
