// Start-Transcript's file: 5.1's header and footer blocks, each input line as
// "PS <location>> <input>", then every line the console shows. It is a log,
// written line by line as the session goes (UTF-8 with BOM, CRLF), so a crash
// keeps what was recorded up to then.

import fs from 'node:fs';
import os from 'node:os';
import { NEWLINE } from './write-text-file';
import { fromNodeError } from './file-errors';

const STARS = '**********************';

/** 20261128093000: the timestamp format of 5.1's transcript header. */
function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

export class Transcript {
  constructor(readonly path: string) {}

  private write(lines: readonly string[]): void {
    try {
      fs.appendFileSync(this.path, lines.map((l) => l + NEWLINE).join(''), 'utf8');
    } catch {
      // A transcript that cannot be written must not break the command being recorded.
    }
  }

  /** Creates (or, with `append`, continues) the file and writes the start block; throws FileError. */
  start(append: boolean, now: Date = new Date()): void {
    const user = os.userInfo().username;
    const header = [
      STARS,
      'Windows PowerShell transcript start',
      `Start time: ${stamp(now)}`,
      `Username: ${user}`,
      `RunAs User: ${user}`,
      `Machine: ${os.hostname()} (${os.type()} ${os.release()})`,
      'Host Application: pchat-admin',
      `Process ID: ${process.pid}`,
      'PSVersion: 5.1',
      STARS,
    ];
    try {
      const fresh = !append || !fs.existsSync(this.path) || fs.statSync(this.path).size === 0;
      const text = header.map((l) => l + NEWLINE).join('');
      if (fresh) fs.writeFileSync(this.path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
      else fs.appendFileSync(this.path, text, 'utf8');
    } catch (err) {
      throw fromNodeError(err, this.path);
    }
  }

  input(location: string, source: string): void {
    this.write([`PS ${location}> ${source}`]);
  }

  output(text: string): void {
    this.write([text]);
  }

  stop(now: Date = new Date()): void {
    this.write([STARS, 'Windows PowerShell transcript end', `End time: ${stamp(now)}`, STARS]);
  }
}
