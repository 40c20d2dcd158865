// The forgiving reader behind Tab completion. It reads the text before the
// cursor with the lexer's rules for command mode (what ends a word, quotes
// with doubling, backtick escapes, `$( … )` inside words, `-Name:` splitting
// off its value, comments) but, unlike the lexer, accepts unfinished input
// and reports where it stopped: which words the current pipeline element has
// so far, and the word the cursor is in.
//
// Brackets open a nested element: `(`, `{`, `$(` and `@(` start a new
// pipeline element (a command may follow), `@{` a hashtable. A closed group
// is one argument of the element around it. Every step consumes input, so
// the scan is linear in the length of the input.

import { escapedChar } from './lexer-strings';
import { endsCommandToken, isBlank, isDash, isDoubleQuote, isNewlineChar, isParameterStart, isSingleQuote } from './tokens';

export interface ScannedWord {
  readonly start: number;
  /** Offset past the word; for the current word, past the rest of the token after the cursor. */
  readonly end: number;
  /** The text with quotes removed and escapes applied, up to the cursor. */
  readonly value: string;
  /** The quote the word opens with ('' when it starts with none). */
  readonly quote: '' | "'" | '"';
  /** No `$` expansion and no bracketed group in it: its value is known now. */
  readonly plain: boolean;
  /** Plain, and written without quotes or escapes: can be a parameter name or a command name. */
  readonly literal: boolean;
  /** Joined to the argument before it by a comma (`-Identity a,b`). */
  readonly afterComma: boolean;
}

export interface CompletionScan {
  /** Finished words of the pipeline element the cursor is in, before the current word. */
  readonly words: readonly ScannedWord[];
  /** The word under the cursor (empty, at the cursor, when the cursor follows a blank). */
  readonly current: ScannedWord;
  readonly inComment: boolean;
  /** The cursor is inside a string that is still open. */
  readonly openQuote: '' | 'single' | 'double' | 'here';
  /** The cursor is directly inside `@{ … }`. */
  readonly hashtable: boolean;
}

interface WordBuilder {
  start: number;
  value: string;
  quote: '' | "'" | '"';
  plain: boolean;
  literal: boolean;
  afterComma: boolean;
}

interface Frame {
  words: ScannedWord[];
  readonly hashtable: boolean;
  readonly start: number;
  readonly afterComma: boolean;
  /** The word a `$( … )` inside it interrupted, resumed at the `)`. */
  readonly resume: WordBuilder | null;
}

const isQuote = (c: string | undefined) => isSingleQuote(c) || isDoubleQuote(c);

/** Offset past the quoted run opening at `i` (doubling and, in double quotes, backticks and `$( … )`), or -1 if open. */
export function skipQuoted(src: string, i: number, end: number, onChar?: (c: string, expansion: boolean) => void): number {
  const single = isSingleQuote(src[i]);
  const closes = single ? isSingleQuote : isDoubleQuote;
  let j = i + 1;
  while (j < end) {
    const c = src[j]!;
    if (closes(c)) {
      if (!closes(src[j + 1]) || j + 1 >= end) return j + 1;
      onChar?.(c, false);
      j += 2;
    } else if (!single && c === '`' && j + 1 < end) {
      onChar?.(escapedChar(src[j + 1]!), false);
      j += 2;
    } else if (!single && c === '$' && src[j + 1] === '(') {
      // A sub-expression: skip to its matching parenthesis (quotes inside it are rare enough to ignore).
      let depth = 0;
      const from = j;
      for (; j < end; j++) {
        if (src[j] === '(') depth++;
        else if (src[j] === ')' && --depth === 0) break;
      }
      onChar?.(src.slice(from, j + 1), true);
      j++;
    } else {
      onChar?.(c, !single && c === '$');
      j++;
    }
  }
  return -1;
}

function wordAt(start: number, afterComma: boolean): WordBuilder {
  return { start, value: '', quote: '', plain: true, literal: true, afterComma };
}

