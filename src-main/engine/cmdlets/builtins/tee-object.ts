// Tee-Object: passes its input on and also keeps it in a variable
// (-Variable). Writing the copy to a file (-FilePath) belongs to the file
// commands; until this console has them it says so clearly and writes nothing.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { collapse, type Value } from '../../shell/values';
import { checkArrayLength } from '../../shell/limit-errors';
import { inputOf, param, UTILITY } from './support';

const FILE = 'File';
const LITERAL_FILE = 'LiteralFile';
const VARIABLE = 'Variable';

const PARAMETERS: readonly ParameterDef[] = [
  param('InputObject', 'Object', 'The objects to pass on and keep. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
  param('FilePath', 'String', 'A file to write the copy to (not available in this console yet).', { sets: [FILE], mandatory: true, position: 0, aliases: ['Path'] }),
  param('LiteralPath', 'String', 'A file to write the copy to, the path taken literally (not available in this console yet).', { sets: [LITERAL_FILE], mandatory: true, aliases: ['PSPath'] }),
  param('Append', 'SwitchParameter', 'Adds to the file instead of replacing it.', { sets: [FILE] }),
  param('Variable', 'String', 'The variable to keep the objects in (a name, without $).', { sets: [VARIABLE], mandatory: true }),
];

function create(ctx: CommandContext) {
  const kept: Value[] = [];
  let variable: string | undefined;
  return {
    async begin(bound: Bound) {
      if (!bound.has(VARIABLE)) {
        throw new TerminatingError(
          errorRecord({
            message: 'Tee-Object cannot write to a file in this console yet. Keep the copy with Tee-Object -Variable <name>, then save the variable with the file commands.',
            errorId: 'TeeObjectFileNotSupported',
            category: 'NotImplemented',
            exceptionType: 'PSNotSupportedException',
          }),
        );
      }
      variable = toPSString(bound.get(VARIABLE) ?? null);
    },
    async process(bound: Bound, input: { value: Value } | undefined) {
      const current = inputOf(bound, input);
      if (!current) return;
      checkArrayLength(kept.length + 1);
      kept.push(current.value);
      await ctx.emit(current.value);
    },
    async end() {
      // As Set-Variable with pipeline input: one object is kept as itself, several as an array.
      if (variable !== undefined) ctx.variables.set(variable, collapse(kept));
    },
  };
}

export const teeObject: CommandDef = {
  name: 'Tee-Object',
  parameters: PARAMETERS,
  sets: [FILE, LITERAL_FILE, VARIABLE],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Passes objects on and keeps a copy in a variable.',
    description:
      'Tee-Object sends every object it receives down the pipeline and, at the end, stores them in the variable named by ' +
      '-Variable: one object as itself, several as an array. Use it to see a pipeline\'s output and keep it for later in one go.',
    examples: [
      {
        title: 'See and keep',
        code: 'Get-CsPersistentChatConfiguration -Filter site:* | Tee-Object -Variable sites | Select-Object Identity\n$sites.Count',
        remarks: 'Shows the identities and keeps the full objects in $sites.',
      },
    ],
    inputs: 'System.Object\n    Any object can be piped.',
    outputs: 'System.Object\n    The input objects, unchanged.',
  },
  source: UTILITY,
  create,
};
