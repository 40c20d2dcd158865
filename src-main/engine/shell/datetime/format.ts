// .NET's DateTime.ToString(format): the standard one-letter formats and the
// custom specifiers (yyyy, MM, dd, HH, hh, mm, ss, fff, tt, zzz, K, quoted
// literals, \ escapes, %x), with .NET's FormatException when a format is bad.

import { DAY_NAMES, MONTH_NAMES, STANDARD_PATTERNS } from './culture';
import type { DateParts } from './parts';

export class DateFormatError extends Error {
  constructor() {
    super('Input string was not in a correct format.');
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The local offset as +hh:mm for zzz/K ('' for Unspecified, Z for UTC under K). */
function offsetText(parts: DateParts, width: 1 | 2 | 3): string {
  const minutes = parts.offsetMinutes;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.trunc(abs / 60);
  if (width === 1) return `${sign}${hours}`;
  if (width === 2) return `${sign}${pad(hours, 2)}`;
  return `${sign}${pad(hours, 2)}:${pad(abs % 60, 2)}`;
}

/** How many times `pattern[at]` repeats from `at`. */
function run(pattern: string, at: number): number {
  let n = 1;
  while (pattern[at + n] === pattern[at]) n++;
  return n;
}

function customFormat(parts: DateParts, pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    const n = run(pattern, i);
    switch (c) {
      case 'd':
        out += n === 1 ? String(parts.day) : n === 2 ? pad(parts.day, 2) : n === 3 ? DAY_NAMES[parts.dayOfWeek]!.slice(0, 3) : DAY_NAMES[parts.dayOfWeek]!;
        i += n;
        continue;
      case 'M':
        out += n === 1 ? String(parts.month) : n === 2 ? pad(parts.month, 2) : n === 3 ? MONTH_NAMES[parts.month - 1]!.slice(0, 3) : MONTH_NAMES[parts.month - 1]!;
        i += n;
        continue;
      case 'y':
        out += n === 1 ? String(parts.year % 100) : n === 2 ? pad(parts.year % 100, 2) : pad(parts.year, n);
        i += n;
        continue;
      case 'h': {
        const h = parts.hour % 12 === 0 ? 12 : parts.hour % 12;
        out += n === 1 ? String(h) : pad(h, 2);
        i += n;
        continue;
      }
      case 'H':
        out += n === 1 ? String(parts.hour) : pad(parts.hour, 2);
        i += n;
        continue;
      case 'm':
        out += n === 1 ? String(parts.minute) : pad(parts.minute, 2);
        i += n;
        continue;
      case 's':
        out += n === 1 ? String(parts.second) : pad(parts.second, 2);
        i += n;
        continue;
      case 'f':
      case 'F': {
        if (n > 7) throw new DateFormatError();
        // Milliseconds are all this value keeps; the finer digits are zeros, as for a DateTime made from them.
        let digits = pad(parts.millisecond, 3).padEnd(7, '0').slice(0, n);
        if (c === 'F') digits = digits.replace(/0+$/, '');
        out += digits;
        i += n;
        continue;
      }
      case 't':
        out += n === 1 ? (parts.hour < 12 ? 'A' : 'P') : parts.hour < 12 ? 'AM' : 'PM';
        i += n;
        continue;
      case 'z':
        out += offsetText(parts, n >= 3 ? 3 : (n as 1 | 2));
        i += n;
        continue;
      case 'K':
        out += parts.kind === 'Utc' ? 'Z' : parts.kind === 'Local' ? offsetText(parts, 3) : '';
        i += 1;
        continue;
      case 'g':
        out += 'A.D.';
        i += n;
        continue;
      case ':':
      case '/':
        out += c;
        i += 1;
        continue;
      case "'":
      case '"': {
        const end = pattern.indexOf(c, i + 1);
        if (end < 0) throw new DateFormatError();
        out += pattern.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      case '\\':
        if (i + 1 >= pattern.length) throw new DateFormatError();
        out += pattern[i + 1];
        i += 2;
        continue;
      case '%':
        if (pattern[i + 1] === '%' || i + 1 >= pattern.length) throw new DateFormatError();
        out += customFormat(parts, pattern[i + 1]!);
        i += 2;
        continue;
      default:
        out += c;
        i += 1;
    }
  }
  return out;
}

/**
 * Formats as DateTime.ToString(format) does in en-US. `toUniversal` gives the
 * parts in UTC, for R and U, which convert first.
 */
export function formatDate(parts: DateParts, format: string, toUniversal: () => DateParts): string {
  if (format === '') format = 'G';
  if (format.length === 1) {
    const pattern = STANDARD_PATTERNS[format];
    if (pattern === undefined) throw new DateFormatError();
    const source = format === 'U' || ((format === 'r' || format === 'R') && parts.kind === 'Local') ? toUniversal() : parts;
    return customFormat(source, pattern);
  }
  return customFormat(parts, format);
}
