// Tab completion over pchat.console.complete: the first Tab asks the engine
// and inserts the first match; further Tabs (Shift+Tab backwards) cycle
// through the same matches as long as the input is what the last Tab left.

import type { PchatApi } from '../../../src-main/ipc/contract';

export interface Edit {
  readonly text: string;
  readonly cursor: number;
}

interface Cycle {
  readonly base: string;
  readonly start: number;
  readonly end: number;
  readonly matches: readonly string[];
  index: number;
  /** The input as the last completion left it. */
  applied: Edit;
}

export class TabCompletion {
  private cycle: Cycle | null = null;

  constructor(private readonly api: PchatApi) {}

  reset(): void {
    this.cycle = null;
  }

  async next(input: string, cursor: number, backwards: boolean): Promise<Edit | null> {
    const c = this.cycle;
    if (c !== null && c.applied.text === input && c.applied.cursor === cursor) {
      const n = c.matches.length;
      c.index = (c.index + (backwards ? n - 1 : 1)) % n;
      return this.apply(c);
    }
    const result = await this.api.console.complete(input, cursor);
    if (result.matches.length === 0) {
      this.cycle = null;
      return null;
    }
    const start = Math.max(0, Math.min(result.replaceStart, input.length));
    const end = Math.max(start, Math.min(result.replaceEnd, input.length));
    const index = backwards ? result.matches.length - 1 : 0;
    this.cycle = { base: input, start, end, matches: result.matches, index, applied: { text: input, cursor } };
    return this.apply(this.cycle);
  }

  private apply(c: Cycle): Edit {
    const match = c.matches[c.index] ?? '';
    c.applied = { text: c.base.slice(0, c.start) + match + c.base.slice(c.end), cursor: c.start + match.length };
    return c.applied;
  }
}
