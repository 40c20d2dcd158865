// Get-Credential: asks for a user name and a password and returns a
// PSCredential. Windows PowerShell 5.1 shows a dialog; this console asks at
// its prompt, as PowerShell does when it is set to ask in the console — the
// password with a hidden prompt, never echoed. With no one to ask
// (-NonInteractive, a script fed through a pipe) it fails at once.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { constructCredential, isCredential } from '../../shell/credential';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { makeSecureString } from '../../shell/secure-string';
import type { Value } from '../../shell/values';
import { param, SECURITY } from './support';


const PARAMETERS: readonly ParameterDef[] = [
  param('Credential', 'Object', 'A user name (DOMAIN\\user or user@domain) to ask a password for, or a credential, returned as it is.', { position: 0, sets: ['CredentialSet'] }),
  param('UserName', 'String', 'The user name to ask a password for.', { sets: ['MessageSet'] }),
  param('Message', 'String', 'A line shown before the questions.', { sets: ['MessageSet'] }),
  param('Title', 'String', 'A title shown before the message.', { sets: ['MessageSet'] }),
];

function stopped(message: string, errorId: string): TerminatingError {
  return new TerminatingError(errorRecord({ message, errorId, category: 'InvalidOperation', exceptionType: 'PSInvalidOperationException' }));
}

async function ask(ctx: CommandContext, prompt: string, secret: boolean): Promise<string> {
  const answer = await ctx.host.readLine(prompt, { secret });
  if (answer === null) throw stopped('No answer was given: the input ended before a line was entered.', 'GetCredentialNotAnswered');
  return answer;
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound) {
      const given = bound.get('Credential') as Value | undefined;
      if (given !== undefined && given !== null && isCredential(given)) return ctx.emit(given);
      if (!ctx.host.interactive) throw stopped('Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.', 'InvalidOperation');
      const title = bound.get('Title');
      const message = bound.get('Message');
      await ctx.writeHost({ text: title !== undefined && title !== null ? toPSString(title) : 'Windows PowerShell credential request.' });
      await ctx.writeHost({ text: message !== undefined && message !== null ? toPSString(message) : 'Enter your credentials.' });
      let user = given !== undefined && given !== null ? toPSString(given) : bound.has('UserName') ? toPSString(bound.get('UserName') ?? '') : '';
      if (user === '') user = await ask(ctx, 'User: ', false);
      // As 5.1: no user name, no credential (the dialog's Cancel).
      if (user === '') return;
      const password = await ask(ctx, `Password for user ${user}: `, true);
      await ctx.emit(constructCredential([user, makeSecureString(password)]));
    },
  };
}

export const getCredential: CommandDef = {
  name: 'Get-Credential',
  parameters: PARAMETERS,
  sets: ['CredentialSet', 'MessageSet'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Asks for a user name and a password and returns them as a credential.',
    description:
      'Get-Credential asks at the console for a user name (unless one is given) and a password, which is typed at a ' +
      'hidden prompt, and returns a PSCredential. The password is kept only in that object, which never shows it; pass ' +
      'the object to a parameter that takes a credential, such as Connect-PchatServer -Credential. Where no one can ' +
      'answer (a script run with -NonInteractive), it fails at once.',
    examples: [
      { title: 'Connect as another account', code: 'Connect-PchatServer -ConnectionUri pool01.contoso.com -Credential (Get-Credential CONTOSO\\csadmin)', remarks: 'Asks for the password of CONTOSO\\csadmin.' },
    ],
    outputs: 'System.Management.Automation.PSCredential',
  },
  source: SECURITY,
  create,
};
