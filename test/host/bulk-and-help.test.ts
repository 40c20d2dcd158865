// Bulk changes, bulk checks and help through the session host and its real
// worker: the worker runs the bulk change against the store; while a console
// statement keeps the worker busy, the bulk check and the help are answered
// on the caller's thread, as form checks are.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBulk } from '../../src-main/engine/cmdlets/bulk-line';
import { checkCmdlet } from '../../src-main/engine/cmdlets/form-check';
import { commandHelpData } from '../../src-main/engine/cmdlets/help/help-data';
import { SessionHost } from '../../src-main/host/session-host';
import { TEST_SESSION_WORKER } from '../support/session-worker';

const hosts: SessionHost[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<{ host: SessionHost; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-host-bulk-'));
  dirs.push(dir);
  const host = await SessionHost.open({ storeDir: dir, workerFile: TEST_SESSION_WORKER, checkForm: checkCmdlet, checkBulk, helpData: commandHelpData });
  hosts.push(host);
  return { host, dir };
}

const stored = (dir: string): Record<string, Record<string, unknown>> => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).collections;
const SET = 'Set-CsPersistentChatConfiguration';

describe('session host: bulk and help', () => {
  it('runs a bulk change in the worker, per collection', async () => {
    const { host, dir } = await open();
    await host.execute('New-CsPersistentChatConfiguration site:A | Out-Null; New-CsPersistentChatConfiguration site:B | Out-Null');
    const reply = await host.runBulk({ cmdlet: SET, identities: ['site:A', 'site:Missing', 'site:B'], parameters: { MaxFileSizeKB: 64 } });
    expect(reply.results.map((r) => [r.identity, r.ok])).toEqual([
      ['site:A', true],
      ['site:Missing', false],
      ['site:B', true],
    ]);
    expect(stored(dir)['site:A']).toMatchObject({ MaxFileSizeKB: 64 });
    expect(stored(dir)['site:B']).toMatchObject({ MaxFileSizeKB: 64 });
    expect((await host.previewBulk({ cmdlet: SET, identities: ['site:A', 'site:B'], parameters: { MaxFileSizeKB: '0x400' } })).storedAs).toEqual({ MaxFileSizeKB: 1024 });
    expect((await host.help('Get-Help'))?.name).toBe('Get-Help');
  });

  it('answers bulk checks and help on the caller\'s thread while the worker is busy', async () => {
    const { host } = await open();
    const running = host.execute("('a'*40+'!') -match '^(a+)+$'");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(host.consoleBusy).toBe(true);
    const preview = await host.previewBulk({ cmdlet: SET, identities: ['site:A', 'site:B'], parameters: { DefaultChatHistory: 900 } });
    expect(preview.fieldErrors['DefaultChatHistory']).toMatch(/900/);
    expect(preview.commandLine).toContain('Where-Object {$_.Identity -in "site:A","site:B"}');
    expect((await host.help('Set-CsPersistentChatConfiguration'))?.parameters.find((p) => p.name === 'MaxFileSizeKB')?.range).toBe('1–4294967295');
    expect(await host.stop()).toBe(true);
    await running;
  });
});
