// Export-Clixml and Import-Clixml: PowerShell's CliXML (see formats/), UTF-16
// LE with a byte order mark by default as 5.1 writes it, -Depth 2 unless
// given; imported objects carry "Deserialized." type names.

import { decodeText, EXPORT_ENCODINGS } from '../../files/encoding';
import { readFileBytes } from '../../files/read-file';
import { writeTextFile } from '../../files/write-text-file';
import { ClixmlError, parseClixml } from '../../formats/clixml-read';
import { DEFAULT_CLIXML_DEPTH, toClixml } from '../../formats/clixml-write';
import type { Value } from '../../shell/values';
import { param, stringList, UTILITY } from '../builtins/support';
import { fileCommand, on, reportFileError, resolvePath, setEncoding, encodingParam, collectAll } from './support';

export const exportClixml = fileCommand(
  'Export-Clixml',
  UTILITY,
  [
    param('Path', 'String', 'The file to write, absolute or relative to the current location.', { sets: ['ByPath'], position: 0, mandatory: true }),
    // Paths are never wildcard patterns here, so -LiteralPath writes exactly where -Path would; scripts written for 5.1 use it.
    param('LiteralPath', 'String', 'The file to write, taken exactly as typed (no wildcard characters).', { sets: ['ByLiteralPath'], mandatory: true, aliases: ['PSPath', 'LP'] }),
    param('InputObject', 'Object', 'The objects to write; usually piped in.', { mandatory: true, pipeline: ['ByValue'] }),
    param('Depth', 'Int32', 'How many levels of contained objects are written out in full (default 2).'),
    param('Force', 'SwitchParameter', 'Writes over a read-only file.'),
    param('NoClobber', 'SwitchParameter', 'Refuses to replace a file that already exists.', { aliases: ['NoOverwrite'] }),
    encodingParam('Unicode (UTF-16 LE with a byte order mark, the default), UTF8, ASCII, UTF32, BigEndianUnicode, Default or OEM.', EXPORT_ENCODINGS),
  ],
  {
    synopsis: 'Writes objects to a CliXML file.',
    description:
      "Export-Clixml writes objects in PowerShell's own XML serialization, the format a Management Shell on the server " +
      'reads back with Import-Clixml. The XML is written with the fast-xml-parser library, as UTF-16 LE with a byte ' +
      'order mark and CR LF line ends unless -Encoding says otherwise, in one step.',
    examples: [{ title: 'Keep the configuration as CliXML', code: 'Get-CsPersistentChatConfiguration | Export-Clixml pchat.xml', remarks: '' }],
    inputs: 'System.Management.Automation.PSObject',
    outputs: 'None',
  },
  (ctx) => {
    return collectAll(async (items, bound) => {
      const encoding = setEncoding(ctx, bound.get('Encoding'), EXPORT_ENCODINGS, 'Unicode');
      const file = resolvePath(ctx, bound.get('Path') ?? bound.get('LiteralPath'));
      const depth = bound.has('Depth') ? (bound.get('Depth') as number) : DEFAULT_CLIXML_DEPTH;
      if (!(await ctx.shouldProcess(file))) return;
      try {
        writeTextFile(file, toClixml(items, depth), { encoding, noClobber: on(bound, 'NoClobber'), force: on(bound, 'Force') });
      } catch (e) {
        await reportFileError(ctx, e);
      }
    });
  },
  { shouldProcess: true, sets: ['ByPath', 'ByLiteralPath'] },
);

export const importClixml = fileCommand(
  'Import-Clixml',
  UTILITY,
  [param('Path', 'String[]', 'The CliXML files to read, absolute or relative to the current location.', { position: 0, mandatory: true, pipeline: ['ByValue', 'ByPropertyName'], aliases: ['PSPath'] })],
  {
    synopsis: 'Reads objects from a CliXML file.',
    description:
      "Import-Clixml reads objects written by Export-Clixml, here or in any Windows PowerShell. As in PowerShell the " +
      'objects come back with "Deserialized." type names and their property values. A file that is not CliXML is ' +
      'refused with the reason and where in the file it was found.',
    examples: [{ title: 'Read a server export', code: 'Import-Clixml .\\pchat-server.xml', remarks: '' }],
    outputs: 'The deserialized objects.',
  },
  (ctx) => ({
    async process(b) {
      for (const typed of stringList(b.get('Path'))) {
        const file = ctx.session.files().resolve(typed);
        let values: Value[];
        try {
          values = parseClixml(decodeText(readFileBytes(file), 'UTF8').text);
        } catch (e) {
          if (!(e instanceof ClixmlError)) {
            await reportFileError(ctx, e);
            continue;
          }
          await ctx.writeError({ message: e.message, errorId: 'System.Xml.XmlException', category: 'NotSpecified', exceptionType: 'XmlException', target: file });
          continue;
        }
        for (const v of values) await ctx.emit(v);
      }
    },
  }),
);
