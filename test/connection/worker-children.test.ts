// A PowerShell started by a pull or push never outlives the session worker
// that started it: ending the worker (the app quitting, a restart after a
// stuck statement) ends the child and what it started, although
// worker.terminate() runs none of the worker's own exit handlers.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { checkCmdlet } from '../../src-main/engine/cmdlets/form-check';
import { SessionHost } from '../../src-main/host/session-host';
import { TEST_SESSION_WORKER } from '../support/session-worker';
import { createStandIn, type StandIn } from '../helpers/stand-in-powershell';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';

let server: StandIn | undefined;
let dir: string | undefined;

beforeAll(async () => {
  await buildCli();
}, 120_000);

afterEach(() => {
  server?.cleanup();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it.skipIf(process.platform === 'win32')('disposing the host while a pull waits on a hung PowerShell ends that PowerShell', async () => {
  server = createStandIn();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-children-'));
  const host = await SessionHost.open({ storeDir: dir, workerFile: TEST_SESSION_WORKER, checkForm: checkCmdlet });
  try {
    const connected = await host.execute(`Connect-PchatServer -PowerShellPath '${server.executable}' | Out-Null`);
    expect(connected.success, connected.output.map((l) => l.text).join('\n')).toBe(true);
    server.setPrelude('Start-Sleep -Seconds 3600');
    void host.execute('Sync-PchatBaseline').catch(() => {});
    await expect.poll(() => server!.livingProcesses().length, { timeout: 20_000 }).toBeGreaterThan(0);
  } finally {
    await host.dispose();
  }
  await expect.poll(() => server!.livingProcesses(), { timeout: 5_000 }).toEqual([]);
}, 60_000);
