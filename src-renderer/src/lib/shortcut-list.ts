// The keyboard shortcuts in words, as the shortcuts sheet lists them (lib/shortcuts.ts maps the keys).

/** The shortcuts, as the sheet lists them. */
export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['Ctrl+N', 'New configuration (opens the New menu)'],
  ['F2 or Enter', 'Edit the selected configuration (several: edit them together)'],
  ['Delete', 'Remove the selected configurations'],
  ['F5', 'Refresh'],
  ['Ctrl+F', 'Search'],
  ['Ctrl+A', 'Select every row shown'],
  ['Ctrl+click, Shift+click', 'Add a row to the selection, or a range'],
  ['Shift+↑ / Shift+↓', 'Extend the selection'],
  ['Ctrl+C', 'Copy the selected rows (tab-separated)'],
  ['Shift+F10 or the Menu key', 'Row menu: copy, copy as cmdlet, export'],
  ['Ctrl+`', 'Show or hide the console'],
  ['F1', 'Help for the console’s cmdlet or the form field; elsewhere this sheet'],
  ['?', 'This sheet (outside text fields)'],
  ['Escape', 'Close a dialog, menu or sheet'],
];
