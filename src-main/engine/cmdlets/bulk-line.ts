// The console pipeline equivalent to one change applied to many collections
// (the window's bulk Edit and bulk Remove): what the preview shows and the
// transcript records, e.g.
//   Get-CsPersistentChatConfiguration | Where-Object {$_.Identity -in "site:A","site:B"} | Set-CsPersistentChatConfiguration -DefaultChatHistory 40
// One collection needs no pipeline: the plain `-Identity` line is built.
// The parameters are laid out by the same builder as a form's line.

import type { BulkCmdletName } from './bulk-types';
import type { ConfigRepository } from '../store/types';
import { buildCommandLine, CommandLineError, layoutCommandLine, quoteString, type FormValues } from './command-line';
import { checkCmdlet, type FormCheckResult } from './form-check';

export type { BulkCmdletName } from './bulk-types';

export const BULK_CMDLETS: readonly BulkCmdletName[] = ['Set-CsPersistentChatConfiguration', 'Remove-CsPersistentChatConfiguration'];

/** The pipeline for `cmdlet` with `parameters` over `identities`. Throws CommandLineError. */
export function bulkCommandLine(cmdlet: BulkCmdletName, identities: readonly string[], parameters: FormValues): string {
  if (Object.hasOwn(parameters, 'Identity')) {
    throw new CommandLineError('InvalidValue', 'A change to many collections takes its identities as a list, not as -Identity.', 'Identity');
  }
  if (identities.length === 0) throw new CommandLineError('InvalidValue', 'At least one identity is needed.');
  if (identities.length === 1) return buildCommandLine(cmdlet, { Identity: identities[0]!, ...parameters });
  const { line } = layoutCommandLine(cmdlet, parameters);
  const list = identities.map(quoteString).join(',');
  return `Get-CsPersistentChatConfiguration | Where-Object {$_.Identity -in ${list}} | ${line}`;
}

/**
 * Checks a bulk change without running it: the values as a form check sees
 * them for the first collection (whether each collection exists is reported
 * per collection when it runs), and the pipeline line.
 */
export function checkBulk(cmdlet: BulkCmdletName, identities: readonly string[], parameters: FormValues, repo?: ConfigRepository): FormCheckResult {
  const commandLine = bulkCommandLine(cmdlet, identities, parameters);
  const first = checkCmdlet(cmdlet, { Identity: identities[0]!, ...parameters }, repo);
  const { Identity: _identity, ...fieldErrors } = first.fieldErrors;
  return {
    commandLine,
    fieldErrors,
    ...(first.error !== undefined ? { error: first.error } : {}),
    ...(first.storedAs !== undefined ? { storedAs: first.storedAs } : {}),
  };
}
