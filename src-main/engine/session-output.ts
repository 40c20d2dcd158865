// The session's Out-Default: objects are buffered and formatted together (so
// consecutive objects share one table), and flushed before any other line so
// output, warnings, errors and prompts appear in the order they happened.

import type { OutputLine } from './shell/commands';
import { formatErrorRecord } from './shell/format/error-view';
import { formatForHost } from './shell/format/out-default';
import type { OutputSink } from './shell/runtime/interpreter';
import { ErrorRecordObject } from './shell/runtime/error-object';
import type { Value } from './shell/values';

export class SessionOutput implements OutputSink {
  private pending: Value[] = [];
  source = '';
  /** The script file the source came from (-File): positions then read "At <path>:<line>". */
  scriptPath: string | undefined;

  constructor(private readonly write: (line: OutputLine) => void) {}

  object(value: Value): void {
    if (value instanceof ErrorRecordObject) {
      this.flush();
      this.write({ kind: 'error', text: formatErrorRecord(value.record, value.source, value.scriptPath).join('\n'), record: value.record });
      return;
    }
    this.pending.push(value);
  }

  line(line: OutputLine): void {
    this.flush();
    if (line.kind === 'error' && line.record && line.text === '') {
      this.write({ ...line, text: formatErrorRecord(line.record, this.source, this.scriptPath).join('\n') });
      return;
    }
    this.write(line);
  }

  /** Drops buffered objects (a statement cut off from outside shows nothing more). */
  discard(): void {
    this.pending = [];
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const values = this.pending;
    this.pending = [];
    for (const text of formatForHost(values)) this.write({ kind: 'output', text });
  }
}
