// ConvertTo-Json and ConvertFrom-Json as Windows PowerShell 5.1 has them:
// its indented layout (or -Compress), -Depth 2 by default with deeper values
// written as their string form, and PSCustomObjects back from JSON text.

import { errorRecord, TerminatingError } from '../../shell/errors';
import type { CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import type { Value } from '../../shell/values';
import { DEFAULT_JSON_DEPTH, fromJsonValue, JsonSyntaxError, toJson51 } from '../../formats/json51';
import { inputOf, param, UTILITY } from '../builtins/support';
import { fileCommand, on, collectAll } from './support';

const TO_PARAMETERS: readonly ParameterDef[] = [
  param('InputObject', 'Object', 'The objects to convert; usually piped in. Several piped objects become one JSON array.', { mandatory: true, position: 0, pipeline: ['ByValue'] }),
  param('Depth', 'Int32', 'How many levels of contained objects are written out (default 2); deeper ones are written as their string form.'),
  param('Compress', 'SwitchParameter', 'Leaves out the indentation and line breaks.'),
];

const TO_HELP: CommandHelp = {
  synopsis: 'Converts objects to JSON text.',
  description:
    'ConvertTo-Json writes its input as JSON in the layout Windows PowerShell 5.1 uses: four spaces per level, ' +
    'two after each colon. Objects nested deeper than -Depth (2 unless given) are written as their string form, ' +
    'silently, as in 5.1. Characters such as \' < > & are written as \\u escapes, as 5.1 writes them.',
  examples: [{ title: 'The configuration as JSON', code: 'Get-CsPersistentChatConfiguration | ConvertTo-Json', remarks: '' }],
  outputs: 'System.String',
};

function depthError(ctx: { commandName: string; extent: import('../../shell/ast').Extent }, depth: number): TerminatingError {
  return new TerminatingError(
    errorRecord({
      message: `Cannot validate argument on parameter 'Depth'. The ${depth} argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.`,
      errorId: 'ParameterArgumentValidationError',
      category: 'InvalidData',
      exceptionType: 'ParameterBindingValidationException',
      command: ctx.commandName,
      extent: ctx.extent,
    }),
  );
}

export const convertToJson = fileCommand('ConvertTo-Json', UTILITY, TO_PARAMETERS, TO_HELP, (ctx) => {
  return collectAll(async (items, bound) => {
    if (items.length === 0) return;
    const depth = bound.has('Depth') ? (bound.get('Depth') as number) : DEFAULT_JSON_DEPTH;
    if (depth < 1) throw depthError(ctx, depth);
    await ctx.emit(toJson51(items.length === 1 ? items[0]! : items, { depth, compress: on(bound, 'Compress') }));
  });
});

const FROM_PARAMETERS: readonly ParameterDef[] = [
  param('InputObject', 'String', 'The JSON text; usually piped in (the lines of a file are joined when they are not JSON on their own).', { mandatory: true, position: 0, pipeline: ['ByValue'] }),
];

const FROM_HELP: CommandHelp = {
  synopsis: 'Converts JSON text to objects.',
  description:
    'ConvertFrom-Json turns JSON objects into objects with one property per key, in the order of the text. As in ' +
    'Windows PowerShell 5.1, a JSON array comes out as one object (an array), and the lines of a file piped in ' +
    'are read as one text when they are not complete JSON on their own.',
  examples: [{ title: 'Read a JSON export', code: 'Get-Content .\\pchat.json -Raw | ConvertFrom-Json', remarks: '' }],
  outputs: 'System.Management.Automation.PSCustomObject',
};

/** The first bare word in `text` that is not a JSON literal or number (JavaScriptSerializer names it). */
function badPrimitive(text: string): string | undefined {
  const token = /"(?:[^"\\]|\\.)*"?|[^\s,:{}[\]"]+/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const word = m[0];
    if (word.startsWith('"')) continue;
    if (!/^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/.test(word)) return word;
  }
  return undefined;
}

/** JSON.parse's complaint in JavaScriptSerializer's words where it has them. */
function invalidJson(text: string, e: Error): string {
  const word = badPrimitive(text);
  if (word !== undefined) return `Invalid JSON primitive: ${word}.`;
  return `Invalid JSON: ${e.message}`;
}

function tryParse(text: string): { ok: true; value: Value } | { ok: false; message: string } {
  try {
    return { ok: true, value: fromJsonValue(JSON.parse(text.replace(/^\uFEFF/, ''))) };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, message: e.message };
    return { ok: false, message: invalidJson(text, e as Error) };
  }
}

export const convertFromJson = fileCommand('ConvertFrom-Json', UTILITY, FROM_PARAMETERS, FROM_HELP, (ctx) => {
  const buffer: string[] = [];
  return {
    async process(b, input) {
      const current = inputOf(b, input);
      if (current) buffer.push(toPSString(current.value));
    },
    async end() {
      if (buffer.length === 0) return;
      const first = tryParse(buffer[0]!);
      const results = first.ok && buffer.length > 1 ? buffer.map(tryParse) : [first.ok || buffer.length === 1 ? first : tryParse(buffer.join('\n'))];
      for (const r of results) {
        if (r.ok) await ctx.emit(r.value);
        else {
          await ctx.writeError({ message: r.message, errorId: 'System.ArgumentException', category: 'NotSpecified', exceptionType: 'ArgumentException', target: '' });
          return;
        }
      }
    },
  };
});
