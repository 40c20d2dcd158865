// Writing output lines to the terminal: errors and warnings to stderr, the
// rest to stdout, in PowerShell's colours when the stream is a terminal.

import type { OutputLine } from '../engine/shell/commands';

const COLOURS: Partial<Record<OutputLine['kind'], string>> = {
  error: '\x1b[91m',
  warning: '\x1b[93m',
  verbose: '\x1b[93m',
  whatif: '\x1b[96m',
};

function useColour(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}

export function writeLine(line: OutputLine): void {
  const stream = line.kind === 'error' || line.kind === 'warning' ? process.stderr : process.stdout;
  if (line.kind === 'clear') {
    if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
    return;
  }
  const colour = useColour(stream) ? COLOURS[line.kind] : undefined;
  stream.write(colour ? `${colour}${line.text}\x1b[0m\n` : `${line.text}\n`);
}
