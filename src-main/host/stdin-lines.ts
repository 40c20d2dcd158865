// Reads standard input one line at a time, synchronously, for
// [Console]::ReadLine() in the session worker. One byte per read, so nothing
// is read ahead: a line left unread stays in the pipe for the next call (or
// a restarted worker), and UTF-8 is decoded a whole line at a time.
// A terminal gives no lines (the shell's own prompt owns it; ReadLine must
// never wait for a keyboard); a closed or missing fd 0 gives none either.

import fs from 'node:fs';
import tty from 'node:tty';

/** Sleeps on this while a non-blocking pipe has nothing yet (Node may have set O_NONBLOCK on fd 0). */
const NAP = new Int32Array(new SharedArrayBuffer(4));
const NAP_MS = 5;

let ended = false;

function usable(): boolean {
  if (ended) return false;
  try {
    fs.fstatSync(0);
  } catch {
    return false;
  }
  return !tty.isatty(0);
}

/** One line of fd 0 without its \n or \r\n; null at the end of input (or when there is no input to read). */
export function readStdinLine(): string | null {
  if (!usable()) return null;
  const bytes: number[] = [];
  const one = Buffer.alloc(1);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, one, 0, 1, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
        Atomics.wait(NAP, 0, 0, NAP_MS);
        continue;
      }
      // EOF: how Windows reports the end of a pipe; anything else ends the input too.
      n = 0;
    }
    if (n === 0) {
      ended = true;
      return bytes.length > 0 ? decode(bytes) : null;
    }
    if (one[0] === 0x0a) return decode(bytes);
    bytes.push(one[0]!);
  }
}

function decode(bytes: number[]): string {
  const text = Buffer.from(bytes).toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
