// Converting a value to a .NET enum (ActionPreference, ConfirmImpact) with
// PowerShell's rules and messages (LanguagePrimitives' ConvertStringToEnum
// and EnumMinimumDisambiguation): a name in any case, the enum's number, or
// an unambiguous prefix of a name (`Sil` is SilentlyContinue). The binder's
// -ErrorAction and the typed preference variables share it, so `-ea Bogus`
// and `$ErrorActionPreference = 'Bogus'` fail with the same text.

import { ConversionError, toPSString } from './convert';
import type { Value } from './values';

export interface EnumType {
  /** The full .NET name the messages quote. */
  readonly name: string;
  /** Names in value order: a name's index is its number. */
  readonly names: readonly string[];
}

export const ACTION_PREFERENCE: EnumType = {
  name: 'System.Management.Automation.ActionPreference',
  names: ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend'],
};

export const CONFIRM_IMPACT: EnumType = {
  name: 'System.Management.Automation.ConfirmImpact',
  names: ['None', 'Low', 'Medium', 'High'],
};

/** A failed enum conversion; `message` is PowerShell's whole text. */
export class EnumConversionError extends Error {}

/** ExtendedTypeSystem's InvalidCastExceptionEnumerationNoValue / …Null: a number (or $null) that names no value. */
function notAValue(type: EnumType, valueText: string | null): EnumConversionError {
  const subject = valueText === null ? 'null' : `value "${valueText}"`;
  return new EnumConversionError(
    `Cannot convert ${subject} to type "${type.name}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${type.names.join(',')}".`,
  );
}

/** The conversion's own error, quoted after `Error:` (EnumExpressionEvaluatorStrings; the name list starts a new line in 5.1). */
function wrapped(type: EnumType, original: string, inner: string): EnumConversionError {
  return new EnumConversionError(new ConversionError(original, type.name, inner).message);
}

function byNumber(type: EnumType, n: number, original: string): string {
  const name = Number.isInteger(n) ? type.names[n] : undefined;
  if (name === undefined) throw notAValue(type, original);
  return name;
}

/**
 * The enum name `value` converts to; throws EnumConversionError with
 * PowerShell's message otherwise. Arrays are joined with commas first, as
 * PowerShell does, so `@('Stop')` works and a list of two names does not
 * (these enums are not [Flags]).
 */
export function convertToEnum(type: EnumType, value: Value): string {
  if (value === null) throw notAValue(type, null);
  if (typeof value === 'number') return byNumber(type, value, toPSString(value));
  const text = Array.isArray(value) ? value.map(toPSString).join(',') : toPSString(value);
  const trimmed = text.trim();
  // Enum.Parse: a name in any case, or a number (which must name a value).
  const exact = type.names.find((n) => n.toLowerCase() === trimmed.toLowerCase());
  if (exact !== undefined) return exact;
  if (/^[+-]?\d+$/.test(trimmed)) return byNumber(type, Number(trimmed), text);
  // EnumMinimumDisambiguation: an unambiguous prefix.
  const prefixed = type.names.filter((n) => n.toLowerCase().startsWith(text.toLowerCase()));
  if (prefixed.length === 1) return prefixed[0]!;
  if (prefixed.length > 1) {
    throw wrapped(
      type,
      text,
      `The identifier name ${text} cannot be processed because it is either too similar or identical to the following enumerator names: ${prefixed.join(', ')}. Use a more specific identifier name.`,
    );
  }
  throw wrapped(
    type,
    text,
    `Unable to match the identifier name ${text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${type.names.join(', ')}`,
  );
}
