// The session host with the real worker and a real store file: the caller's
// thread stays free while a statement runs, and Stop ends any statement —
// cooperative ones, a catastrophic regular expression, one waiting on a
// prompt — with nothing it changed saved and the session kept.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCmdlet } from '../../src-main/engine/cmdlets/form-check';
import { SessionHost, type SessionHostOptions } from '../../src-main/host/session-host';
import type { ConsoleResult } from '../../src-main/ipc/contract';
import { TEST_SESSION_WORKER } from '../support/session-worker';

const hosts: SessionHost[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(options: Partial<SessionHostOptions> = {}): Promise<{ host: SessionHost; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-host-'));
  dirs.push(dir);
  const host = await SessionHost.open({ storeDir: dir, workerFile: TEST_SESSION_WORKER, checkForm: checkCmdlet, ...options });
  hosts.push(host);
  return { host, dir };
}

const text = (r: ConsoleResult): string => r.output.map((l) => l.text).join('\n');
const stored = (dir: string): Record<string, Record<string, unknown>> => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).collections;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A regular expression that backtracks for minutes and never reaches a stop check. */
const CATASTROPHIC = "('a'*40+'!') -match '^(a+)+$'";
/** A pipeline that runs for ever, checking for Stop at every item. */
const ENDLESS = ',0*1000000 | ForEach-Object { ,0*1000000 | ForEach-Object { } }';

/** Starts `input`, stops it after `after` ms; returns the result and how long the stop took. */
async function stopDuring(host: SessionHost, input: string, after = 300): Promise<{ result: ConsoleResult; stopMs: number }> {
  const running = host.execute(input);
  await sleep(after);
  expect(host.consoleBusy).toBe(true);
  const started = Date.now();
  const stopped = await host.stop();
  const result = await running;
  expect(stopped).toBe(true);
  return { result, stopMs: Date.now() - started };
}

