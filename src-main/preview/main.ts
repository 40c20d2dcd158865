// `npm run preview:web -- --port <p> --store <dir>`: starts the web preview
// server and prints the page URL (with its token) as the FIRST line of
// stdout, so scripts and tests can read it; everything else goes to stderr.
// Development and tests only: never part of the packaged app.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPreviewServer } from './server';

export const USAGE = `Usage: npm run preview:web -- [--port <port>] [--store <dir>] [--renderer-dir <dir>]

Serves the built renderer and the IPC handler table on http://127.0.0.1:<port>/ only.
  --port <port>         port to listen on; 0 (the default) picks a free one
  --store <dir>         store directory; default: a new temporary directory
  --renderer-dir <dir>  built renderer to serve (default: out/renderer, rebuilt when stale)`;

export interface PreviewArgs {
  readonly port: number;
  readonly store?: string;
  readonly rendererDir?: string;
  readonly help: boolean;
}

export class PreviewArgsError extends Error {}

export function parsePreviewArgs(argv: readonly string[]): PreviewArgs {
  let port = 0;
  let store: string | undefined;
  let rendererDir: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const next = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new PreviewArgsError(`${name} needs a value.`);
      return v;
    };
    if (name === '--port') {
      const v = next();
      port = Number(v);
      if (!/^\d+$/.test(v) || port > 65535) throw new PreviewArgsError(`--port must be a number from 0 to 65535, not '${v}'.`);
    } else if (name === '--store') store = next();
    else if (name === '--renderer-dir') rendererDir = next();
    else if (name === '--help' || name === '-h') help = true;
    else throw new PreviewArgsError(`Unknown argument '${arg}'.`);
  }
  return { port, help, ...(store !== undefined ? { store } : {}), ...(rendererDir !== undefined ? { rendererDir } : {}) };
}

/** Runs until SIGINT/SIGTERM. `defaultRendererDir` comes from the launcher script. */
export async function main(argv: readonly string[], defaultRendererDir: string): Promise<number> {
  let args: PreviewArgs;
  try {
    args = parsePreviewArgs(argv);
  } catch (e) {
    if (!(e instanceof PreviewArgsError)) throw e;
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  // Without --store, a throw-away store that is removed when the preview exits.
  const tempStore = args.store === undefined;
  const storeDir = path.resolve(args.store ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-preview-')));
  const removeTempStore = (): void => {
    if (tempStore) fs.rmSync(storeDir, { recursive: true, force: true });
  };
  const rendererDir = path.resolve(args.rendererDir ?? defaultRendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write(`No built renderer in ${rendererDir} (index.html is missing).\n`);
    removeTempStore();
    return 1;
  }
  fs.mkdirSync(storeDir, { recursive: true });

  let server;
  try {
    server = await startPreviewServer({ storeDir, rendererDir, port: args.port, workerFile: new URL('./session-worker.mjs', import.meta.url) });
  } catch (e) {
    removeTempStore();
    throw e;
  }
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`pchat-admin web preview: store ${server.storePath}, renderer ${rendererDir}. Ctrl+C stops it.\n`);
  for (const w of server.warnings) process.stderr.write(`WARNING: ${w.message}\n`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  removeTempStore();
  return 0;
}
