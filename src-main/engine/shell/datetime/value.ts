// System.DateTime as a console value. It is a PSObject (so Select-Object,
// Format-List, Get-Member and member access see its properties) whose
// properties are computed from one immutable instant, kept as milliseconds
// since 0001-01-01 in its own clock plus its Kind, as .NET keeps ticks.
//
// The API the rest of the engine uses (casts, operators, methods):
//   DateTimeValue.now(), .fromParts(…), .fromMs(ms, kind), parseDateTime(text)
//   (invariant-culture parsing, as PowerShell's string → [datetime]),
//   toDateTime(value) (any value → DateTimeValue, or a ConversionError),
//   compareDateTimes(a, b), addMs / addMonths, format(fmt), toUniversal(), toLocal().

import { PSObject, type Value } from '../values';
import { ConversionError } from '../convert';
import { INVARIANT_GENERAL, DAY_NAMES } from './culture';
import { DateFormatError, formatDate } from './format';
import { daysInMonth, MAX_MS, msOf, partsOf, UNIX_EPOCH_MS, localOffsetAt, type DateKind, type DateParts } from './parts';

export const DATETIME_TYPE = 'System.DateTime';

/** Get-Date's -DisplayHint: which part the console shows. */
export type DisplayHint = 'Date' | 'Time' | 'DateTime';

const PROPERTY_NAMES = ['DateTime', 'Date', 'Day', 'DayOfWeek', 'DayOfYear', 'Hour', 'Kind', 'Millisecond', 'Minute', 'Month', 'Second', 'Ticks', 'TimeOfDay', 'Year'] as const;

/** TimeSpan.ToString() of a time of day: hh:mm:ss, with .fffffff only when there is a fraction. */
function timeOfDayText(p: DateParts): string {
  const base = [p.hour, p.minute, p.second].map((n) => String(n).padStart(2, '0')).join(':');
  return p.millisecond === 0 ? base : `${base}.${String(p.millisecond).padStart(3, '0')}0000`;
}

export class DateTimeValue extends PSObject {
  private cachedParts: DateParts | undefined;

  private constructor(
    /** Milliseconds since 0001-01-01T00:00 in this value's own clock. */
    readonly ms: number,
    readonly kind: DateKind,
    /** Set by Get-Date: a NoteProperty that decides what the console shows. */
    readonly displayHint?: DisplayHint,
  ) {
    super(DATETIME_TYPE);
    // PowerShell's string conversion ("$d", -join) uses the invariant culture.
    this.text = this.format(INVARIANT_GENERAL);
  }

  static fromMs(ms: number, kind: DateKind = 'Unspecified', displayHint?: DisplayHint): DateTimeValue {
    if (!(ms >= 0 && ms <= MAX_MS)) throw new RangeError('The added or subtracted value results in an un-representable DateTime.');
    return new DateTimeValue(Math.round(ms), kind, displayHint);
  }

  /** The machine's local time now (DateTime.Now). */
  static now(): DateTimeValue {
    const instant = Date.now() + UNIX_EPOCH_MS;
    const offset = -new Date().getTimezoneOffset();
    return new DateTimeValue(instant + offset * 60_000, 'Local');
  }

  static fromParts(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0, kind: DateKind = 'Unspecified'): DateTimeValue | undefined {
    const ms = msOf(year, month, day, hour, minute, second, millisecond);
    return ms === undefined ? undefined : new DateTimeValue(ms, kind);
  }

  get parts(): DateParts {
    return (this.cachedParts ??= partsOf(this.ms, this.kind));
  }

  withHint(hint: DisplayHint | undefined): DateTimeValue {
    return new DateTimeValue(this.ms, this.kind, hint);
  }

  /** DateTime.ToString(format) in en-US; throws DateFormatError for a bad format. */
  format(format: string): string {
    return formatDate(this.parts, format, () => this.toUniversal().parts);
  }

  /** What the console shows for it (the DateTime ScriptProperty, narrowed by DisplayHint). */
  display(): string {
    if (this.displayHint === 'Date') return this.format('D');
    if (this.displayHint === 'Time') return this.format('T');
    return `${this.format('D')} ${this.format('T')}`;
  }

  toUniversal(): DateTimeValue {
    if (this.kind === 'Utc') return this;
    return new DateTimeValue(this.ms - localOffsetAt(this.ms) * 60_000, 'Utc');
  }

  toLocal(): DateTimeValue {
    if (this.kind === 'Local') return this;
    const offset = -new Date(this.ms - UNIX_EPOCH_MS).getTimezoneOffset();
    return new DateTimeValue(this.ms + offset * 60_000, 'Local');
  }

  addMs(delta: number): DateTimeValue {
    return DateTimeValue.fromMs(this.ms + delta, this.kind);
  }

  /** AddMonths: the day is clipped to the new month's length, as .NET does. */
  addMonths(months: number): DateTimeValue {
    const p = this.parts;
    const total = p.year * 12 + (p.month - 1) + Math.trunc(months);
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    if (year < 1 || year > 9999) throw new RangeError('The added or subtracted value results in an un-representable DateTime.');
    const ms = msOf(year, month, Math.min(p.day, daysInMonth(year, month)), p.hour, p.minute, p.second, p.millisecond)!;
    return new DateTimeValue(ms, this.kind);
  }

  override get propertyNames(): string[] {
    return this.displayHint ? ['DisplayHint', ...PROPERTY_NAMES] : [...PROPERTY_NAMES];
  }

