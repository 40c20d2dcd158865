// ConvertTo-SecureString -AsPlainText -Force: wraps text in a SecureString
// (secure-string.ts), the way a script builds a PSCredential from a password
// it was handed. Encrypted standard strings (DPAPI, -Key, -SecureKey) cannot
// be read here, so the command without -AsPlainText says so.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { makeSecureString } from '../../shell/secure-string';
import type { Value } from '../../shell/values';
import { isSwitchOn, param, SECURITY } from './support';


const PARAMETERS: readonly ParameterDef[] = [
  param('String', 'String', 'The text to convert.', { position: 0, mandatory: true, pipeline: ['ByValue'] }),
  param('AsPlainText', 'SwitchParameter', 'The text is plain text, not an encrypted standard string. Needs -Force.'),
  param('Force', 'SwitchParameter', 'Confirms that plain text may be converted (with -AsPlainText).'),
];

/** 5.1's resource text, odd comma included. */
const FORCE_REQUIRED =
  'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.';

const ENCRYPTED_NOT_SUPPORTED =
  'Only plain text can be converted here: use -AsPlainText -Force. An encrypted standard string (from ConvertFrom-SecureString) is protected with a Windows user key this console cannot use.';

/** The binder's error for a null or empty -String; from the pipeline it fails that one input only. */
function emptyArgument(value: Value): { message: string; errorId: string; category: 'InvalidData'; exceptionType: string } {
  return {
    message: `Cannot bind argument to parameter 'String' because it is ${value === null ? 'null' : 'an empty string'}.`,
    errorId: value === null ? 'ParameterArgumentValidationErrorNullNotAllowed' : 'ParameterArgumentValidationErrorEmptyStringNotAllowed',
    category: 'InvalidData',
    exceptionType: 'ParameterBindingValidationException',
  };
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound, input: { value: Value } | undefined) {
      const given = bound.get('String') ?? null;
      if (given === null || toPSString(given) === '') {
        const error = emptyArgument(given);
        if (input === undefined) throw new TerminatingError(errorRecord({ ...error, command: ctx.commandName, extent: ctx.extent }));
        return ctx.writeError({ ...error, target: '' });
      }
      if (!isSwitchOn(bound, 'AsPlainText')) {
        return ctx.writeError({ message: ENCRYPTED_NOT_SUPPORTED, errorId: 'ImportSecureString_InvalidArgument', category: 'InvalidArgument', exceptionType: 'NotSupportedException', target: '' });
      }
      if (!isSwitchOn(bound, 'Force')) {
        // 5.1 writes this with ErrorId ImportSecureString_ForceRequired (SecureStringCommands.cs).
        return ctx.writeError({ message: FORCE_REQUIRED, errorId: 'ImportSecureString_ForceRequired', category: 'InvalidArgument', exceptionType: 'ArgumentException', target: '' });
      }
      await ctx.emit(makeSecureString(toPSString(given)));
    },
  };
}

export const convertToSecureString: CommandDef = {
  name: 'ConvertTo-SecureString',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Turns plain text into a SecureString, such as the password of a PSCredential.',
    description:
      'ConvertTo-SecureString -AsPlainText -Force wraps the text in a SecureString: an object that shows only its type ' +
      'name and its Length, never the characters, in output, lists, JSON or CliXml. Pass it to a PSCredential (New-Object ' +
      'System.Management.Automation.PSCredential -ArgumentList user, $secure); the credential\'s ' +
      'GetNetworkCredential().Password gives the text back to code that needs it. Without -Force, -AsPlainText fails, as in ' +
      'Windows PowerShell, because the plain text was already exposed. Encrypted standard strings (from ' +
      'ConvertFrom-SecureString, or -Key / -SecureKey) cannot be read in this console.',
    examples: [
      {
        title: 'A credential from a password read from standard input',
        code: '$line = [Console]::ReadLine()\nif ($null -ne $line) {\n  $secure = ConvertTo-SecureString -String $line -AsPlainText -Force\n  $credential = New-Object System.Management.Automation.PSCredential -ArgumentList "CONTOSO\\admin", $secure\n  Remove-Variable -Name line\n}',
        remarks: 'Reads one line from the input piped to the shell; the plain text variable is removed once the credential holds it.',
      },
      {
        title: 'A SecureString does not show its text',
        code: '$secure = ConvertTo-SecureString "example only" -AsPlainText -Force\n"$secure"\n$secure.Length',
        remarks: 'Prints System.Security.SecureString, then 12.',
      },
    ],
    inputs: 'System.String\n    The text can be piped to ConvertTo-SecureString.',
    outputs: 'System.Security.SecureString',
    notes: 'Only -String, -AsPlainText and -Force are supported here.',
  },
  source: SECURITY,
  create,
};
