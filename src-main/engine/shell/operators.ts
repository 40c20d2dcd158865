// Binary and unary operators with PowerShell's rules: the right operand is
// converted to the left operand's type; a collection on the left filters.
// `+` and `*` check the size of what they would build (limits.ts) first.

import { ConversionError, parseNumberString, quoteValue, toBoolean, toNumber, toPSString } from './convert';
import type { ErrorCategory } from './errors';
import { Hashtable, typeNameOf, type Value } from './values';
import { compileWildcard, type WildcardPattern } from './wildcard';
import { checkArrayLength, checkStringLength } from './limit-errors';
import { quoted } from './limits';
import { compareDateTimes, DateTimeValue, toDateTime } from './datetime/value';

// The interpreter's expandable strings check their length with it (it used to live here).
export { checkStringLength };

/** Thrown for operator failures; the evaluator turns it into an error record. */
export class OperatorError extends Error {
  constructor(
    message: string,
    readonly errorId: string,
    /** PowerShell's category for it: most are InvalidOperation, a failed conversion InvalidArgument. */
    readonly category: ErrorCategory = 'InvalidOperation',
    /** CategoryInfo's `target:Type` text, when PowerShell names one (the missing op_ method). */
    readonly target = '',
  ) {
    super(message);
  }
}

export interface OperatorContext {
  /** -match stores its captures in $Matches. */
  setMatches(matches: Hashtable | null): void;
}

const COMPARISON = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin']);

/** Splits '-ceq' into { base: 'eq', caseSensitive: true }. */
export function parseComparison(op: string): { base: string; caseSensitive: boolean } | undefined {
  const name = op.replace(/^-/, '').toLowerCase();
  if (COMPARISON.has(name)) return { base: name, caseSensitive: false };
  if ((name.startsWith('c') || name.startsWith('i')) && COMPARISON.has(name.slice(1))) {
    return { base: name.slice(1), caseSensitive: name.startsWith('c') };
  }
  return undefined;
}

function stringCompare(a: string, b: string, cs: boolean): number {
  if (cs) return a.localeCompare(b, 'en', { sensitivity: 'variant' });
  return a.localeCompare(b, 'en', { sensitivity: 'accent' });
}

export function valuesEqual(left: Value, right: Value, cs: boolean): boolean {
  if (left === null) return right === null;
  if (right === null) return false;
  if (typeof left === 'number') {
    if (typeof right === 'number') return left === right;
    if (typeof right === 'boolean') return left === (right ? 1 : 0);
    if (typeof right === 'string') {
      const n = parseNumberString(right);
      return n !== undefined && right.trim() !== '' && n === left;
    }
    return false;
  }
  if (typeof left === 'string') {
    if (typeof right !== 'string' && typeof right !== 'number' && typeof right !== 'boolean') return false;
    return stringCompare(left, toPSString(right), cs) === 0;
  }
  if (typeof left === 'boolean') return left === toBoolean(right);
  if (left instanceof DateTimeValue) {
    try {
      return compareDateTimes(left, toDateTime(right)) === 0;
    } catch (e) {
      if (e instanceof ConversionError) return false;
      throw e;
    }
  }
  return left === right;
}

/** Ordering comparison; throws OperatorError when the right side cannot be converted. */
export function compareOrder(left: Value, right: Value, cs: boolean): number {
  if (left === null) return right === null ? 0 : -1;
  if (right === null) return 1;
  if (left instanceof DateTimeValue) {
    try {
      return compareDateTimes(left, toDateTime(right));
    } catch (e) {
      if (e instanceof ConversionError) throw new OperatorError(`Cannot compare "${toPSString(left)}" because it is not IComparable.`, 'NotIcomparable');
      throw e;
    }
  }
  if (typeof left === 'number') {
    try {
      return Math.sign(left - toNumber(right, typeNameOf(left)));
    } catch (e) {
      if (e instanceof ConversionError) {
        // Each value is quoted shortened: a message quoting $Error's message would otherwise double at every pass.
        throw new OperatorError(`Could not compare "${quoteValue(left)}" to "${quoteValue(right)}". Error: "${e.message}"`, 'ComparisonFailure');
      }
      throw e;
    }
  }
  if (typeof left === 'string') return Math.sign(stringCompare(left, toPSString(right), cs));
  if (typeof left === 'boolean') return Number(left) - Number(toBoolean(right));
  throw new OperatorError(
    `Cannot compare "${quoteValue(left)}" because it is not IComparable.`,
    'NotIcomparable',
  );
}

/** The last pattern compiled: `$list -like 'site:*'` and Where-Object blocks test one pattern many times. */
let lastLike: WildcardPattern | undefined;
let lastLikeCase = false;

/** A malformed pattern throws WildcardPatternError, which the interpreter places at the statement. */
function like(left: Value, right: Value, cs: boolean): boolean {
  const pattern = toPSString(right);
  if (lastLike?.pattern !== pattern || lastLikeCase !== cs) {
    lastLike = compileWildcard(pattern, cs);
    lastLikeCase = cs;
  }
  return lastLike.test(toPSString(left));
}

