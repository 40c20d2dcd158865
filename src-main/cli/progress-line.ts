// Write-Progress at a terminal: one status line on stderr, rewritten in place
// for every record and erased when the activity completes, when other output
// is printed (it is drawn again below it) and when the run ends. Nothing at
// all when stderr is not a terminal: a log file gets no progress noise.

import type { ProgressLine } from '../engine/shell/commands';

const ERASE = '\r\x1b[K';

export class ProgressLineWriter {
  /** The activities in progress, by id; the last one updated is drawn. */
  private readonly active = new Map<number, string>();
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  private get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(line: Pick<ProgressLine, 'id' | 'completed' | 'text'>): void {
    if (!this.enabled) return;
    this.active.delete(line.id);
    if (!line.completed) this.active.set(line.id, line.text);
    this.draw();
  }

  /** Writes other output with the progress line out of the way, then draws it again. */
  around(write: () => void): void {
    if (!this.shown) return write();
    this.erase();
    write();
    this.draw();
  }

  /** Erases the line and forgets every activity. */
  clear(): void {
    this.active.clear();
    this.erase();
  }

  private erase(): void {
    if (!this.shown) return;
    this.stream.write(ERASE);
    this.shown = false;
  }

  private draw(): void {
    const last = [...this.active.values()].pop();
    if (last === undefined) return this.erase();
    // A terminal that reports no width (0) gets 80 columns.
    const columns = Math.max(10, (this.stream.columns || 80) - 1);
    // Control characters in an activity's text are shown, never obeyed (as terminal.ts does).
    const safe = last.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
    this.stream.write(`${ERASE}\x1b[7m${safe.slice(0, columns)}\x1b[0m`);
    this.shown = true;
  }
}
