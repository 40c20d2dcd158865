// Upper and lower case the way .NET maps them: one UTF-16 char at a time
// (TextInfo.ToLower(char)), so a string never changes length. JavaScript's
// toUpperCase/toLowerCase apply Unicode's full mappings instead ('ß' becomes
// 'SS', 'İ' becomes 'i' plus a combining dot), which both differs from
// PowerShell and lets a string grow past its size limit.

/** .NET's lower case of one UTF-16 unit. */
export function lowerChar(c: string): string {
  const l = c.toLowerCase();
  if (l.length === 1) return l;
  // U+0130's simple lower-case mapping (the one .NET uses) is a plain 'i'.
  return c === '\u0130' ? 'i' : c;
}

/** .NET's upper case of one UTF-16 unit; a character whose upper case is longer stays as it is. */
export function upperChar(c: string): string {
  const u = c.toUpperCase();
  return u.length === 1 ? u : c;
}

const ASCII = /^[\x00-\x7f]*$/;

function mapChars(s: string, one: (c: string) => string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += one(s[i]!);
  return out;
}

/** String.ToLower(): same length as `s`. */
export function toLowerDotNet(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  const l = s.toLowerCase();
  // Same length almost always means the same per-char mapping (Greek final sigma aside).
  return l.length === s.length ? l : mapChars(s, lowerChar);
}

/** String.ToUpper(): same length as `s`. */
export function toUpperDotNet(s: string): string {
  if (ASCII.test(s)) return s.toUpperCase();
  const u = s.toUpperCase();
  return u.length === s.length ? u : mapChars(s, upperChar);
}
