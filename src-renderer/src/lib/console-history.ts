// Up/Down recall over console input: the persisted history (loaded once at
// start) plus this session's lines. What was being typed is kept as a draft
// and comes back after stepping past the newest entry.

export class ConsoleHistory {
  private readonly lines: string[] = [];
  /** Index into `lines` while recalling; lines.length means "the draft". */
  private cursor = 0;
  private draft = '';

  load(lines: readonly string[]): void {
    // Lines run in this session before the persisted history arrived stay newest.
    this.lines.unshift(...lines.filter((l) => l.trim() !== ''));
    this.reset();
  }

  add(line: string): void {
    if (line.trim() === '' || this.lines.at(-1) === line) {
      this.reset();
      return;
    }
    this.lines.push(line);
    this.reset();
  }

  /** Takes back the newest line if it is `line` (an incomplete command that goes on). */
  retract(line: string): void {
    if (this.lines.at(-1) === line) this.lines.pop();
    this.reset();
  }

  reset(): void {
    this.cursor = this.lines.length;
    this.draft = '';
  }

  /** The previous (older) line, or null at the oldest. */
  older(current: string): string | null {
    if (this.cursor === 0) return null;
    if (this.cursor === this.lines.length) this.draft = current;
    this.cursor--;
    return this.lines[this.cursor] ?? null;
  }

  /** The next (newer) line, the draft after the newest, or null when already on the draft. */
  newer(): string | null {
    if (this.cursor >= this.lines.length) return null;
    this.cursor++;
    return this.cursor === this.lines.length ? this.draft : (this.lines[this.cursor] ?? null);
  }
}
