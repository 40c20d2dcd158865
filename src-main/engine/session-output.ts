// The session's Out-Default: objects are buffered and formatted together (so
// consecutive objects share one table), and flushed before any other line so
// output, warnings, errors and prompts appear in the order they happened.
//
// While a statement runs, a console that streams (batchMs set) gets its
// objects formatted in batches as they come (host-stream.ts), so the first
// lines show long before a big pipeline ends; scalars are shown at once.
//
// One input's output has a budget (objects and characters): a statement that
// would print more fails with OutputLimitExceeded and prints nothing more, so
// no line can fill the memory of the engine, the IPC channel or the window.

import type { OutputLine } from './shell/commands';
import { errorRecord, TerminatingError } from './shell/errors';
import { formatErrorRecord } from './shell/format/error-view';
import { canBreakAfter, HostStreamFormatter } from './shell/format/host-stream';
import { DEFAULT_WIDTH } from './shell/format/table-view';
import type { OutputSink } from './shell/runtime/interpreter';
import { ErrorRecordObject } from './shell/runtime/error-object';
import { Hashtable, PSObject, type Value } from './shell/values';

/** Objects one input may send to the display. */
export const MAX_OUTPUT_OBJECTS = 1_000_000;
/** Characters of text one input may print (every stream together). */
export const MAX_OUTPUT_CHARS = 50_000_000;

const LIMIT_ID = 'OutputLimitExceeded';

function outputLimitError(): TerminatingError {
  return new TerminatingError(
    errorRecord({
      message: `The command produced more output than the console keeps for one input (${MAX_OUTPUT_OBJECTS.toLocaleString('en-US')} objects or ${MAX_OUTPUT_CHARS.toLocaleString('en-US')} characters), so it was stopped. Narrow it with Where-Object or Select-Object -First, or discard it with Out-Null.`,
      errorId: LIMIT_ID,
      category: 'LimitsExceeded',
      exceptionType: 'PSInvalidOperationException',
    }),
  );
}

export class SessionOutput implements OutputSink {
  private pending: Value[] = [];
  private objects = 0;
  private chars = 0;
  /** The budget ran out: only the limit's own error still gets through. */
  private cut = false;
  source = '';
  /** The script file the source came from (-File): positions then read "At <path>:<line>". */
  scriptPath: string | undefined;
  /** Errors placed in the input itself show no position (see ExecuteOptions.fileInvocation). */
  fileInvocation = false;
  /** The console's width in characters (PowerShell's host buffer width). */
  width = DEFAULT_WIDTH;
  /** Set by a streaming console: buffered objects are formatted at least this often (ms) while a statement runs. */
  batchMs: number | undefined;
  private formatter = new HostStreamFormatter(DEFAULT_WIDTH);
  /** When the oldest buffered object arrived (performance.now()). */
  private pendingSince = 0;

  constructor(private readonly sink: (line: OutputLine) => void) {}

  /** The budget ran out: the input ends (nothing more could be shown). */
  get exhausted(): boolean {
    return this.cut;
  }

  /** A new input: a fresh budget. */
  reset(): void {
    this.pending = [];
    this.formatter = new HostStreamFormatter(this.width);
    this.objects = 0;
    this.chars = 0;
    this.cut = false;
  }

  private write(line: OutputLine): void {
    if (this.cut) {
      if (line.record?.errorId === LIMIT_ID) this.sink(line);
      return;
    }
    this.chars += line.text.length;
    if (this.chars > MAX_OUTPUT_CHARS) this.exceeded();
    this.sink(line);
  }

  private exceeded(): never {
    this.cut = true;
    this.pending = [];
    throw outputLimitError();
  }

  object(value: Value): void {
    if (this.cut) return;
    if (++this.objects > MAX_OUTPUT_OBJECTS) this.exceeded();
    if (value instanceof ErrorRecordObject) {
      this.flush();
      this.write({ kind: 'error', text: formatErrorRecord(value.record, value.source, value.scriptPath).join('\n'), record: value.record });
      return;
    }
    this.pending.push(value);
    if (this.batchMs === undefined) return;
    // A scalar never joins a table or list: show it now. Objects wait for their batch, which ends
    // only where a table may be continued.
    const now = performance.now();
    if (this.pending.length === 1) this.pendingSince = now;
    const scalar = !(value instanceof PSObject) && !(value instanceof Hashtable) && !Array.isArray(value);
    if ((scalar || now - this.pendingSince >= this.batchMs) && canBreakAfter(value)) this.format(false);
  }

  line(line: OutputLine): void {
    this.flush();
    if (line.kind === 'error' && line.record && line.text === '') {
      const record = this.fileInvocation && !line.record.position ? { ...line.record, position: [] } : line.record;
      this.write({ ...line, text: formatErrorRecord(record, this.source, this.scriptPath).join('\n') });
      return;
    }
    this.write(line);
  }

  /** Drops buffered objects (a statement cut off from outside shows nothing more). */
  discard(): void {
    this.pending = [];
    this.formatter = new HostStreamFormatter(this.width);
  }

  /** Formats everything buffered and closes the last table or list (the statement ended, or another line follows). */
  flush(): void {
    this.format(true);
  }

  private format(final: boolean): void {
    if (this.pending.length === 0 && !final) return;
    const values = this.pending;
    this.pending = [];
    for (const text of this.formatter.format(values, final)) this.write({ kind: 'output', text });
  }
}
