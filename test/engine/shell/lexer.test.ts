// Tokenizer of the console language: both modes, numbers, strings and their
// expansions, bare words, trivia, and the lexical errors with their extents.

import { describe, expect, it } from 'vitest';
import { tokenize, type LexMode, type Token } from '../../../src-main/engine/shell/parse';

function tokens(source: string, mode: LexMode): Token[] {
  const r = tokenize(source, mode);
  if (!r.ok) throw new Error(`tokenize failed: ${JSON.stringify(r.errors)}`);
  return [...r.tokens];
}

/** kind:text pairs, end of input left out. */
function kinds(source: string, mode: LexMode): string[] {
  return tokens(source, mode)
    .filter((t) => t.kind !== 'EndOfInput')
    .map((t) => `${t.kind}:${t.text}`);
}

function single(source: string, mode: LexMode): Token {
  const all = tokens(source, mode);
  expect(all).toHaveLength(2);
  return all[0]!;
}

function lexError(source: string, mode: LexMode) {
  const r = tokenize(source, mode);
  if (r.ok) throw new Error(`expected an error for ${source}`);
  return r.errors[0]!;
}

describe('command mode', () => {
  it('reads parameters, bare words, numbers and expressions', () => {
    expect(kinds('Get-X -Name:value site:Redmond 100 100abc -5 $x "s" \'l\' 1,2', 'command')).toEqual([
      'Generic:Get-X',
      'Parameter:-Name:',
      'Generic:value',
      'Generic:site:Redmond',
      'Number:100',
      'Generic:100abc',
      'Number:-5',
      'Variable:$x',
      'ExpandableString:"s"',
      "StringLiteral:'l'",
      'Number:1',
      'Comma:,',
      'Number:2',
    ]);
  });

  it('gives parameters their name and colon flag, and extents covering the dash', () => {
    const [, p, q] = tokens('x -Identity -WhatIf:', 'command');
    expect(p).toEqual({ kind: 'Parameter', name: 'Identity', colon: false, extent: { start: 2, end: 11 }, text: '-Identity' });
    expect(q).toEqual({ kind: 'Parameter', name: 'WhatIf', colon: true, extent: { start: 12, end: 20 }, text: '-WhatIf:' });
  });

  it('treats a dash before a digit as a negative number and a lone dash as a word', () => {
    expect(kinds('-5 -0x10 -1.5 - -- -5abc -?', 'command')).toEqual([
      'Number:-5',
      'Number:-0x10',
      'Number:-1.5',
      'Generic:-',
      'Generic:--',
      'Generic:-5abc',
      'Parameter:-?',
    ]);
    expect(single('-5', 'command')).toMatchObject({ value: -5, numberKind: 'int' });
  });

  it('accepts typographic dashes and quotes pasted from documents', () => {
    const [, p, s] = tokens('Get-X \u2013Identity \u201csite:Redmond\u201d', 'command');
    expect(p).toMatchObject({ kind: 'Parameter', name: 'Identity' });
    expect(s).toMatchObject({ kind: 'ExpandableString', parts: ['site:Redmond'] });
  });

  it('ends a number only where a command token may end', () => {
    expect(kinds('2+2 1.2.3 10kb 5.Length 1)', 'command')).toEqual([
      'Generic:2+2',
      'Generic:1.2.3',
      'Number:10kb',
      'Generic:5.Length',
      'Number:1',
      'RParen:)',
    ]);
  });

  it('resolves escapes and embedded quotes in bare words', () => {
    expect(single('a`tb', 'command')).toMatchObject({ kind: 'Generic', value: 'a\tb', parts: null });
    expect(single('a"b c"d', 'command')).toMatchObject({ kind: 'Generic', value: 'ab cd', parts: null });
    expect(single("a'$b'c", 'command')).toMatchObject({ kind: 'Generic', value: 'a$bc', parts: null });
    expect(single('[a-z]*', 'command')).toMatchObject({ kind: 'Generic', value: '[a-z]*' });
  });

  it('expands variables and sub-expressions inside bare words', () => {
    const t = single('pre$x.txt', 'command');
    expect(t).toMatchObject({ kind: 'Generic', text: 'pre$x.txt' });
    if (t.kind !== 'Generic') throw new Error('kind');
    expect(t.parts).toEqual(['pre', { type: 'Variable', name: 'x', extent: { start: 3, end: 5 } }, '.txt']);
    // A variable running into other text is one expandable word ($env:TEMP\logs), as in PowerShell.
    const w = single('$env:TEMP\\logs', 'command');
    expect(w.kind === 'Generic' && w.parts).toEqual([{ type: 'Variable', name: 'env:TEMP', extent: { start: 0, end: 9 } }, '\\logs']);
  });

  it('keeps $x.Prop and $x[0] as a variable followed by postfix operators', () => {
    expect(kinds('$x.Prop $y[0] $z,', 'command')).toEqual([
      'Variable:$x',
      'Generic:.Prop',
      'Variable:$y',
      'Generic:[0]',
      'Variable:$z',
      'Comma:,',
    ]);
  });

  it('splits words at the characters PowerShell ends them on', () => {
    expect(kinds('a;b|c(d)e{f}g,h', 'command')).toEqual([
      'Generic:a',
      'Semi:;',
      'Generic:b',
      'Pipe:|',
      'Generic:c',
      'LParen:(',
      'Generic:d',
      'RParen:)',
      'Generic:e',
      'LCurly:{',
      'Generic:f',
      'RCurly:}',
      'Generic:g',
      'Comma:,',
      'Generic:h',
    ]);
  });
});

