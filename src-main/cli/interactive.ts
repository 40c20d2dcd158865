// The interactive prompt: `PS> `, Up/Down history kept across runs (next to
// the store, mode 0600), Tab / Shift+Tab completion (tab-completion.ts),
// `>> ` continuation lines while the input is
// incomplete, and -Confirm / mandatory-parameter prompts answered inline.
// Ctrl+C while a statement runs stops it (it commits nothing) and returns to
// the prompt; at the prompt it abandons the line being typed. SIGTERM stops
// the running statement and leaves with 143.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { writeFileAtomicSync } from '../engine/store/files';
import type { SessionHost } from '../host/session-host';
import { runToEnd, STOP } from './main';
import { muter } from './muted-output';
import { tabCompletion } from './tab-completion';

const HISTORY_LIMIT = 500;

function loadHistory(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').slice(-HISTORY_LIMIT);
  } catch {
    return [];
  }
}

function saveHistory(file: string, lines: readonly string[]): void {
  try {
    // A new 0600 file renamed into place: an older, wider file becomes private too (it holds whole
    // command lines), and a link planted under that name is replaced, never written or chmodded through.
    writeFileAtomicSync(file, `${lines.slice(-HISTORY_LIMIT).join('\n')}\n`, 0o600);
  } catch {
    // History is a convenience; failing to save it must not fail the shell.
  }
}

export async function runInteractive(host: SessionHost, storeDir: string): Promise<number> {
  const historyFile = path.join(storeDir, '.pchat-shell-history');
  const oldest = loadHistory(historyFile);
  let running = false;
  const tab = tabCompletion((input, cursor) => host.complete(input, cursor), () => !running);
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    completer: tab.completer,
    historySize: HISTORY_LIMIT,
    history: [...oldest].reverse(),
  });
  const disableTab = tab.attach(rl, process.stdin);
  // Lines are queued as they arrive, so input typed or pasted ahead (the next
  // command, or the answer to a -Confirm prompt) is kept, as PowerShell keeps it.
  const queued: string[] = [];
  let waiting: ((line: string | null | typeof STOP) => void) | undefined;
  let closed = false;
  rl.on('line', (line) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(line);
    } else queued.push(line);
  });
  rl.on('close', () => {
    closed = true;
    // Input ended (Ctrl+D, SIGTERM) while a statement waits on a prompt: it stops rather than goes on.
    waiting?.(running ? STOP : null);
    waiting = undefined;
  });
  // Ctrl+C stops the running statement; at the prompt it abandons the line
  // being typed, as in PowerShell. Ctrl+D or `exit` leaves.
  rl.on('SIGINT', () => {
    process.stdout.write('^C\n');
    if (running) {
      // At a -Confirm or parameter prompt the statement waits for us; otherwise it is busy in the engine.
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve(STOP);
      } else void host.stop();
      return;
    }
    rl.write(null, { ctrl: true, name: 'u' });
    rl.prompt();
  });
  let terminated = false;
  const onTerm = (): void => {
    terminated = true;
    void host.stop();
    rl.close();
  };
  process.on('SIGTERM', onTerm);

  const secrets = muter(rl, process.stdout);
  const ask = (prompt: string, secret = false) =>
    new Promise<string | null | typeof STOP>((resolve) => {
      rl.setPrompt(secret ? '' : prompt);
      if (queued.length > 0) {
        const line = queued.shift()!;
        process.stdout.write(secret ? `${prompt}\n` : `${prompt}${line}\n`);
        return resolve(line);
      }
      if (closed) return resolve(running ? STOP : null);
      waiting = secret
        ? (answer) => {
            secrets.unmute(typeof answer === 'string' ? answer : null);
            resolve(answer);
          }
        : resolve;
      if (secret) secrets.mute(prompt);
      rl.prompt();
    });

  const entered: string[] = [...oldest];
  let success = true;
  let exitCode: number | undefined;
  process.stdout.write('pchat-admin shell. Type Get-Help for help, exit to leave.\n');
  for (;;) {
    let text = await ask('PS> ');
    if (text === null || text === STOP) break;
    if (text.trim() === '') continue;
    // The engine says when input only lacks its end (open brace, quote, trailing pipe): ask for more.
    // As in PowerShell, an empty line (or Ctrl+D) runs what there is.
    running = true;
    let result = await runToEnd(host, text, { allowIncomplete: true }, ask).finally(() => (running = false));
    while (result.incomplete) {
      const more = await ask('>> ');
      const finished = more === null || more === STOP || more === '';
      if (!finished) text += `\n${more}`;
      running = true;
      result = await runToEnd(host, text, { allowIncomplete: !finished }, ask).finally(() => (running = false));
    }
    entered.push(text.replace(/\n/g, ' '));
    // `exit` (and `exit 2`) is the engine's statement: it ends the input and hands back the code.
    success = result.success;
    exitCode = result.exitCode;
    if (exitCode !== undefined || terminated) break;
  }
  process.off('SIGTERM', onTerm);
  disableTab();
  rl.close();
  saveHistory(historyFile, entered);
  if (terminated) return 143;
  return exitCode ?? (success ? 0 : 1);
}
