// Get-Date -UFormat: the Unix-style %-specifiers as Windows PowerShell 5.1's
// GetDateCommand.UFormatDateString maps them (5.1's own quirks kept: %s has
// a fraction, %u and %w both count Sunday as 0, %V and %W are .NET week
// numbers). An unknown specifier is kept as the letter, as 5.1 keeps it.

import type { DateTimeValue } from './value';
import { numberToString } from '../convert';
import { UNIX_EPOCH_MS } from './parts';

function pad(n: number, width: number, fill = '0'): string {
  return String(n).padStart(width, fill);
}

/** .NET Calendar.GetWeekOfYear with FirstDay or FirstFourDayWeek rules. */
function weekOfYear(date: DateTimeValue, firstDayOfWeek: number, fourDay: boolean): number {
  const p = date.parts;
  const jan1 = (p.dayOfWeek - ((p.dayOfYear - 1) % 7) + 7) % 7;
  const offset = (jan1 - firstDayOfWeek + 7) % 7;
  if (!fourDay) return Math.floor((p.dayOfYear - 1 + offset) / 7) + 1;
  const week = Math.floor((p.dayOfYear - 1 + offset) / 7) + (offset < 4 ? 1 : 0);
  if (week > 0) return week;
  return weekOfYear(date.addMs(-p.dayOfYear * 86_400_000), firstDayOfWeek, fourDay);
}

export function uformat(date: DateTimeValue, format: string): string {
  const p = date.parts;
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const spec = format[++i]!;
    switch (spec) {
      case 'a': out += date.format('ddd'); break;
      case 'A': out += date.format('dddd'); break;
      case 'b':
      case 'h': out += date.format('MMM'); break;
      case 'B': out += date.format('MMMM'); break;
      case 'c': out += `${date.format('ddd MMM')} ${pad(p.day, 2, ' ')} ${date.format('HH:mm:ss yyyy')}`; break;
      case 'C': out += pad(Math.floor(p.year / 100), 2); break;
      case 'd': out += date.format('dd'); break;
      case 'D':
      case 'x': out += date.format('MM/dd/yy'); break;
      case 'e': out += pad(p.day, 2, ' '); break;
      case 'G':
      case 'Y': out += date.format('yyyy'); break;
      case 'g':
      case 'y': out += date.format('yy'); break;
      case 'H':
      case 'k': out += date.format('HH'); break;
      case 'I': out += date.format('hh'); break;
      case 'j': out += pad(p.dayOfYear, 3); break;
      case 'l': out += date.format('%h'); break;
      case 'M': out += date.format('mm'); break;
      case 'm': out += date.format('MM'); break;
      case 'n': out += '\n'; break;
      case 'p': out += date.format('tt'); break;
      case 'R': out += date.format('HH:mm'); break;
      case 'r': out += date.format('hh:mm:ss tt'); break;
      case 'S': out += date.format('ss'); break;
      // 5.1 subtracts the epoch from the wall-clock time and keeps the fraction.
      case 's': out += numberToString((date.ms - UNIX_EPOCH_MS) / 1000); break;
      case 't': out += '\t'; break;
      case 'T':
      case 'X': out += date.format('HH:mm:ss'); break;
      case 'U': out += weekOfYear(date, 0, false); break;
      case 'u':
      case 'w': out += p.dayOfWeek; break;
      case 'V': out += weekOfYear(date, 1, true); break;
      case 'W': out += weekOfYear(date, 1, false); break;
      case 'Z': out += date.format('zz'); break;
      default: out += spec;
    }
  }
  return out;
}
