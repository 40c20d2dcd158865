// PowerShell wildcard patterns (-like, -Filter, Get-Command names):
// `*` any run, `?` one character, `[abc]` / `[a-z]` one of a set, and a
// backtick escapes the next character.

export function hasWildcard(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

function escapeRegex(ch: string): string {
  // Not '-': outside a class it needs no escape, and `\-` is invalid under the u flag.
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

export function wildcardToRegExp(pattern: string, caseSensitive = false): RegExp {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '`' && i + 1 < pattern.length) {
      out += escapeRegex(pattern[++i]!);
    } else if (ch === '*') {
      out += '[\\s\\S]*';
    } else if (ch === '?') {
      out += '[\\s\\S]';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      // PowerShell rejects an unclosed bracket rather than matching it literally.
      if (close < 0) throw new SyntaxError(`The specified wildcard character pattern is not valid: ${pattern}`);
      const body = pattern.slice(i + 1, close);
      let cls = '';
      for (let j = 0; j < body.length; j++) {
        const c = body[j]!;
        cls += c === '-' && j > 0 && j < body.length - 1 ? '-' : c === '\\' || c === ']' || c === '^' || c === '-' ? `\\${c}` : c;
      }
      out += `[${cls}]`;
      i = close;
    } else {
      out += escapeRegex(ch);
    }
  }
  return new RegExp(`${out}$`, caseSensitive ? 'u' : 'iu');
}

export function wildcardMatch(text: string, pattern: string, caseSensitive = false): boolean {
  return wildcardToRegExp(pattern, caseSensitive).test(text);
}
