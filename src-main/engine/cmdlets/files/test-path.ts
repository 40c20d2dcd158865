// Test-Path: whether each path exists (-PathType Leaf for a file, Container
// for a folder), or with -IsValid whether it could be a path at all.

import fs from 'node:fs';
import { errorRecord, TerminatingError } from '../../shell/errors';
import type { CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { param, stringList } from '../builtins/support';
import { fileCommand, MANAGEMENT, on } from './support';

const PATH_TYPES = ['Any', 'Container', 'Leaf'] as const;

const PARAMETERS: readonly ParameterDef[] = [
  param('Path', 'String[]', 'The paths to test, absolute or relative to the current location.', { mandatory: true, position: 0, pipeline: ['ByValue', 'ByPropertyName'] }),
  param('PathType', 'String', 'Any (the default), Container (a folder) or Leaf (a file).', { aliases: ['Type'] }),
  param('IsValid', 'SwitchParameter', 'Tests only whether the text is a well-formed path, not whether it exists.'),
];

const HELP: CommandHelp = {
  synopsis: 'Tells whether a path exists.',
  description:
    'Test-Path returns $True for every path that exists and $False for every one that does not. With -PathType ' +
    'Leaf only files count, with Container only folders. With -IsValid it checks only the form of the path.',
  examples: [{ title: 'Check for an export before importing it', code: "Test-Path .\\pchat-server.xml -PathType Leaf", remarks: '' }],
  outputs: 'System.Boolean',
};

export const testPath = fileCommand('Test-Path', MANAGEMENT, PARAMETERS, HELP, (ctx) => ({
  async process(bound) {
    const kind = bound.has('PathType') ? toPSString(bound.get('PathType')!) : 'Any';
    const type = PATH_TYPES.find((t) => t.toLowerCase() === kind.toLowerCase());
    if (!type) {
      throw new TerminatingError(
        errorRecord({
          message: `Cannot bind parameter 'PathType'. Cannot convert value "${kind}" to type "Microsoft.PowerShell.Commands.TestPathType". Error: "Unable to match the identifier name ${kind} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${PATH_TYPES.join(', ')}"`,
          errorId: 'CannotConvertArgumentNoMessage',
          category: 'InvalidArgument',
          exceptionType: 'ParameterBindingException',
          command: ctx.commandName,
          extent: ctx.extent,
        }),
      );
    }
    for (const typed of stringList(bound.get('Path'))) {
      if (typed === '') {
        throw new TerminatingError(
          errorRecord({
            message: "Cannot bind argument to parameter 'Path' because it is an empty string.",
            errorId: 'ParameterArgumentValidationErrorEmptyStringNotAllowed',
            category: 'InvalidData',
            exceptionType: 'ParameterBindingValidationException',
            command: ctx.commandName,
            extent: ctx.extent,
          }),
        );
      }
      const full = ctx.session.files().resolve(typed);
      if (on(bound, 'IsValid')) {
        await ctx.emit(!full.includes('\u0000'));
        continue;
      }
      let st: fs.Stats | undefined;
      try {
        st = fs.statSync(full);
      } catch {
        st = undefined;
      }
      const ok = !!st && (type === 'Any' || (type === 'Leaf' ? !st.isDirectory() : st.isDirectory()));
      await ctx.emit(ok);
    }
  },
}));
