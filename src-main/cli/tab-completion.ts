// Tab completion at the headless shell's prompt, with the window console's
// completions (the session's own, served by the worker): Tab puts in the
// next candidate and Shift+Tab the previous one, cycling through them as
// PowerShell's default (Windows) mode does; any other key accepts the line
// as it is. Edits go through readline's public write() so its own line
// state, history and redraw stay right.

import type readline from 'node:readline';
import type { CompletionResult } from '../engine/shell/completion';

export type Completer = (input: string, cursor: number) => CompletionResult | Promise<CompletionResult>;

interface Cycle {
  /** The line as it was when Tab was first pressed. */
  readonly base: string;
  readonly start: number;
  readonly end: number;
  readonly matches: readonly string[];
  index: number;
  /** The line this cycle last produced: Tab continues the cycle only while it is unchanged. */
  produced: string;
}

/** readline's completer in its callback form: it is called on Tab (and Shift+Tab). */
export type ReadlineCompleter = (line: string, callback: (error: null, result: [string[], string]) => void) => void;

/** Puts `line` in the prompt's input with the cursor at `cursor`. */
function replaceLine(rl: readline.Interface, line: string, cursor: number): void {
  rl.write(null, { ctrl: true, name: 'e' });
  rl.write(null, { ctrl: true, name: 'u' });
  rl.write(line);
  for (let i = line.length; i > cursor; i--) rl.write(null, { name: 'left' });
}

/**
 * Tab completion for a readline prompt: pass the returned completer as
 * readline's `completer` option, then call `attach(rl, input)`. readline
 * calls the completer on Tab and Shift+Tab alike; which one it was is read
 * from the key just pressed (a keypress listener that runs before
 * readline's). The completer answers readline with nothing to show and edits
 * the line itself.
 */
export function tabCompletion(complete: Completer, enabled: () => boolean = () => true): { completer: ReadlineCompleter; attach(rl: readline.Interface, input: NodeJS.ReadableStream): () => void } {
  let rl: readline.Interface | undefined;
  let cycle: Cycle | undefined;
  let generation = 0;
  let shift = false;

  const apply = (c: Cycle) => {
    const match = c.matches[c.index]!;
    const line = c.base.slice(0, c.start) + match + c.base.slice(c.end);
    c.produced = line;
    replaceLine(rl!, line, c.start + match.length);
  };

  const onTab = async (backwards: boolean) => {
    if (!rl) return;
    if (cycle && cycle.produced === rl.line) {
      const n = cycle.matches.length;
      cycle.index = (cycle.index + (backwards ? n - 1 : 1)) % n;
      apply(cycle);
      return;
    }
    const base = rl.line;
    const cursor = rl.cursor;
    const mine = ++generation;
    let result: CompletionResult;
    try {
      result = await complete(base, cursor);
    } catch {
      return;
    }
    // A key typed while the worker answered wins over the completion.
    if (mine !== generation || rl.line !== base || rl.cursor !== cursor || result.matches.length === 0) return;
    cycle = { base, start: result.replaceStart, end: result.replaceEnd, matches: result.matches, index: backwards ? result.matches.length - 1 : 0, produced: '' };
    apply(cycle);
  };

  const onKey = (_s: string | undefined, key: { name?: string; shift?: boolean } | undefined) => {
    if (key?.name === 'tab') {
      shift = key.shift === true;
      return;
    }
    // Any other key ends the cycle (and outdates a completion still on its way).
    generation++;
    cycle = undefined;
  };

  return {
    completer: (_line, callback) => {
      callback(null, [[], '']);
      // Keys typed ahead while a statement runs (or at a Read-Host / -Confirm prompt) are not completed.
      if (enabled()) void onTab(shift);
    },
    attach(target, input) {
      rl = target;
      input.prependListener('keypress', onKey);
      return () => {
        input.off('keypress', onKey);
        rl = undefined;
      };
    },
  };
}
