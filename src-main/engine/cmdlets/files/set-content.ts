// Set-Content (sc) and Add-Content (ac): write values as lines of text, each
// followed by CR LF (none with -NoNewline), in 5.1's default encoding for
// them, the ANSI code page. Set replaces the file, Add appends to it; either
// way the file changes in one atomic step or not at all.

import { encodeText, PROVIDER_ENCODINGS, type FileEncoding } from '../../files/encoding';
import { currentBytes, realTarget, replaceFile } from '../../files/replace-file';
import { NEWLINE } from '../../files/write-text-file';
import type { CommandContext, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import type { Value } from '../../shell/values';
import { param, stringList } from '../builtins/support';
import { fileCommand, MANAGEMENT, on, providerEncoding, reportFileError, encodingParam } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('Path', 'String[]', 'The files to write, absolute or relative to the current location.', { mandatory: true, position: 0, pipeline: ['ByPropertyName'], aliases: ['PSPath'] }),
  param('Value', 'Object[]', 'The text to write; each value becomes one line. Also taken from the pipeline.', { mandatory: true, position: 1, pipeline: ['ByValue', 'ByPropertyName'] }),
  encodingParam('The encoding to write: Default (the ANSI code page, the default), Unicode, BigEndianUnicode, UTF8 (with a byte order mark, as 5.1 writes it), UTF32, BigEndianUTF32, Ascii, Oem or Byte.', PROVIDER_ENCODINGS),
  param('NoNewline', 'SwitchParameter', 'Writes the values one after another with no line breaks.'),
  param('Force', 'SwitchParameter', 'Writes even over a read-only file.'),
  param('PassThru', 'SwitchParameter', 'Also returns the values written.'),
];

function bytesFor(values: readonly Value[], encoding: FileEncoding, noNewline: boolean, bom: boolean): Buffer {
  if (encoding === 'Byte') return Buffer.from(values.map((v) => Number(toPSString(v)) & 0xff));
  const text = values.map((v) => toPSString(v)).join(noNewline ? '' : NEWLINE) + (noNewline || values.length === 0 ? '' : NEWLINE);
  return encodeText(text, encoding, bom);
}

function contentCommand(name: 'Set-Content' | 'Add-Content', help: CommandHelp) {
  const append = name === 'Add-Content';
  return fileCommand(
    name,
    MANAGEMENT,
    PARAMETERS,
    help,
    (ctx: CommandContext) => {
      const values: Value[] = [];
      let paths: string[] = [];
      let bound: ReadonlyMap<string, Value> = new Map();
      return {
        async process(b) {
          bound = b;
          if (paths.length === 0) paths = stringList(b.get('Path'));
          const value = b.get('Value');
          if (value !== undefined) values.push(...(Array.isArray(value) ? value : [value]));
        },
        async end() {
          const encoding = providerEncoding(ctx, bound.get('Encoding'), 'Default');
          for (const typed of paths) {
            const file = ctx.session.files().resolve(typed);
            if (!(await ctx.shouldProcess(`Path: ${file}`, append ? 'Add Content' : 'Set Content'))) continue;
            try {
              const before = append ? currentBytes(realTarget(file)) : Buffer.alloc(0);
              const added = bytesFor(values, encoding, on(bound, 'NoNewline'), before.length === 0);
              replaceFile(file, Buffer.concat([before, added]), { force: on(bound, 'Force') });
            } catch (e) {
              await reportFileError(ctx, e);
              continue;
            }
          }
          if (on(bound, 'PassThru')) for (const v of values) await ctx.emit(v);
        },
      };
    },
    { shouldProcess: true },
  );
}

export const setContent = contentCommand('Set-Content', {
  synopsis: 'Writes text to a file, replacing what it held.',
  description:
    'Set-Content writes each value as one line (CR LF after each, as Windows writes them) and replaces the ' +
    'file. The default encoding is the ANSI code page, as in Windows PowerShell 5.1; use -Encoding UTF8 or ' +
    'Unicode for anything beyond it. The file is replaced in one step: a failed write leaves it as it was.',
  examples: [{ title: 'Write a list of pools', code: "Set-Content pools.txt 'pchat01.contoso.com','pchat02.contoso.com'", remarks: '' }],
  inputs: 'System.Object\n    The values to write.',
  outputs: 'None, or the values with -PassThru.',
});

export const addContent = contentCommand('Add-Content', {
  synopsis: 'Adds lines of text to the end of a file.',
  description:
    'Add-Content appends each value as one line to the file, creating it when it does not exist. It writes ' +
    'in the ANSI code page unless -Encoding says otherwise, and never adds a second byte order mark.',
  examples: [{ title: 'Keep a log of what was carried to the server', code: "Add-Content carried.log \"$(Get-Date) changes.ps1\"", remarks: '' }],
  inputs: 'System.Object\n    The values to write.',
  outputs: 'None, or the values with -PassThru.',
});
