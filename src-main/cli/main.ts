// The headless shell: the same engine and store file as the desktop app, run
// in a session worker (src-main/host) so that this thread stays free to hear
// Ctrl+C, SIGINT and SIGTERM while a statement runs.
//   -Command "<text>" runs text, -File <script> runs a script, and with
//   neither it is an interactive prompt (or reads a script from piped stdin).
// Exit code: the one `exit <n>` asked for; otherwise 0 when the last
// statement succeeded, 1 when it failed; 130 after SIGINT and 143 after
// SIGTERM (the running statement is stopped first and commits nothing).

import fs from 'node:fs';
import path from 'node:path';
import { SessionHost } from '../host/session-host';
import { CONSOLE_WIDTH_RANGE, type ConsoleResult } from '../ipc/contract';
import { ArgsError, fileInvocation, parseArgs, USAGE } from './args';
import { runInteractive } from './interactive';
import { defaultStoreDir, STORE_FILE_NAME } from './store-location';
import { clearProgress, writeLine } from './terminal';

/** The bundled worker sits beside the bundled shell (out/cli/). */
const WORKER_FILE = new URL('./session-worker.mjs', import.meta.url);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers a prompt from the terminal when stdin is one; null (no answer) otherwise. A secret is not echoed. */
async function askTerminal(prompt: string, secret = false): Promise<string | null> {
  if (process.stdin.isTTY !== true) return null;
  const readline = await import('node:readline');
  const { Writable } = await import('node:stream');
  // For a secret, readline echoes into a stream that shows nothing; the prompt and the final newline are written here.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = readline.createInterface({ input: process.stdin, output: secret ? silent : process.stdout, terminal: true });
  try {
    return await new Promise<string | null>((resolve) => {
      rl.once('close', () => resolve(null));
      rl.once('SIGINT', () => {
        process.stdout.write('^C\n');
        process.kill(process.pid, 'SIGINT');
      });
      if (secret) process.stdout.write(prompt);
      rl.question(secret ? '' : prompt, (answer) => {
        if (secret) process.stdout.write('\n');
        resolve(answer);
      });
    });
  } finally {
    rl.close();
  }
}

/** The process exit code for a script's result, as powershell.exe -Command / -File set it. */
export function exitCodeOf(result: Pick<ConsoleResult, 'exitCode' | 'success'>): number {
  return result.exitCode ?? (result.success ? 0 : 1);
}

/** What `ask` returns when the user pressed Ctrl+C at a prompt: the statement stops. */
export const STOP = Symbol('stop');

/**
 * The width output is laid out for: a terminal's columns less one (as
 * PowerShell's console host keeps the last column free, so that a full line
 * never wraps by itself), else PowerShell's redirected width of 120.
 */
export function terminalWidth(stream: { readonly isTTY?: boolean; readonly columns?: number } = process.stdout): number | undefined {
  const columns = stream.isTTY === true ? stream.columns : undefined;
  if (columns === undefined || !Number.isInteger(columns) || columns < 2) return undefined;
  return Math.min(Math.max(columns - 1, CONSOLE_WIDTH_RANGE.min), CONSOLE_WIDTH_RANGE.max);
}

/** Runs input to its end, answering prompts with `ask`. */
export async function runToEnd(
  host: SessionHost,
  input: string,
  options: { scriptPath?: string; allowIncomplete?: boolean; interactive?: boolean; fileInvocation?: boolean },
  ask: (prompt: string, secret: boolean) => Promise<string | null | typeof STOP>,
): Promise<ConsoleResult> {
  const { interactive = true, ...rest } = options;
  const width = terminalWidth();
  try {
    let step = await host.runScript(input, { ...rest, interactive: interactive && process.stdin.isTTY === true, ...(width !== undefined ? { width } : {}) }, writeLine);
    while (step.prompt !== null) {
      clearProgress();
      const reply = await ask(step.prompt, step.secret === true);
      step = reply === STOP ? await host.stopAtPrompt() : await host.answer(reply);
    }
    return step;
  } finally {
    // A progress bar never outlives the input that drew it.
    clearProgress();
  }
}

const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * SIGINT/SIGTERM outside the interactive prompt: stop the running statement
 * (it commits nothing), then exit with 130/143.
 */
function exitOnSignals(host: SessionHost): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = (): void => {
      void host.stop().finally(async () => {
        clearProgress();
        await host.dispose();
        process.exit(SIGNAL_EXIT[signal]);
      });
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}

export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof ArgsError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const storeDir = args.store ?? defaultStoreDir();
  // A signal that arrives while the worker starts (a busy machine takes a second) ends the run
  // before anything runs, with the signal's exit code, instead of killing the process mid-start.
  const interactive = args.command === undefined && args.file === undefined && process.stdin.isTTY === true;
  let early: 'SIGINT' | 'SIGTERM' | undefined;
  const onEarly = (signal: 'SIGINT' | 'SIGTERM') => (early ??= signal);
  if (!interactive) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onEarly);
  const offEarly = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onEarly);
  };
  let host: SessionHost;
  try {
    fs.mkdirSync(storeDir, { recursive: true });
    // With -Command or -File, standard input is left to the script ([Console]::ReadLine()); otherwise it is the script.
    const standardInput = args.command !== undefined || args.file !== undefined;
    host = await SessionHost.open({ storeDir, fileName: STORE_FILE_NAME, workerFile: WORKER_FILE, standardInput });
  } catch (e) {
    offEarly();
    if (early) return SIGNAL_EXIT[early];
    process.stderr.write(`Cannot open the store in '${storeDir}': ${(e as Error).message}\n`);
    return 1;
  }
  offEarly();
  if (early) {
    await host.dispose();
    return SIGNAL_EXIT[early];
  }
  try {
    for (const w of host.warnings) writeLine({ kind: 'warning', text: `WARNING: ${w.message}` });
    if (args.command === undefined && args.file === undefined && !args.commandFromStdin && process.stdin.isTTY) return await runInteractive(host, storeDir);

    const offSignals = exitOnSignals(host);
    const ask = args.nonInteractive ? async () => null : askTerminal;
    const interactive = !args.nonInteractive;
    try {
      if (args.file !== undefined) {
        const full = path.resolve(args.file);
        try {
          if (!fs.statSync(full).isFile()) throw new Error('not a file');
        } catch {
          // powershell.exe's words for a -File that does not exist.
          process.stderr.write(`The argument '${args.file}' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter.\n`);
          return 1;
        }
        // The script runs as a command, so its param() block binds the arguments; positions name the file.
        return exitCodeOf(await runToEnd(host, fileInvocation(full, args.fileArgs), { interactive, fileInvocation: true }, ask));
      }
      const input = args.command ?? (await readStdin());
      return exitCodeOf(await runToEnd(host, input, { interactive }, ask));
    } finally {
      offSignals();
    }
  } finally {
    await host.dispose();
  }
}
