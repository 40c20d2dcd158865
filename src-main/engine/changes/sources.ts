// Who made a change, as the change history records and shows it.

export const CHANGE_SOURCE = {
  /** A New/Edit/Remove dialog of the window. */
  form: 'window form',
  /** The window's embedded console. */
  console: 'window console',
  /** `npm run shell` / pchat-admin's headless shell. */
  shell: 'headless shell',
  /** Undo or Revert in the window's History pane. */
  history: 'window history',
} as const;