  override has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  override get(name: string): Value | undefined {
    const p = this.parts;
    switch (name.toLowerCase()) {
      case 'displayhint':
        return this.displayHint;
      case 'datetime':
        return `${this.format('D')} ${this.format('T')}`;
      case 'date':
        return DateTimeValue.fromMs(this.ms - (this.ms % 86_400_000), this.kind);
      case 'day':
        return p.day;
      case 'dayofweek':
        return DAY_NAMES[p.dayOfWeek]!;
      case 'dayofyear':
        return p.dayOfYear;
      case 'hour':
        return p.hour;
      case 'kind':
        return this.kind;
      case 'millisecond':
        return p.millisecond;
      case 'minute':
        return p.minute;
      case 'month':
        return p.month;
      case 'second':
        return p.second;
      case 'ticks':
        // Ticks pass 2^53, beyond a double's exact integers: kept exact as text.
        return (BigInt(this.ms) * 10_000n).toString();
      case 'timeofday':
        return timeOfDayText(p);
      case 'year':
        return p.year;
    }
    return undefined;
  }

  override set(name: string): void {
    throw new Error(`'${this.has(name) ? (this.propertyNames.find((n) => n.toLowerCase() === name.toLowerCase()) ?? name) : name}' is a ReadOnly property.`);
  }

  override entries(): [string, Value][] {
    return this.propertyNames.map((n) => [n, this.get(n) ?? null]);
  }

  override clone(): PSObject {
    return this;
  }
}

/** DateTime.CompareTo: by the wall-clock ticks, ignoring Kind, as .NET does. */
export function compareDateTimes(a: DateTimeValue, b: DateTimeValue): number {
  return Math.sign(a.ms - b.ms);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The time part of a string: h[:mm[:ss[.fff]]] [AM|PM]; null when absent; undefined when malformed. */
function parseTime(text: string): [number, number, number, number] | null | undefined {
  if (text.trim() === '') return null;
  const m = /^\s*(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2})(?:\.(\d{1,7}))?)?\s*([ap]\.?m\.?)?\s*$/i.exec(text);
  if (!m || (m[2] === undefined && !m[5])) return undefined;
  let hour = Number(m[1]);
  if (m[5]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[5][0]!.toLowerCase() === 'p' ? 12 : 0);
  }
  return [hour, Number(m[2] ?? 0), Number(m[3] ?? 0), Math.floor(Number(`0.${m[4] ?? '0'}`) * 1000)];
}

/**
 * A string as PowerShell's [datetime] conversion reads it (invariant culture):
 * ISO 8601 (2026-11-28, 2026-11-28T09:30:00Z), M/d/yyyy [time], d MMM yyyy,
 * MMM d, yyyy. Undefined when it is not a date.
 */
export function parseDateTime(input: string): DateTimeValue | undefined {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, f, zone] = iso;
    const made = DateTimeValue.fromParts(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), Math.floor(Number(`0.${f ?? '0'}`) * 1000), zone ? 'Utc' : 'Unspecified');
    if (!made || !zone) return made;
    const sign = zone.toUpperCase() === 'Z' ? 0 : zone[0] === '-' ? -1 : 1;
    const digits = zone.replace(/[^0-9]/g, '');
    const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    // .NET gives a string with a zone as local time.
    return DateTimeValue.fromMs(made.ms - offset * 60_000, 'Utc').toLocal();
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(.*))?$/.exec(text);
  const named = /^(\d{1,2})\s+([a-z]{3,})\.?,?\s+(\d{4})(?:\s+(.*))?$/i.exec(text) ?? /^([a-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(.*))?$/i.exec(text);
  let y: number;
  let mo: number;
  let d: number;
  let rest: string | undefined;
  if (us) {
    [mo, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (us[3]!.length === 2) y += y < 50 ? 2000 : 1900;
    rest = us[4];
  } else if (named) {
    const dayFirst = /^\d/.test(named[1]!);
    const monthName = (dayFirst ? named[2]! : named[1]!).slice(0, 3).toLowerCase();
    mo = MONTHS.indexOf(monthName) + 1;
    if (mo === 0) return undefined;
    d = Number(dayFirst ? named[1] : named[2]);
    y = Number(named[3]);
    rest = named[4];
  } else {
    const time = parseTime(text);
    if (!time) return undefined;
    // A time alone is today at that time, as in .NET.
    const today = DateTimeValue.now().parts;
    return DateTimeValue.fromParts(today.year, today.month, today.day, ...time);
  }
  const time = parseTime(rest ?? '');
  if (time === undefined) return undefined;
  return DateTimeValue.fromParts(y, mo, d, ...(time ?? [0, 0, 0, 0]));
}

/** Any value as a DateTime, as PowerShell converts it for a [datetime] parameter or cast; throws ConversionError. */
export function toDateTime(value: Value, targetType = DATETIME_TYPE): DateTimeValue {
  if (value instanceof DateTimeValue) return value;
  if (Array.isArray(value) && value.length === 1) return toDateTime(value[0]!, targetType);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    // A number is ticks.
    const made = value / 10_000 <= MAX_MS ? DateTimeValue.fromMs(Math.floor(value / 10_000)) : undefined;
    if (made) return made;
  }
  if (typeof value === 'string') {
    const parsed = parseDateTime(value);
    if (parsed) return parsed;
    throw new ConversionError(value, targetType, `String '${value}' was not recognized as a valid DateTime.`);
  }
  const text = value === null ? '' : String(value);
  throw new ConversionError(text, targetType, 'Specified cast is not valid.');
}

export { DateFormatError };
