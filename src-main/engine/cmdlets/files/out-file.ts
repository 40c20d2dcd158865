// Out-File: the console's text of its input, written to a file. 5.1 writes it
// as UTF-16 LE with a byte order mark ("Unicode") unless -Encoding says
// otherwise, which is also what `>` and `>>` write.

import { OUT_FILE_ENCODINGS } from '../../files/encoding';
import { linesToText, writeTextFile } from '../../files/write-text-file';
import { formatForHost } from '../../shell/format/out-default';
import type { CommandHelp, ParameterDef } from '../../shell/commands';
import { param, UTILITY } from '../builtins/support';
import { fileCommand, on, reportFileError, resolvePath, setEncoding, encodingParam, collectAll } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('FilePath', 'String', 'The file to write, absolute or relative to the current location.', { mandatory: true, position: 0, aliases: ['Path'] }),
  encodingParam('unicode (UTF-16 LE with a byte order mark, the default), bigendianunicode, utf8 (with a byte order mark), utf32, ascii, default (the ANSI code page) or oem.', OUT_FILE_ENCODINGS, { position: 1 }),
  param('Append', 'SwitchParameter', 'Adds to the end of the file instead of replacing it.'),
  param('Force', 'SwitchParameter', 'Writes even over a read-only file.'),
  param('NoClobber', 'SwitchParameter', 'Refuses to replace a file that already exists.', { aliases: ['NoOverwrite'] }),
  param('Width', 'Int32', 'The number of characters in each line of the text; wider tables are cut off as in a console of that width.'),
  param('NoNewline', 'SwitchParameter', 'Writes the text with no line breaks between or after the lines.'),
  param('InputObject', 'Object', 'The objects to write; usually piped in.', { pipeline: ['ByValue'] }),
];

const HELP: CommandHelp = {
  synopsis: 'Writes what the console would show to a file.',
  description:
    'Out-File formats its input exactly as the console shows it and writes that text to a file, by default ' +
    'as UTF-16 LE with a byte order mark (Windows PowerShell 5.1\'s "Unicode"; the `>` operator writes the ' +
    'same). -NoClobber protects an existing file, -Append adds to it. Nothing changes when the write fails.',
  examples: [
    { title: 'Keep the configuration as text', code: 'Get-CsPersistentChatConfiguration | Out-File before.txt', remarks: '' },
    { title: 'A UTF-8 file for another tool', code: 'Get-PchatChange | Out-File changes.txt -Encoding utf8', remarks: '' },
  ],
  inputs: 'System.Management.Automation.PSObject',
  outputs: 'None',
};

export const outFile = fileCommand(
  'Out-File',
  UTILITY,
  PARAMETERS,
  HELP,
  (ctx) => {
    return collectAll(async (items, bound) => {
      const encoding = setEncoding(ctx, bound.get('Encoding'), OUT_FILE_ENCODINGS, 'Unicode');
      const file = resolvePath(ctx, bound.get('FilePath'));
      const width = bound.has('Width') ? (bound.get('Width') as number) : undefined;
      const lines = formatForHost(items, width !== undefined ? { width } : {});
      const text = on(bound, 'NoNewline') ? lines.join('') : linesToText(lines);
      if (!(await ctx.shouldProcess(file, 'Output to File'))) return;
      try {
        writeTextFile(file, text, { encoding, append: on(bound, 'Append'), noClobber: on(bound, 'NoClobber'), force: on(bound, 'Force') });
      } catch (e) {
        await reportFileError(ctx, e);
      }
    });
  },
  { shouldProcess: true },
);
