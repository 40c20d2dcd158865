// The app's store: electron-store over the user-data folder, the same file
// the headless shell uses by default (config.json), opened through the
// engine's openConf safeguards (lock, preflight, no clearInvalidConfig).
// Only this file imports electron-store: it throws when loaded without Electron.

import Store from 'electron-store';
import { STORE_FILE_NAME } from '../cli/store-location';
import { openRepository, type ConfRepository, type StoreWarning } from '../engine/store';
import type { StoreFile } from '../engine/store/types';

export function openAppRepository(userDataDir: string): { repository: ConfRepository; warnings: StoreWarning[] } {
  return openRepository(userDataDir, {
    fileName: STORE_FILE_NAME,
    // electron-store names the file with `name` (it overwrites configName) and
    // sets the project name and version itself.
    create: ({ configName, projectName: _projectName, ...options }) => new Store<StoreFile>({ ...options, name: configName }),
  });
}