describe('expression mode', () => {
  it('reads operators, lower-casing word operators', () => {
    expect(kinds('$a -EQ 1 + 2 * 3 / 4 % 5 -CLike $b -not !$c', 'expression')).toEqual([
      'Variable:$a',
      'DashWord:-EQ',
      'Number:1',
      'Plus:+',
      'Number:2',
      'Multiply:*',
      'Number:3',
      'Divide:/',
      'Number:4',
      'Rem:%',
      'Number:5',
      'DashWord:-CLike',
      'Variable:$b',
      'DashWord:-not',
      'Exclaim:!',
      'Variable:$c',
    ]);
    const [, eq] = tokens('$a -EQ 1', 'expression');
    expect(eq).toMatchObject({ kind: 'DashWord', word: 'eq' });
  });

  it('reads assignment operators and brackets', () => {
    expect(kinds('= += -= *= /= %= @( @{ $( [ ] .. ::', 'expression')).toEqual([
      'Equals:=',
      'PlusEquals:+=',
      'MinusEquals:-=',
      'MultiplyEquals:*=',
      'DivideEquals:/=',
      'RemEquals:%=',
      'AtParen:@(',
      'AtCurly:@{',
      'DollarParen:$(',
      'LBracket:[',
      'RBracket:]',
      'DotDot:..',
      'ColonColon:::',
    ]);
  });

  it('keeps the minus sign a separate token (the parser decides negation or subtraction)', () => {
    expect(kinds('2 -5', 'expression')).toEqual(['Number:2', 'Minus:-', 'Number:5']);
  });

  it('scans a bare word whole so that errors can name it', () => {
    expect(kinds('foo-bar 2abc', 'expression')).toEqual(['Generic:foo-bar', 'Generic:2abc']);
  });
});

describe('numbers', () => {
  const cases: [string, number, 'int' | 'double'][] = [
    ['42', 42, 'int'],
    ['1.5', 1.5, 'double'],
    ['.5', 0.5, 'double'],
    ['1.', 1, 'double'],
    ['1e3', 1000, 'double'],
    ['1.5E-2', 0.015, 'double'],
    ['2e+2', 200, 'double'],
    ['0x1F', 31, 'int'],
    ['0X1f', 31, 'int'],
    ['0xFFFFFFFF', -1, 'int'],
    ['0x80000000', -2147483648, 'int'],
    ['0x100000000', 4294967296, 'int'],
    ['0xFFFFFFFFFFFFFFFF', -1, 'int'],
    ['10kb', 10240, 'int'],
    ['10KB', 10240, 'int'],
    ['1.5mb', 1572864, 'double'],
    ['0x10kb', 16384, 'int'],
    ['1gb', 1073741824, 'int'],
    ['1tb', 1099511627776, 'int'],
    ['1pb', 1125899906842624, 'int'],
    ['5l', 5, 'int'],
    ['5L', 5, 'int'],
    ['5d', 5, 'double'],
    ['2lkb', 2048, 'int'],
    ['2147483648', 2147483648, 'int'],
    ['9223372036854775808', 9223372036854775808, 'double'],
  ];
  it.each(cases)('%s is %d (%s)', (text, value, numberKind) => {
    for (const mode of ['expression', 'command'] as const) {
      expect(single(text, mode)).toEqual({ kind: 'Number', value, numberKind, text, extent: { start: 0, end: text.length } });
    }
  });

  it('rejects malformed numbers as numbers', () => {
    for (const text of ['1.5l', '0x', '1e', '10kbx', '0x1FFFFFFFFFFFFFFFF']) {
      expect(single(text, 'command').kind).toBe('Generic');
    }
  });
});

