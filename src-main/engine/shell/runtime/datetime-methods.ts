// The methods scripts call on a DateTime: Add*, ToString(format), the
// To*String shorthands, ToUniversalTime/ToLocalTime, CompareTo and Equals.
// Failures are .NET's exceptions as PowerShell wraps them (MethodError).

import { toNumber, toPSString } from '../convert';
import { DateFormatError } from '../datetime/format';
import { compareDateTimes, DateTimeValue, toDateTime } from '../datetime/value';
import type { Value } from '../values';
import { MethodError } from './methods';

function invocationError(method: string, args: readonly Value[], inner: string, innerType: string): MethodError {
  return new MethodError(`Exception calling "${method}" with "${args.length}" argument(s): "${inner}"`, innerType, '', 'NotSpecified', 'MethodInvocationException');
}

const UNREPRESENTABLE = 'The added or subtracted value results in an un-representable DateTime.\r\nParameter name: value';

function add(method: string, d: DateTimeValue, args: readonly Value[], unit: number): DateTimeValue {
  const amount = toNumber(args[0] ?? null);
  try {
    return d.addMs(Math.round(amount * unit));
  } catch (e) {
    if (e instanceof RangeError) throw invocationError(method, args, UNREPRESENTABLE, 'ArgumentOutOfRangeException');
    throw e;
  }
}

type DateMethod = (d: DateTimeValue, args: readonly Value[]) => Value;

const METHODS: Record<string, [name: string, run: DateMethod]> = {
  addmilliseconds: ['AddMilliseconds', (d, a) => add('AddMilliseconds', d, a, 1)],
  addseconds: ['AddSeconds', (d, a) => add('AddSeconds', d, a, 1000)],
  addminutes: ['AddMinutes', (d, a) => add('AddMinutes', d, a, 60_000)],
  addhours: ['AddHours', (d, a) => add('AddHours', d, a, 3_600_000)],
  adddays: ['AddDays', (d, a) => add('AddDays', d, a, 86_400_000)],
  addticks: ['AddTicks', (d, a) => add('AddTicks', d, a, 1 / 10_000)],
  addmonths: ['AddMonths', (d, a) => monthly('AddMonths', d, a, 1)],
  addyears: ['AddYears', (d, a) => monthly('AddYears', d, a, 12)],
  tostring: ['ToString', (d, a) => format(d, a)],
  toshortdatestring: ['ToShortDateString', (d) => d.format('d')],
  tolongdatestring: ['ToLongDateString', (d) => d.format('D')],
  toshorttimestring: ['ToShortTimeString', (d) => d.format('t')],
  tolongtimestring: ['ToLongTimeString', (d) => d.format('T')],
  touniversaltime: ['ToUniversalTime', (d) => d.toUniversal()],
  tolocaltime: ['ToLocalTime', (d) => d.toLocal()],
  compareto: ['CompareTo', (d, a) => compareDateTimes(d, argumentDate('CompareTo', a))],
  equals: ['Equals', (d, a) => a[0] instanceof DateTimeValue && compareDateTimes(d, a[0]) === 0],
  isdaylightsavingtime: ['IsDaylightSavingTime', (d) => d.kind === 'Local' && d.parts.offsetMinutes !== -new Date(Date.UTC(d.parts.year, 0, 1)).getTimezoneOffset()],
};

function monthly(method: string, d: DateTimeValue, args: readonly Value[], months: number): DateTimeValue {
  try {
    return d.addMonths(Math.trunc(toNumber(args[0] ?? null)) * months);
  } catch (e) {
    if (e instanceof RangeError) throw invocationError(method, args, UNREPRESENTABLE, 'ArgumentOutOfRangeException');
    throw e;
  }
}

function argumentDate(method: string, args: readonly Value[]): DateTimeValue {
  try {
    return toDateTime(args[0] ?? null);
  } catch {
    throw invocationError(method, args, 'Object must be of type DateTime.', 'ArgumentException');
  }
}

/** ToString() is the current culture's G; ToString(format) any .NET format. */
function format(d: DateTimeValue, args: readonly Value[]): string {
  try {
    return d.format(args.length === 0 || args[0] === null ? 'G' : toPSString(args[0]!));
  } catch (e) {
    if (e instanceof DateFormatError) throw invocationError('ToString', args, e.message, 'FormatException');
    throw e;
  }
}

/** Calls a DateTime method; undefined when DateTime has no method of that name. */
export function invokeDateTimeMethod(target: DateTimeValue, name: string, args: readonly Value[]): Value | undefined {
  const found = METHODS[name.toLowerCase()];
  return found ? found[1](target, args) : undefined;
}
