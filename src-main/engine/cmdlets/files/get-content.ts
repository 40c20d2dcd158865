// Get-Content (gc, cat, type): a file's lines one by one, or the whole text
// with -Raw; -TotalCount/-Head from the start, -Tail from the end. Without a
// byte order mark 5.1 reads the ANSI code page; -Encoding names another.

import { decodeText, PROVIDER_ENCODINGS } from '../../files/encoding';
import { readFileBytes } from '../../files/read-file';
import type { CommandHelp, ParameterDef } from '../../shell/commands';
import { param, stringList } from '../builtins/support';
import { fileCommand, MANAGEMENT, on, providerEncoding, reportFileError, encodingParam } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('Path', 'String[]', 'The files to read, absolute or relative to the current location.', { sets: ['Path'], mandatory: true, position: 0, pipeline: ['ByPropertyName'], aliases: ['PSPath'] }),
  // Paths are never wildcard patterns here, so -LiteralPath reads exactly as -Path does; scripts written for 5.1 use it.
  param('LiteralPath', 'String[]', 'The files to read, taken exactly as typed (no wildcard characters).', { sets: ['LiteralPath'], mandatory: true, pipeline: ['ByPropertyName'], aliases: ['LP'] }),
  param('TotalCount', 'Int32', 'Reads only this many lines from the start of the file.', { aliases: ['First', 'Head'] }),
  param('Tail', 'Int32', 'Reads only this many lines from the end of the file.', { aliases: ['Last'] }),
  param('Raw', 'SwitchParameter', 'Returns the whole file as one string, line breaks included.'),
  encodingParam('How the file is encoded when it has no byte order mark: Unicode, BigEndianUnicode, UTF8, UTF32, BigEndianUTF32, Ascii, Default (the ANSI code page, the default), Oem or Byte.', PROVIDER_ENCODINGS),
];

const HELP: CommandHelp = {
  synopsis: 'Reads the lines of a file.',
  description:
    'Get-Content sends each line of a file down the pipeline as a string, without its line break. -Raw returns ' +
    'the whole file as one string. A byte order mark decides the encoding; without one the file is read as ' +
    'Windows PowerShell 5.1 reads it, in the ANSI code page, unless -Encoding says otherwise.',
  examples: [
    { title: 'Look at a change script before running it', code: 'Get-Content .\\changes.ps1', remarks: '' },
    { title: 'The last lines of a transcript', code: 'Get-Content .\\transcript.txt -Tail 5', remarks: '' },
  ],
  outputs: 'System.String (System.Byte with -Encoding Byte)',
};


export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export const getContent = fileCommand('Get-Content', MANAGEMENT, PARAMETERS, HELP, (ctx) => ({
  async process(bound) {
    const encoding = providerEncoding(ctx, bound.get('Encoding'), 'Default');
    const head = bound.has('TotalCount') ? (bound.get('TotalCount') as number) : -1;
    const tail = bound.has('Tail') ? (bound.get('Tail') as number) : -1;
    for (const typed of stringList(bound.get('Path') ?? bound.get('LiteralPath'))) {
      const file = ctx.session.files().resolve(typed);
      let bytes: Buffer;
      try {
        bytes = readFileBytes(file);
      } catch (e) {
        await reportFileError(ctx, e);
        continue;
      }
      if (encoding === 'Byte') {
        let list = [...bytes];
        if (head >= 0) list = list.slice(0, head);
        if (tail >= 0) list = tail === 0 ? [] : list.slice(-tail);
        for (const b of list) await ctx.emit(b);
        continue;
      }
      const text = decodeText(bytes, encoding).text;
      if (on(bound, 'Raw')) {
        if (text !== '') await ctx.emit(text);
        continue;
      }
      let lines = splitLines(text);
      if (head >= 0) lines = lines.slice(0, head);
      if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
      for (const line of lines) await ctx.emit(line);
    }
  },
}), { sets: ['Path', 'LiteralPath'] });
