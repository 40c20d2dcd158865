// Removes temp files that killed writes left next to the store (each one a
// full copy of the settings). Only ours, only stale ones:
// - `.<name>.<pid>.<hex>.tmp`, written by writeFileAtomicSync (files.ts):
//   stale when its writer pid is no longer alive, or when it is older than
//   STALE_TEMP_MS (the pid may have been reused, or belong to another host
//   sharing the folder);
// - `<name>.tmp-<10 digits><6 hex>`, written by conf through `atomically`
//   (older builds wrote the store through conf): stale when older than
//   STALE_TEMP_MS (its name carries no pid).
// It runs at open, under the store lock. Every writer of these files holds
// that lock while the temp file exists, so one seen under the lock is already
// orphaned; the pid and age rules are a second guard for a lock that was
// broken as stale while its holder still ran. Only regular files are removed
// (unlink never follows a link), and any error just leaves the file.

import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './lock';

/** A commit takes milliseconds; a temp file this old has no live writer. */
export const STALE_TEMP_MS = 60_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes the stale temp files of `file`; returns the paths removed. */
export function removeStaleTemps(file: string, now: number = Date.now()): string[] {
  const dir = path.dirname(file);
  const name = escapeRegExp(path.basename(file));
  const ours = new RegExp(`^\\.${name}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  const confs = new RegExp(`^${name}\\.tmp-\\d{10}[0-9a-f]{6}$`);
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const mine = ours.exec(entry);
    if (!mine && !confs.test(entry)) continue;
    const full = path.join(dir, entry);
    try {
      const st = fs.lstatSync(full);
      if (!st.isFile()) continue;
      const old = now - st.mtimeMs > STALE_TEMP_MS;
      const pid = mine ? Number(mine[1]) : undefined;
      const writerGone = pid !== undefined && pid !== process.pid && !isProcessAlive(pid);
      if (!old && !writerGone) continue;
      fs.unlinkSync(full);
      removed.push(full);
    } catch {
      // Vanished or not ours to remove: leave it.
    }
  }
  return removed;
}