function match(left: Value, right: Value, cs: boolean, ctx: OperatorContext | undefined): boolean {
  const pattern = toPSString(right);
  let re: RegExp;
  try {
    re = new RegExp(pattern, cs ? 'u' : 'iu');
  } catch {
    throw new OperatorError(`The regular expression pattern ${quoted(pattern)} is not valid.`, 'InvalidRegularExpression');
  }
  const m = re.exec(toPSString(left));
  if (m && ctx) {
    const table = new Hashtable();
    m.forEach((g, i) => g !== undefined && table.set(i, g));
    for (const [name, g] of Object.entries(m.groups ?? {})) if (g !== undefined) table.set(name, g);
    ctx.setMatches(table);
  }
  return m !== null;
}

function scalarTest(base: string, left: Value, right: Value, cs: boolean, ctx?: OperatorContext): boolean {
  switch (base) {
    case 'eq': return valuesEqual(left, right, cs);
    case 'ne': return !valuesEqual(left, right, cs);
    case 'gt': return compareOrder(left, right, cs) > 0;
    case 'ge': return compareOrder(left, right, cs) >= 0;
    case 'lt': return compareOrder(left, right, cs) < 0;
    case 'le': return compareOrder(left, right, cs) <= 0;
    case 'like': return like(left, right, cs);
    case 'notlike': return !like(left, right, cs);
    case 'match': return match(left, right, cs, ctx);
    case 'notmatch': return !match(left, right, cs, ctx);
    default: throw new OperatorError(`The operator '-${base}' is not supported.`, 'OperatorNotSupported');
  }
}

function asList(v: Value): Value[] {
  return Array.isArray(v) ? v : [v];
}

/** Evaluates a comparison operator (`-eq`, `-clike`, `-in`, …). */
export function compare(op: string, left: Value, right: Value, ctx?: OperatorContext): Value {
  const parsed = parseComparison(op);
  if (!parsed) throw new OperatorError(`Unexpected operator '${op}'.`, 'UnexpectedOperator');
  const { base, caseSensitive: cs } = parsed;
  switch (base) {
    case 'contains': return asList(left).some((e) => valuesEqual(e, right, cs));
    case 'notcontains': return !asList(left).some((e) => valuesEqual(e, right, cs));
    case 'in': return asList(right).some((e) => valuesEqual(e, left, cs));
    case 'notin': return !asList(right).some((e) => valuesEqual(e, left, cs));
  }
  if (Array.isArray(left)) {
    if (base === 'match' || base === 'notmatch') ctx?.setMatches(null);
    return left.filter((e) => scalarTest(base, e, right, cs));
  }
  return scalarTest(base, left, right, cs, ctx);
}

function opName(op: string): string {
  return { '+': 'op_Addition', '-': 'op_Subtraction', '*': 'op_Multiply', '/': 'op_Division', '%': 'op_Modulus' }[op] ?? op;
}

function numeric(left: Value, right: Value): [number, number] {
  const target = typeNameOf(typeof left === 'number' ? left : 0);
  try {
    return [toNumber(left, target), toNumber(right, target)];
  } catch (e) {
    if (e instanceof ConversionError) throw new OperatorError(e.message, 'InvalidCastFromStringToInteger', 'InvalidArgument');
    throw e;
  }
}

/** Evaluates `+ - * / %`. */
export function arithmetic(op: string, left: Value, right: Value): Value {
  if (op === '+') {
    if (left === null) return right;
    if (typeof left === 'string') {
      const text = toPSString(right);
      checkStringLength(left.length + text.length);
      return left + text;
    }
    if (Array.isArray(left)) {
      const more = asList(right);
      checkArrayLength(left.length + more.length);
      return [...left, ...more];
    }
    if (left instanceof Hashtable && right instanceof Hashtable) {
      const merged = new Hashtable();
      for (const [k, v] of left.entries()) merged.set(k, v);
      for (const [k, v] of right.entries()) {
        if (merged.has(k)) throw new OperatorError(`Item has already been added. Key in dictionary: '${quoteValue(k)}'`, 'ArgumentException');
        merged.set(k, v);
      }
      return merged;
    }
  }
  if (op === '*' && (typeof left === 'string' || Array.isArray(left))) {
    const times = Math.max(0, Math.trunc(numeric(0, right)[1]));
    if (typeof left === 'string') {
      checkStringLength(left.length * times);
      return left.repeat(times);
    }
    checkArrayLength(left.length * times);
    if (left.length === 0) return [];
    const out: Value[] = [];
    for (let i = 0; i < times; i++) for (const e of left) out.push(e);
    return out;
  }
  if (left !== null && typeof left === 'object') {
    throw new OperatorError(
      `Method invocation failed because [${typeNameOf(left)}] does not contain a method named '${opName(op)}'.`,
      'MethodNotFound',
      'InvalidOperation',
      `${opName(op)}:String`,
    );
  }
  const [a, b] = numeric(left, right);
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    // .NET's DivideByZeroException surfaces as a plain RuntimeException with no category.
    case '/':
      if (b === 0) throw new OperatorError('Attempted to divide by zero.', 'RuntimeException', 'NotSpecified');
      return a / b;
    case '%':
      if (b === 0) throw new OperatorError('Attempted to divide by zero.', 'RuntimeException', 'NotSpecified');
      return a % b;
  }
  throw new OperatorError(`Unexpected operator '${op}'.`, 'UnexpectedOperator');
}

export function logical(op: string, left: Value, right: () => Value): boolean {
  const l = toBoolean(left);
  if (op === '-and') return l && toBoolean(right());
  if (op === '-or') return l || toBoolean(right());
  return l !== toBoolean(right());
}
