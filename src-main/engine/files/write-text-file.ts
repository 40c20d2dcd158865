// The one "write text to a file as Windows PowerShell 5.1 does" helper:
// Out-File, Set-Content, Add-Content, Export-Csv, Export-Clixml and the `>`
// / `>>` redirections all end here. 5.1's `>` is Out-File, so the default is
// UTF-16 LE with a byte order mark ("Unicode"). Appending adds the encoded
// text after the existing bytes (no second BOM); either way the file is
// replaced atomically, so a failed write leaves it as it was.

import { encodeText, type FileEncoding } from './encoding';
import { currentBytes, realTarget, replaceFile } from './replace-file';

export interface WriteTextOptions {
  /** Default 'Unicode' (UTF-16 LE with BOM), as 5.1's Out-File and `>`. */
  readonly encoding?: FileEncoding;
  /** Add to the end instead of replacing (`>>`, -Append). */
  readonly append?: boolean;
  /** Refuse to replace an existing file (-NoClobber). */
  readonly noClobber?: boolean;
  /** Write over a read-only file (-Force). */
  readonly force?: boolean;
  /** Write the encoding's byte order mark at the start of a new file (default true, as 5.1 does; false for plain JSON). */
  readonly bom?: boolean;
}

/**
 * Writes `text` (already holding its line breaks, "\r\n" as 5.1 writes them)
 * to the absolute path `file`. Throws FileError with 5.1's message.
 */
export function writeTextFile(file: string, text: string, options: WriteTextOptions = {}): void {
  const encoding = options.encoding ?? 'Unicode';
  if (!options.append) {
    replaceFile(file, encodeText(text, encoding, options.bom ?? true), options);
    return;
  }
  const before = currentBytes(realTarget(file));
  const added = encodeText(text, encoding, before.length === 0 && (options.bom ?? true));
  replaceFile(file, Buffer.concat([before, added]), { force: options.force });
}

/** 5.1 on Windows ends every line with CR LF; files written here go to Windows servers. */
export const NEWLINE = '\r\n';

/** Lines as 5.1 writes them: each followed by a newline. */
export function linesToText(lines: readonly string[]): string {
  return lines.map((l) => l + NEWLINE).join('');
}
