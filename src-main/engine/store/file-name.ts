// The store file's name, owned by the store: electron-store's default
// (config.json), so the desktop app, the headless shell and the web preview
// all open the same file in a given folder.

export const STORE_FILE_NAME = 'config';
