// The files pchat-admin keeps beside the store: baseline.json (the server's
// state the pending changes are measured against) and topology.json (the
// sites and Persistent Chat pools of the deployment). They are written with
// the same care as the store: atomically, private (0600), under a lock, never
// through a symbolic link; a file that is not ours is refused, not
// overwritten, and a damaged one is moved aside before it is replaced.

import fs from 'node:fs';
import path from 'node:path';
import { moveAside, NO_FOLLOW_READ, writeFileAtomicSync } from '../store/files';
import { withLock } from '../store/lock';

export const BASELINE_FILE_NAME = 'baseline.json';
export const TOPOLOGY_FILE_NAME = 'topology.json';

export type SideRead<T> = { kind: 'missing' } | { kind: 'ok'; data: T } | { kind: 'refused'; reason: string } | { kind: 'damaged'; reason: string };

/** The side file `name` in the store's folder. */
export function sideFilePath(storePath: string, name: string): string {
  return path.join(path.dirname(storePath), name);
}

/** Reads a side file whose `format` field must be `format`; never follows a link, never throws for what it finds. */
export function readSideFile<T extends { format: string; version: number }>(file: string, format: string, version: number): SideRead<T> {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return { kind: 'missing' };
  }
  if (st.isSymbolicLink()) return { kind: 'refused', reason: `${file} is a symbolic link, and pchat-admin never reads or writes its files through a link` };
  if (!st.isFile()) return { kind: 'refused', reason: `${file} is not a file` };
  let text: string;
  try {
    const fd = fs.openSync(file, NO_FOLLOW_READ);
    try {
      text = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    return { kind: 'refused', reason: `${file} cannot be read (${(err as Error).message})` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { kind: 'damaged', reason: `${file} is not valid JSON (${(err as Error).message})` };
  }
  const obj = raw as { format?: unknown; version?: unknown } | null;
  if (!obj || typeof obj !== 'object' || obj.format !== format) {
    return { kind: 'refused', reason: `${file} is not a pchat-admin ${format.replace('pchat-admin-', '')} file` };
  }
  if (typeof obj.version !== 'number' || obj.version > version) {
    return { kind: 'refused', reason: `${file} was written by a newer pchat-admin (format version ${String(obj.version)}; this one reads up to ${version})` };
  }
  return { kind: 'ok', data: raw as T };
}

/** Thrown when a side file may not be replaced (a link, a folder, someone else's file). */
export class SideFileRefusedError extends Error {}

/** Replaces a side file atomically under its lock; a damaged one is first moved aside, a foreign one refused. */
export function writeSideFile(file: string, format: string, version: number, data: object): void {
  withLock(file, () => {
    const current = readSideFile(file, format, version);
    if (current.kind === 'refused') throw new SideFileRefusedError(`Refusing to replace ${current.reason}. It was left untouched, and nothing was changed.`);
    if (current.kind === 'damaged') moveAside(file, 'damaged');
    writeFileAtomicSync(file, `${JSON.stringify(data, undefined, '\t')}\n`);
  });
}