/** Scans `input` up to `cursor` for completion. */
export function scanForCompletion(input: string, cursor: number): CompletionScan {
  const src = input.slice(0, cursor);
  const n = src.length;
  const frames: Frame[] = [{ words: [], hashtable: false, start: 0, afterComma: false, resume: null }];
  const top = () => frames[frames.length - 1]!;
  let word: WordBuilder | null = null;
  let comma = false;
  let openQuote: CompletionScan['openQuote'] = '';

  const finish = (end: number) => {
    if (word === null) return;
    const frame = top();
    // `$x = ` starts a new pipeline element, where a command may follow.
    if (word.literal && /^[-+*/%]?=$/.test(word.value) && frame.words.length === 1 && frame.words[0]!.value.startsWith('$')) frame.words = [];
    else frame.words.push({ ...word, end });
    word = null;
    comma = false;
  };

  let i = 0;
  while (i < n) {
    const c = src[i]!;
    if (word === null) {
      if (isBlank(c)) {
        i++;
      } else if (c === '#' || (c === '<' && src[i + 1] === '#')) {
        let close = i;
        if (c === '#') {
          while (close < n && !isNewlineChar(src[close])) close++;
        } else {
          const found = src.indexOf('#>', i + 2);
          close = found < 0 ? -1 : found + 2;
        }
        // The cursor is inside the comment: there is nothing to complete.
        if (close < 0 || (c === '#' && close >= n)) {
          return { words: [], current: { ...wordAt(cursor, false), end: cursor }, inComment: true, openQuote: '', hashtable: false };
        }
        i = close;
      } else if (c === '`' && isNewlineChar(src[i + 1])) {
        i += src[i + 1] === '\r' && src[i + 2] === '\n' ? 3 : 2;
      } else if (isNewlineChar(c) || c === ';' || c === '|') {
        top().words = [];
        comma = false;
        i++;
      } else if (c === ',') {
        comma = true;
        i++;
      } else if (c === '(' || c === '{' || ((c === '$' || c === '@') && src[i + 1] === '(') || (c === '@' && src[i + 1] === '{')) {
        const width = c === '(' || c === '{' ? 1 : 2;
        frames.push({ words: [], hashtable: c === '@' && src[i + 1] === '{', start: i, afterComma: comma, resume: null });
        comma = false;
        i += width;
      } else if (c === ')' || c === '}') {
        // A stray closer (more than were opened) is the parser's to report; here it is skipped.
        if (frames.length > 1) {
          const group = frames.pop()!;
          word = group.resume ?? { ...wordAt(group.start, group.afterComma), literal: false };
          word.plain = false;
          word.literal = false;
        }
        i++;
      } else if (c === '&' || c === '<' || c === '>') {
        i++;
      } else if (c === '@' && isQuote(src[i + 1])) {
        // A here-string: its terminator starts a line.
        const footer = new RegExp(`[\\r\\n]${isSingleQuote(src[i + 1]) ? "['\u2018-\u201b]" : '["\u201c-\u201e]'}@`, 'g');
        footer.lastIndex = i + 2;
        const m = footer.exec(src);
        if (m === null) {
          openQuote = 'here';
          break;
        }
        top().words.push({ ...wordAt(i, comma), plain: false, literal: false, end: m.index + 3 });
        comma = false;
        i = m.index + 3;
      } else {
        word = wordAt(i, comma);
      }
      continue;
    }

    // Inside a word.
    const w: WordBuilder = word;
    if (endsCommandToken(c)) {
      finish(i);
    } else if (c === '`') {
      if (isNewlineChar(src[i + 1])) {
        finish(i);
      } else {
        if (i + 1 < n) w.value += escapedChar(src[i + 1]!);
        w.literal = false;
        i += 2;
      }
    } else if (isQuote(c)) {
      if (w.start === i) w.quote = isSingleQuote(c) ? "'" : '"';
      w.literal = false;
      const end = skipQuoted(src, i, n, (text, expansion) => {
        if (expansion) w.plain = false;
        w.value += text;
      });
      if (end < 0) {
        openQuote = isSingleQuote(c) ? 'single' : 'double';
        i = n;
      } else {
        i = end;
      }
    } else if (c === '$' && src[i + 1] === '(') {
      frames.push({ words: [], hashtable: false, start: i, afterComma: false, resume: w });
      word = null;
      i += 2;
    } else if (c === ':' && w.literal && isDash(src[w.start]) && isParameterStart(src[w.start + 1])) {
      // `-Name:value` is two tokens: the parameter (colon included) and its argument.
      w.value += c;
      i++;
      finish(i);
    } else {
      if (c === '$') w.plain = false;
      w.value += c;
      i++;
    }
  }

  const current = word ?? wordAt(cursor, comma);
  return {
    words: top().words,
    current: { ...current, end: tokenEnd(input, cursor, openQuote) },
    inComment: false,
    openQuote,
    hashtable: top().hashtable,
  };
}

/** Where the token under the cursor ends in the whole input. */
function tokenEnd(input: string, cursor: number, openQuote: CompletionScan['openQuote']): number {
  if (openQuote === 'single' || openQuote === 'double') {
    // The rest of the open string, up to and including its closing quote.
    const closes = openQuote === 'single' ? isSingleQuote : isDoubleQuote;
    for (let j = cursor; j < input.length; j++) {
      if (openQuote === 'double' && input[j] === '`') j++;
      else if (closes(input[j])) {
        if (!closes(input[j + 1])) return j + 1;
        j++;
      }
    }
    return input.length;
  }
  let j = cursor;
  while (j < input.length && !endsCommandToken(input[j])) {
    if (input[j] === '`') j += 2;
    else if (isQuote(input[j])) {
      const end = skipQuoted(input, j, input.length);
      j = end < 0 ? input.length : end;
    } else j++;
  }
  return Math.min(j, input.length);
}
