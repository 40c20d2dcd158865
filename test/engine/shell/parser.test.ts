// Parser of the console language: the documented usages, every construct of
// the subset with PowerShell's precedence and modes, extents, parse errors
// (ids, extents, incomplete flags), limits, and a property test that no input
// makes the parser throw.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExpressionAst, ParseErrorInfo, ScriptAst } from '../../../src-main/engine/shell/ast';
import { MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH, parse } from '../../../src-main/engine/shell/parse';

function ok(source: string): ScriptAst {
  const r = parse(source);
  if (!r.ok) throw new Error(`parse failed for ${JSON.stringify(source)}: ${JSON.stringify(r.errors)}`);
  return r.script;
}

function errors(source: string): readonly ParseErrorInfo[] {
  const r = parse(source);
  if (r.ok) throw new Error(`expected parse errors for ${JSON.stringify(source)}`);
  return r.errors;
}

type Node = { type: string; extent: { start: number; end: number } } & Record<string, unknown>;

/** A compact, unambiguous rendering of a tree, so tests can state its shape in one line. */
function show(node: unknown): string {
  const n = node as Node;
  switch (n.type) {
    case 'Script':
      return (n.statements as unknown[]).map(show).join('; ');
    case 'Pipeline':
      return (n.elements as unknown[]).map(show).join(' | ');
    case 'Command':
      return `${n.name as string}[${(n.elements as unknown[]).map(show).join(' ')}]`;
    case 'CommandParameter':
      return n.argument === undefined ? `-${n.name as string}` : `-${n.name as string}:${show(n.argument)}`;
    case 'CommandExpression':
      return show(n.expression);
    case 'Assignment':
      return `${show(n.target)} ${n.operator as string} ${show(n.value)}`;
    case 'Constant':
      return String(n.value);
    case 'StringConstant':
      return n.quote === 'single' ? `'${n.value as string}'` : `<${n.value as string}>`;
    case 'ExpandableString':
      return `"${(n.parts as unknown[]).map((p) => (typeof p === 'string' ? p : show(p))).join('')}"`;
    case 'Variable':
      return `$${n.name as string}`;
    case 'Member':
      return typeof n.member === 'string' ? `${show(n.target)}.${n.member}` : `${show(n.target)}.(${show(n.member)})`;
    case 'InvokeMember':
      return `${show(n.target)}.${n.member as string}(${(n.args as unknown[]).map(show).join(', ')})`;
    case 'Index':
      return `${show(n.target)}[${show(n.index)}]`;
    case 'Binary':
      return `(${show(n.left)} ${n.operator as string} ${show(n.right)})`;
    case 'Unary':
      return `(${n.operator as string} ${show(n.operand)})`;
    case 'Convert':
      return `([${n.typeName as string}] ${show(n.operand)})`;
    case 'ArrayLiteral':
      return `list(${(n.elements as unknown[]).map(show).join(', ')})`;
    case 'ArrayExpression':
      return `@(${(n.statements as unknown[]).map(show).join('; ')})`;
    case 'SubExpression':
      return `$(${(n.statements as unknown[]).map(show).join('; ')})`;
    case 'Paren':
      return `paren(${show(n.statement)})`;
    case 'Hashtable':
      return `@{${(n.entries as { key: unknown; value: unknown }[]).map((e) => `${show(e.key)} = ${show(e.value)}`).join('; ')}}`;
    case 'ScriptBlock':
      return `{${show(n.body)}}`;
    default:
      throw new Error(`unknown node ${n.type}`);
  }
}

const shape = (source: string) => show(ok(source));

/** The only expression of a one-statement script. */
function expression(source: string): ExpressionAst {
  const s = ok(source).statements;
  expect(s).toHaveLength(1);
  const p = s[0]!;
  if (p.type !== 'Pipeline' || p.elements.length !== 1 || p.elements[0]!.type !== 'CommandExpression') throw new Error('not an expression');
  return p.elements[0]!.expression;
}

/** Every node of a tree with its parent. */
function walk(node: unknown, visit: (node: Node, parent: Node | null) => void, parent: Node | null = null): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit, parent);
    return;
  }
  const n = node as Node;
  const isNode = typeof n.type === 'string' && typeof n.extent === 'object';
  if (isNode) visit(n, parent);
  for (const [key, value] of Object.entries(n)) {
    if (key === 'extent' || key === 'nameExtent' || key === 'operatorExtent') continue;
    walk(value, visit, isNode ? n : parent);
  }
}

