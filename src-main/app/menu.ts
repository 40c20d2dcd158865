// The application menu:
//   File: Connect to Server…, Pull from Server, Push to Server…, Import from Server Export…, Pending Changes, Back Up, Restore, Import Topology, Quit · Edit: the standard roles · View: Toggle Console (Ctrl+`), zoom
//   · Help: Cmdlet Reference (F1: help for the focused console line or form
//   field, else the shortcuts), Keyboard Shortcuts, About (with the store file's location).
// Menu items that concern the page (console, reference) are sent to the
// renderer as a MenuCommand on the one-way `pchat:menu` event; the renderer
// decides how to show them.
//
// `menuTemplate` returns plain data, so tests check it against a fake
// `electron` module; `installMenu` and `showAboutDialog` are the Electron calls.

import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../ipc/contract';

export interface MenuActions {
  /** Sends a command to the renderer of the main window. */
  send(command: MenuCommand): void;
  showAbout(): void;
}

export interface MenuOptions {
  readonly isMac: boolean;
  /** Unpackaged builds: Reload and Developer Tools in View. */
  readonly devTools: boolean;
}

export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  return [
    ...(options.isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    // macOS: Quit lives in the app menu; File gets Close (Cmd+W), and a Window menu follows View.
    {
      label: '&File',
      submenu: [
        { id: 'connect-server', label: '&Connect to Server…', click: () => actions.send('connect-server') },
        { id: 'pull-server', label: 'P&ull from Server', click: () => actions.send('pull-server') },
        { id: 'push-server', label: 'Pu&sh to Server…', click: () => actions.send('push-server') },
        separator,
        { id: 'import-baseline', label: '&Import from Server Export…', click: () => actions.send('import-baseline') },
        { id: 'show-changes', label: '&Pending Changes and Change Script', click: () => actions.send('show-changes') },
        { id: 'back-up', label: '&Back Up Configuration…', click: () => actions.send('back-up') },
        { id: 'restore', label: '&Restore Configuration…', click: () => actions.send('restore') },
        { id: 'import-topology', label: 'Import &Topology…', click: () => actions.send('import-topology') },
        separator,
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, separator, { role: 'selectAll' }],
    },
    {
      label: '&View',
      submenu: [
        { id: 'toggle-console', label: 'Toggle &Console', accelerator: 'CommandOrControl+`', click: () => actions.send('toggle-console') },
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        ...(options.devTools ? [separator, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    ...(options.isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { id: 'show-reference', label: 'Cmdlet &Reference', accelerator: 'F1', click: () => actions.send('show-reference') },
        { id: 'show-shortcuts', label: '&Keyboard Shortcuts', click: () => actions.send('show-shortcuts') },
        separator,
        { id: 'about', label: '&About pchat-admin', click: () => actions.showAbout() },
      ],
    },
  ];
}

export function installMenu(actions: MenuActions, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, options)));
}

/** The About box: version and where the store file is (the headless shell uses the same file). */
export function showAboutDialog(window: BrowserWindow | undefined, version: string, storePath: string): void {
  const options = {
    type: 'info' as const,
    title: 'About pchat-admin',
    message: `pchat-admin ${version}`,
    detail:
      'Persistent Chat configuration for Lync Server 2013 and Skype for Business Server.\n\n' +
      `Store file:\n${storePath}\n\n` +
      'The headless shell (npm run shell, from a source checkout) uses the same file when no --store is given.',
    buttons: ['OK'],
    noLink: true,
  };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
