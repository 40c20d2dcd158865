// Builds out/ (main, preload, renderer) once before the end-to-end suites,
// unless it is newer than every source file.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return t;
}

export function buildAppIfStale(): void {
  const marker = path.join(ROOT, 'out', 'renderer', 'index.html');
  const mainOut = path.join(ROOT, 'out', 'main', 'index.js');
  const built = fs.existsSync(marker) && fs.existsSync(mainOut) ? Math.min(fs.statSync(marker).mtimeMs, fs.statSync(mainOut).mtimeMs) : -1;
  const sources = Math.max(newest(path.join(ROOT, 'src-main')), newest(path.join(ROOT, 'src-renderer')), fs.statSync(path.join(ROOT, 'electron.vite.config.ts')).mtimeMs);
  if (built > sources) return;
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
