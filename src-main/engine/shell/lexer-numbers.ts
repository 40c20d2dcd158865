// Number literals of the console language, as Windows PowerShell 5.1 spells
// them: 42, -5, 1.5, .5, 1e3, 1.5E-2, 0x1F, the type suffixes l (long) and
// d (decimal), and the multipliers kb mb gb tb pb (10kb = 10240).
//
// The scanner only recognises the literal; whether what follows may end it is
// the caller's decision, because that differs by mode (in command mode `100abc`
// is a bare word, in expression mode it is a bad numeric constant).

import { isDash, isDigit, isHexDigit, isIdentifierChar, isDoubleQuote, isSingleQuote } from './tokens';

export interface NumberScan {
  /** Offset just past the literal. */
  readonly end: number;
  readonly value: number;
  /** 'int' for integral literals (Int32/Int64 in PowerShell), 'double' otherwise. */
  readonly numberKind: 'int' | 'double';
  /** The spelling, sign included. */
  readonly text: string;
}

const INT64_MAX = 2n ** 63n - 1n;
const MULTIPLIERS: Readonly<Record<string, number>> = {
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  pb: 1024 ** 5,
};

/**
 * Scans a number literal at `start`, which may begin with a dash (a negative
 * literal: in command mode `-5` is a number, not a parameter). Returns null
 * when the characters there do not form a number.
 */
export function scanNumber(src: string, start: number): NumberScan | null {
  let i = start;
  const negative = isDash(src[i]);
  if (negative) i++;
  const body = src[i] === '0' && (src[i + 1] === 'x' || src[i + 1] === 'X') && isHexDigit(src[i + 2])
    ? scanHex(src, i)
    : scanDecimal(src, i);
  if (body === null) return null;
  const value = negative ? -body.value : body.value;
  // `-0` is still zero, not negative zero, for display and equality.
  return { end: body.end, value: value === 0 ? 0 : value, numberKind: body.numberKind, text: src.slice(start, body.end) };
}

interface Body {
  end: number;
  value: number;
  numberKind: 'int' | 'double';
}

function scanHex(src: string, at: number): Body | null {
  let i = at + 2;
  while (isHexDigit(src[i])) i++;
  let v = BigInt('0x' + src.slice(at + 2, i));
  const long = src[i] === 'l' || src[i] === 'L';
  if (long) i++;
  // PowerShell 5.1 reads hex literals as bit patterns: eight digits fill an
  // Int32 (0xFFFFFFFF is -1), sixteen an Int64; anything longer is invalid.
  if (!long && v <= 0xffffffffn) {
    if (v >= 0x80000000n) v -= 0x100000000n;
  } else if (v <= 0xffffffffffffffffn) {
    if (v > INT64_MAX) v -= 0x10000000000000000n;
  } else {
    return null;
  }
  const m = scanMultiplier(src, i);
  return { end: m.end, value: Number(v) * m.factor, numberKind: 'int' };
}

function scanDecimal(src: string, at: number): Body | null {
  let i = at;
  while (isDigit(src[i])) i++;
  const intDigits = i - at;
  let real = false;
  if (src[i] === '.') {
    if (isDigit(src[i + 1])) {
      i += 2;
      while (isDigit(src[i])) i++;
      real = true;
    } else if (intDigits > 0 && !continuesAfterDot(src[i + 1])) {
      // `1.` is a double; `1.Length` and `1..5` keep the dot for what follows.
      i++;
      real = true;
    }
  }
  if (intDigits === 0 && !real) return null;
  if (src[i] === 'e' || src[i] === 'E') {
    let k = i + 1;
    if (src[k] === '+' || isDash(src[k])) k++;
    if (isDigit(src[k])) {
      while (isDigit(src[k])) k++;
      i = k;
      real = true;
    }
  }
  const spelling = src.slice(at, i).replace(/[\u2013\u2014\u2015]/g, '-');
  let kind: 'long' | 'decimal' | 'plain' = 'plain';
  if (src[i] === 'l' || src[i] === 'L') {
    // "A number cannot be both a long and floating point."
    if (real) return null;
    kind = 'long';
    i++;
  } else if (src[i] === 'd' || src[i] === 'D') {
    kind = 'decimal';
    i++;
  }
  const m = scanMultiplier(src, i);
  const value = Number(spelling) * m.factor;
  if (!Number.isFinite(value)) return null;
  if (real || kind === 'decimal') return { end: m.end, value, numberKind: 'double' };
  const integral = BigInt(spelling) * BigInt(m.factor);
  if (integral > INT64_MAX) {
    // An Int64 that overflows: PowerShell moves on to decimal/double; with an
    // explicit `l` suffix the literal is invalid.
    return kind === 'long' ? null : { end: m.end, value, numberKind: 'double' };
  }
  return { end: m.end, value, numberKind: 'int' };
}

function scanMultiplier(src: string, i: number): { end: number; factor: number } {
  const factor = MULTIPLIERS[src.slice(i, i + 2).toLowerCase()];
  return factor === undefined ? { end: i, factor: 1 } : { end: i + 2, factor };
}

/** After `1.`: is the dot the start of something else (a member, a range)? */
function continuesAfterDot(c: string | undefined): boolean {
  return isIdentifierChar(c) || c === '.' || c === '$' || c === '(' || c === '[' || c === '{' || isSingleQuote(c) || isDoubleQuote(c);
}
