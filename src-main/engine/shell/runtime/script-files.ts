// Script files run as commands: `.\report.ps1 -Site Redmond`, `& $path`,
// `. .\lib.ps1`. The file is read (UTF-8, or UTF-16 with its byte order
// mark, as Windows PowerShell's own `>` writes), parsed with the language's
// parser, and becomes a script block whose positions name the file.

import fs from 'node:fs/promises';
import path from 'node:path';
import type { Extent } from '../ast';
import { errorRecord, TerminatingError } from '../errors';
import { positionMessage } from '../format/error-view';
import { parse } from '../parse';
import { ScriptBlock } from '../values';
import type { Interpreter } from './interpreter';

/** Does a command name look like a path (`.\x.ps1`, `C:\x`, `/tmp/x.ps1`) rather than a command? */
export function looksLikePath(name: string): boolean {
  return /[\\/]/.test(name) || /^[A-Za-z]:/.test(name);
}

/** Decodes a script file's bytes: a UTF-16 or UTF-8 byte order mark decides, else UTF-8. */
export function decodeScript(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('utf8');
}

/** Reads and parses a script file; null when there is no such file (the caller reports CommandNotFound). */
export async function loadScriptFile(interp: Interpreter, name: string, extent: Extent): Promise<{ path: string; block: ScriptBlock } | null> {
  const full = interp.resolvePath(name);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(full);
    if (!stat.isFile()) return null;
    bytes = await fs.readFile(full);
  } catch {
    return null;
  }
  if (path.extname(full).toLowerCase() !== '.ps1') {
    throw new TerminatingError(
      errorRecord({
        message: `The file '${full}' is not a PowerShell script (.ps1); only scripts can be run here.`,
        errorId: 'NotAScript',
        category: 'InvalidArgument',
        target: `${name}:String`,
        extent,
      }),
    );
  }
  const text = decodeScript(bytes);
  const parsed = parse(text);
  if (!parsed.ok) {
    const first = parsed.errors[0]!;
    throw new TerminatingError(
      errorRecord({
        message: first.message,
        errorId: first.id,
        category: 'ParserError',
        exceptionType: 'ParseException',
        extent: first.extent,
        position: positionMessage(text, first.extent, full),
      }),
    );
  }
  const script = parsed.script;
  return {
    path: full,
    block: new ScriptBlock({ type: 'ScriptBlock', body: script, text, extent: { start: 0, end: text.length } }, { text, path: full }),
  };
}
