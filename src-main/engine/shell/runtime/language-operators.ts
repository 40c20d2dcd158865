// The operators beyond arithmetic and comparison: `..`, `-f`, `-join`,
// `-split`, `-replace`, `-is`/`-isnot`/`-as`, the bitwise operators and the
// casts, with PowerShell 5.1's conversions and error messages. Failures are
// OperatorError, which the interpreter reports at the current statement.

import { ConversionError, toInteger, toNumber, toPSString } from '../convert';
import { compositeFormat, FormatError } from '../dotnet-format';
import { OperatorError } from '../operators';
import { checkArrayLength } from '../limit-errors';
import { enumerate, Hashtable, type Value } from '../values';
import { resolveType, TypeObject, typeNotFoundMessage, type TypeInfo } from './types';

/** `a..b`: the integers from a to b, either way round (Int32 bounds, as in 5.1). */
export function range(left: Value, right: Value): Value[] {
  const from = toInteger(left, 'Int32');
  const to = toInteger(right, 'Int32');
  const count = Math.abs(to - from) + 1;
  checkArrayLength(count);
  const step = from <= to ? 1 : -1;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = from + i * step;
  return out;
}

/** `'{0:N0}' -f $n`: String.Format with the right operand's elements as arguments. */
export function format(left: Value, right: Value): string {
  try {
    return compositeFormat(toPSString(left), Array.isArray(right) ? right : [right]);
  } catch (e) {
    if (e instanceof FormatError) {
      throw new OperatorError(`Error formatting a string: ${e.message}.`, 'FormatError', 'InvalidOperation', toPSString(left));
    }
    throw e;
  }
}

export function join(left: Value, right: Value | undefined): string {
  const separator = right === undefined ? '' : toPSString(right);
  return enumerate(left).map(toPSString).join(separator);
}

/** A .NET regular expression in JavaScript's syntax (named groups, inline options at the start). */
export function toRegExp(pattern: string, caseSensitive: boolean, global = false): RegExp {
  let source = pattern.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?<$1>');
  let flags = (caseSensitive ? '' : 'i') + (global ? 'g' : '');
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    if (inline[1]!.includes('i') && !flags.includes('i')) flags += 'i';
    if (inline[1]!.includes('m')) flags += 'm';
    if (inline[1]!.includes('s')) flags += 's';
  }
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new OperatorError(
      `The regular expression pattern ${pattern} is not valid.`,
      'InvalidRegularExpression',
      'InvalidOperation',
      pattern,
    );
  }
}

/** `-split`: by a regex (case-insensitive unless -csplit), with an optional maximum count; unary: on white space. */
export function split(left: Value, right: Value | undefined, caseSensitive: boolean): Value {
  if (right === undefined) {
    return enumerate(left).flatMap((v) => toPSString(v).trim().split(/\s+/).filter((p) => p !== ''));
  }
  const args = Array.isArray(right) ? right : [right];
  const re = toRegExp(toPSString(args[0] ?? null), caseSensitive, true);
  const max = args.length > 1 ? toInteger(args[1]!, 'Int32') : 0;
  const out: string[] = [];
  for (const item of enumerate(left)) {
    const text = toPSString(item);
    let start = 0;
    let pieces = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        if (m.index === 0 || m.index >= text.length) continue;
      }
      if (max > 0 && pieces >= max - 1) break;
      out.push(text.slice(start, m.index));
      // Captured groups are part of the result, as in .NET's Regex.Split.
      for (const g of m.slice(1)) if (g !== undefined) out.push(g);
      start = m.index + m[0].length;
      pieces++;
      checkArrayLength(out.length + 1);
    }
    out.push(text.slice(start));
  }
  return out;
}

/** `-replace pattern, replacement`: regex replacement with .NET's `$1`, `${name}`, `$&`, `$$`. */
export function replace(left: Value, right: Value, caseSensitive: boolean): Value {
  const args = Array.isArray(right) ? right : [right];
  if (args.length > 2) {
    throw new OperatorError(
      `The -replace operator allows only two elements to follow it, not ${args.length}.`,
      'BadReplaceArgument',
      'InvalidOperation',
      '',
    );
  }
  const re = toRegExp(toPSString(args[0] ?? null), caseSensitive, true);
  const replacement = toPSString(args[1] ?? '').replace(/\$\{(\w+)\}/g, (_, name: string) => (/^\d+$/.test(name) ? `$${name}` : `$<${name}>`));
  const one = (v: Value) => toPSString(v).replace(re, replacement);
  return Array.isArray(left) ? left.map(one) : one(left);
}

/** The type named by the right operand of -is/-as: a type literal or a type name string. */
function typeOperand(right: Value): TypeInfo {
  if (right instanceof TypeObject) return right.info;
  const name = toPSString(right);
  const found = resolveType(name);
  if (found === null) throw new OperatorError(typeNotFoundMessage(name), 'TypeNotFound', 'InvalidOperation', name);
  return found;
}

export function isType(left: Value, right: Value): boolean {
  return typeOperand(right).is(left);
}

/** `-as [type]`: the cast, or $null when it does not convert. */
export function asType(left: Value, right: Value): Value {
  const type = typeOperand(right);
  if (!type.convert) return null;
  try {
    return type.convert(left);
  } catch (e) {
    if (e instanceof ConversionError) return null;
    throw e;
  }
}

/** A cast `[type]value`, with PowerShell's conversion error. */
export function cast(typeName: string, value: Value): Value {
  const type = resolveType(typeName);
  if (type === null) throw new OperatorError(typeNotFoundMessage(typeName), 'TypeNotFound', 'InvalidOperation', typeName);
  if (!type.convert) {
    throw new OperatorError(
      `Cannot convert the "${toPSString(value)}" value of type "${typeof value === 'string' ? 'System.String' : 'System.Object'}" to type "${type.fullName}".`,
      'ConvertToFinalInvalidCastException',
      'InvalidArgument',
      '',
    );
  }
  try {
    return type.convert(value);
  } catch (e) {
    if (e instanceof ConversionError) throw new OperatorError(e.message, e.objectForm ? 'ConvertToFinalInvalidCastException' : 'InvalidCastFromStringToInteger', 'InvalidArgument', '');
    throw e;
  }
}

/** Integer operands of the bitwise operators (Int64 range, exactly, through BigInt). */
function bits(v: Value): bigint {
  const n = toNumber(v, 'System.Int64');
  if (!Number.isFinite(n)) throw new ConversionError(toPSString(v), 'System.Int64', 'Value was either too large or too small for an Int64.');
  return BigInt(Math.round(n));
}

export function bitwise(op: string, left: Value, right: Value): number {
  const a = bits(left);
  const b = bits(right);
  let r: bigint;
  switch (op) {
    case '-band':
      r = a & b;
      break;
    case '-bor':
      r = a | b;
      break;
    case '-bxor':
      r = a ^ b;
      break;
    case '-shl':
      r = BigInt.asIntN(a > 2147483647n || a < -2147483648n ? 64 : 32, a << (b & (a > 2147483647n || a < -2147483648n ? 63n : 31n)));
      break;
    default:
      r = a >> (b & (a > 2147483647n || a < -2147483648n ? 63n : 31n));
      break;
  }
  return Number(r);
}

export function bnot(value: Value): number {
  const a = bits(value);
  return Number(a > 2147483647n || a < -2147483648n ? ~a : BigInt.asIntN(32, ~a));
}

export function isHashtable(v: Value): v is Hashtable {
  return v instanceof Hashtable;
}
