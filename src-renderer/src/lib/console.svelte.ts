// The embedded console's transcript and input state. A line typed (or a form
// commit echoed) appears as `PS> <line>`, then the engine's output, taken in
// batches while the input runs (one take at a time: the engine waits for a
// window that falls behind). The transcript keeps the newest MAX_ENTRIES
// lines and counts those it drops, so the console can say so. Write-Progress
// bars live beside the transcript, one per id, until completed or the input ends.

import type { ConsoleResult, ConsoleWidthRange, OutputKind, OutputLineDto, PchatApi, ProgressDto } from '../../../src-main/ipc/contract';
import { ConsoleHistory } from './console-history';
import { failureText } from './output';
import { Transcript } from './transcript';

/** Scrollback: the newest lines kept. */
export const MAX_ENTRIES = 100_000;
/** The widths the engine accepts (the contract's type keeps this copy equal to main's). */
const WIDTH_RANGE: ConsoleWidthRange = { min: 20, max: 1000 };

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Entry {
  readonly id: number;
  /** 'echo' is a line the user ran, shown after its prompt. */
  readonly kind: OutputKind | 'echo';
  readonly text: string;
  /** Errors: the one-line form shown collapsed. */
  readonly summary?: string;
  /** Echo lines: 'PS> ' or '>> '. */
  readonly prompt?: string;
  /** Echo lines: offending text to underline (from error spans), relative to `text`. */
  readonly spans?: readonly Span[];
}

/** Columns an error's text has beside its 2-character toggle. */
const TOGGLE_COLUMNS = 2;

/** Text rows `text` takes in `columns` characters: each of its lines, broken at the edge (monospace, break-all). */
export function textRows(text: string, columns: number): number {
  const cols = Math.max(1, columns);
  let rows = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const length = (end === -1 ? text.length : end) - start;
    rows += Math.max(1, Math.ceil(length / cols));
    if (end === -1) return rows;
    start = end + 1;
  }
}

/** Text rows an entry takes in a transcript `columns` wide (an expanded error shows its whole record). */
export function entryRows(entry: Entry, expanded: boolean, columns: number): number {
  if (entry.kind === 'error') return textRows(entryText(entry, expanded), columns - TOGGLE_COLUMNS);
  return textRows(entryText(entry, expanded), columns);
}

/** The text an entry shows, as copied. */
export function entryText(entry: Entry, expanded: boolean): string {
  if (entry.kind === 'echo') return `${entry.prompt ?? ''}${entry.text}`;
  if (entry.kind === 'error' && !expanded) return entry.summary ?? entry.text.split('\n')[0] ?? '';
  return entry.text;
}

export type NewEntry = Omit<Entry, 'id'>;

export class ConsoleStore {
  /** Ids of the error entries shown with their whole record. */
  expanded = $state.raw<ReadonlySet<number>>(new Set());
  /** The scrollback, and a counter bumped whenever it changes (it is not itself reactive). */
  readonly transcript = new Transcript<Entry>(MAX_ENTRIES, (e) => entryRows(e, this.expanded.has(e.id), this.columns));
  /** The transcript's width in characters, as measured (long lines wrap at it). */
  private columns = 1_000_000;
  version = $state(0);
  /** Lines dropped from the top of the scrollback since the last clear. */
  dropped = $state(0);
  /** Live Write-Progress bars of the running input, by id. */
  progress = $state.raw<ReadonlyMap<number, ProgressDto>>(new Map());
  /** The pane's width in characters, sent with each input (the engine lays output out for it). */
  width: number | undefined = undefined;

  /** The pane was measured: long lines wrap at its width in characters. */
  setColumns(columns: number): void {
    this.width = columns;
    if (columns === this.columns) return;
    this.columns = columns;
    this.transcript.update();
    this.version++;
  }
  /** The engine is waiting for an answer (a -Confirm choice, a mandatory value): its prompt text. */
  prompt = $state<string | null>(null);
  /** The prompt asks for a secret (a password): the input hides what is typed, and the echo never shows it. */
  secret = $state(false);
  /** Input so far when the engine said it is incomplete; the next line continues it. */
  continuation = $state<string | null>(null);
  busy = $state(false);
  /** Stop was pressed for the running input and has not taken effect yet. */
  stopping = $state(false);
  /**
   * Bumped when the transcript must show its end whatever the scroll
   * position: after a clear (Ctrl+L, Clear-Host) and when a line is entered.
   */
  follow = $state(0);
  readonly history = new ConsoleHistory();

  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  /** Echo lines of the command being run, with their offsets in its source. */
  private echoes: { id: number; offset: number; length: number }[] = [];
  /** Told the lines the transcript gains while an observed input runs (see submit). */
  private observer: ((lines: readonly NewEntry[]) => void) | undefined;