/** Every extent lies in the source and inside its parent's. */
function expectNestedExtents(script: ScriptAst, source: string): void {
  walk(script, (node, parent) => {
    expect(node.extent.start).toBeGreaterThanOrEqual(0);
    expect(node.extent.start).toBeLessThanOrEqual(node.extent.end);
    expect(node.extent.end).toBeLessThanOrEqual(source.length);
    if (parent !== null) {
      expect(node.extent.start).toBeGreaterThanOrEqual(parent.extent.start);
      expect(node.extent.end).toBeLessThanOrEqual(parent.extent.end);
    }
  });
}

describe('the documented usages (CMDLETS.md)', () => {
  const usages = [
    'New-CsPersistentChatConfiguration -Identity "site:Redmond" -ParticipantUpdateLimit 100',
    'Get-CsPersistentChatConfiguration',
    'Get-CsPersistentChatConfiguration -Identity "site:Redmond"',
    'Get-CsPersistentChatConfiguration -Filter "service:*"',
    'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30}',
    'Get-CsPersistentChatConfiguration | Where-Object {$_.RoomManagementUrl -eq $Null}',
    'Set-CsPersistentChatConfiguration -Identity "global" -DefaultChatHistory 100',
    'Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 100',
    'Get-CsPersistentChatConfiguration -Filter "site:*" | Set-CsPersistentChatConfiguration -DefaultChatHistory 100',
    'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 100} | Set-CsPersistentChatConfiguration -DefaultChatHistory 100',
    'Remove-CsPersistentChatConfiguration -Identity "site:Redmond"',
    'Get-CsPersistentChatConfiguration -Filter "site:*" | Remove-CsPersistentChatConfiguration',
    'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30} | Remove-CsPersistentChatConfiguration',
    '$x = Get-CsPersistentChatConfiguration -Identity global; $x.DefaultChatHistory = 50; Set-CsPersistentChatConfiguration -Instance $x',
    '$n = New-CsPersistentChatConfiguration -Identity site:Paris -InMemory; $n.MaxFileSizeKB = 1000; Set-CsPersistentChatConfiguration -Instance $n',
  ];
  const expected = [
    'New-CsPersistentChatConfiguration[-Identity "site:Redmond" -ParticipantUpdateLimit 100]',
    'Get-CsPersistentChatConfiguration[]',
    'Get-CsPersistentChatConfiguration[-Identity "site:Redmond"]',
    'Get-CsPersistentChatConfiguration[-Filter "service:*"]',
    'Get-CsPersistentChatConfiguration[] | Where-Object[{($_.DefaultChatHistory -gt 30)}]',
    'Get-CsPersistentChatConfiguration[] | Where-Object[{($_.RoomManagementUrl -eq $Null)}]',
    'Set-CsPersistentChatConfiguration[-Identity "global" -DefaultChatHistory 100]',
    'Get-CsPersistentChatConfiguration[] | Set-CsPersistentChatConfiguration[-DefaultChatHistory 100]',
    'Get-CsPersistentChatConfiguration[-Filter "site:*"] | Set-CsPersistentChatConfiguration[-DefaultChatHistory 100]',
    'Get-CsPersistentChatConfiguration[] | Where-Object[{($_.DefaultChatHistory -gt 100)}] | Set-CsPersistentChatConfiguration[-DefaultChatHistory 100]',
    'Remove-CsPersistentChatConfiguration[-Identity "site:Redmond"]',
    'Get-CsPersistentChatConfiguration[-Filter "site:*"] | Remove-CsPersistentChatConfiguration[]',
    'Get-CsPersistentChatConfiguration[] | Where-Object[{($_.DefaultChatHistory -gt 30)}] | Remove-CsPersistentChatConfiguration[]',
    '$x = Get-CsPersistentChatConfiguration[-Identity <global>]; $x.DefaultChatHistory = 50; Set-CsPersistentChatConfiguration[-Instance $x]',
    '$n = New-CsPersistentChatConfiguration[-Identity <site:Paris> -InMemory]; $n.MaxFileSizeKB = 1000; Set-CsPersistentChatConfiguration[-Instance $n]',
  ];

  it.each(usages.map((u, i) => [u, expected[i]!]))('%s', (usage, tree) => {
    const script = ok(usage);
    expect(show(script)).toBe(tree);
    expectNestedExtents(script, usage);
  });

  it('gives the Where-Object usage its whole tree, extents included', () => {
    const src = 'Get-X | Where-Object {$_.DefaultChatHistory -gt 30}';
    expect(ok(src)).toEqual({
      type: 'Script',
      extent: { start: 0, end: 51 },
      statements: [
        {
          type: 'Pipeline',
          extent: { start: 0, end: 51 },
          elements: [
            { type: 'Command', name: 'Get-X', nameExtent: { start: 0, end: 5 }, elements: [], extent: { start: 0, end: 5 } },
            {
              type: 'Command',
              name: 'Where-Object',
              nameExtent: { start: 8, end: 20 },
              extent: { start: 8, end: 51 },
              elements: [
                {
                  type: 'ScriptBlock',
                  extent: { start: 21, end: 51 },
                  text: '$_.DefaultChatHistory -gt 30',
                  body: {
                    type: 'Script',
                    extent: { start: 22, end: 50 },
                    statements: [
                      {
                        type: 'Pipeline',
                        extent: { start: 22, end: 50 },
                        elements: [
                          {
                            type: 'CommandExpression',
                            extent: { start: 22, end: 50 },
                            expression: {
                              type: 'Binary',
                              operator: '-gt',
                              operatorExtent: { start: 44, end: 47 },
                              extent: { start: 22, end: 50 },
                              left: {
                                type: 'Member',
                                extent: { start: 22, end: 43 },
                                member: 'DefaultChatHistory',
                                target: { type: 'Variable', name: '_', extent: { start: 22, end: 24 } },
                              },
                              right: { type: 'Constant', value: 30, numberKind: 'int', text: '30', extent: { start: 48, end: 50 } },
                            },
                          },
                        ],
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('gives the property-assignment usage its whole tree, extents included', () => {
    expect(ok('$x.DefaultChatHistory = 50')).toEqual({
      type: 'Script',
      extent: { start: 0, end: 26 },
      statements: [
        {
          type: 'Assignment',
          operator: '=',
          extent: { start: 0, end: 26 },
          target: {
            type: 'Member',
            member: 'DefaultChatHistory',
            extent: { start: 0, end: 21 },
            target: { type: 'Variable', name: 'x', extent: { start: 0, end: 2 } },
          },
          value: {
            type: 'Pipeline',
            extent: { start: 24, end: 26 },
            elements: [
              {
                type: 'CommandExpression',
                extent: { start: 24, end: 26 },
                expression: { type: 'Constant', value: 50, numberKind: 'int', text: '50', extent: { start: 24, end: 26 } },
              },
            ],
          },
        },
      ],
    });
  });
});

describe('operator precedence', () => {
  it.each([
    ['1+2*3', '(1 + (2 * 3))'],
    ['1*2+3', '((1 * 2) + 3)'],
    ['1-2-3', '((1 - 2) - 3)'],
    ['10 % 3 / 2', '((10 % 3) / 2)'],
    ['1,2+3', '(list(1, 2) + 3)'],
    ['1,2,3', 'list(1, 2, 3)'],
    ['-not $a -eq $b', '((-not $a) -eq $b)'],
    ['!$a -and $b', '((! $a) -and $b)'],
    ['$a -gt 1 -and $b -lt 2', '(($a -gt 1) -and ($b -lt 2))'],
    ['$a -and $b -or $c -xor $d', '((($a -and $b) -or $c) -xor $d)'],
    ['$a -eq 1 + 2', '($a -eq (1 + 2))'],
    ['$a -like "x*" -and $b -notmatch "y"', '(($a -like "x*") -and ($b -notmatch "y"))'],
    ['2 -5', '(2 - 5)'],
    ['2-5', '(2 - 5)'],
    ['- 5', '(- 5)'],
    ['-$x', '(- $x)'],
    ['+5', '(+ 5)'],
    ['1 + -2', '(1 + -2)'],
    [',1', 'list(1)'],
    ['1,-2', 'list(1, -2)'],
    ['-not -not $a', '(-not (-not $a))'],
  ])('%s is %s', (source, tree) => {
    expect(shape(source)).toBe(tree);
  });

  it('reads -5 written together as a negative constant', () => {
    expect(expression('-5')).toEqual({ type: 'Constant', value: -5, numberKind: 'int', text: '-5', extent: { start: 0, end: 2 } });
    expect(expression('-1.5kb')).toMatchObject({ type: 'Constant', value: -1536, numberKind: 'double', text: '-1.5kb' });
  });

  it('lower-cases operators and knows every comparison with its c and i variants', () => {
    const ops = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin'];
    for (const op of ops) {
      for (const prefix of ['', 'c', 'i']) {
        const e = expression(`$a -${(prefix + op).toUpperCase()} $b`);
        expect(e).toMatchObject({ type: 'Binary', operator: `-${prefix}${op}`, operatorExtent: { start: 3, end: 4 + prefix.length + op.length } });
      }
    }
  });

  it('lets an operand follow its operator on the next line', () => {
    expect(shape('1 +\n 2 -and\n$b')).toBe('((1 + 2) -and $b)');
    expect(shape('$x = 1,\n2')).toBe('$x = list(1, 2)');
  });
});

describe('postfix operators and primaries', () => {
  it.each([
    ['(Get-X).Prop', 'paren(Get-X[]).Prop'],
    ['(Get-X -Identity global).DefaultChatHistory', 'paren(Get-X[-Identity <global>]).DefaultChatHistory'],
    ['$x.Prop.Sub', '$x.Prop.Sub'],
    ['$x.ToString()', '$x.ToString()'],
    ['$x.Replace("a", 1 + 2)', '$x.Replace("a", (1 + 2))'],
    ['$x.M((1, 2))', '$x.M(paren(list(1, 2)))'],
    ['$x[0]', '$x[0]'],
    ['$x[0, 1]', '$x[list(0, 1)]'],
    ['$x[-1].Name', '$x[-1].Name'],
    ['$x.$name', '$x.($name)'],
    ["$x.'Display Name'", '$x.Display Name'],
    ['$x."Name"', '$x.Name'],
    ['$x.("a" + "b")', '$x.(paren(("a" + "b")))'],
    ['@(Get-X).Count', '@(Get-X[]).Count'],
    ['$(1; 2)', '$(1; 2)'],
    ['@()', '@()'],
    ['$()', '$()'],
    ['5.Length', '5.Length'],
    ['"abc".Length', '"abc".Length'],
    ['${my var}', '$my var'],
    ['$env:Path', '$env:Path'],
    ['$true, $false, $null, $_, $PSItem, $?', 'list($true, $false, $null, $_, $PSItem, $?)'],
    // A [void] cast binds tighter than binary operators and looser than member access, as in PowerShell.
    ['[void](Get-X)', '([void] paren(Get-X[]))'],
    ['[void] $x.Add(1) + 2', '(([void] $x.Add(1)) + 2)'],
    ['[System.Void]$a, 1', 'list(([System.Void] $a), 1)'],
    ['$y = [VOID]-1', '$y = ([VOID] -1)'],
  ])('%s is %s', (source, tree) => {
    expect(shape(source)).toBe(tree);
  });

  it('does not take a dot after a space as member access', () => {
    expect(errors('$x .Prop')[0]).toMatchObject({ id: 'UnexpectedToken', extent: { start: 3, end: 4 } });
  });
});

describe('assignments', () => {
  it.each([
    ['$x = 5', '$x = 5'],
    ['$x.Prop = 5', '$x.Prop = 5'],
    ['$x[0] = 1', '$x[0] = 1'],
    ['$x.a.b = "v"', '$x.a.b = "v"'],
    ['$a += 1', '$a += 1'],
    ['$a -= 1', '$a -= 1'],
    ['$a *= 2', '$a *= 2'],
    ['$a /= 2', '$a /= 2'],
    ['$a %= 2', '$a %= 2'],
    ['$a = $b = 1', '$a = $b = 1'],
    ['$x = Get-X | Where-Object { $_.A -gt 1 }', '$x = Get-X[] | Where-Object[{($_.A -gt 1)}]'],
    ['$x = (Get-X).Identity', '$x = paren(Get-X[]).Identity'],
    ['$x =\n5', '$x = 5'],
    ['($x = 5)', 'paren($x = 5)'],
  ])('%s is %s', (source, tree) => {
    expect(shape(source)).toBe(tree);
  });
});

describe('commands', () => {
  it.each([
    ['Get-X -Name:value', 'Get-X[-Name:<value>]'],
    ['Set-X -WhatIf:$false -Confirm: $true', 'Set-X[-WhatIf:$false -Confirm:$true]'],
    ['Set-X -Identity:a,b', 'Set-X[-Identity:list(<a>, <b>)]'],
    ['Set-X -DefaultChatHistory -5', 'Set-X[-DefaultChatHistory -5]'],
    ['Where-Object DefaultChatHistory -gt 30', 'Where-Object[<DefaultChatHistory> -gt 30]'],
    ['Get-X -Identity site:Redmond', 'Get-X[-Identity <site:Redmond>]'],
    ['Get-X service:PersistentChatServer:pool01.contoso.com', 'Get-X[<service:PersistentChatServer:pool01.contoso.com>]'],
    ['Get-X -Filter site:*', 'Get-X[-Filter <site:*>]'],
    ['Get-X global 100 100abc 1.5 0x10 10kb', 'Get-X[<global> 100 <100abc> 1.5 16 10240]'],
    ['Write-Output 1,2,3', 'Write-Output[list(1, 2, 3)]'],
    ['Write-Output a , b,\n c', 'Write-Output[list(<a>, <b>, <c>)]'],
    ['Write-Output ,$x', 'Write-Output[list($x)]'],
    ['Write-Output 2+2 $a+2 a$a a"$a" a$(2)', 'Write-Output[<2+2> "$a+2" "a$a" "a$a" "a$(2)"]'],
    ["Write-Output 'a' \"b\" 'c'.Length", "Write-Output['a' \"b\" 'c'.Length]"],
    ['Write-Output (1 + 2) $(3) @(4) @{a=5} {6}', 'Write-Output[paren((1 + 2)) $(3) @(4) @{<a> = 5} {6}]'],
    ['Write-Output $x.Prop $x[0] $x.M(1)', 'Write-Output[$x.Prop $x[0] $x.M(1)]'],
    ['Write-Output (1)abc', 'Write-Output[paren(1) <abc>]'],
    ['Write-Output - -- -5abc', 'Write-Output[<-> <--> <-5abc>]'],
    ['Write-Output a`tb "x"y', 'Write-Output[<a\tb> "x" <y>]'],
    ['Write-Output [a-z]* ! =', 'Write-Output[<[a-z]*> <!> <=>]'],
    ['? {$_} | % {$_} | where x -eq 1 | foreach { 1 }', '?[{$_}] | %[{$_}] | where[<x> -eq 1] | foreach[{1}]'],
    ['?{$_}', '?[{$_}]'],
    ['cls; clear', 'cls[]; clear[]'],
    ['100abc', '100abc[]'],
    ['$- foo', '$-[<foo>]'],
    ['Get-X -?', 'Get-X[-?]'],
    ['Get-X \u2013Identity \u201csite:Redmond\u201d', 'Get-X[-Identity "site:Redmond"]'],
  ])('%s is %s', (source, tree) => {
    expect(shape(source)).toBe(tree);
  });

  it('covers the parameter text with CommandParameter extents', () => {
    const src = 'Set-X -Foo -Bar:1,2 -Baz';
    const cmd = ok(src).statements[0]!;
    if (cmd.type !== 'Pipeline' || cmd.elements[0]!.type !== 'Command') throw new Error('shape');
    const texts = cmd.elements[0]!.elements.map((e) => src.slice(e.extent.start, e.extent.end));
    expect(texts).toEqual(['-Foo', '-Bar:1,2', '-Baz']);
    expect(cmd.elements[0]!.nameExtent).toEqual({ start: 0, end: 5 });
  });

  it('covers the quotes with string extents', () => {
    const src = `Get-X 'a' "b" c`;
    const cmd = ok(src).statements[0]!;
    if (cmd.type !== 'Pipeline' || cmd.elements[0]!.type !== 'Command') throw new Error('shape');
    expect(cmd.elements[0]!.elements.map((e) => src.slice(e.extent.start, e.extent.end))).toEqual(["'a'", '"b"', 'c']);
  });
});

describe('statements and pipelines', () => {
  it.each([
    ['a; b', 'a[]; b[]'],
    ['a\nb\r\nc', 'a[]; b[]; c[]'],
    [';;a;;\n;b;', 'a[]; b[]'],
    ['a | b | c', 'a[] | b[] | c[]'],
    ['a |\n  b |\n\n c', 'a[] | b[] | c[]'],
    ['Get-X `\n  -Identity global `\n  -Force', 'Get-X[-Identity <global> -Force]'],
    ['a # comment | b\nc', 'a[]; c[]'],
    ['a <# block\ncomment #> -x', 'a[-x]'],
    ['<# only a comment #>', ''],
    ['', ''],
    ['   \n\t', ''],
    ['1,2,3 | % { $_ }', 'list(1, 2, 3) | %[{$_}]'],
    ['$x | Set-X', '$x | Set-X[]'],
    ['2+2', '(2 + 2)'],
    ['"a"', '"a"'],
    ["'a' # c", "'a'"],
    ['{ 1 }', '{1}'],
    ['@{a=1}', '@{<a> = 1}'],
  ])('%j is %s', (source, tree) => {
    expect(shape(source)).toBe(tree);
  });
});

describe('script blocks', () => {
  it('keeps the text between the braces and parses the body', () => {
    const src = 'Where-Object { $_.A -gt 1; $_.B }';
    const cmd = ok(src).statements[0]!;
    if (cmd.type !== 'Pipeline' || cmd.elements[0]!.type !== 'Command') throw new Error('shape');
    const block = cmd.elements[0]!.elements[0]!;
    expect(block.type).toBe('ScriptBlock');
    if (block.type !== 'ScriptBlock') return;
    expect(block.text).toBe(' $_.A -gt 1; $_.B ');
    expect(block.body.extent).toEqual({ start: 14, end: 32 });
    expect(block.extent).toEqual({ start: 13, end: 33 });
    expect(show(block)).toBe('{($_.A -gt 1); $_.B}');
  });

  it('nests and spans lines', () => {
    expect(shape('% {\n  $x = $_\n  $x | ? { $_ -eq 1 }\n}')).toBe('%[{$x = $_; $x | ?[{($_ -eq 1)}]}]');
  });
});

describe('hashtables', () => {
  it.each([
    ['@{}', '@{}'],
    ['@{ Name = "x"; Expression = { $_.A } }', '@{<Name> = "x"; <Expression> = {$_.A}}'],
    ["@{\n  a = 1\n  'b c' = 2\n  3 = Get-X | y\n}", "@{<a> = 1; 'b c' = 2; 3 = Get-X[] | y[]}"],
    ['@{$k = 1; "k$n" = 2}', '@{$k = 1; "k$n" = 2}'],
    ['@{a-b = 1;;}', '@{<a-b> = 1}'],
  ])('%j is %s', (source, tree) => {
    expect(shape(source)).toBe(tree);
  });
});

describe('parse errors', () => {
  const cases: [string, string, { start: number; end: number }, boolean][] = [
    ['{ 1', 'MissingEndCurlyBrace', { start: 0, end: 1 }, true],
    ['a {\n 1\n', 'MissingEndCurlyBrace', { start: 2, end: 3 }, true],
    ['@{a=1', 'MissingEndCurlyBrace', { start: 0, end: 2 }, true],
    ['(1 + 2', 'MissingEndParenthesisInExpression', { start: 6, end: 6 }, true],
    ['(1 2)', 'MissingEndParenthesisInExpression', { start: 2, end: 2 }, false],
    ['$(1', 'MissingEndParenthesisInSubexpression', { start: 3, end: 3 }, true],
    ['@(1', 'MissingEndParenthesisInSubexpression', { start: 3, end: 3 }, true],
    ['$x.M(1', 'MissingEndParenthesisInMethodCall', { start: 6, end: 6 }, true],
    ['$x[1', 'MissingEndSquareBracket', { start: 4, end: 4 }, true],
    ['$x[]', 'MissingArrayIndexExpression', { start: 3, end: 3 }, false],
    ['$x.', 'MissingPropertyName', { start: 2, end: 3 }, true],
    ['"abc', 'TerminatorExpectedAtEndOfString', { start: 0, end: 4 }, true],
    ["Get-X -Identity 'site:", 'TerminatorExpectedAtEndOfString', { start: 16, end: 22 }, true],
    ['"a $(b)', 'TerminatorExpectedAtEndOfString', { start: 0, end: 7 }, true],
    ['"a $(b "c)"', 'MissingEndParenthesisInSubexpression', { start: 11, end: 11 }, true],
    ['1 + foo', 'ExpectedValueExpression', { start: 3, end: 3 }, false],
    ['$a -eq', 'ExpectedValueExpression', { start: 6, end: 6 }, true],
    ['$a -eq )', 'ExpectedValueExpression', { start: 6, end: 6 }, false],
    ['$x =', 'ExpectedValueExpression', { start: 4, end: 4 }, true],
    ['-eq 1', 'ExpectedValueExpression', { start: 0, end: 3 }, false],
    ['-not', 'MissingExpressionAfterOperator', { start: 4, end: 4 }, true],
    ['!)', 'MissingExpressionAfterOperator', { start: 1, end: 1 }, false],
    ['1,', 'MissingExpressionAfterToken', { start: 2, end: 2 }, true],
    ['echo a,', 'MissingExpressionAfterToken', { start: 7, end: 7 }, true],
    ['Get-X |', 'EmptyPipeElement', { start: 6, end: 7 }, true],
    ['Get-X |\n', 'EmptyPipeElement', { start: 6, end: 7 }, true],
    ['| x', 'EmptyPipeElement', { start: 0, end: 1 }, false],
    ['a || b', 'EmptyPipeElement', { start: 3, end: 4 }, false],
    ['a | ; b', 'EmptyPipeElement', { start: 2, end: 3 }, false],
    ['1 | 2', 'ExpressionsMustBeFirstInPipeline', { start: 4, end: 5 }, false],
    ['a | $x.y', 'ExpressionsMustBeFirstInPipeline', { start: 4, end: 8 }, false],
    ['"a" b', 'UnexpectedToken', { start: 4, end: 5 }, false],
    ['a )', 'UnexpectedToken', { start: 2, end: 3 }, false],
    ['}', 'UnexpectedToken', { start: 0, end: 1 }, false],
    ['$x -foo 1', 'UnexpectedToken', { start: 3, end: 7 }, false],
    ['1 = 2', 'InvalidLeftHandSide', { start: 0, end: 1 }, false],
    ['$x.M() = 2', 'InvalidLeftHandSide', { start: 0, end: 6 }, false],
    ['()', 'ExpectedExpression', { start: 0, end: 2 }, false],
    ['@{a}', 'MissingEqualsInHashLiteral', { start: 3, end: 3 }, false],
    ['@{a=}', 'MissingStatementInHashLiteral', { start: 4, end: 4 }, false],
    ['@{=1}', 'MissingKeyInHashLiteral', { start: 2, end: 3 }, false],
    ['Get-X -Name:', 'ParameterRequiresArgument', { start: 6, end: 12 }, true],
    ['Get-X -Name: | y', 'ParameterRequiresArgument', { start: 6, end: 12 }, false],
    ['a & b', 'AmpersandNotAllowed', { start: 2, end: 3 }, false],
    ['a && b', 'InvalidEndOfLine', { start: 2, end: 4 }, false],
    ['&', 'MissingExpression', { start: 1, end: 1 }, true],
    ['foreach ($a in $b) {', 'MissingEndCurlyBrace', { start: 19, end: 20 }, true],
    ['if ($a) { 1 } else', 'MissingStatementBlockAfterElse', { start: 18, end: 18 }, true],
    ['if ($a)', 'MissingEndCurlyBrace', { start: 7, end: 7 }, true],
    ['try { 1 }', 'MissingCatchOrFinally', { start: 9, end: 9 }, true],
    ['try { 1 } 2', 'MissingCatchOrFinally', { start: 9, end: 9 }, false],
    ['[int', 'EndSquareBracketExpectedAtEndOfType', { start: 4, end: 4 }, true],
    ['[]', 'MissingTypename', { start: 1, end: 1 }, false],
    ['[ordered]5', 'OrderedAttributeOnlyOnHashLiteralNode', { start: 0, end: 9 }, false],
    ['function { }', 'MissingNameAfterKeyword', { start: 8, end: 8 }, false],
    ['do { 1 }', 'MissingWhileOrUntilInDoWhile', { start: 8, end: 8 }, true],
    ['Get-X >', 'MissingFileSpecification', { start: 7, end: 7 }, true],
    ['Get-X 2>&2', 'RedirectionNotSupported', { start: 6, end: 10 }, false],
    ['$x = @a', 'SplattingNotPermitted', { start: 5, end: 7 }, false],
    ['$x [0]', 'UnexpectedToken', { start: 3, end: 4 }, false],
    ['Get-X `', 'IncompleteLineContinuation', { start: 6, end: 7 }, true],
    ['a <# x', 'MissingTerminatorMultiLineComment', { start: 2, end: 6 }, true],
    ['Get-X < in.txt', 'RedirectionNotSupported', { start: 6, end: 7 }, false],
  ];

  it.each(cases)('%j reports %s', (source, id, extent, incomplete) => {
    const [first] = errors(source);
    expect(first).toMatchObject({ id, extent, incomplete });
  });

  it('uses PowerShell wording', () => {
    expect(errors('{ 1')[0]!.message).toBe("Missing closing '}' in statement block or type definition.");
    expect(errors('(1')[0]!.message).toBe("Missing closing ')' in expression.");
    expect(errors('"a')[0]!.message).toBe('The string is missing the terminator: ".');
    expect(errors('$a -eq')[0]!.message).toBe("You must provide a value expression following the '-eq' operator.");
    expect(errors('a | | b')[0]!.message).toBe('An empty pipe element is not allowed.');
    expect(errors('1 | 2')[0]!.message).toBe('Expressions are only allowed as the first element of a pipeline.');
    expect(errors('-not')[0]!.message).toBe("Missing expression after unary operator '-not'.");
  });

  it('reports a bare word after an operator twice, as PowerShell does', () => {
    expect(errors('1 + Get-Foo')).toEqual([
      {
        id: 'ExpectedValueExpression',
        message: "You must provide a value expression following the '+' operator.",
        extent: { start: 3, end: 3 },
        incomplete: false,
      },
      { id: 'UnexpectedToken', message: "Unexpected token 'Get-Foo' in expression or statement.", extent: { start: 4, end: 11 }, incomplete: false },
    ]);
  });

  it('reports what was found instead of a closing parenthesis', () => {
    expect(errors('(1 2)').map((e) => e.id)).toEqual(['MissingEndParenthesisInExpression', 'UnexpectedToken']);
    expect(errors('{ 1 )').map((e) => e.id)).toEqual(['MissingEndCurlyBrace', 'UnexpectedToken']);
  });

  it('flags unfinished multi-line input as incomplete so a console can continue it', () => {
    for (const src of ['Get-X | Where-Object {', 'Get-X -Identity "site:', '$x = @(', '$a +', 'Get-X `', "@'\nabc", 'Get-X |']) {
      expect(errors(src).some((e) => e.incomplete)).toBe(true);
    }
    for (const src of ['a )', '1 | 2', '$x -foo 1']) {
      expect(errors(src).every((e) => !e.incomplete)).toBe(true);
    }
  });
});

describe('limits', () => {
  const nest = (n: number) => '('.repeat(n) + '1' + ')'.repeat(n);

  it(`accepts ${MAX_NESTING_DEPTH} levels of nesting and refuses one more`, () => {
    expect(parse(nest(MAX_NESTING_DEPTH)).ok).toBe(true);
    expect(errors(nest(MAX_NESTING_DEPTH + 1))[0]).toMatchObject({ id: 'NestedTooDeeply', message: 'The script is nested too deeply.' });
  });

  it('refuses deep nesting of every kind quickly, without exhausting the stack', () => {
    const deep = [
      '{'.repeat(100_000),
      '@{a='.repeat(100_000),
      '$a['.repeat(100_000),
      '!'.repeat(100_000) + '1',
      ','.repeat(100_000) + '1',
      '$a='.repeat(100_000) + '1',
      '"$('.repeat(50_000),
      'a (b '.repeat(50_000),
      '$a' + '.b'.repeat(100_000),
      '1' + '+1'.repeat(100_000),
    ];
    const started = Date.now();
    for (const src of deep) expect(errors(src)[0]!.id).toBe('NestedTooDeeply');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses input longer than the limit', () => {
    const src = 'a'.repeat(MAX_SOURCE_LENGTH + 1);
    expect(errors(src)[0]).toMatchObject({ id: 'ScriptTooLong', extent: { start: MAX_SOURCE_LENGTH, end: MAX_SOURCE_LENGTH + 1 } });
  });

  it('parses long flat input in reasonable time', () => {
    const src = 'Get-X ' + 'abc '.repeat(150_000) + '| Set-Y\n' + '$x = 1\n'.repeat(40_000);
    const started = Date.now();
    expect(parse(src).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('extents', () => {
  it('nest inside each other for a script using every construct', () => {
    const src = [
      '$x = Get-X -Identity "site:$($n)" -Force:$true | ? { $_.A -gt 1kb -and !$_.B }',
      '$h = @{ a = 1, 2; b = @(3) }; $x[0].M($h.a, (4)).P += -5',
      "Write-Output 'q' a$b `\n  -c:d,e # done",
    ].join('\n');
    const script = ok(src);
    expectNestedExtents(script, src);
    const texts: string[] = [];
    walk(script, (n) => {
      if (n.type === 'CommandParameter' || n.type === 'StringConstant' || n.type === 'ExpandableString') texts.push(src.slice(n.extent.start, n.extent.end));
    });
    expect(texts).toEqual(['-Identity', '"site:$($n)"', '-Force:$true', 'a', 'b', "'q'", 'a$b', '-c:d,e', 'd', 'e']);
  });

  it('point the operator extent at the operator', () => {
    const src = '$a   -EQ   1';
    const e = expression(src);
    if (e.type !== 'Binary') throw new Error('shape');
    expect(src.slice(e.operatorExtent.start, e.operatorExtent.end)).toBe('-EQ');
  });
});

// ---- property tests ---------------------------------------------------------

const pieces = [
  '$', '(', ')', '{', '}', '[', ']', '@', '"', "'", '`', '\n', ' ', '-', '|', ';', ',', '.', '1', '0x', 'a', 'e', '=', '+',
  '*', '/', '%', '!', '#', '<#', '#>', '-eq', '-not', 'kb', ':', '&', '<', '>', '$(', '@{', '@(', '@"\n', '\n"@', "@'\n",
  'Get-X', '-Name:', '\u201c', '\u2013', '_', '?', '\r\n', '.5', '::', '..', '$_', '${', '-5', 'foreach',
];
const scripts = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

function checkResult(source: string): void {
  const r = parse(source);
  if (r.ok) {
    expectNestedExtents(r.script, source);
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(typeof e.id).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.extent.start).toBeGreaterThanOrEqual(0);
    expect(e.extent.start).toBeLessThanOrEqual(e.extent.end);
    expect(e.extent.end).toBeLessThanOrEqual(source.length);
    expect(e.id).not.toBe('InternalParserError');
  }
}

describe('robustness', () => {
  it('never throws, and answers a tree with sound extents or errors inside the source', () => {
    fc.assert(
      fc.property(scripts, (source) => {
        expect(() => checkResult(source)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  it('parses what the documented usages become after arbitrary truncation without throwing', () => {
    const usage = '$x = Get-CsPersistentChatConfiguration -Identity "site:$($n)"; $x | ? { $_.A -gt @{a=1}.a } | % { $_.B[0] }';
    fc.assert(
      fc.property(fc.nat({ max: usage.length }), (cut) => {
        checkResult(usage.slice(0, cut));
      }),
    );
  });

  it('accepts non-strings from untyped callers with an error instead of an exception', () => {
    const r = parse(undefined as unknown as string);
    expect(r.ok).toBe(false);
  });
});
