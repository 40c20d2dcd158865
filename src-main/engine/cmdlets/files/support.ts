// What the file commands share: their CommandDef shape, resolving a typed
// path against the session's location, turning a FileError into an error
// record, and checking -Encoding with 5.1's own messages.

import { convertToEnum, EnumConversionError } from '../../shell/enum-conversion';
import { errorRecord, TerminatingError } from '../../shell/errors';
import type { Bound, CommandContext, CommandDef, CommandHelp, CommandProcessor, ParameterDef } from '../../shell/commands';
import { encodingFromName, PROVIDER_ENCODINGS, type FileEncoding } from '../../files/encoding';
import { FileError } from '../../files/file-errors';
import { toPSString } from '../../shell/convert';
import { shouldProcessParameterDefs } from '../config-params';
import { inputOf, param } from '../builtins/support';
import type { Value } from '../../shell/values';

export const MANAGEMENT = 'Microsoft.PowerShell.Management';
export const HOST = 'Microsoft.PowerShell.Host';

export function fileCommand(
  name: string,
  source: string,
  parameters: readonly ParameterDef[],
  help: CommandHelp,
  create: (ctx: CommandContext) => CommandProcessor,
  options: { sets?: readonly string[]; shouldProcess?: boolean } = {},
): CommandDef {
  return {
    name,
    parameters: options.shouldProcess ? [...parameters, ...shouldProcessParameterDefs()] : parameters,
    sets: options.sets ?? ['__AllParameterSets'],
    supportsShouldProcess: options.shouldProcess ?? false,
    help,
    source,
    create,
  };
}

/** A processor that gathers all its input (with the parameters bound last), then runs `end` once with them. */
export function collectAll(end: (items: Value[], bound: Bound) => Promise<void>): CommandProcessor {
  const items: Value[] = [];
  let bound: Bound = new Map();
  return {
    // With no pipeline input process never runs: the parameters bound at the start still name the file.
    async begin(b) {
      bound = b;
    },
    async process(b, input) {
      bound = b;
      const current = inputOf(b, input);
      if (current) items.push(current.value);
    },
    end: () => end(items, bound),
  };
}

/** The absolute path for a typed -Path / -LiteralPath value. */
export function resolvePath(ctx: CommandContext, typed: Value | undefined): string {
  return ctx.session.files().resolve(toPSString(typed ?? ''));
}

export function fileErrorFields(e: FileError) {
  return { message: e.message, errorId: e.errorId, category: e.category, exceptionType: e.exceptionType, target: e.target };
}

/** A FileError as a non-terminating error of the command; anything else is rethrown. */
export async function reportFileError(ctx: CommandContext, e: unknown): Promise<void> {
  if (!(e instanceof FileError)) throw e;
  await ctx.writeError(fileErrorFields(e));
}

/** A FileError as a terminating error (the command cannot go on). */
export function terminating(ctx: CommandContext, e: unknown): unknown {
  if (!(e instanceof FileError)) return e;
  return new TerminatingError(errorRecord({ ...fileErrorFields(e), command: ctx.commandName, extent: ctx.extent }));
}

function bindingFailure(ctx: CommandContext, message: string, errorId: string, category: 'InvalidArgument' | 'InvalidData'): TerminatingError {
  return new TerminatingError(
    errorRecord({ message, errorId, category, exceptionType: 'ParameterBindingException', command: ctx.commandName, extent: ctx.extent }),
  );
}

const PROVIDER_ENUM = { name: 'Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding', names: PROVIDER_ENCODINGS };

/** -Encoding of Get/Set/Add-Content: an enum, converted as 5.1 converts enums. */
export function providerEncoding(ctx: CommandContext, value: Value | undefined, fallback: FileEncoding): FileEncoding {
  if (value === undefined) return fallback;
  let name: string;
  try {
    name = convertToEnum(PROVIDER_ENUM, value);
  } catch (e) {
    if (e instanceof EnumConversionError) throw bindingFailure(ctx, `Cannot bind parameter 'Encoding'. ${e.message}`, 'CannotConvertArgumentNoMessage', 'InvalidArgument');
    throw e;
  }
  return checkSupported(ctx, encodingFromName(name)!);
}

/** -Encoding of Out-File, Export-Csv and Export-Clixml: a string checked against a ValidateSet. */
export function setEncoding(ctx: CommandContext, value: Value | undefined, set: readonly string[], fallback: FileEncoding): FileEncoding {
  if (value === undefined || value === null) return fallback;
  const text = toPSString(value);
  if (!set.some((s) => s.toLowerCase() === text.toLowerCase())) {
    throw bindingFailure(
      ctx,
      `Cannot validate argument on parameter 'Encoding'. The argument "${text}" does not belong to the set "${set.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
      'ParameterArgumentValidationError',
      'InvalidData',
    );
  }
  return checkSupported(ctx, encodingFromName(text)!);
}

function checkSupported(ctx: CommandContext, encoding: FileEncoding): FileEncoding {
  if (encoding === 'UTF7') {
    throw bindingFailure(ctx, 'pchat-admin does not write or read UTF-7 (it is obsolete and unsafe). Use UTF8 or Unicode.', 'EncodingNotSupported', 'InvalidArgument');
  }
  return encoding;
}

/** An -Encoding parameter whose names completion offers (the set is the one the command checks). */
export function encodingParam(help: string, names: readonly string[], options: { position?: number } = {}): ParameterDef {
  return {
    ...param('Encoding', 'String', help, options),
    meta: { name: 'Encoding', type: 'String', help, values: names, usage: {} },
  };
}

/** True when -Name was given as a switch that is on. */
export function on(bound: ReadonlyMap<string, Value>, name: string): boolean {
  return bound.get(name) === true;
}