  constructor(
    private readonly api: PchatApi,
    /** Called after every result (the table reloads). */
    private readonly onresult: () => void,
  ) {}

  async loadHistory(): Promise<void> {
    try {
      this.history.load(await this.api.console.history());
    } catch {
      // History is a convenience; the console works without it.
    }
  }

  /**
   * Enter in the input: runs a line, continues an incomplete one, or answers
   * a prompt. Lines entered while one is running wait their turn (type-ahead).
   *
   * `observe`: a window action's line (Connect, Pull, Push), run as a line of
   * its own (never an answer, never continuing an incomplete one): every line
   * the transcript gains for it (output, errors, a failed call, the stop
   * notice) is also handed to `observe`, so a dialog can show what this one
   * input printed. It watches the transcript rather than taking the engine's
   * batches itself, so nothing else about the console changes. Resolves with
   * the input's result (null: not run — a prompt waited at its turn — or the
   * call failed); observation ends when the input ends or stops at a prompt.
   */
  submit(text: string, observe?: (lines: readonly NewEntry[]) => void): Promise<ConsoleResult | null> {
    if (observe) this.continuation = null;
    // Into history at once, so Up right after Enter recalls it even while it runs.
    if (this.prompt === null) this.history.add(this.continuation === null ? text : `${this.continuation}\n${text}`);
    this.follow++;
    const turn = this.queue.then(() => this.take(text, observe));
    this.queue = turn.catch(() => null);
    return turn;
  }

  private async take(text: string, observe?: (lines: readonly NewEntry[]) => void): Promise<ConsoleResult | null> {
    if (this.prompt !== null) return observe ? null : this.answer(text);
    const before = this.continuation;
    const source = before === null ? text : `${before}\n${text}`;
    if (before === null) this.echoes = [];
    this.echo(source, before === null ? 0 : before.length + 1, before === null);
    if (before === null && text.trim() === '') return null;
    // As in PowerShell, an empty line ends a continuation and runs what there is.
    const width = this.width === undefined ? undefined : Math.min(WIDTH_RANGE.max, Math.max(WIDTH_RANGE.min, Math.floor(this.width)));
    this.observer = observe;
    return this.call(() => this.api.console.execute(source, width), source, before !== null && text === '');
  }

  /** Ctrl+C or Escape: declines a pending prompt, or abandons a continuation. */
  async cancel(): Promise<void> {
    if (this.prompt !== null) return void (await this.answer(null));
    if (this.continuation !== null) {
      this.continuation = null;
      this.append([{ kind: 'echo', prompt: '>> ', text: '^C' }]);
    }
  }

  /**
   * Ctrl+C (nothing selected) or Stop while input runs: stops it, as Ctrl+C
   * stops a pipeline in PowerShell. The statement ends within a second and
   * changes nothing; the session keeps its variables and history.
   */
  async stop(): Promise<void> {
    if (!this.busy || this.stopping) return;
    this.stopping = true;
    try {
      await this.api.console.stop();
    } catch (error) {
      this.append([{ kind: 'error', text: failureText(error) }]);
    } finally {
      this.stopping = false;
    }
  }

  /** A form's commit, shown as if it had been typed. */
  echoCommand(commandLine: string, output: readonly OutputLineDto[]): void {
    this.echoes = [];
    this.echo(commandLine, 0, true);
    this.history.add(commandLine);
    this.show(output);
  }

  /** The transcript's entries (reading it subscribes to its changes). */
  get entries(): readonly Entry[] {
    void this.version;
    return this.transcript.entries;
  }

  clear(): void {
    this.transcript.clear();
    this.version++;
    this.dropped = 0;
    this.expanded = new Set();
    this.follow++;
  }

  /** Shows or hides an error's whole record. */
  toggle(id: number): void {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
    this.transcript.update();
    this.version++;
  }

  private async answer(text: string | null): Promise<ConsoleResult | null> {
    const prompt = this.prompt ?? '';
    const secret = this.secret;
    this.prompt = null;
    this.secret = false;
    this.append([{ kind: 'input', text: prompt + (text === null ? '^C' : secret ? '********' : text) }]);
    return this.call(() => this.api.console.answer(text), null, true);
  }

