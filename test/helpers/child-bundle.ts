// Bundles a TypeScript child-process entry with esbuild so tests can run it
// with plain `node` (tsx is not installed). The bundle is written under
// node_modules/.cache so that the packages left external (conf, …) resolve
// from the project's node_modules.

import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../scripts/build-tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Returns the path of a fresh .mjs bundle of `entry` (relative to the project root) and a cleanup function. */
export async function bundleChild(entry: string): Promise<{ file: string; dispose: () => void }> {
  const outDir = path.join(root, 'node_modules', '.cache', 'pchat-admin-tests');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${path.basename(entry, '.ts')}-${process.pid}-${Date.now()}.mjs`);
  await bundleForNode({ entry: path.join(root, entry), outfile: file, external: true, logLevel: 'silent' });
  return { file, dispose: () => fs.rmSync(file, { force: true }) };
}

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningChild {
  readonly child: ChildProcess;
  /** Resolves when a line of stdout satisfies `test` (rejects if the child exits first). */
  waitForLine(test: (line: string) => boolean): Promise<string>;
  readonly finished: Promise<Finished>;
}

/** Starts `node <bundle> <mode> <json args>`; `env` replaces the environment (default: ours). */
export function startChild(bundle: string, mode: string, args: unknown, env?: NodeJS.ProcessEnv): RunningChild {
  const child = spawn(process.execPath, [bundle, mode, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ test: (l: string) => boolean; resolve: (l: string) => void }> = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!; // an unfinished line waits for the next chunk
    for (const line of lines) {
      for (const w of waiters.splice(0)) {
        if (w.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const finished = new Promise<Finished>((resolve) => {
    // 'close', not 'exit': only then has every byte of stdout been read.
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    finished,
    waitForLine: (test) =>
      new Promise<string>((resolve, reject) => {
        waiters.push({ test, resolve });
        void finished.then((f) => reject(new Error(`child exited (${f.code ?? f.signal}) before the expected line: ${f.stderr}`)));
      }),
  };
}
