// Reading a secret at the interactive prompt (Read-Host -AsSecureString):
// readline echoes what is typed to its output, so while a secret is read
// that output shows nothing; the prompt itself is written before muting.
// The answer is also kept out of readline's Up/Down history.

import type readline from 'node:readline';

export interface Muter {
  /** Writes `prompt`, then hides everything readline echoes until `unmute`. */
  mute(prompt: string): void;
  /** Shows output again, ends the hidden line, and forgets `answer` from the history. */
  unmute(answer: string | null): void;
}

export function muter(rl: readline.Interface, stream: NodeJS.WriteStream): Muter {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  let muted = false;
  (stream as { write: typeof write }).write = (chunk, ...rest) => (muted ? true : write(chunk, ...rest));
  return {
    mute(prompt) {
      write(prompt);
      muted = true;
    },
    unmute(answer) {
      if (!muted) return;
      muted = false;
      write('\n');
      const history = (rl as unknown as { history?: string[] }).history;
      if (answer && Array.isArray(history) && history[0] === answer) history.shift();
    },
  };
}
