// Value conversions with PowerShell's rules (LanguagePrimitives): to string,
// to boolean, to the .NET integer types with its exact error texts.

import { INTEGER_TYPE_BOUNDS, type IntegerTypeName } from '../domain/properties';
import { FormattedText, Hashtable, PSObject, ScriptBlock, typeNameOf, type Value } from './values';
import { MAX_QUOTED_LENGTH, MAX_STRING_LENGTH, quoted } from './limits';
import { LimitError } from './limit-errors';

/** A failed conversion; `inner` is .NET's message, quoted after `Error:`. */
export class ConversionError extends Error {
  constructor(
    readonly valueText: string,
    readonly targetType: string,
    readonly inner: string,
    /** True when the value was not a string/number but a whole object (different wording). */
    readonly objectForm = false,
    readonly sourceType = '',
  ) {
    super(
      objectForm
        ? `Cannot convert the "${quoted(valueText)}" value of type "${sourceType}" to type "${targetType}".`
        : `Cannot convert value "${quoted(valueText)}" to type "${targetType}". Error: "${inner}"`,
    );
  }
}

export function numberToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const r = Number(n.toPrecision(15));
  if (Math.abs(r) >= 1e15 || (r !== 0 && Math.abs(r) < 1e-5)) {
    const [mant, exp] = r.toExponential().split('e');
    const e = Number(exp);
    return `${mant!.toUpperCase()}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(r);
}

/**
 * An array's text ($OFS = ' '), built only while it stays within `max`
 * characters: past it, `over` decides (throw for a value, stop for a quotation).
 */
function joinUpTo(list: readonly Value[], max: number, over: () => void): string {
  const parts: string[] = [];
  let length = -1;
  for (const element of list) {
    const text = Array.isArray(element) ? joinUpTo(element, max, over) : toPSString(element);
    length += text.length + 1;
    parts.push(text);
    if (length > max) {
      over();
      break;
    }
  }
  return parts.join(' ');
}

/** PowerShell's string conversion ($OFS = ' ' for arrays); an array's text is a value like any other, held to the string limit. */
export function toPSString(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToString(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) {
    return joinUpTo(value, MAX_STRING_LENGTH, () => {
      throw new LimitError('string');
    });
  }
  if (value instanceof ScriptBlock) return value.text;
  if (value instanceof PSObject) {
    if (value.text !== undefined) return value.text;
    // The configuration object (like XdsIdentity-keyed settings) shows its Identity.
    const identity = value.get('Identity');
    if (identity !== undefined) return toPSString(identity);
    return `@{${value.entries().map(([k, v]) => `${k}=${toPSString(v)}`).join('; ')}}`;
  }
  if (value instanceof Hashtable) return 'System.Collections.Hashtable';
  if (value instanceof FormattedText) return value.lines.join('\n');
  return String(value);
}

/**
 * A value's text for quoting in an error message: at most MAX_QUOTED_LENGTH
 * characters (limits.ts), and an array's text is not built further than that.
 */
export function quoteValue(value: Value): string {
  if (!Array.isArray(value)) return quoted(toPSString(value));
  const text = joinUpTo(value, MAX_QUOTED_LENGTH, () => {});
  return text.length <= MAX_QUOTED_LENGTH ? text : `${text.slice(0, MAX_QUOTED_LENGTH)}… (shortened)`;
}

/** A .NET type name without its namespace, as CategoryInfo shows it: System.Int32 → Int32. */
export function shortTypeName(value: Value): string {
  const full = typeNameOf(value);
  return full.slice(full.lastIndexOf('.') + 1);
}

/** CategoryInfo's `(target:Type)` text for an error about `value`; empty for $null. */
export function targetText(value: Value): string {
  if (value === null) return '';
  return `${quoteValue(value)}:${shortTypeName(value)}`;
}

/** PowerShell truthiness. */
export function toBoolean(value: Value): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) {
    if (value.length === 0) return false;
    if (value.length === 1) return toBoolean(value[0]!);
    return true;
  }
  return true;
}

const HEX = /^([+-]?)0x([0-9a-f]+)(kb|mb|gb|tb|pb)?$/i;
const DEC = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(kb|mb|gb|tb|pb)?$/i;
const MULTIPLIER: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };

/** Parses a numeric string the way PowerShell's number conversion does; undefined when it is not one. */
export function parseNumberString(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return 0;
  const hex = HEX.exec(t);
  if (hex) {
    const n = parseInt(hex[2]!, 16) * (hex[3] ? MULTIPLIER[hex[3].toLowerCase()]! : 1);
    return hex[1] === '-' ? -n : n;
  }
  const dec = DEC.exec(t);
  if (dec) return Number(dec[1]) * (dec[2] ? MULTIPLIER[dec[2].toLowerCase()]! : 1);
  return undefined;
}

/** Any value to a number, for arithmetic and numeric comparison; throws ConversionError. */
export function toNumber(value: Value, targetType = 'System.Double'): number {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const n = parseNumberString(value);
    if (n === undefined) throw new ConversionError(value, targetType, 'Input string was not in a correct format.');
    return n;
  }
  if (Array.isArray(value) && value.length === 1) return toNumber(value[0]!, targetType);
  const shown = Array.isArray(value) || value instanceof Hashtable ? typeNameOf(value) : toPSString(value);
  throw new ConversionError(shown, targetType, '', true, typeNameOf(value));
}

/** .NET rounds half to even when converting a double to an integer type. */
function roundHalfEven(n: number): number {
  const r = Math.round(n);
  return Math.abs(n % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function article(type: IntegerTypeName): string {
  return type === 'Int16' || type === 'Int32' ? 'an' : 'a';
}

/** Converts to Int16/Int32/UInt32 exactly as binding a parameter of that type would. */
export function toInteger(value: Value, type: IntegerTypeName): number {
  const target = `System.${type}`;
  const n = toNumber(value, target);
  const valueText = typeof value === 'string' ? value : toPSString(value);
  if (!Number.isFinite(n)) throw new ConversionError(valueText, target, `Value was either too large or too small for ${article(type)} ${type}.`);
  const rounded = roundHalfEven(n);
  const bounds = INTEGER_TYPE_BOUNDS[type];
  if (rounded < bounds.min || rounded > bounds.max) {
    throw new ConversionError(valueText, target, `Value was either too large or too small for ${article(type)} ${type}.`);
  }
  return rounded;
}
