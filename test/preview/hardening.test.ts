// The web preview's smaller holes, closed: a bare GET of the page (no token:
// any local process, or a cross-site <img>) cannot decline a pending
// -Confirm; idle, slow and oversized unauthenticated connections are closed
// promptly; the throw-away store of a preview started without --store is
// removed when it exits; and a runaway statement never delays a static file.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src-main/preview/server';
import { TEST_SESSION_WORKER } from '../support/session-worker';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
let storeDir: string;
let rendererDir: string;
let server: PreviewServer;
let host: string;

function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: { Host: host, ...options.headers }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = async (channel: string, args: unknown[]): Promise<{ ok: boolean; value?: Record<string, unknown> }> =>
  JSON.parse(
    (
      await request({
        method: 'POST',
        path: `/ipc/${channel}`,
        headers: { 'Content-Type': 'application/json', 'X-Pchat-Token': server.token },
        body: JSON.stringify({ args }),
      })
    ).body,
  );

/** Resolves with how long the server took to close a socket we opened and then did `act` on. */
function closedAfter(act: (socket: net.Socket) => void, limitMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect({ host: '127.0.0.1', port: server.port }, () => act(socket));
    socket.on('error', () => {});
    socket.resume();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${limitMs} ms`));
    }, limitMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-preview-hard-'));
  storeDir = path.join(dir, 'store');
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.mkdirSync(storeDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>pchat</title>');
  server = await startPreviewServer({ workerFile: TEST_SESSION_WORKER, storeDir, rendererDir, idleTimeoutMs: 400 });
  host = `127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('web preview hardening', () => {
  it('a GET of the page without the token does not decline a pending -Confirm', async () => {
    await api('pchat:console:execute', [{ input: 'New-CsPersistentChatConfiguration -Identity site:Keep | Out-Null' }]);
    const step = await api('pchat:console:execute', [{ input: 'Remove-CsPersistentChatConfiguration -Identity site:Keep -Confirm' }]);
    expect(step.value?.['prompt']).toMatch(/^\[Y\] Yes/);
    expect((await request({ path: '/' })).status).toBe(200);
    expect((await request({ path: '/index.html' })).status).toBe(200);
    const done = await api('pchat:console:answer', [{ answer: 'y' }]);
    expect(done).toMatchObject({ ok: true, value: { prompt: null, success: true } });
    const config = JSON.parse(fs.readFileSync(path.join(storeDir, 'config.json'), 'utf8'));
    expect(config.collections['site:Keep']).toBeUndefined();
  });

  it('serves static files at once while a runaway statement runs in the engine', async () => {
    const running = api('pchat:console:execute', [{ input: "('a'*40+'!') -match '^(a+)+$'" }]);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    expect((await request({ path: '/' })).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await api('pchat:console:stop', [])).value).toBe(true);
    expect(await running).toMatchObject({ ok: true, value: { stopped: true } });
  });

  it('keeps the page\'s own long-running console call open past the idle timeout', async () => {
    const running = api('pchat:console:execute', [{ input: "('a'*40+'!') -match '^(a+)+$'" }]);
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await api('pchat:console:stop', [])).value).toBe(true);
    expect(await running).toMatchObject({ ok: true, value: { stopped: true } });
  });

  it('closes an idle connection once the idle timeout passes', async () => {
    const ms = await closedAfter((socket) => socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\n\r\n`), 10_000);
    expect(ms).toBeLessThan(10_000);
  });

  it('closes a connection that never sends its headers', async () => {
    expect(await closedAfter(() => {}, 12_000)).toBeLessThan(12_000);
  }, 15_000);

  it('closes a connection whose headers trickle in', async () => {
    const ms = await closedAfter((socket) => {
      socket.write('GET / HTTP/1.1\r\n');
      const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 500);
      socket.on('close', () => clearInterval(drip));
    }, 12_000);
    expect(ms).toBeLessThan(12_000);
  }, 15_000);

  it('answers an oversized unauthenticated POST and closes the connection without reading the body', async () => {
    const ms = await closedAfter((socket) => {
      socket.write(`POST /ipc/pchat:metadata HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n`);
      socket.write(Buffer.alloc(64 * 1024, 0x20));
    }, 5_000);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('npm run preview:web without --store', () => {
  it('removes its throw-away store when it exits', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'preview-web.mjs'), '--port', '0', '--renderer-dir', rendererDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL; stderr: ${stderr}`)), 25_000);
      child.stdout.once('data', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    for (let i = 0; i < 100 && !/store (\S+config\.json)/.test(stderr); i++) await new Promise((r) => setTimeout(r, 20));
    const store = /store (\S+config\.json)/.exec(stderr)![1]!;
    expect(fs.existsSync(path.dirname(store))).toBe(true);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(fs.existsSync(path.dirname(store))).toBe(false);
  }, 60_000);
});
