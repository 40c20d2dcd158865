// Writing output lines to the terminal: errors and warnings to stderr, the
// rest to stdout, in PowerShell's colours when the stream is a terminal.
// Text is printed safely: control characters in values (a stored URL holding
// an escape sequence that clears the screen or retitles the window) are shown
// as visible symbols, never sent to the terminal raw.

import type { OutputLineDto } from '../ipc/contract';

const COLOURS: Partial<Record<OutputLineDto['kind'], string>> = {
  error: '\x1b[91m',
  warning: '\x1b[93m',
  verbose: '\x1b[93m',
  whatif: '\x1b[96m',
};

/**
 * Replaces control characters except newline and tab: C0 with the Unicode
 * control pictures (ESC → ␛), DEL with ␡, C1 with a \x escape.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\\x${code.toString(16)}`;
  });
}

function useColour(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}

export function writeLine(line: Pick<OutputLineDto, 'kind' | 'text'>): void {
  // A progress bar has no text: a redirected or plain terminal shows nothing for it.
  if (line.kind === 'progress') return;
  const stream = line.kind === 'error' || line.kind === 'warning' ? process.stderr : process.stdout;
  if (line.kind === 'clear') {
    if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
    return;
  }
  const colour = useColour(stream) ? COLOURS[line.kind] : undefined;
  const text = printable(line.text);
  stream.write(colour ? `${colour}${text}\x1b[0m\n` : `${text}\n`);
}