  /**
   * Takes the running input's lines until `running` settles, one take at a
   * time (the next is asked for only once a batch is shown).
   */
  private async stream(running: Promise<unknown>): Promise<void> {
    let ended = false;
    void running.then(
      () => (ended = true),
      () => (ended = true),
    );
    while (!ended) {
      let batch;
      try {
        batch = await this.api.console.output();
      } catch {
        return; // The input's own reply says what went wrong.
      }
      if (batch.lines.length > 0) this.show(batch.lines);
    }
  }

  private async call(run: () => Promise<ConsoleResult>, source: string | null, complete: boolean): Promise<ConsoleResult | null> {
    this.busy = true;
    let outcome: ConsoleResult | null = null;
    try {
      const running = run();
      const streaming = this.stream(running);
      const result = await running.finally(() => streaming);
      // Every line taken so far is shown before the reply's own.
      await streaming;
      if (result.incomplete && !complete && source !== null) {
        // Only the finished command belongs in history, as in PowerShell.
        this.history.retract(source);
        this.continuation = source;
        return result;
      }
      this.continuation = null;
      this.show(result.output);
      if (result.prompt === null) this.progress = new Map();
      if (result.stopped) this.append([{ kind: 'input', text: '^C — stopped; the statement that was running changed nothing.' }]);
      this.prompt = result.prompt;
      this.secret = result.prompt !== null && result.secret === true;
      outcome = result;
    } catch (error) {
      this.continuation = null;
      this.progress = new Map();
      this.append([{ kind: 'error', text: failureText(error) }]);
    } finally {
      this.busy = false;
      this.observer = undefined;
    }
    // Also at a prompt: statements before the one asking may have written.
    this.onresult();
    return outcome;
  }

  /** Echoes the lines of `source` from `offset` on: the first after `PS> ` when it starts a command. */
  private echo(source: string, offset: number, first: boolean): void {
    const lines = source.slice(offset).split('\n');
    const added: NewEntry[] = [];
    let at = offset;
    lines.forEach((text, i) => {
      const id = this.nextId + i;
      this.echoes.push({ id, offset: at, length: text.length });
      added.push({ kind: 'echo', prompt: first && i === 0 ? 'PS> ' : '>> ', text });
      at += text.length + 1;
    });
    this.append(added);
  }

  private show(output: readonly OutputLineDto[]): void {
    let added: NewEntry[] = [];
    let cleared = false;
    const spans: Span[] = [];
    for (const line of output) {
      if (line.kind === 'clear') {
        cleared = true;
        added = [];
        continue;
      }
      if (line.kind === 'progress') {
        if (line.progress) this.setProgress(line.progress);
        continue;
      }
      if (line.kind === 'error' && line.span) spans.push(line.span);
      added.push({ kind: line.kind, text: line.text, ...(line.summary === undefined ? {} : { summary: line.summary }) });
    }
    if (spans.length > 0) this.underline(spans);
    if (cleared) this.clear();
    this.append(added);
  }

  private setProgress(bar: ProgressDto): void {
    const next = new Map(this.progress);
    if (bar.completed) next.delete(bar.id);
    else next.set(bar.id, bar);
    this.progress = next;
  }

  /** Marks the offending text of the running command's echo lines. */
  private underline(spans: readonly Span[]): void {
    const byId = new Map<number, Span[]>();
    for (const echo of this.echoes) {
      for (const span of spans) {
        const start = Math.max(span.start, echo.offset) - echo.offset;
        const end = Math.min(span.end, echo.offset + echo.length) - echo.offset;
        if (end > start) byId.set(echo.id, [...(byId.get(echo.id) ?? []), { start, end }]);
      }
    }
    if (byId.size === 0) return;
    this.transcript.update((e) => (byId.has(e.id) ? { ...e, spans: [...(e.spans ?? []), ...byId.get(e.id)!] } : e));
    this.version++;
  }

  private append(lines: readonly NewEntry[]): void {
    if (lines.length === 0) return;
    this.observer?.(lines);
    const fresh = lines.map((line) => ({ ...line, id: this.nextId++ }));
    const dropped = this.transcript.append(fresh);
    if (dropped > 0) this.dropped += dropped;
    this.version++;
  }
}
