// What pchat-admin's own Pchat* cmdlets share: their CommandDef shape, reading
// an import file (resolved against the session's location, format and
// encoding detected), and their error records. Every failure says what was
// wrong and that nothing was changed.

import path from 'node:path';
import { readFileBytes } from '../../files/read-file';
import { FileError } from '../../files/file-errors';
import { InputFormatError, readConfigInput, type ReadInput } from '../../formats/config-input';
import type { CommandContext, CommandDef, CommandHelp, CommandProcessor, ParameterDef } from '../../shell/commands';
import type { Value } from '../../shell/values';
import { shouldProcessParameterDefs } from '../config-params';
import { fileErrorFields } from '../files/support';
import { readBaseline, type BaselineFile } from '../../changes/baseline';

export const PCHAT_SOURCE = 'PchatAdmin';

export function pchatCommand(
  name: string,
  parameters: readonly ParameterDef[],
  help: CommandHelp,
  create: (ctx: CommandContext) => CommandProcessor,
  options: { shouldProcess?: boolean; confirmImpact?: 'Low' | 'Medium' | 'High' } = {},
): CommandDef {
  return {
    name,
    parameters: options.shouldProcess ? [...parameters, ...shouldProcessParameterDefs()] : parameters,
    sets: ['__AllParameterSets'],
    supportsShouldProcess: options.shouldProcess ?? false,
    confirmImpact: options.confirmImpact ?? 'Medium',
    help,
    source: PCHAT_SOURCE,
    create,
  };
}

/** A failure of a Pchat cmdlet, as a non-terminating error naming the file. */
export function fail(ctx: CommandContext, message: string, errorId: string, target: string, category: 'InvalidData' | 'InvalidOperation' | 'ObjectNotFound' | 'WriteError' = 'InvalidData'): Promise<void> {
  return ctx.writeError({ message, errorId, category, exceptionType: category === 'InvalidData' ? 'InvalidDataException' : 'InvalidOperationException', target });
}

/** A message as a clause inside a longer sentence: without its final period. */
export function clause(message: string): string {
  return message.replace(/\.+$/, '');
}

export interface ImportFile {
  readonly file: string;
  readonly name: string;
  readonly input: ReadInput;
}

/** Reads and recognises an import file; writes the error and returns undefined when it cannot. */
export async function readImportFile(ctx: CommandContext, typed: Value | undefined, errorId: string): Promise<ImportFile | undefined> {
  const file = ctx.session.files().resolve(String(typed ?? ''));
  try {
    const input = readConfigInput(readFileBytes(file));
    return { file, name: path.basename(file), input };
  } catch (e) {
    if (e instanceof FileError) {
      await ctx.writeError(fileErrorFields(e));
      return undefined;
    }
    if (e instanceof InputFormatError) {
      await fail(ctx, `Cannot import '${file}': ${clause(e.message)}. Nothing was changed.`, errorId, file);
      return undefined;
    }
    throw e;
  }
}

/** The recorded baseline, or undefined after writing why there is none usable. */
export async function requireBaseline(ctx: CommandContext): Promise<BaselineFile | undefined> {
  const read = readBaseline(ctx.repo);
  if (read.kind === 'ok') return read.data;
  const message =
    read.kind === 'missing'
      ? 'There is no baseline to compare with. Import what the server exports first: Import-PchatBaseline -Path <file>.'
      : `The baseline cannot be used: ${read.reason}. Import what the server exports again: Import-PchatBaseline -Path <file>.`;
  await fail(ctx, message, 'NoBaseline', '', 'ObjectNotFound');
  return undefined;
}

/** Runs `work` after the statement's commit (see SessionServices.afterCommit), or now where nothing commits statements. */
export function afterCommit(ctx: CommandContext, work: () => void): void {
  if (ctx.session.afterCommit) ctx.session.afterCommit(work);
  else work();
}
