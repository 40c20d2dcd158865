// The renderer's Content-Security-Policy, in one place.
//
// No Electron import: electron.vite.config.ts checks index.html against it at
// build time, and the app:// protocol handler and the web preview send it as a
// response header.

const POLICY: ReadonlyArray<readonly [directive: string, value: string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

// Browsers ignore these when the policy comes from a <meta> element and log a
// console error for each, so the meta copy leaves them out; the header keeps them.
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function serialize(entries: ReadonlyArray<readonly [string, string]>): string {
  return entries.map(([directive, value]) => `${directive} ${value}`).join('; ');
}

/** The full policy, sent as the `Content-Security-Policy` header on app:// responses. */
export const CONTENT_SECURITY_POLICY = serialize(POLICY);

/** Headers on every response that serves the renderer (app:// here, and the web preview). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** The same policy minus header-only directives, for `<meta http-equiv>` in index.html. */
export const META_CONTENT_SECURITY_POLICY = /* @__PURE__ */ serialize(
  POLICY.filter(([directive]) => !HEADER_ONLY_DIRECTIVES.has(directive)),
);

/**
 * Development only (Vite dev server on localhost): Vite injects component CSS
 * with <style> elements and talks to its HMR server over a WebSocket. The
 * build swaps this in for the meta policy under `electron-vite dev` and never
 * emits it into out/.
 */
export const DEV_META_CONTENT_SECURITY_POLICY = /* @__PURE__ */ serialize(
  POLICY.filter(([directive]) => !HEADER_ONLY_DIRECTIVES.has(directive)).map(([directive, value]) => {
    if (directive === 'style-src') return [directive, `${value} 'unsafe-inline'`] as const;
    if (directive === 'connect-src') return [directive, `${value} ws://localhost:* ws://127.0.0.1:*`] as const;
    return [directive, value] as const;
  }),
);
