// The web preview server (development and tests only, never packaged): the
// built renderer and the SAME IPC handler table as Electron's main process,
// over HTTP on 127.0.0.1.
//
//   GET  /…                static files of the built renderer, with the app's CSP
//   POST /ipc/<channel>    { "args": [...] } → the registered handler's IpcReply
//   GET  /events?token=…   Server-Sent Events: `configuration-changed`
//
// Guards, in order: the Host header must name this server (127.0.0.1:<port>
// or localhost:<port> — defeats DNS rebinding); API calls need the per-run
// random token (X-Pchat-Token header, or ?token= for EventSource, which
// cannot send headers); a cross-origin Origin header is refused; API bodies
// must be JSON (so a cross-site form cannot post without a CORS preflight,
// which is never answered) and small. Then the handler itself checks the
// sender (always this server's origin) and validates the payload as in Electron.
//
// The engine runs in a session worker (src-main/host), so a runaway statement
// never delays a static file or another request. A (re)loaded page is known
// by its event stream connecting (it carries the token; a bare GET of the page
// does not, so it cannot cancel a pending -Confirm). Sockets are kept on a
// short leash: slow or idle unauthenticated connections are closed promptly,
// and a refused request's body is never read.

import crypto from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../app/csp';
import { resolveRendererPath } from '../app/renderer-files';
import { checkBulk } from '../engine/cmdlets/bulk-line';
import { commandHelpData } from '../engine/cmdlets/help/help-data';
import { checkCmdlet } from '../engine/cmdlets/form-check';
import type { StoreWarning } from '../engine/store/types';
import { STORE_FILE_NAME } from '../engine/store/file-name';
import { SessionHost } from '../host/session-host';
import type { IpcEventLike } from '../ipc/contract';
import { registerIpc } from '../ipc/register';

/** The SSE event name the web client listens for. */
export const CHANGE_EVENT = 'configuration-changed';
/** Console input is capped at 100,000 characters; JSON escaping can grow that several times. */
const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;
/** Whole request headers must arrive within this; a trickle is cut off. */
const HEADERS_TIMEOUT_MS = 5_000;
/** A whole request (headers and body) must arrive within this. */
const REQUEST_TIMEOUT_MS = 10_000;
/** A socket with no traffic for this long is closed (the event stream's heartbeat keeps it alive). */
const IDLE_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** The page needs a handful of connections; anything beyond is refused. */
const MAX_CONNECTIONS = 64;

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

export interface PreviewServerOptions {
  readonly storeDir: string;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The bundled session worker (see src-main/host). */
  readonly workerFile: string | URL;
  /** Tests: a shorter idle-socket timeout than IDLE_TIMEOUT_MS. */
  readonly idleTimeoutMs?: number;
}

export interface PreviewServer {
  /** The page to open, with the token in the fragment: http://127.0.0.1:<port>/#token=<token>. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Problems met opening the store (a damaged file moved aside, …). */
  readonly warnings: readonly StoreWarning[];
  /** Absolute path of the store file. */
  readonly storePath: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Reads a JSON body of at most MAX_BODY_BYTES. An oversized body is refused
 * as soon as it is seen to be too large (declared or received); the reply
 * closes the connection rather than reading the rest.
 */
function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return Promise.reject(new HttpError(415, 'Expected application/json'));
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.reject(new HttpError(413, 'Request body too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else reject(new HttpError(413, 'Request body too large'));
    });
    req.once('error', reject);
    req.once('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new HttpError(413, 'Request body too large'));
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'Malformed JSON'));
      }
    });
  });
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const service = await SessionHost.open({ storeDir: options.storeDir, fileName: STORE_FILE_NAME, workerFile: options.workerFile, checkForm: checkCmdlet, helpData: commandHelpData, checkBulk });
  const warnings = service.warnings;
  const token = crypto.randomBytes(32).toString('base64url');
  const handlers = new Map<string, Listener>();
  const streams = new Set<http.ServerResponse>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  let event: IpcEventLike = { senderFrame: null };

  const send = (res: http.ServerResponse, status: number, body: string, type: string): void => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  const text = (res: http.ServerResponse, status: number, body: string): void => send(res, status, body, 'text/plain; charset=utf-8');

  async function handleIpc(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'Method Not Allowed');
    if (!sameSecret(req.headers['x-pchat-token'] as string | undefined, token)) throw new HttpError(403, 'Forbidden');
    // The page's own call: a console command may rightly run for minutes with no traffic on the socket.
    req.socket.setTimeout(0);
    const listener = handlers.get(channel);
    if (!listener) throw new HttpError(404, 'Unknown channel');
    const body = await readJsonBody(req);
    const args = (body as { args?: unknown } | null)?.args;
    if (typeof body !== 'object' || body === null || !Array.isArray(args)) throw new HttpError(400, 'Expected {"args": [...]}');
    const reply = await listener(event, ...args);
    send(res, 200, JSON.stringify(reply), 'application/json; charset=utf-8');
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'GET') throw new HttpError(405, 'Method Not Allowed');
    if (!sameSecret(url.searchParams.get('token'), token)) throw new HttpError(403, 'Forbidden');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 1000\n: connected\n\n');
    streams.add(res);
    // Authenticated and kept alive by the heartbeat: exempt from the idle-socket timeout.
    req.socket.setTimeout(0);
    // A page connects its event stream when it (re)loads: whatever page showed a pending console prompt is gone.
    void service.cancelPrompt().catch(() => {});
    const off = service.onConfigurationChanged(() => res.write(`event: ${CHANGE_EVENT}\ndata: {}\n\n`));
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      off();
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method Not Allowed');
    const target = resolveRendererPath(url.pathname, options.rendererDir);
    if (!target.ok) throw new HttpError(target.status, target.status === 400 ? 'Bad Request' : 'Not Found');
    let body: Buffer;
    try {
      body = await readFile(target.filePath);
    } catch {
      throw new HttpError(404, 'Not Found');
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': target.contentType, 'Cache-Control': 'no-store', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) throw new HttpError(403, 'Forbidden');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) throw new HttpError(403, 'Forbidden');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/ipc/')) return handleIpc(req, res, url.pathname.slice('/ipc/'.length));
    if (url.pathname === '/events') return handleEvents(req, res, url);
    return handleStatic(req, res, url);
  }

  const server = http.createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        // A request refused before its body was read: reply, then close the
        // connection instead of reading (possibly megabytes of) body.
        if (!req.complete) {
          res.setHeader('Connection', 'close');
          res.once('finish', () => req.destroy());
        }
        if (error instanceof HttpError) text(res, error.status, error.message);
        else text(res, 500, 'Internal Server Error');
      });
    },
  );
  server.maxConnections = MAX_CONNECTIONS;
  server.setTimeout(options.idleTimeoutMs ?? IDLE_TIMEOUT_MS, (socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([origin, `http://localhost:${port}`]);
  event = Object.freeze({ senderFrame: Object.freeze({ url: `${origin}/` }) });
  registerIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, service, origin);
  service.start();

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    warnings,
    storePath: service.path,
    async close() {
      for (const res of streams) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await service.dispose();
    },
  };
}
