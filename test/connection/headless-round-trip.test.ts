// The same round trip from the headless shell, one process per step as a
// script or a scheduled task would do it: the connection made in one run is
// found by the next (connection.json beside the store), and the exit codes
// say how each step ended.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { createStandIn, type StandIn } from '../helpers/stand-in-powershell';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE } from '../../scripts/build-cli.mjs';

const FIXTURE = path.resolve('test/fixtures/server/pchat-config.clixml.xml');

let server: StandIn | undefined;
let localDir: string | undefined;

beforeAll(async () => {
  await buildCli();
}, 120_000);

afterEach(() => {
  server?.cleanup();
  if (localDir) fs.rmSync(localDir, { recursive: true, force: true });
});

function shell(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI_BUNDLE as string, '--store', localDir!, '-NonInteractive', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout + r.stderr };
}

it('connect, pull, edit, push and verify, each in its own headless run', () => {
  server = createStandIn();
  expect(server.shell(`Import-PchatBaseline '${FIXTURE}' | Out-Null`).code).toBe(0);
  localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-headless-'));

  const connect = shell('-Command', `Connect-PchatServer -PowerShellPath '${server.executable}' | Out-Null`);
  expect(connect.code, connect.out).toBe(0);
  expect(shell('-Command', 'Sync-PchatBaseline | Out-Null').code).toBe(0);
  expect(shell('-Command', 'Set-CsPersistentChatConfiguration -Identity Global -MaxChatContentSizeMB 15').code).toBe(0);

  // -WhatIf: the server's what-if line, nothing changed there.
  const whatIf = shell('-Command', 'Publish-PchatChange -WhatIf');
  expect(whatIf.code).toBe(0);
  expect(whatIf.out).toMatch(/What if: Performing the operation "Set-CsPersistentChatConfiguration" on target "Global"/);
  expect(server.shell('(Get-CsPersistentChatConfiguration -Identity Global).MaxChatContentSizeMB').stdout.trim()).not.toBe('15');

  // Non-interactive and High impact: without -Confirm:$false it cannot ask, and does nothing.
  const refused = shell('-Command', 'Publish-PchatChange');
  expect(refused.code).toBe(1);
  expect(server.shell('(Get-CsPersistentChatConfiguration -Identity Global).MaxChatContentSizeMB').stdout.trim()).not.toBe('15');

  const pushed = shell('-Command', '(Publish-PchatChange -Confirm:$false).Status');
  expect(pushed.code).toBe(0);
  expect(pushed.out.trim().split('\n').pop()).toBe('Verified');
  expect(server.shell('(Get-CsPersistentChatConfiguration -Identity Global).MaxChatContentSizeMB').stdout.trim()).toBe('15');
  expect(shell('-Command', '@(Get-PchatChange).Count').out.trim()).toBe('0');

  // Disconnected: the profile is gone, and a pull says how to connect.
  expect(shell('-Command', 'Disconnect-PchatServer').code).toBe(0);
  const pull = shell('-Command', 'Sync-PchatBaseline');
  expect(pull.code).toBe(1);
  expect(pull.out).toContain('pchat-admin is not connected to a deployment. Connect first: Connect-PchatServer');
}, 120_000);

it('Ctrl+C (SIGINT) during a pull ends the PowerShell it started and exits 130', async () => {
  server = createStandIn();
  localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-headless-'));
  expect(shell('-Command', `Connect-PchatServer -PowerShellPath '${server.executable}' | Out-Null`).code).toBe(0);
  server.setPrelude('Start-Sleep -Seconds 3600');
  const child = spawn(process.execPath, [CLI_BUNDLE as string, '--store', localDir, '-NonInteractive', '-Command', 'Sync-PchatBaseline'], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Once the stand-in runs (its command line is logged), interrupt.
  await expect.poll(() => server!.commandLines().length, { timeout: 20_000 }).toBeGreaterThan(1);
  await new Promise((r) => setTimeout(r, 500));
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  await expect.poll(() => server!.livingProcesses(), { timeout: 5_000 }).toEqual([]);
  expect(fs.existsSync(path.join(localDir, 'baseline.json'))).toBe(false);
}, 60_000);
