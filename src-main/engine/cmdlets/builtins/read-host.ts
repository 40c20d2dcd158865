// Read-Host: asks the user for a line. The window's console answers inline
// (as it answers -Confirm), the headless shell at its terminal; when no one
// can answer (a script fed through a pipe, -NonInteractive), it fails at once
// with 5.1's NonInteractive message instead of waiting forever.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { makeSecureString } from '../../shell/secure-string';
import type { Value } from '../../shell/values';
import { param, UTILITY } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('Prompt', 'Object', 'The question to show; ": " is added after it.', { position: 0, pipeline: ['ByValue'], remaining: true }),
  param('AsSecureString', 'SwitchParameter', 'Reads a secret: the answer is not shown as it is typed (where the console can hide it), and a SecureString is returned.'),
];

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound) {
      const host = ctx.host;
      if (!host.interactive) {
        throw new TerminatingError(
          errorRecord({
            message: 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
            errorId: 'InvalidOperation',
            category: 'InvalidOperation',
            exceptionType: 'PSInvalidOperationException',
          }),
        );
      }
      // -Prompt x binds one value; Read-Host a b (positional, the rest of the line) binds them all.
      const given = bound.get('Prompt') as Value[] | Value | undefined;
      const question = given === undefined ? '' : (Array.isArray(given) ? given : [given]).map((v) => toPSString(v)).join(' ');
      const secret = bound.get('AsSecureString') === true;
      const answer = await host.readLine(question === '' ? '' : `${question}: `, { secret });
      if (answer === null) {
        throw new TerminatingError(
          errorRecord({
            message: 'No answer was given: the input ended before a line was entered.',
            errorId: 'ReadHostNotAnswered',
            category: 'OperationStopped',
            exceptionType: 'PipelineStoppedException',
          }),
        );
      }
      // The SecureString keeps the typed text out of sight but usable (a PSCredential's password).
      await ctx.emit(secret ? makeSecureString(answer) : answer);
    },
  };
}

export const readHost: CommandDef = {
  name: 'Read-Host',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Asks the user to type a line and returns it.',
    description:
      'Read-Host shows the prompt followed by ": " and returns what the user types. In the window the answer is typed in ' +
      'the console; in the headless shell, at the terminal. A script run where nobody can answer (input from a pipe, ' +
      '-NonInteractive) fails at Read-Host with a clear error instead of waiting. -AsSecureString hides the answer as it is ' +
      'typed and returns a SecureString, which never shows its text.',
    examples: [
      { title: 'Ask for a site name', code: '$site = Read-Host "Site to create"\nNew-CsPersistentChatConfiguration -Identity "site:$site"', remarks: 'Shows "Site to create: " and creates the collection named by the answer.' },
    ],
    inputs: 'None',
    outputs: 'System.String, System.Security.SecureString',
  },
  source: UTILITY,
  create,
};
