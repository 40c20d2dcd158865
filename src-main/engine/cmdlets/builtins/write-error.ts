// Write-Error: writes a non-terminating error record, like a cmdlet's own
// error: -ErrorAction and $ErrorActionPreference decide whether it shows, is
// hidden or stops the script, and it joins $Error and -ErrorVariable. Its
// display is 5.1's: the record names its caller (the typed input, or the
// script), with WriteErrorException and the default error id
// Microsoft.PowerShell.Commands.WriteErrorException.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import type { ErrorCategory } from '../../shell/errors';
import { getProperty } from '../../shell/members';
import { PSObject, type Value } from '../../shell/values';
import { ERROR_CATEGORY } from './enums';
import { param, shortTypeName, targetText, UTILITY } from './support';

const NO_EXCEPTION = 'NoException';
const WITH_EXCEPTION = 'WithException';
const ERROR_RECORD = 'ErrorRecord';
const DEFAULT_ID = 'Microsoft.PowerShell.Commands.WriteErrorException';

const PARAMETERS: readonly ParameterDef[] = [
  param('Message', 'String', 'The error message.', { sets: [NO_EXCEPTION, WITH_EXCEPTION], mandatory: false, position: 0, pipeline: ['ByValue'], aliases: ['Msg'] }),
  param('Exception', 'Object', 'An exception (or any object with a Message) the error stands for; its message is used unless -Message is given.', { sets: [WITH_EXCEPTION], mandatory: true }),
  param('ErrorRecord', 'PSObject', 'An existing error record (from $Error or a catch block) to write again.', { sets: [ERROR_RECORD], mandatory: true }),
  param('Category', 'Enum', 'The error category shown in CategoryInfo (NotSpecified unless given).', { sets: [NO_EXCEPTION, WITH_EXCEPTION], enumType: ERROR_CATEGORY }),
  param('ErrorId', 'String', 'The error id shown as FullyQualifiedErrorId.', { sets: [NO_EXCEPTION, WITH_EXCEPTION] }),
  param('TargetObject', 'Object', 'The object the error is about, shown in CategoryInfo.', { sets: [NO_EXCEPTION, WITH_EXCEPTION] }),
  param('RecommendedAction', 'String', 'What the user should do about it; kept in the record.'),
  param('CategoryActivity', 'String', 'Replaces the command name in CategoryInfo\'s brackets.', { aliases: ['Activity'] }),
  param('CategoryReason', 'String', 'Replaces the exception type at the end of CategoryInfo.', { aliases: ['Reason'] }),
  param('CategoryTargetName', 'String', 'Replaces the target\'s name in CategoryInfo.', { aliases: ['TargetName'] }),
  param('CategoryTargetType', 'String', 'Replaces the target\'s type in CategoryInfo.', { aliases: ['TargetType'] }),
];

function text(bound: Bound, name: string): string | undefined {
  const v = bound.get(name);
  return v === undefined || v === null ? undefined : toPSString(v);
}

/** The record's message and exception type from -Exception (an error record's Exception, or any object's Message). */
function fromException(exception: Value): { message: string; type: string } {
  const message = getProperty(exception, 'Message');
  const type = exception instanceof PSObject ? exception.typeName.slice(exception.typeName.lastIndexOf('.') + 1) : 'Exception';
  return { message: message === null ? toPSString(exception) : toPSString(message), type };
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound, input: { value: Value } | undefined) {
      const given = bound.get('ErrorRecord');
      if (given instanceof PSObject && given.get('Exception') !== undefined) {
        const again = fromException(given.get('Exception')!);
        await ctx.writeError({ message: again.message, errorId: toPSString(given.get('FullyQualifiedErrorId') ?? DEFAULT_ID), category: 'NotSpecified', exceptionType: again.type, target: '' });
        return;
      }
      const exception = bound.has('Exception') ? fromException(bound.get('Exception')!) : undefined;
      const message = text(bound, 'Message') ?? (input && !bound.has('Exception') ? toPSString(input.value) : exception?.message ?? '');
      const target = bound.get('TargetObject') ?? null;
      const defaultTarget = targetText(target);
      const targetName = text(bound, 'CategoryTargetName');
      const targetType = text(bound, 'CategoryTargetType');
      const shownTarget =
        targetName !== undefined || targetType !== undefined
          ? `${targetName ?? (target === null ? '' : toPSString(target))}:${targetType ?? (target === null ? '' : shortTypeName(target))}`
          : defaultTarget;
      const errorId = text(bound, 'ErrorId') ?? DEFAULT_ID;
      const { source, path } = ctx.script;
      const scriptName = path === undefined ? undefined : path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
      await ctx.writeError({
        message,
        errorId,
        category: (bound.get('Category') as ErrorCategory | undefined) ?? 'NotSpecified',
        exceptionType: text(bound, 'CategoryReason') ?? exception?.type ?? 'WriteErrorException',
        target: shownTarget,
        // 5.1 names the caller: the typed input at the prompt, the script in a script.
        invocationName: path ?? source.trim(),
        fullyQualifiedErrorId: scriptName === undefined ? errorId : `${errorId},${scriptName}`,
        activity: text(bound, 'CategoryActivity') ?? 'Write-Error',
      });
    },
  };
}

export const writeError: CommandDef = {
  name: 'Write-Error',
  parameters: PARAMETERS,
  sets: [NO_EXCEPTION, WITH_EXCEPTION, ERROR_RECORD],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Writes a non-terminating error.',
    description:
      'Write-Error reports an error the way a command does: the record is shown (or not, as -ErrorAction and ' +
      '$ErrorActionPreference decide), added to $Error and to -ErrorVariable, $? becomes false, and the script goes on. ' +
      'With -ErrorAction Stop (or $ErrorActionPreference = "Stop") it stops the script instead; inside try it is caught. ' +
      '-Category, -ErrorId and -TargetObject fill in CategoryInfo and FullyQualifiedErrorId so scripts can tell errors apart.',
    examples: [
      {
        title: 'Report a problem and go on',
        code: 'Write-Error "site:Typo does not exist" -Category ObjectNotFound -TargetObject site:Typo',
        remarks: 'The error is shown with CategoryInfo ObjectNotFound: (site:Typo:String); the next statement still runs.',
      },
      {
        title: 'Stop a script on the first problem',
        code: 'Write-Error "No sites found" -ErrorAction Stop',
        remarks: 'Nothing after it runs (unless it is inside try, where catch gets it).',
      },
    ],
    inputs: 'System.String\n    The message can be piped.',
    outputs: 'None\n    The error goes to the error stream, not down the pipeline.',
  },
  source: UTILITY,
  create,
};
