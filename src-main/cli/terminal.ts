// Writing output lines to the terminal: errors and warnings to stderr, the
// rest to stdout, in PowerShell's colours when the stream is a terminal.
// Text is printed safely: control characters in values (a stored URL holding
// an escape sequence that clears the screen or retitles the window) are shown
// as visible symbols, never sent to the terminal raw.
//
// Write-Host keeps its colours and -NoNewline; Write-Progress is one status
// line on stderr, redrawn in place, only when stderr is a terminal (see
// progress-line.ts).

import type { ConsoleColor } from '../engine/shell/commands';
import type { OutputLineDto } from '../ipc/contract';
import { ProgressLineWriter } from './progress-line';

const COLOURS: Partial<Record<OutputLineDto['kind'], string>> = {
  error: '\x1b[91m',
  warning: '\x1b[93m',
  verbose: '\x1b[93m',
  debug: '\x1b[93m',
  whatif: '\x1b[96m',
};

/** ConsoleColor → SGR code (foreground; background adds 10). */
const CONSOLE_COLOURS: Readonly<Record<ConsoleColor, number>> = {
  Black: 30,
  DarkRed: 31,
  DarkGreen: 32,
  DarkYellow: 33,
  DarkBlue: 34,
  DarkMagenta: 35,
  DarkCyan: 36,
  Gray: 37,
  DarkGray: 90,
  Red: 91,
  Green: 92,
  Yellow: 93,
  Blue: 94,
  Magenta: 95,
  Cyan: 96,
  White: 97,
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

function hostColour(line: OutputLineDto): string | undefined {
  if (line.kind !== 'host') return undefined;
  const fg = line.foreground as ConsoleColor | undefined;
  const bg = line.background as ConsoleColor | undefined;
  const codes = [...(fg && CONSOLE_COLOURS[fg] ? [CONSOLE_COLOURS[fg]] : []), ...(bg && CONSOLE_COLOURS[bg] ? [CONSOLE_COLOURS[bg] + 10] : [])];
  return codes.length > 0 ? `\x1b[${codes.join(';')}m` : undefined;
}

const progress = new ProgressLineWriter(process.stderr);

/** Clears the progress line, if one is shown (at the end of a run, or before the shell exits). */
export function clearProgress(): void {
  progress.clear();
}

export function writeLine(line: OutputLineDto): void {
  if (line.kind === 'progress') {
    // One status line on a terminal; a redirected shell shows nothing for it.
    if (line.progress) progress.update({ id: line.progress.id, completed: line.progress.completed, text: line.text });
    return;
  }
  const stream = line.kind === 'error' || line.kind === 'warning' ? process.stderr : process.stdout;
  if (line.kind === 'clear') {
    if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
    return;
  }
  const colour = useColour(stream) ? (hostColour(line) ?? COLOURS[line.kind]) : undefined;
  const text = printable(line.text);
  const end = line.noNewline ? '' : '\n';
  progress.around(() => stream.write(colour ? `${colour}${text}\x1b[0m${end}` : `${text}${end}`));
}
