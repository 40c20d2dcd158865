// The process's standard input as [Console]::ReadLine() reads it. The engine
// never touches fd 0 itself: a host that owns a real standard input (the
// headless shell's worker) installs a reader; everywhere else (the window,
// tests) there is none and ReadLine gives $null, as for a console without input.

/** Reads one line without its line ending, synchronously; null at the end of input. */
export type LineReader = () => string | null;

let reader: LineReader | null = null;

export function setStandardInputReader(next: LineReader | null): void {
  reader = next;
}

export function readStandardInputLine(): string | null {
  return reader ? reader() : null;
}
