// Fixtures for the browser suite: a fresh store directory and web preview
// server per test (the real server, the real IPC table, a real store file),
// the page opened at the preview URL, and the headless shell on the same store.

import { test as base, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/build-app';

interface Preview {
  readonly url: string;
  readonly storeDir: string;
  /** Runs the headless shell against the same store (another process). */
  shell(command: string): { code: number | null; stdout: string; stderr: string };
  /** The store file's collections as they are on disk now. */
  stored(): Record<string, Record<string, unknown>>;
}

async function startPreview(storeDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'preview-web.mjs'), '--port', '0', '--store', storeDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web preview did not start: ${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, nl).trim());
      }
    });
    child.on('exit', (code) => reject(new Error(`web preview exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

export const test = base.extend<{ preview: Preview; app: Page }>({
  preview: async ({}, use) => {
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-e2e-'));
    const { child, url } = await startPreview(storeDir);
    const cli = path.join(ROOT, 'scripts', 'shell.mjs');
    await use({
      url,
      storeDir,
      shell: (command) => {
        const r = spawnSync(process.execPath, [cli, '--store', storeDir, '-Command', command], { cwd: ROOT, encoding: 'utf8' });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
      },
      stored: () => JSON.parse(fs.readFileSync(path.join(storeDir, 'config.json'), 'utf8')).collections,
    });
    child.kill();
    fs.rmSync(storeDir, { recursive: true, force: true });
  },
  app: async ({ page, preview }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    await page.goto(preview.url);
    await expect(page.getByRole('grid', { name: 'Persistent Chat configurations' }).or(page.getByRole('table', { name: 'Persistent Chat configurations' }))).toBeVisible();
    await use(page);
    // A CSP violation or an uncaught exception is a failure even if the flow worked.
    expect(problems).toEqual([]);
  },
});

export { expect };