describe('strings', () => {
  it("reads single-quoted strings with '' as a quote", () => {
    expect(single("'it''s $x `n'", 'expression')).toEqual({
      kind: 'StringLiteral',
      value: "it's $x `n",
      text: "'it''s $x `n'",
      extent: { start: 0, end: 13 },
    });
  });

  it('applies every backtick escape in double-quoted strings', () => {
    const t = single('"`n`t`r`0`a`b`f`v`e`"`$``x""y`q"', 'expression');
    expect(t).toMatchObject({ kind: 'ExpandableString', parts: ['\n\t\r\0\x07\b\f\v\x1b"$`x"yq'] });
  });

  it('expands $var, ${var}, scoped names and $( ) but not members or indexes', () => {
    const t = single('"a $x.Prop ${my var}[0] $env:Path $_ $? $(1)"', 'expression');
    if (t.kind !== 'ExpandableString') throw new Error('kind');
    expect(t.parts).toEqual([
      'a ',
      { type: 'Variable', name: 'x', extent: { start: 3, end: 5 } },
      '.Prop ',
      { type: 'Variable', name: 'my var', extent: { start: 11, end: 20 } },
      '[0] ',
      { type: 'Variable', name: 'env:Path', extent: { start: 24, end: 33 } },
      ' ',
      { type: 'Variable', name: '_', extent: { start: 34, end: 36 } },
      ' ',
      { type: 'Variable', name: '?', extent: { start: 37, end: 39 } },
      ' ',
      {
        type: 'SubExpression',
        extent: { start: 40, end: 44 },
        statements: [
          {
            type: 'Pipeline',
            extent: { start: 42, end: 43 },
            elements: [
              {
                type: 'CommandExpression',
                extent: { start: 42, end: 43 },
                expression: { type: 'Constant', value: 1, numberKind: 'int', text: '1', extent: { start: 42, end: 43 } },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('leaves a $ that starts no name as text', () => {
    expect(single('"cost: $ 5 $"', 'expression')).toMatchObject({ parts: ['cost: $ 5 $'] });
  });

  it('tracks nested parentheses and quotes inside $( )', () => {
    const source = '"x$("a)b" + \')\')y"';
    const t = single(source, 'expression');
    if (t.kind !== 'ExpandableString') throw new Error('kind');
    expect(t.parts).toHaveLength(3);
    expect(t.parts[0]).toBe('x');
    expect(t.parts[2]).toBe('y');
    expect(t.extent).toEqual({ start: 0, end: source.length });
  });

  it('reads here-strings without their header and footer lines', () => {
    expect(single("@'\nraw $x `t\n'@", 'expression')).toMatchObject({ kind: 'StringLiteral', value: 'raw $x `t' });
    const t = single('@"\r\nline "1"\r\n`t$x\r\n"@', 'expression');
    expect(t).toMatchObject({ kind: 'ExpandableString', parts: ['line "1"\r\n\t', { type: 'Variable', name: 'x' }] });
    expect(single('@"\n"@', 'expression')).toMatchObject({ kind: 'ExpandableString', parts: [] });
  });
});

describe('trivia', () => {
  it('skips comments, block comments and line continuations', () => {
    expect(kinds('a # note\nb <# block\n #> c `\n d', 'command')).toEqual(['Generic:a', 'NewLine:\n', 'Generic:b', 'Generic:c', 'Generic:d']);
  });

  it('keeps # inside a word', () => {
    expect(kinds('a#b', 'command')).toEqual(['Generic:a#b']);
  });

  it('treats CRLF as one newline token', () => {
    expect(kinds('a\r\nb', 'command')).toEqual(['Generic:a', 'NewLine:\r\n', 'Generic:b']);
  });
});

describe('lexical errors', () => {
  const cases: [string, LexMode, string, { start: number; end: number }, boolean][] = [
    ['"abc', 'expression', 'TerminatorExpectedAtEndOfString', { start: 0, end: 4 }, true],
    ["'abc", 'command', 'TerminatorExpectedAtEndOfString', { start: 0, end: 4 }, true],
    ['a"bc', 'command', 'TerminatorExpectedAtEndOfString', { start: 1, end: 4 }, true],
    ['@"\nabc', 'expression', 'TerminatorExpectedAtEndOfString', { start: 0, end: 6 }, true],
    ['@" x\n"@', 'expression', 'UnexpectedCharactersAfterHereStringHeader', { start: 0, end: 4 }, false],
    ['"$x: here"', 'expression', 'InvalidVariableReferenceWithDrive', { start: 1, end: 4 }, false],
    ['${abc', 'expression', 'IncompleteDollarVariableReference', { start: 0, end: 5 }, true],
    ['${}', 'expression', 'EmptyVariableReference', { start: 0, end: 3 }, false],
    ['$ x', 'expression', 'InvalidVariableReference', { start: 0, end: 1 }, false],
    ['a <# note', 'command', 'MissingTerminatorMultiLineComment', { start: 2, end: 9 }, true],
    ['a `', 'command', 'IncompleteLineContinuation', { start: 2, end: 3 }, true],
    ['@', 'expression', 'UnrecognizedToken', { start: 0, end: 1 }, false],
    ['a < b', 'command', 'RedirectionNotSupported', { start: 2, end: 3 }, false],
    ['a 2>&3', 'command', 'RedirectionNotSupported', { start: 2, end: 6 }, false],
  ];
  it.each(cases)('%j (%s) reports %s', (source, mode, id, extent, incomplete) => {
    expect(lexError(source, mode)).toMatchObject({ id, extent, incomplete });
  });

  it('words its messages as PowerShell does', () => {
    expect(lexError('"abc', 'expression').message).toBe('The string is missing the terminator: ".');
    expect(lexError("'abc", 'expression').message).toBe("The string is missing the terminator: '.");
  });
});
