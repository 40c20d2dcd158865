// Reads a user's file for Get-Content, Import-* and the Pchat importers:
// 5.1's errors for a missing path, a folder, or no permission, and a size
// limit so a wrong file (a disk image, 50 MB of junk) is refused up front.

import fs from 'node:fs';
import { accessDenied, fromNodeError, pathNotFound, tooLarge } from './file-errors';

/** Largest file any command reads: far above a real configuration export. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

export function readFileBytes(file: string, limit = MAX_READ_BYTES): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT' || (err as { code?: unknown }).code === 'ENOTDIR') throw pathNotFound(file);
    throw fromNodeError(err, file);
  }
  if (st.isDirectory()) throw accessDenied(file);
  if (!st.isFile()) throw accessDenied(file);
  if (st.size > limit) throw tooLarge(file, st.size, limit);
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw fromNodeError(err, file);
  }
}

export function exists(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch {
    return false;
  }
}