describe('session host', () => {
  it('runs the engine in a worker: the store is opened there and answers come back', async () => {
    const { host, dir } = await open();
    expect(host.path).toBe(path.join(dir, 'config.json'));
    const r = await host.execute('(Get-CsPersistentChatConfiguration).DefaultChatHistory');
    expect(r).toMatchObject({ output: [{ kind: 'output', text: '30' }], success: true, prompt: null });
  });

  it('stays responsive while a catastrophic regular expression runs, and Stop cuts it off keeping the session', async () => {
    const { host } = await open();
    await host.execute('$kept = 42; New-CsPersistentChatConfiguration -Identity site:Before | Out-Null');
    const running = host.execute(CATASTROPHIC);
    await sleep(200);
    // The caller's thread answers form checks, metadata and completion at once.
    expect(host.consoleBusy).toBe(true);
    const preview = await host.previewCmdlet('Set-CsPersistentChatConfiguration', { Identity: 'Global', DefaultChatHistory: 5000 });
    expect(preview.fieldErrors['DefaultChatHistory']).toMatch(/5000/);
    expect(host.metadata().properties).toContain('DefaultChatHistory');
    expect(await host.complete('Get-Cs', 6)).toEqual({ replaceStart: 6, replaceEnd: 6, matches: [] });
    await expect(host.execute('1')).rejects.toMatchObject({ data: { id: 'ConsoleBusy' } });

    const started = Date.now();
    expect(await host.stop()).toBe(true);
    const result = await running;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result).toMatchObject({ stopped: true, success: false, prompt: null });
    // The session survived: variables and history are still there.
    expect(text(await host.execute('$kept'))).toBe('42');
    const history = text(await host.execute('Get-History | ForEach-Object CommandLine'));
    expect(history).toContain(CATASTROPHIC);
    // …and the console's own history (Up arrow) has the line that was cut off.
    expect(await host.consoleHistory()).toContain(CATASTROPHIC);
  });

  it('Stop ends a runaway pipeline within a second; nothing after it in that input runs', async () => {
    const { host } = await open();
    const { result, stopMs } = await stopDuring(host, `$a = 1; ${ENDLESS}; $a = 2`);
    expect(stopMs).toBeLessThan(1_000);
    expect(result.stopped).toBe(true);
    expect(text(await host.execute('$a'))).toBe('1');
    expect((await host.execute('$?')).success).toBe(true);
  });

  it('a stopped statement changes nothing in the store, even halfway through a Set pipeline', async () => {
    const { host, dir } = await open();
    const sites = Array.from({ length: 50 }, (_, i) => `site:S${i}`);
    await host.execute(sites.map((s) => `New-CsPersistentChatConfiguration -Identity ${s} | Out-Null`).join('; '));
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    // Each Set is followed by a long wait inside the same statement, so Stop lands halfway through.
    const input = "Get-CsPersistentChatConfiguration -Filter 'site:*' | ForEach-Object { $_ | Set-CsPersistentChatConfiguration -DefaultChatHistory 7; ,0*200000 | ForEach-Object { } }";
    const { result } = await stopDuring(host, input, 400);
    expect(result.stopped).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    expect(Object.values(stored(dir)).every((c) => c['DefaultChatHistory'] === 30)).toBe(true);
    // The session's repository forgot the uncommitted changes too.
    expect(text(await host.execute("(Get-CsPersistentChatConfiguration -Identity site:S0).DefaultChatHistory"))).toBe('30');
  });

  it('Stop while a -Confirm prompt waits ends the statement and changes nothing', async () => {
    const { host, dir } = await open();
    await host.execute("New-CsPersistentChatConfiguration -Identity site:A | Out-Null; New-CsPersistentChatConfiguration -Identity site:B | Out-Null");
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    // Yes to the first of two; Stop at the second: the first is not saved either (one statement).
    const input = "Get-CsPersistentChatConfiguration -Filter 'site:*' | Set-CsPersistentChatConfiguration -DefaultChatHistory 44 -Confirm; $after = 1";
    let step = await host.execute(input);
    expect(step.prompt).toMatch(/^\[Y\] Yes/);
    step = await host.answer('y');
    expect(step.prompt).toMatch(/^\[Y\] Yes/);
    const result = await host.stopAtPrompt();
    expect(result).toMatchObject({ stopped: true, prompt: null, success: false });
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    expect(text(await host.execute('$after'))).toBe('');
    expect(text(await host.execute('1'))).toBe('1');
  });

  it('without the interrupt, a cut-off needs a new worker: the statement still changes nothing, and the user is told', async () => {
    const { host, dir } = await open({ interrupt: false });
    await host.execute('New-CsPersistentChatConfiguration -Identity site:Keep | Out-Null');
    // One statement: the Set is journalled, then the regular expression never returns.
    const input = `ForEach-Object -InputObject 1 -Process { Set-CsPersistentChatConfiguration -Identity site:Keep -DefaultChatHistory 9; ${CATASTROPHIC} }`;
    const { result, stopMs } = await stopDuring(host, input);
    expect(stopMs).toBeLessThan(1_500);
    expect(result.stopped).toBe(true);
    expect(text(result)).toMatch(/could not be stopped in place, so the engine was restarted/);
    expect(stored(dir)['site:Keep']!['DefaultChatHistory']).toBe(30);
    expect(text(await host.execute('(Get-CsPersistentChatConfiguration -Identity site:Keep).Identity'))).toBe('site:Keep');
  });

  it('a statement that exhausts the worker\'s memory fails clearly; the caller\'s process and the store survive', async () => {
    const { host, dir } = await open({ memoryLimitMb: 96 });
    await host.execute('New-CsPersistentChatConfiguration -Identity site:Safe | Out-Null');
    // Each item keeps another five-million-element array alive: far past 96 MB after a few items.
    const result = await host.execute('$b = @(); ,0*100 | ForEach-Object { $b += ,(,1*5000000) }; $b.Count');
    // Stopped while room is left (an error per item, as .NET's OutOfMemoryException inside an expression is), or at
    // worst the worker ends at its limit: either way the caller's process goes on and says why.
    expect(text(result)).toMatch(/would have used up the engine's memory|more memory than the engine allows/i);
    if (!/more memory than the engine allows/.test(text(result))) expect(Number(text(result).trim().split('\n').pop())).toBeLessThan(100);
    expect(stored(dir)['site:Safe']).toBeDefined();
    expect(text(await host.execute('(Get-CsPersistentChatConfiguration -Identity site:Safe).Identity'))).toBe('site:Safe');
  });

  it('a page reload (cancelPrompt) stops the input at its prompt: nothing after it runs', async () => {
    const { host, dir } = await open();
    await host.execute('New-CsPersistentChatConfiguration -Identity site:A | Out-Null');
    const step = await host.execute('Remove-CsPersistentChatConfiguration -Identity site:A -Confirm; New-CsPersistentChatConfiguration -Identity site:B | Out-Null');
    expect(step.prompt).toMatch(/^\[Y\] Yes/);
    await host.cancelPrompt();
    expect(Object.keys(stored(dir))).toEqual(['Global', 'site:A']);
    expect(text(await host.execute('"next"'))).toBe('next');
  });

  it('Stop ends a statement that is formatting a huge output within a second', async () => {
    const { host } = await open();
    const { result, stopMs } = await stopDuring(host, ',(Get-CsPersistentChatConfiguration -Identity Global)*900000', 600);
    expect(stopMs).toBeLessThan(1_000);
    expect(result.stopped).toBe(true);
  });

  it('a store that can no longer be opened is not retried in a loop: calls are refused with its reason', async () => {
    const { host, dir } = await open({ interrupt: false });
    fs.writeFileSync(path.join(dir, 'config.json'), '{"apiToken":"s3cr3t"}');
    await stopDuring(host, CATASTROPHIC);
    await sleep(300);
    await expect(host.execute('1')).rejects.toMatchObject({ data: { id: 'StoreUnavailable' } });
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe('{"apiToken":"s3cr3t"}');
  });

  it('Stop when nothing runs says so and does no harm', async () => {
    const { host } = await open();
    expect(await host.stop()).toBe(false);
    expect(text(await host.execute('1 + 1'))).toBe('2');
  });
});
