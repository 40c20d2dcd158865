// What a call to the session worker is on the host's side, and the answers
// the host makes up itself (a worker that died, a console that is busy).

import type { ConsoleResult, OutputLineDto } from '../ipc/contract';
import { IpcRefusal } from '../ipc/errors';
import type { MethodName } from './protocol';

export interface Pending {
  readonly method: MethodName;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  settled: boolean;
  stopping: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** A line of a streamed run (the headless shell prints it as it comes; the window takes it in batches). */
export type StreamedLine = OutputLineDto;

export function consoleFailure(text: string, stopped: boolean): ConsoleResult {
  const output: OutputLineDto[] = [{ kind: 'error', text, summary: text }];
  return { output, prompt: null, incomplete: false, success: false, ...(stopped ? { stopped: true } : {}) };
}

export function busyRefusal(): IpcRefusal {
  return new IpcRefusal('ConsoleBusy', 'The console is still running a command. Wait for it to finish, or stop it (Ctrl+C or Stop), then try again.', 'InvalidOperation');
}
