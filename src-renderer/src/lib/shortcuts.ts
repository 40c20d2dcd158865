// Which window shortcut a key press is, if any. The workspace carries the
// action out; keeping the mapping here keeps it one list (keys.ts has the
// sheet's words for it) and testable without a page.

import { isTextField } from './keys';

export type ShortcutAction = 'new' | 'edit' | 'remove' | 'refresh' | 'search' | 'context-help' | 'shortcuts' | 'undo';

export interface ShortcutContext {
  /** A modal dialog or sheet is open: only F1 (help over it) is a shortcut then. */
  readonly dialogOpen: boolean;
  /** Focus is inside the table, which handles Enter, F2, Delete itself. */
  readonly inTable: boolean;
  /** Focus is in the console: F2 and Delete there are not about the table's rows. */
  readonly inConsole?: boolean;
}

export function shortcutFor(event: KeyboardEvent, context: ShortcutContext): ShortcutAction | null {
  const ctrl = event.ctrlKey || event.metaKey;
  const text = isTextField(event.target);
  if (event.key === 'F1' && !ctrl && !event.altKey) return 'context-help';
  if (context.dialogOpen || event.altKey) return null;
  if (ctrl && !event.shiftKey) {
    const key = event.key.toLowerCase();
    if (key === 'n') return 'new';
    if (key === 'f') return 'search';
    // Undo is the History pane's (another change wires it): outside text fields only, where Ctrl+Z is the field's own.
    if (key === 'z' && !text) return 'undo';
    return null;
  }
  if (event.key === 'F5' && !event.shiftKey) return 'refresh';
  if (text) return null;
  if (event.key === '?') return 'shortcuts';
  if (context.inTable || context.inConsole === true) return null;
  if (event.key === 'F2') return 'edit';
  if (event.key === 'Delete') return 'remove';
  return null;
}

/** The cmdlet (or alias) the console's input is at: the first word of the pipeline segment holding the cursor. */
export function commandAt(input: string, cursor: number): string | null {
  const before = input.slice(0, cursor);
  const start = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('('), before.lastIndexOf('\n')) + 1;
  const rest = input.slice(start);
  const word = /^\s*([A-Za-z][\w-]*)/.exec(rest)?.[1];
  if (word !== undefined) return word;
  // The cursor is at the start or in blank space: the last command typed before it.
  const all = [...before.matchAll(/[A-Za-z]+-[A-Za-z]+/g)];
  return all.at(-1)?.[0] ?? null;
}
