// .NET's formatting of numbers and composite format strings, as PowerShell's
// `-f` operator and `.ToString('N0')` use it (invariant-like culture: `,`
// groups thousands, `.` is the decimal point, as en-US shows them).

import { numberToString, toPSString } from './convert';
import type { Value } from './values';
import { DateTimeValue } from './datetime/value';

/** A bad format string: .NET's FormatException. */
export class FormatError extends Error {
  constructor() {
    super('Input string was not in a correct format.');
  }
}

function grouped(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** .NET rounds away from zero in ToString("F2")-style formats. */
function fixed(n: number, digits: number): string {
  const factor = 10 ** digits;
  const rounded = Math.sign(n) * Math.round(Math.abs(n) * factor + 1e-9) / factor;
  return Math.abs(rounded).toFixed(digits);
}

/** Formats a number with a standard .NET numeric format string (N, F, D, X, P, C, E, G, R, 0.00 patterns). */
export function formatNumber(n: number, spec: string): string {
  if (spec === '') return numberToString(n);
  const m = /^([NnFfDdXxPpCcEeGgRr])(\d{0,2})$/.exec(spec);
  if (!m) return customFormat(n, spec);
  const kind = m[1]!;
  const precision = m[2] === '' ? undefined : Number(m[2]);
  const sign = n < 0 ? '-' : '';
  switch (kind.toUpperCase()) {
    case 'N': {
      const [int, frac] = fixed(n, precision ?? 2).split('.');
      return sign + grouped(int!) + (frac ? '.' + frac : '');
    }
    case 'F':
      return sign + fixed(n, precision ?? 2);
    case 'D': {
      if (!Number.isInteger(n)) throw new FormatError();
      return sign + String(Math.abs(n)).padStart(precision ?? 0, '0');
    }
    case 'X': {
      if (!Number.isInteger(n)) throw new FormatError();
      const hex = (n < 0 ? (n >>> 0) : n).toString(16).padStart(precision ?? 0, '0');
      return kind === 'X' ? hex.toUpperCase() : hex;
    }
    case 'P': {
      const [int, frac] = fixed(n * 100, precision ?? 2).split('.');
      return sign + grouped(int!) + (frac ? '.' + frac : '') + ' %';
    }
    case 'C': {
      const [int, frac] = fixed(n, precision ?? 2).split('.');
      return (n < 0 ? '($' : '$') + grouped(int!) + (frac ? '.' + frac : '') + (n < 0 ? ')' : '');
    }
    case 'E': {
      const [mant, exp] = n.toExponential(precision ?? 6).split('e');
      const e = Number(exp);
      const text = `${mant}${kind}${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(3, '0')}`;
      return text;
    }
    default:
      return numberToString(n);
  }
}

/** Custom patterns such as `0.00`, `#,##0`, `000`. */
function customFormat(n: number, spec: string): string {
  const m = /^([#0,]*)(?:\.([#0]+))?(%?)$/.exec(spec);
  if (!m) return spec;
  const value = m[3] ? n * 100 : n;
  const intPattern = m[1] ?? '';
  const fracPattern = m[2] ?? '';
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = fracPattern.length;
  let text = fixed(value, maxFrac);
  let [int, frac = ''] = text.split('.');
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  const minInt = (intPattern.replace(/,/g, '').match(/0/g) ?? []).length;
  int = int!.padStart(minInt, '0');
  if (int === '0' && minInt === 0) int = '';
  if (intPattern.includes(',')) int = grouped(int);
  text = (value < 0 ? '-' : '') + int + (frac ? '.' + frac : '') + m[3];
  return text === '' ? '0' : text;
}

/** A value's text under a format spec: numbers by .NET's rules, dates and others by their own formatter. */
export function formatValue(value: Value, spec: string): string {
  if (typeof value === 'number') return formatNumber(value, spec);
  if (value instanceof DateTimeValue) return spec === '' ? value.format('G') : value.format(spec);
  const formattable = value as unknown as { formatWith?: (spec: string) => string } | null;
  if (spec !== '' && formattable && typeof formattable === 'object' && typeof formattable.formatWith === 'function') return formattable.formatWith(spec);
  return toPSString(value);
}

/** String.Format: `{index[,alignment][:format]}` items, `{{` and `}}` escapes. */
export function compositeFormat(format: string, args: readonly Value[]): string {
  let out = '';
  let i = 0;
  while (i < format.length) {
    const c = format[i]!;
    if (c === '{') {
      if (format[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      const close = format.indexOf('}', i);
      if (close < 0) throw new FormatError();
      const item = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(format.slice(i + 1, close));
      if (!item) throw new FormatError();
      const index = Number(item[1]);
      if (index >= args.length) throw new FormatError();
      let text = formatValue(args[index] ?? null, item[3] ?? '');
      const width = item[2] === undefined ? 0 : Number(item[2]);
      if (width > 0) text = text.padStart(width);
      else if (width < 0) text = text.padEnd(-width);
      out += text;
      i = close + 1;
    } else if (c === '}') {
      if (format[i + 1] !== '}') throw new FormatError();
      out += '}';
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
