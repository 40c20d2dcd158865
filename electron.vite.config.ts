// Three build targets for electron-vite, all with explicit entry points:
//   main     src-main/app/index.ts      → out/main/index.js   (ESM)
//            src-main/host/session-worker.ts → out/main/session-worker.js
//            (the engine's worker thread; conf is bundled in, so neither file
//            loads a package from node_modules at run time)
//   preload  src-main/preload/index.ts  → out/preload/index.cjs (one CommonJS
//            file: sandboxed renderers cannot load an ESM preload)
//   renderer src-renderer/index.html    → out/renderer/        (minified)

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { DEV_META_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './src-main/app/csp';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

const pkg = JSON.parse(readFileSync(fromRoot('./package.json'), 'utf8')) as { version: string };

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/;

/**
 * Keeps index.html's CSP <meta> identical to src-main/app/csp.ts (the build
 * fails if they drift) and, under the dev server only, swaps in the dev policy.
 */
function cspMetaPlugin(): Plugin {
  return {
    name: 'pchat:csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const match = CSP_META.exec(html);
        if (match === null) throw new Error('index.html: missing Content-Security-Policy <meta>');
        if (match[1] !== META_CONTENT_SECURITY_POLICY) {
          throw new Error(
            `index.html: CSP <meta> differs from src-main/app/csp.ts\n  html: ${match[1]}\n  want: ${META_CONTENT_SECURITY_POLICY}`,
          );
        }
        if (context.server === undefined) return html;
        return html.replace(match[1], DEV_META_CONTENT_SECURITY_POLICY);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('./out/main'),
      externalizeDeps: { exclude: ['conf'] },
      rolldownOptions: {
        input: { index: fromRoot('./src-main/app/index.ts'), 'session-worker': fromRoot('./src-main/host/session-worker.ts') },
      },
    },
  },
  preload: {
    define: {
      __PCHAT_VERSION__: JSON.stringify(pkg.version),
    },
    build: {
      outDir: fromRoot('./out/preload'),
      rolldownOptions: {
        input: { index: fromRoot('./src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('./src-renderer'),
    plugins: [svelte({ configFile: false, compilerOptions: { runes: true } }), cspMetaPlugin()],
    build: {
      outDir: fromRoot('./out/renderer'),
      minify: true,
      cssMinify: true,
      rolldownOptions: {
        input: { index: fromRoot('./src-renderer/index.html') },
      },
    },
  },
});
