// The headless shell: the same engine and store file as the desktop app.
//   -Command "<text>" runs text, -File <script> runs a script, and with
//   neither it is an interactive prompt (or reads a script from piped stdin).
// Exit code: the one `exit <n>` asked for; otherwise 0 when the last
// statement succeeded, 1 when it failed.

import fs from 'node:fs';
import path from 'node:path';
import { openRepository } from '../engine/store';
import { Session, type ExecuteResult } from '../engine/session';
import { ArgsError, parseArgs, USAGE } from './args';
import { runInteractive } from './interactive';
import { defaultStoreDir, STORE_FILE_NAME } from './store-location';
import { writeLine } from './terminal';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A host that answers prompts from the terminal when stdin is one. */
function terminalHost(): { interactive: boolean; readLine: (prompt: string) => Promise<string | null> } {
  const interactive = process.stdin.isTTY === true;
  return {
    interactive,
    readLine: async (prompt) => {
      if (!interactive) return null;
      const readline = await import('node:readline');
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      try {
        return await new Promise<string | null>((resolve) => {
          rl.once('close', () => resolve(null));
          rl.question(prompt, resolve);
        });
      } finally {
        rl.close();
      }
    },
  };
}

/** The process exit code for a script's result, as powershell.exe -Command / -File set it. */
export function exitCodeOf(result: ExecuteResult): number {
  return result.exitCode ?? (result.success ? 0 : 1);
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
  let opened;
  try {
    fs.mkdirSync(storeDir, { recursive: true });
    opened = openRepository(storeDir, { fileName: STORE_FILE_NAME });
  } catch (e) {
    process.stderr.write(`Cannot open the store in '${storeDir}': ${(e as Error).message}\n`);
    return 1;
  }
  const session = new Session({ repo: opened.repository, host: terminalHost(), onLine: writeLine });
  for (const w of opened.warnings) writeLine({ kind: 'warning', text: `WARNING: ${w.message}` });

  if (args.file !== undefined) {
    let script: string;
    try {
      script = fs.readFileSync(args.file, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      process.stderr.write(`Cannot read the script file '${args.file}': ${(e as Error).message}\n`);
      return 1;
    }
    // PowerShell names a script by its full path in error positions.
    return exitCodeOf(await session.execute(script, { scriptPath: path.resolve(args.file) }));
  }
  if (args.command !== undefined) return exitCodeOf(await session.execute(args.command));
  if (process.stdin.isTTY) return runInteractive(session, storeDir);
  return exitCodeOf(await session.execute(await readStdin()));
}
