// The renderer's web client (src-renderer/src/lib/web-client.ts) against the
// real preview server: the same PchatApi calls as the preload, replies
// unwrapped, refusals rejected as ErrorData, and change events from the SSE
// stream. Node 20 has fetch but no EventSource, so a minimal one is supplied.

import { TEST_SESSION_WORKER } from '../support/session-worker';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src-main/preview/server';
import { createWebClient } from '../../src-renderer/src/lib/web-client';

/** Just enough of EventSource for the client: named events, close(). */
class NodeEventSource {
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly request: http.ClientRequest;
  opened: Promise<void>;

  constructor(url: string) {
    let open: () => void = () => {};
    this.opened = new Promise((resolve) => (open = resolve));
    this.request = http.get(url, (res) => {
      open();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const m of chunk.matchAll(/^event: (.+)$/gm)) for (const l of this.listeners.get(m[1]!) ?? []) l();
      });
    });
    this.request.on('error', () => {});
    sources.push(this);
  }

  addEventListener(name: string, listener: () => void): void {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name)!.add(listener);
  }

  close(): void {
    this.request.destroy();
  }
}
const sources: NodeEventSource[] = [];

let dir: string;
let server: PreviewServer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-webclient-'));
  fs.mkdirSync(path.join(dir, 'renderer'));
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
  server = await startPreviewServer({ workerFile: TEST_SESSION_WORKER, storeDir: path.join(dir, 'store'), rendererDir: path.join(dir, 'renderer') });
  (globalThis as { EventSource?: unknown }).EventSource = NodeEventSource;
});

afterAll(async () => {
  delete (globalThis as { EventSource?: unknown }).EventSource;
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createWebClient', () => {
  it('calls the handlers and unwraps their replies', async () => {
    const pchat = createWebClient(server.origin, server.token);
    expect((await pchat.metadata()).storePath).toBe(path.join(dir, 'store', 'config.json'));
    const created = await pchat.newConfiguration({ Identity: 'site:Web', MaxFileSizeKB: 10 });
    expect(created.ok).toBe(true);
    expect(created.objects.map((o) => [o.Identity, o.MaxFileSizeKB])).toEqual([['site:Web', 10]]);
    expect((await pchat.getConfiguration()).objects.map((o) => o.Identity)).toEqual(['Global', 'site:Web']);
    expect((await pchat.previewCmdlet('Remove-CsPersistentChatConfiguration', { Identity: 'site:Web' })).commandLine).toBe(
      'Remove-CsPersistentChatConfiguration -Identity "site:Web"',
    );
    const prompted = await pchat.console.execute('Remove-CsPersistentChatConfiguration site:Web -Confirm');
    expect(prompted.prompt).toMatch(/^\[Y\] Yes/);
    expect((await pchat.console.answer('N')).prompt).toBeNull();
    expect(await pchat.console.history()).toEqual(['Remove-CsPersistentChatConfiguration site:Web -Confirm']);
  });

  it('rejects with the ErrorData of a refusal, and with a ConnectionError when the token is wrong', async () => {
    const pchat = createWebClient(server.origin, server.token);
    await expect(pchat.setConfiguration({ Identity: 'Global', Bogus: 1 })).rejects.toEqual({
      id: 'InvalidPayload',
      message: "parameters has an unknown key 'Bogus'.",
      category: 'InvalidArgument',
    });
    await expect(createWebClient(server.origin, 'wrong').metadata()).rejects.toMatchObject({ id: 'PreviewRefused', category: 'ConnectionError' });
  });

  it('delivers configuration-changed events and stops after unsubscribe', async () => {
    const pchat = createWebClient(`${server.origin}/`, server.token);
    let count = 0;
    let wake: () => void = () => {};
    const off = pchat.onConfigurationChanged(() => {
      count++;
      wake();
    });
    await sources.at(-1)!.opened;
    const changed = new Promise<void>((resolve) => (wake = resolve));
    await pchat.setConfiguration({ Identity: 'Global', DefaultChatHistory: 55 });
    await changed;
    expect(count).toBe(1);
    off();
    await pchat.setConfiguration({ Identity: 'Global', DefaultChatHistory: 56 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count).toBe(1);
    expect(pchat.onMenuCommand(() => {})).toBeTypeOf('function');
  });
});
