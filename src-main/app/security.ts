// Process-wide hardening: what any web contents may navigate to, open, attach,
// download or ask permission for. The answer is almost always "no".

import { app, type Session, type WebContents } from 'electron';
import { isOwnExport, isSameOrigin } from './origin';

/** The one permission the UI uses: the Copy buttons write the cmdlet line to the clipboard. */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/**
 * Deny every permission request and check, except clipboard writes from our
 * own page (navigator.clipboard.writeText needs it in Electron). Grant any
 * other one here, by name and for the trusted origin only, if a feature needs it.
 */
export function hardenSession(ses: Session, trustedOrigin: string): void {
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(permission === CLIPBOARD_WRITE && isSameOrigin(details.requestingUrl, trustedOrigin)),
  );
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => permission === CLIPBOARD_WRITE && isSameOrigin(requestingOrigin, trustedOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, item) => {
    // Our own downloads only: a .csv, .ps1 or .json blob the page itself made (Export rows to CSV,
    // Save script, Back up). Without a save path Electron asks the user where to save it. Anything
    // else is refused.
    if (!isOwnExport(item.getURL(), item.getFilename(), trustedOrigin)) event.preventDefault();
  });
}

/**
 * Guards every web contents the app ever creates (windows, and anything a
 * later feature adds) from the moment it exists, before it loads anything.
 * `trustedOrigin` is app://renderer, or the Vite dev server's origin in development.
 */
export function guardAllWebContents(trustedOrigin: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    // Pages never open windows; links that want a browser go through a vetted
    // IPC call (shell.openExternal on an allow-list) when one is needed.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));

    // The UI is a single page; only reloads of our own origin may navigate.
    contents.on('will-navigate', (event) => {
      if (!isSameOrigin(event.url, trustedOrigin)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isSameOrigin(event.url, trustedOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isSameOrigin(event.url, trustedOrigin)) event.preventDefault();
    });

    // <webview> is disabled by default (webviewTag: false); refuse it anyway.
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
