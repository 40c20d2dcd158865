// ConvertTo-Csv, ConvertFrom-Csv, Export-Csv (epcsv) and Import-Csv (ipcsv) as
// Windows PowerShell 5.1 has them: the #TYPE line unless -NoTypeInformation,
// every field quoted, -Delimiter, and Export-Csv's ASCII default encoding.

import { decodeText, EXPORT_ENCODINGS } from '../../files/encoding';
import { readFileBytes } from '../../files/read-file';
import { currentBytes, realTarget } from '../../files/replace-file';
import { linesToText, writeTextFile } from '../../files/write-text-file';
import { csvHeader, CsvError, csvPropertyNames, csvRow, parseCsv, splitCsv, typeLine } from '../../formats/csv';
import type { CommandContext } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import type { Value } from '../../shell/values';
import { inputOf, param, stringList, UTILITY } from '../builtins/support';
import { fileCommand, on, reportFileError, resolvePath, setEncoding, encodingParam, collectAll } from './support';

const DELIMITER_HELP = 'The character between fields (a comma unless given).';

function delimiterOf(bound: ReadonlyMap<string, Value>): string {
  const d = bound.has('Delimiter') ? toPSString(bound.get('Delimiter')!) : ',';
  return d === '' ? ',' : d[0]!;
}

/** Turns objects into CSV lines, the type line and header from the first object. */
class CsvLines {
  names: string[] | undefined;
  constructor(
    private readonly delimiter: string,
    private readonly noType: boolean,
  ) {}

  lines(value: Value): string[] {
    const out: string[] = [];
    if (!this.names) {
      this.names = csvPropertyNames(value);
      if (!this.noType) out.push(typeLine(value));
      out.push(csvHeader(this.names, this.delimiter));
    }
    out.push(csvRow(value, this.names, this.delimiter));
    return out;
  }
}

const INPUT = param('InputObject', 'Object', 'The objects to convert; usually piped in.', { mandatory: true, position: 0, pipeline: ['ByValue'] });
const NO_TYPE = param('NoTypeInformation', 'SwitchParameter', 'Leaves out the #TYPE line that names the type of the objects.', { aliases: ['NTI'] });

export const convertToCsv = fileCommand(
  'ConvertTo-Csv',
  UTILITY,
  [INPUT, param('Delimiter', 'String', DELIMITER_HELP, { position: 1 }), NO_TYPE],
  {
    synopsis: 'Converts objects to lines of CSV text.',
    description:
      'ConvertTo-Csv writes a #TYPE line (unless -NoTypeInformation), a header with the property names of the ' +
      'first object, then one line per object with every value in double quotes, as Windows PowerShell 5.1 does.',
    examples: [{ title: 'The configuration as CSV', code: 'Get-CsPersistentChatConfiguration | ConvertTo-Csv -NoTypeInformation', remarks: '' }],
    outputs: 'System.String',
  },
  (ctx) => {
    let csv: CsvLines | undefined;
    return {
      async process(b, input) {
        const current = inputOf(b, input);
        if (!current) return;
        csv ??= new CsvLines(delimiterOf(b), on(b, 'NoTypeInformation'));
        for (const line of csv.lines(current.value)) await ctx.emit(line);
      },
    };
  },
);

function csvError(ctx: CommandContext, e: unknown): Promise<void> {
  if (!(e instanceof CsvError)) throw e;
  return ctx.writeError({ message: e.message, errorId: 'ArgumentException', category: 'InvalidArgument', exceptionType: 'ArgumentException', target: '' });
}

export const convertFromCsv = fileCommand(
  'ConvertFrom-Csv',
  UTILITY,
  [
    param('InputObject', 'Object[]', 'The CSV lines; usually piped in.', { mandatory: true, position: 0, pipeline: ['ByValue'] }),
    param('Delimiter', 'String', DELIMITER_HELP, { position: 1 }),
    param('Header', 'String[]', 'Property names to use instead of the first line.'),
  ],
  {
    synopsis: 'Converts lines of CSV text to objects.',
    description: 'ConvertFrom-Csv reads a header line (or -Header) and makes one object per following line; every value is a string.',
    examples: [{ title: 'Objects from text', code: "'Identity,DefaultChatHistory','Global,40' | ConvertFrom-Csv", remarks: '' }],
    outputs: 'System.Management.Automation.PSCustomObject',
  },
  (ctx) => {
    const lines: string[] = [];
    let bound: ReadonlyMap<string, Value> = new Map();
    return {
      async process(b, input) {
        bound = b;
        const current = inputOf(b, input);
        if (current) lines.push(...(Array.isArray(current.value) ? current.value : [current.value]).map((v) => toPSString(v)));
      },
      async end() {
        try {
          const header = bound.has('Header') ? stringList(bound.get('Header')) : undefined;
          for (const obj of parseCsv(lines.join('\n'), delimiterOf(bound), header)) await ctx.emit(obj);
        } catch (e) {
          await csvError(ctx, e);
        }
      },
    };
  },
);

