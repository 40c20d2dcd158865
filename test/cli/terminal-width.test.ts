// The headless shell lays output out for its terminal: the columns less one
// (PowerShell's console host leaves the last column free) when stdout is a
// terminal, and PowerShell's redirected width of 120 otherwise.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE, cliBundleIsStale } from '../../scripts/build-cli.mjs';
import { terminalWidth } from '../../src-main/cli/main';

describe('terminalWidth', () => {
  it('is the columns less one on a terminal, within the accepted range', () => {
    expect(terminalWidth({ isTTY: true, columns: 80 })).toBe(79);
    expect(terminalWidth({ isTTY: true, columns: 5 })).toBe(20);
    expect(terminalWidth({ isTTY: true, columns: 5000 })).toBe(1000);
  });

  it('is not set (120) when stdout is not a terminal', () => {
    expect(terminalWidth({ isTTY: false, columns: 80 })).toBeUndefined();
    expect(terminalWidth({})).toBeUndefined();
  });

  it('redirected output is laid out for 120 columns', async () => {
    if (cliBundleIsStale()) await buildCli();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-width-'));
    try {
      const pool = `service:PersistentChatServer:${'p'.repeat(40)}.${'q'.repeat(40)}.contoso.com`;
      const run = (command: string) => spawnSync(process.execPath, [CLI_BUNDLE, '--store', dir, '-Command', command], { encoding: 'utf8' });
      expect(run(`New-CsPersistentChatConfiguration -Identity ${pool} | Out-Null`).status).toBe(0);
      const out = run('Get-CsPersistentChatConfiguration | Format-Table').stdout.split('\n');
      expect(Math.max(...out.map((l) => l.length))).toBeLessThanOrEqual(120);
      expect(Math.max(...out.map((l) => l.length))).toBeGreaterThan(110);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
