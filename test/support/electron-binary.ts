// Finds an installed Electron binary without triggering the electron
// package's lazy download (requiring 'electron' tries to fetch one).

import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './build-app';

export function electronBinary(): string | undefined {
  if (process.env['PCHAT_ELECTRON'] && fs.existsSync(process.env['PCHAT_ELECTRON'])) return process.env['PCHAT_ELECTRON'];
  const pkg = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : undefined;
}
