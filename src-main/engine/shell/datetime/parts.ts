// A DateTime's wall-clock fields, computed from its milliseconds since
// 0001-01-01T00:00 in its own clock (as .NET keeps ticks). JavaScript's UTC
// getters read the fields, so no local time-zone rule leaks in by accident.

export type DateKind = 'Local' | 'Utc' | 'Unspecified';

/** Milliseconds from 0001-01-01 to 1970-01-01. */
export const UNIX_EPOCH_MS = 62_135_596_800_000;
/** DateTime.MaxValue, in milliseconds since 0001-01-01 (9999-12-31T23:59:59.999). */
export const MAX_MS = 315_537_897_599_999;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** 0 = Sunday, as .NET's DayOfWeek. */
  readonly dayOfWeek: number;
  readonly dayOfYear: number;
  readonly kind: DateKind;
  /** The offset from UTC at that moment: 0 for UTC, the machine's local offset otherwise. */
  readonly offsetMinutes: number;
}

/** The local time zone's offset from UTC, in minutes, at the local wall-clock time `ms`. */
export function localOffsetAt(ms: number): number {
  const wall = new Date(ms - UNIX_EPOCH_MS);
  const local = new Date(0);
  local.setFullYear(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  local.setHours(wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
  return Math.round((wall.getTime() - local.getTime()) / 60_000);
}

export function partsOf(ms: number, kind: DateKind): DateParts {
  const d = new Date(ms - UNIX_EPOCH_MS);
  const year = d.getUTCFullYear();
  const startOfYear = new Date(0);
  startOfYear.setUTCFullYear(year, 0, 1);
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    dayOfWeek: d.getUTCDay(),
    dayOfYear: Math.floor((d.getTime() - startOfYear.getTime()) / 86_400_000) + 1,
    kind,
    offsetMinutes: kind === 'Utc' ? 0 : localOffsetAt(ms),
  };
}

/** Milliseconds since 0001-01-01 for the given fields; undefined when a field is out of its range. */
export function msOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number | undefined {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  if (millisecond < 0 || millisecond > 999 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millisecond);
  return d.getTime() + UNIX_EPOCH_MS;
}

export function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}