export const exportCsv = fileCommand(
  'Export-Csv',
  UTILITY,
  [
    param('InputObject', 'Object', 'The objects to write; usually piped in.', { mandatory: true, pipeline: ['ByValue'] }),
    param('Path', 'String', 'The file to write, absolute or relative to the current location.', { position: 0, mandatory: true, aliases: ['PSPath'] }),
    param('Delimiter', 'String', DELIMITER_HELP, { position: 1 }),
    NO_TYPE,
    param('Append', 'SwitchParameter', 'Adds the objects to the end of an existing file (its header must match).'),
    param('Force', 'SwitchParameter', 'Writes over a read-only file; with -Append, allows objects whose properties do not match the header.'),
    param('NoClobber', 'SwitchParameter', 'Refuses to replace a file that already exists.', { aliases: ['NoOverwrite'] }),
    encodingParam('ASCII (the default in Windows PowerShell 5.1), UTF8, Unicode, UTF32, BigEndianUnicode, Default or OEM.', EXPORT_ENCODINGS),
  ],
  {
    synopsis: 'Writes objects to a CSV file.',
    description:
      'Export-Csv writes what ConvertTo-Csv produces to a file, in ASCII unless -Encoding says otherwise (as in ' +
      'Windows PowerShell 5.1; use -Encoding UTF8 for names beyond ASCII). The file is written in one step.',
    examples: [{ title: 'Save the configuration for a spreadsheet', code: 'Get-CsPersistentChatConfiguration | Export-Csv pchat.csv -NoTypeInformation -Encoding UTF8', remarks: '' }],
    inputs: 'System.Management.Automation.PSObject',
    outputs: 'None',
  },
  (ctx) => {
    return collectAll(async (items, bound) => {
      const encoding = setEncoding(ctx, bound.get('Encoding'), EXPORT_ENCODINGS, 'Ascii');
      const file = resolvePath(ctx, bound.get('Path'));
      const delimiter = delimiterOf(bound);
      const append = on(bound, 'Append');
      const csv = new CsvLines(delimiter, on(bound, 'NoTypeInformation'));
      if (append) {
        const existing = currentBytes(realTarget(file));
        const text = decodeText(existing, 'Ascii').text.replace(/^#TYPE[^\r\n]*\r?\n/i, '');
        const header = splitCsv(text.split(/\r?\n/)[0] ?? '', delimiter)[0];
        if (header && header.length > 0) {
          csv.names = header;
          const first = items[0];
          const missing = first === undefined ? undefined : header.find((h) => !csvPropertyNames(first).some((n) => n.toLowerCase() === h.toLowerCase()));
          if (missing !== undefined && !on(bound, 'Force')) {
            await ctx.writeError({
              message: `Cannot append CSV content to the following file: ${file}. The appended object does not have a property that corresponds to the following column: ${missing}. To continue with mismatched properties, add the -Force parameter, and then retry the command.`,
              errorId: 'CannotAppendCsvWithMismatchedPropertyNames',
              category: 'InvalidData',
              exceptionType: 'InvalidOperationException',
              target: missing,
            });
            return;
          }
        }
      }
      const lines = items.flatMap((v) => csv.lines(v));
      if (!(await ctx.shouldProcess(file))) return;
      try {
        writeTextFile(file, linesToText(lines), { encoding, append, noClobber: on(bound, 'NoClobber'), force: on(bound, 'Force') });
      } catch (e) {
        await reportFileError(ctx, e);
      }
    });
  },
  { shouldProcess: true },
);

export const importCsv = fileCommand(
  'Import-Csv',
  UTILITY,
  [
    param('Path', 'String[]', 'The CSV files to read, absolute or relative to the current location.', { position: 0, mandatory: true, pipeline: ['ByValue'], aliases: ['PSPath'] }),
    param('Delimiter', 'String', DELIMITER_HELP, { position: 1 }),
    param('Header', 'String[]', 'Property names to use instead of the first line of the file.'),
    encodingParam('How the file is encoded when it has no byte order mark (UTF8 unless given).', EXPORT_ENCODINGS),
  ],
  {
    synopsis: 'Reads objects from a CSV file.',
    description:
      'Import-Csv makes one object per line of a CSV file, with the header line (or -Header) as property names and ' +
      'every value as a string. A #TYPE line gives the objects the type name CSV:<type>, as in Windows PowerShell 5.1.',
    examples: [{ title: 'Read a CSV export', code: 'Import-Csv pchat.csv | Format-Table', remarks: '' }],
    outputs: 'System.Management.Automation.PSCustomObject',
  },
  (ctx) => ({
    async process(b) {
      const encoding = setEncoding(ctx, b.get('Encoding'), EXPORT_ENCODINGS, 'UTF8');
      const header = b.has('Header') ? stringList(b.get('Header')) : undefined;
      for (const typed of stringList(b.get('Path'))) {
        const file = ctx.session.files().resolve(typed);
        let objects;
        try {
          objects = parseCsv(decodeText(readFileBytes(file), encoding).text, delimiterOf(b), header);
        } catch (e) {
          if (e instanceof CsvError) await csvError(ctx, e);
          else await reportFileError(ctx, e);
          continue;
        }
        for (const obj of objects) await ctx.emit(obj);
      }
    },
  }),
);
