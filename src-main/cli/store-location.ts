// Where the desktop app keeps its store, so the headless shell finds the same
// file without --store: Electron's userData folder for the app name
// "pchat-admin", and electron-store's default file name config.json.

import os from 'node:os';
import path from 'node:path';

export { STORE_FILE_NAME } from '../engine/store/file-name';

export const APP_NAME = 'pchat-admin';

/** Mirrors Electron's app.getPath('userData') for an app named pchat-admin. */
export function defaultStoreDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}
