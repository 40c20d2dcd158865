// The web preview server for real: on port 0 with a temp store and a stand-in
// renderer. Host-header and token checks (403), the other request guards, an
// API round trip through the very same handler table, the SSE change event
// (own writes and another process's), static files with the app's CSP, and a
// listener bound to 127.0.0.1 only. Last, the launcher script prints the URL
// as its first line of stdout.

import { TEST_SESSION_WORKER } from '../support/session-worker';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/csp';
import { Session } from '../../src-main/engine/session';
import { openRepository } from '../../src-main/engine/store';
import { startPreviewServer, type PreviewServer } from '../../src-main/preview/server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let dir: string;
let storeDir: string;
let rendererDir: string;
let server: PreviewServer;
let host: string;

const api = (channel: string, args: unknown[], headers: Record<string, string> = {}): Promise<Reply> =>
  request(server.port, {
    method: 'POST',
    path: `/ipc/${channel}`,
    headers: { Host: host, 'Content-Type': 'application/json', 'X-Pchat-Token': server.token, ...headers },
    body: JSON.stringify({ args }),
  });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-preview-test-'));
  storeDir = path.join(dir, 'store');
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>pchat</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'secret.json'), '{"secret":true}');
  fs.mkdirSync(storeDir);
  server = await startPreviewServer({ workerFile: TEST_SESSION_WORKER, storeDir, rendererDir, port: 0 });
  host = `127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('web preview server', () => {
  it('its URL carries the origin and a long random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => i !== undefined && !i.internal)
      .map((i) => i.address);
    for (const address of ['::1', ...others]) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
      expect([address, refused]).toEqual([address, true]);
    }
  });

  it('refuses a foreign Host header with 403, on every route', async () => {
    for (const badHost of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `0.0.0.0:${server.port}`, `[::1]:${server.port}`]) {
      for (const [method, p] of [['GET', '/'], ['GET', `/events?token=${server.token}`], ['POST', '/ipc/pchat:metadata']] as const) {
        const reply = await request(server.port, { method, path: p, headers: { Host: badHost, 'X-Pchat-Token': server.token, 'Content-Type': 'application/json' }, body: method === 'POST' ? '{"args":[]}' : undefined });
        expect([badHost, p, reply.status]).toEqual([badHost, p, 403]);
      }
    }
    expect((await request(server.port, { path: '/', headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('refuses API calls and the event stream without the right token (403)', async () => {
    const without = await request(server.port, { method: 'POST', path: '/ipc/pchat:metadata', headers: { Host: host, 'Content-Type': 'application/json' }, body: '{"args":[]}' });
    expect(without.status).toBe(403);
    expect((await api('pchat:metadata', [], { 'X-Pchat-Token': 'x'.repeat(43) })).status).toBe(403);
    expect((await api('pchat:metadata', [], { 'X-Pchat-Token': server.token.slice(1) })).status).toBe(403);
    expect((await request(server.port, { path: '/events', headers: { Host: host } })).status).toBe(403);
    expect((await request(server.port, { path: '/events?token=nope', headers: { Host: host } })).status).toBe(403);
  });

  it('refuses cross-origin calls, non-JSON bodies, bad shapes, huge bodies, wrong methods and unknown channels', async () => {
    expect((await api('pchat:metadata', [], { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('pchat:metadata', [], { Origin: `http://localhost:${server.port}` })).status).toBe(200);
    const post = (body: string | Buffer, type = 'application/json', p = '/ipc/pchat:metadata'): Promise<Reply> =>
      request(server.port, { method: 'POST', path: p, headers: { Host: host, 'Content-Type': type, 'X-Pchat-Token': server.token }, body });
    expect((await post('{"args":[]}', 'text/plain')).status).toBe(415);
    expect((await post('{"args":[]}', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('{not json')).status).toBe(400);
    expect((await post('{"args":{}}')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    expect((await post(Buffer.alloc(1024 * 1024 + 10, 0x20))).status).toBe(413);
    expect((await post('{"args":[]}', 'application/json', '/ipc/pchat:nope')).status).toBe(404);
    expect((await post('{"args":[]}', 'application/json', '/ipc/__proto__')).status).toBe(404);
    expect((await request(server.port, { path: '/ipc/pchat:metadata', headers: { Host: host, 'X-Pchat-Token': server.token } })).status).toBe(405);
  });

  it('serves the very same handler table: a round trip, and a malformed payload refused as data', async () => {
    const created = await api('pchat:cmdlet:new', [{ parameters: { Identity: 'site:Preview', DefaultChatHistory: 45 } }]);
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toBe('application/json; charset=utf-8');
    const reply = JSON.parse(created.body);
    expect(reply.ok).toBe(true);
    expect(reply.value.commandLine).toBe('New-CsPersistentChatConfiguration -Identity "site:Preview" -DefaultChatHistory 45');
    expect(reply.value.objects).toEqual([expect.objectContaining({ Identity: 'site:Preview', scope: 'Site', DefaultChatHistory: 45 })]);
    const file = JSON.parse(fs.readFileSync(path.join(storeDir, 'config.json'), 'utf8'));
    expect(file.collections['site:Preview'].DefaultChatHistory).toBe(45);

    const before = fs.readFileSync(path.join(storeDir, 'config.json'));
    const bad = await request(server.port, {
      method: 'POST',
      path: '/ipc/pchat:cmdlet:set',
      headers: { Host: host, 'Content-Type': 'application/json', 'X-Pchat-Token': server.token },
      body: '{"args":[{"parameters":{"Identity":"Global","__proto__":{"DefaultChatHistory":1}}}]}',
    });
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { id: 'InvalidPayload', message: "parameters has a forbidden key '__proto__'.", category: 'InvalidArgument' } });
    expect(fs.readFileSync(path.join(storeDir, 'config.json')).equals(before)).toBe(true);

    const metadata = JSON.parse((await api('pchat:metadata', [])).body);
    expect(metadata.value.storePath).toBe(path.join(storeDir, 'config.json'));
  });

  it('streams configuration-changed events for its own writes and another process\'s', async () => {
    const events: string[] = [];
    let seen: () => void = () => {};
    const req = http.get({ host: '127.0.0.1', port: server.port, path: `/events?token=${server.token}`, headers: { Host: host }, agent: false });
    const response = await new Promise<http.IncomingMessage>((resolve) => req.once('response', resolve));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/^event: (.+)$/gm)) events.push(m[1]!);
      seen();
    });
    const nextEvent = (count: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${events.length} events`)), 5_000);
        seen = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        seen();
      });

    await api('pchat:console:execute', [{ input: 'Set-CsPersistentChatConfiguration -DefaultChatHistory 33' }]);
    await nextEvent(1);
    const other = new Session({ repo: openRepository(storeDir).repository });
    expect((await other.execute('Set-CsPersistentChatConfiguration -DefaultChatHistory 34')).changed).toBe(true);
    await nextEvent(2);
    expect(events).toEqual(['configuration-changed', 'configuration-changed']);
    req.destroy();
  });

  it('serves the renderer with the app\'s CSP and refuses traversal', async () => {
    const index = await request(server.port, { path: '/', headers: { Host: host } });
    expect(index.status).toBe(200);
    expect(index.body).toBe('<!doctype html><title>pchat</title>');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const script = await request(server.port, { path: '/assets/app.js', headers: { Host: host } });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const p of ['/..%2fsecret.json', '/assets/..%2f..%2fsecret.json', '/%2e%2e/secret.json', '/missing.js']) {
      const reply = await request(server.port, { path: p, headers: { Host: host } });
      expect([p, reply.status >= 400, reply.body.includes('secret')]).toEqual([p, true, false]);
    }
    expect((await request(server.port, { method: 'DELETE', path: '/', headers: { Host: host } })).status).toBe(405);
  });
});

describe('npm run preview:web', () => {
  it('prints the URL as its first line of stdout and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'preview-web.mjs'), '--port', '0', '--store', storeDir, '--renderer-dir', rendererDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const firstLine = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL; stderr: ${stderr}`)), 25_000);
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(stdout.split('\n')[0]!);
        }
      });
    });
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    const port = Number(/:(\d+)\//.exec(firstLine)![1]);
    expect((await request(port, { path: '/', headers: { Host: `127.0.0.1:${port}` } })).status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 60_000);
});
