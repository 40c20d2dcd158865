// Maps app:// request URLs to files in the built renderer directory.
//
// Pure (no Electron import) so the path-traversal guard is unit-tested under
// plain Node; protocol.ts wires it into `protocol.handle`.

import path from 'node:path';

export const APP_SCHEME = 'app';
/** The one host the protocol serves; every other host is refused. */
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type RendererFileResult =
  | { readonly ok: true; readonly filePath: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 404; readonly reason: string };

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'extname' | 'sep'>;

/**
 * Resolves `requestUrl` to a file strictly inside `rootDir`, or says why not.
 * `pathApi` is injectable so tests can exercise Windows path rules on Linux.
 */
export function resolveRendererFile(
  requestUrl: string,
  rootDir: string,
  pathApi: PathApi = path,
): RendererFileResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 404, reason: 'unknown origin' };
  }
  return resolveRendererPath(url.pathname, rootDir, pathApi);
}

/**
 * Resolves a URL path (still percent-encoded, as in `URL.pathname`) to a file
 * strictly inside `rootDir`. Shared by the app:// protocol and the web preview.
 */
export function resolveRendererPath(
  urlPathname: string,
  rootDir: string,
  pathApi: PathApi = path,
): RendererFileResult {
  let relative: string;
  try {
    // URL parsing already collapsed literal ../ segments; decoding can bring
    // back encoded ones (%2e%2e%2f, %5c), which the containment check catches.
    relative = decodeURIComponent(urlPathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (relative.includes('\0')) {
    return { ok: false, status: 400, reason: 'NUL in path' };
  }
  relative = relative.replace(/^[/\\]+/, '');
  if (relative === '') relative = 'index.html';

  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, relative);
  const fromRoot = pathApi.relative(root, filePath);
  const escapes =
    fromRoot === '' ||
    fromRoot === '..' ||
    fromRoot.startsWith(`..${pathApi.sep}`) ||
    pathApi.isAbsolute(fromRoot);
  if (escapes) {
    return { ok: false, status: 400, reason: 'path outside the renderer directory' };
  }

  const contentType = CONTENT_TYPES[pathApi.extname(filePath).toLowerCase()];
  if (contentType === undefined) {
    return { ok: false, status: 404, reason: 'unsupported file type' };
  }
  return { ok: true, filePath, contentType };
}
