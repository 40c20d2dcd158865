// The console's input history, kept next to the store as
// console-history.json (a JSON array of strings, newest last, at most 500
// entries, mode 0600 like the store: commands can name servers and URLs).
//
// Read once, lazily; every change is written whole and atomically. A missing
// or damaged file is an empty history — losing recall is no reason to fail
// the console, and the file is rewritten on the next command.

import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../engine/store/files';

export const HISTORY_FILE_NAME = 'console-history.json';
export const MAX_HISTORY_ENTRIES = 500;
/** Longer inputs (large pasted scripts) run but are not kept for recall. */
export const MAX_HISTORY_ENTRY_LENGTH = 16_384;

export class HistoryFile {
  private entries: string[] | undefined;

  constructor(readonly path: string) {}

  /** `console-history.json` in the directory of `storeFile`. */
  static besideStore(storeFile: string): HistoryFile {
    return new HistoryFile(path.join(path.dirname(storeFile), HISTORY_FILE_NAME));
  }

  list(): readonly string[] {
    return [...this.load()];
  }

  /** Adds one input (blank inputs, over-long ones and a repeat of the last entry are skipped). */
  add(input: string): void {
    if (input.trim() === '' || input.length > MAX_HISTORY_ENTRY_LENGTH) return;
    const entries = this.load();
    if (entries[entries.length - 1] === input) return;
    entries.push(input);
    if (entries.length > MAX_HISTORY_ENTRIES) entries.splice(0, entries.length - MAX_HISTORY_ENTRIES);
    try {
      writeFileAtomicSync(this.path, JSON.stringify(entries), 0o600);
    } catch {
      // A read-only directory costs the history only; the command itself has run.
    }
  }

  private load(): string[] {
    if (this.entries !== undefined) return this.entries;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(this.path, 'utf8'));
    } catch {
      parsed = [];
    }
    const valid = Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string') : [];
    this.entries = valid.slice(-MAX_HISTORY_ENTRIES);
    return this.entries;
  }
}
