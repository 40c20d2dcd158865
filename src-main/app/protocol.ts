// The app:// protocol that serves the built renderer (instead of file://).
//
// registerAppScheme() must run before `app` is ready; serveRenderer() after.

import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { SECURITY_HEADERS } from './csp';
import { APP_SCHEME, resolveRendererFile } from './renderer-files';

/**
 * `standard` gives the scheme a real origin (relative URLs, storage), `secure`
 * makes it a secure context, `supportFetchAPI` lets same-origin fetch work.
 * Deliberately not granted: `corsEnabled` (would let other origins read it),
 * `bypassCSP`, `allowServiceWorkers`, `stream`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Serves files under `rendererDir` on app://renderer/ for `ses`. */
export function serveRenderer(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed');
    }
    const target = resolveRendererFile(request.url, rendererDir);
    if (!target.ok) {
      return textResponse(target.status, target.status === 400 ? 'Bad Request' : 'Not Found');
    }
    let body: Buffer;
    try {
      body = await readFile(target.filePath);
    } catch {
      return textResponse(404, 'Not Found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': target.contentType },
    });
  });
}
