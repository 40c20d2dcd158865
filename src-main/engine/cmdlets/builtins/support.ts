// Small pieces every built-in command uses: a terse ParameterDef builder,
// the pipeline input of one process call, and CategoryInfo target text.

import type { PipelineBinding } from '../../domain/parameters';
import type { BindType, Bound, CommandContext, ParameterDef } from '../../shell/commands';
import { targetText, toPSString } from '../../shell/convert';
import type { EnumType } from '../../shell/enum-conversion';
import { errorRecord, TerminatingError, type ErrorCategory } from '../../shell/errors';
import type { Value } from '../../shell/values';

// CategoryInfo target text is the runtime's too (pipeline binding errors); it lives in convert.ts.
export { shortTypeName, targetText } from '../../shell/convert';

export const CORE = 'Microsoft.PowerShell.Core';
export const UTILITY = 'Microsoft.PowerShell.Utility';
/** The module of the security commands (ConvertTo-SecureString, Get-Credential). */
export const SECURITY = 'Microsoft.PowerShell.Security';

/** Categories PowerShell uses for Measure-Object's and Get-Member's own errors. */
export const CATEGORY_INVALID_TYPE = 'InvalidType' satisfies ErrorCategory;
export const CATEGORY_CLOSE_ERROR = 'CloseError' satisfies ErrorCategory;

interface ParamOptions {
  readonly aliases?: readonly string[];
  readonly sets?: readonly string[];
  readonly mandatory?: boolean;
  readonly position?: number;
  readonly pipeline?: readonly PipelineBinding[];
  readonly remaining?: boolean;
  readonly enumType?: EnumType;
  readonly range?: { readonly min: number; readonly max: number };
}

export function param(name: string, type: BindType, help: string, options: ParamOptions = {}): ParameterDef {
  return {
    name,
    type,
    help,
    aliases: options.aliases ?? [],
    mandatory: options.mandatory ?? false,
    pipeline: options.pipeline ?? [],
    ...(options.sets ? { sets: options.sets } : {}),
    ...(options.position !== undefined ? { position: options.position } : {}),
    ...(options.remaining ? { remaining: true } : {}),
    ...(options.enumType ? { enumType: options.enumType } : {}),
    ...(options.range ? { range: options.range } : {}),
  };
}

export const INT32_MAX = 2147483647;

/** -WhatIf and -Confirm, for a built-in that supports ShouldProcess (the configuration cmdlets take theirs from the domain table). */
export function shouldProcessParams(): ParameterDef[] {
  return [
    param('WhatIf', 'SwitchParameter', 'Describes what the command would do, and does nothing.', { aliases: ['wi'] }),
    param('Confirm', 'SwitchParameter', 'Asks for confirmation before doing it.', { aliases: ['cf'] }),
  ];
}

/** A terminating error of a built-in command, with its error id and category. */
export function commandError(message: string, errorId: string, category: ErrorCategory, exceptionType: string, target = ''): TerminatingError {
  return new TerminatingError(errorRecord({ message, errorId, category, exceptionType, target }));
}

/** -InputObject as the pipeline or the command line supplied it; undefined when there is none. */
export function inputOf(bound: Bound, input: { value: Value } | undefined): { value: Value } | undefined {
  if (bound.has('InputObject')) return { value: bound.get('InputObject')! };
  return input;
}

export function isSwitchOn(bound: Bound, name: string): boolean {
  return bound.get(name) === true;
}

export function stringList(value: Value | undefined): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => toPSString(v));
}

/** PowerShell's error when a name given to -Property/-MemberName matches several members. */
export function writeAmbiguousMember(ctx: CommandContext, name: string, matches: readonly string[], errorId: string, item: Value): Promise<void> {
  return ctx.writeError({
    message: `Input name "${name}" is ambiguous. It can be resolved to multiple matched members. Possible matches include:${matches.map((n) => ` ${n}`).join('')}.`,
    errorId,
    category: 'InvalidArgument',
    exceptionType: 'PSArgumentException',
    target: targetText(item),
  });
}
