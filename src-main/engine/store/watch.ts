// Change notifications for the store file: fs.watch on its directory (conf's
// own watch polls with fs.watchFile on Linux, seconds late), debounced, and
// only for the store file itself (not temp files, locks or backups).

import fs from 'node:fs';
import path from 'node:path';
import { fingerprintOf, type Fingerprint } from './files';

/**
 * Calls `onChange` when the file changed and `isNew(fingerprint)` says the
 * change is not one the caller made itself. Returns a function that stops.
 */
export function watchStoreFile(
  file: string,
  isNew: (fp: Fingerprint) => boolean,
  onChange: () => void,
  debounceMs: number,
): () => void {
  const name = path.basename(file);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = (): void => {
    timer = undefined;
    let fp: Fingerprint;
    try {
      fp = fingerprintOf(file);
    } catch {
      return;
    }
    if (isNew(fp)) onChange();
  };
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(path.dirname(file), { persistent: false }, (_event, filename) => {
      if (filename && filename.toString() !== name) return; // temp files, lock files, backups
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, debounceMs);
    });
  } catch {
    return () => {}; // directory vanished or watching unsupported: the next refresh still sees changes
  }
  watcher.on('error', () => watcher.close());
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
