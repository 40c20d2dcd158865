// The window's console over the real session worker: lines stream while the
// input runs (taken in batches, the worker held back until they are taken),
// the reply carries what was not taken, and forms are served while a -Confirm
// waits.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCmdlet } from '../../src-main/engine/cmdlets/form-check';
import { SessionHost } from '../../src-main/host/session-host';
import { BATCH_LINES, MAX_UNACKED } from '../../src-main/host/line-pump';
import type { OutputLineDto } from '../../src-main/ipc/contract';
import { TEST_SESSION_WORKER } from '../support/session-worker';

const hosts: SessionHost[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<{ host: SessionHost; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-stream-'));
  dirs.push(dir);
  const host = await SessionHost.open({ storeDir: dir, workerFile: TEST_SESSION_WORKER, checkForm: checkCmdlet });
  hosts.push(host);
  return { host, dir };
}

const stored = (dir: string): Record<string, Record<string, unknown>> => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).collections;

describe('console output streaming', () => {
  it('delivers lines before the input ends, in order, every one exactly once', async () => {
    const { host } = await open();
    const count = 30_000;
    const running = host.execute(`$n = 0; ,0*${count} | ForEach-Object { $n++; $n }`, 80);
    let ended = false;
    void running.then(() => (ended = true));
    const taken: OutputLineDto[] = [];
    let takenBeforeEnd = 0;
    while (!ended) {
      const batch = await host.consoleOutput();
      taken.push(...batch.lines);
      if (!ended) takenBeforeEnd = taken.length;
    }
    const result = await running;
    const all = [...taken, ...result.output].map((l) => l.text);
    expect(takenBeforeEnd).toBeGreaterThan(0);
    expect(all).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)));
  });

  it('holds the worker back while nobody takes the lines, and lets it go on once they are taken', async () => {
    const { host } = await open();
    const running = host.execute(`$n = 0; ,0*100000 | ForEach-Object { $n++; $n }`, 80);
    // Nobody takes: the worker stops after a few batches instead of running to the end.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(host.consoleBusy).toBe(true);
    const first = await host.consoleOutput();
    expect(first.lines.length).toBeGreaterThan(0);
    expect(first.lines.length).toBeLessThanOrEqual(MAX_UNACKED * BATCH_LINES);
    let total = first.lines.length;
    let ended = false;
    void running.then(() => (ended = true));
    while (!ended) total += (await host.consoleOutput()).lines.length;
    total += (await running).output.length;
    expect(total).toBe(100_000);
  });

  it('Stop ends a streaming input that nobody is reading', async () => {
    const { host } = await open();
    const running = host.execute(`,0*1000000 | ForEach-Object { 'x' }`, 80);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await host.stop()).toBe(true);
    const result = await running;
    expect(result.stopped).toBe(true);
  });

  it('lays the output out for the width sent with the input', async () => {
    const { host } = await open();
    await host.execute('New-CsPersistentChatConfiguration -Identity service:PersistentChatServer:pchat-frontend-cluster-primary.contoso.com | Out-Null', 80);
    const narrow = await host.execute('Get-CsPersistentChatConfiguration | Format-Table', 40);
    expect(Math.max(...narrow.output.map((l) => l.text.length))).toBeLessThanOrEqual(40);
    const wide = await host.execute('Get-CsPersistentChatConfiguration | Format-Table', 300);
    expect(wide.output.map((l) => l.text).join('\n')).toContain('service:PersistentChatServer:pchat-frontend-cluster-primary.contoso.com');
  });

  it('serves a form while a -Confirm waits; the answered statement keeps the form\'s change', async () => {
    const { host, dir } = await open();
    await host.execute('New-CsPersistentChatConfiguration site:Redmond | Out-Null', 80);
    const step = await host.execute('Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41 -Confirm', 80);
    expect(step.prompt).toContain('[Y] Yes');
    const read = await host.runCmdlet('Get-CsPersistentChatConfiguration', {});
    expect(read.objects.map((o) => o.Identity)).toEqual(['Global', 'site:Redmond']);
    const set = await host.runCmdlet('Set-CsPersistentChatConfiguration', { Identity: 'site:Redmond', DefaultChatHistory: 77 });
    expect(set.ok).toBe(true);
    expect(stored(dir)['site:Redmond']).toMatchObject({ DefaultChatHistory: 77 });
    const end = await host.answer('y');
    expect(end).toMatchObject({ prompt: null, success: true });
    expect(stored(dir)['Global']).toMatchObject({ DefaultChatHistory: 41 });
    expect(stored(dir)['site:Redmond']).toMatchObject({ DefaultChatHistory: 77 });
  });
});
