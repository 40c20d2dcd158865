// A real session over a real store file in a temp directory, for tests that
// drive the engine the way the console does: run a line, read the output
// text, and look at the store file afterwards.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from '../../src-main/engine/session';
import { openRepository } from '../../src-main/engine/store';
import type { OutputLine } from '../../src-main/engine/shell/commands';
import type { StoreFile } from '../../src-main/engine/store/types';
import type { StopSignal } from '../../src-main/engine/shell/runtime/stop';

export interface TestSession {
  readonly dir: string;
  readonly session: Session;
  /** Runs a line; returns every output line's text joined with \n (errors included). */
  run(line: string): Promise<{ text: string; lines: OutputLine[]; success: boolean }>;
  /** The store file as it is on disk now. */
  file(): StoreFile;
  /** Identities in the store file, in file order. */
  identities(): string[];
  /** Answers for prompts, consumed in order (interactive host). */
  answers: string[];
  prompts: string[];
  cleanup(): void;
}

export function createTestSession(options: { interactive?: boolean; dir?: string; stop?: StopSignal } = {}): TestSession {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-session-'));
  const { repository } = openRepository(dir);
  const answers: string[] = [];
  const prompts: string[] = [];
  const session = new Session({
    repo: repository,
    ...(options.stop ? { stop: options.stop } : {}),
    host: {
      interactive: options.interactive ?? false,
      readLine: async (prompt) => {
        prompts.push(prompt);
        return answers.length > 0 ? answers.shift()! : null;
      },
    },
  });
  const file = () => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as StoreFile;
  return {
    dir,
    session,
    answers,
    prompts,
    async run(line) {
      const result = await session.execute(line);
      return { text: result.lines.map((l) => l.text).join('\n'), lines: result.lines, success: result.success };
    },
    file,
    identities: () => Object.keys(file().collections),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
