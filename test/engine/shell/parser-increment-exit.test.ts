// The increment / decrement operators and the `exit` statement in the
// tokenizer and the parser: their tokens, the trees they build (with
// extents), and PowerShell's parse errors for operands that cannot be written.

import { describe, expect, it } from 'vitest';
import type { ExpressionAst, ParseErrorInfo, StatementAst } from '../../../src-main/engine/shell/ast';
import { parse, tokenize } from '../../../src-main/engine/shell/parse';

function statements(source: string): readonly StatementAst[] {
  const r = parse(source);
  if (!r.ok) throw new Error(`parse failed for ${JSON.stringify(source)}: ${JSON.stringify(r.errors)}`);
  return r.script.statements;
}

function expression(source: string): ExpressionAst {
  const [s] = statements(source);
  if (s?.type !== 'Pipeline' || s.elements[0]?.type !== 'CommandExpression') throw new Error('not an expression');
  return s.elements[0].expression;
}

function errors(source: string): readonly ParseErrorInfo[] {
  const r = parse(source);
  if (r.ok) throw new Error(`expected parse errors for ${JSON.stringify(source)}`);
  return r.errors;
}

function expressionTokens(source: string): string[] {
  const r = tokenize(source, 'expression');
  if (!r.ok) throw new Error('tokenize failed');
  return r.tokens.filter((t) => t.kind !== 'EndOfInput').map((t) => `${t.kind}:${t.text}`);
}

describe('++ and -- tokens', () => {
  it('are single tokens in expression mode, and -- is one whatever dashes are typed', () => {
    expect(expressionTokens('$i++ ++$i $i-- --$i $i\u2013\u2013')).toEqual([
      'Variable:$i', 'PlusPlus:++', 'PlusPlus:++', 'Variable:$i', 'Variable:$i', 'MinusMinus:--',
      'MinusMinus:--', 'Variable:$i', 'Variable:$i', 'MinusMinus:\u2013\u2013',
    ]);
  });

  it('leave += and a spaced - - alone', () => {
    expect(expressionTokens('$i += 1 - -1')).toEqual(['Variable:$i', 'PlusEquals:+=', 'Number:1', 'Minus:-', 'Minus:-', 'Number:1']);
  });
});

describe('increment expressions', () => {
  it('postfix and prefix on a variable, with their extents', () => {
    expect(expression('$i++')).toEqual({
      type: 'Increment',
      operator: '++',
      prefix: false,
      operand: { type: 'Variable', name: 'i', extent: { start: 0, end: 2 } },
      extent: { start: 0, end: 4 },
    });
    expect(expression('--$i')).toEqual({
      type: 'Increment',
      operator: '--',
      prefix: true,
      operand: { type: 'Variable', name: 'i', extent: { start: 2, end: 4 } },
      extent: { start: 0, end: 4 },
    });
  });

  it('apply to a property or an element, after the member access', () => {
    const e = expression('$x.DefaultChatHistory++');
    expect(e).toMatchObject({ type: 'Increment', prefix: false, operand: { type: 'Member', member: 'DefaultChatHistory' }, extent: { start: 0, end: 23 } });
    expect(expression('++$a[0]')).toMatchObject({ type: 'Increment', prefix: true, operand: { type: 'Index' } });
  });

  it('take a space before the postfix operator, as PowerShell does', () => {
    expect(expression('$i ++')).toMatchObject({ type: 'Increment', prefix: false, extent: { start: 0, end: 5 } });
  });

  it('are operands of other operators', () => {
    expect(expression('$a++ + ++$b')).toMatchObject({
      type: 'Binary',
      operator: '+',
      left: { type: 'Increment', prefix: false },
      right: { type: 'Increment', prefix: true },
    });
  });

  it('can be the value of an assignment and start a pipeline', () => {
    expect(statements('$k = $j++')[0]).toMatchObject({ type: 'Assignment', value: { elements: [{ expression: { type: 'Increment' } }] } });
    expect(statements('$q++ | % { $_ }')[0]).toMatchObject({ type: 'Pipeline', elements: [{ expression: { type: 'Increment' } }, { type: 'Command' }] });
  });

  it.each([
    ['5++', "The '++' operator works only on variables or on properties.", { start: 0, end: 1 }],
    ['1--1', "The '--' operator works only on variables or on properties.", { start: 0, end: 1 }],
    ['++5', "The '++' operator works only on variables or on properties.", { start: 2, end: 3 }],
    ['($i)++', "The '++' operator works only on variables or on properties.", { start: 0, end: 4 }],
    ['$x.M()++', "The '++' operator works only on variables or on properties.", { start: 0, end: 6 }],
  ])('%j is OperatorRequiresVariableOrProperty', (source, message, extent) => {
    expect(errors(source)[0]).toEqual({ id: 'OperatorRequiresVariableOrProperty', message, extent, incomplete: false });
  });

  it('a prefix operator with nothing after it asks for more', () => {
    expect(errors('++')[0]).toEqual({
      id: 'MissingExpressionAfterOperator',
      message: "Missing expression after unary operator '++'.",
      extent: { start: 2, end: 2 },
      incomplete: true,
    });
  });

  it('cannot be assigned to', () => {
    expect(errors('$i++ = 1')[0]).toMatchObject({ id: 'InvalidLeftHandSide', extent: { start: 0, end: 4 } });
  });
});

describe('exit', () => {
  it('alone, with a value, and with a pipeline', () => {
    expect(statements('exit')).toEqual([{ type: 'Exit', pipeline: null, extent: { start: 0, end: 4 } }]);
    expect(statements('EXIT 3; 4')[0]).toEqual({
      type: 'Exit',
      pipeline: {
        type: 'Pipeline',
        elements: [{ type: 'CommandExpression', expression: { type: 'Constant', value: 3, numberKind: 'int', text: '3', extent: { start: 5, end: 6 } }, extent: { start: 5, end: 6 } }],
        extent: { start: 5, end: 6 },
      },
      extent: { start: 0, end: 6 },
    });
    expect(statements('exit(2)')[0]).toMatchObject({ type: 'Exit', pipeline: { elements: [{ expression: { type: 'Paren' } }] } });
    expect(statements('exit $codes | Measure-Object')[0]).toMatchObject({ type: 'Exit', pipeline: { elements: [{ type: 'CommandExpression' }, { type: 'Command' }] } });
  });

  it('ends at a newline, a semicolon or a closing brace', () => {
    expect(statements('exit\n1').map((s) => s.type)).toEqual(['Exit', 'Pipeline']);
    expect(statements('1 | % { exit }')[0]).toMatchObject({ elements: [{}, { elements: [{ type: 'ScriptBlock', body: { statements: [{ type: 'Exit', pipeline: null }] } }] }] });
  });

  it('is a keyword only at the start of a statement; after a pipe it is a command name', () => {
    expect(statements('1 | exit')[0]).toMatchObject({ type: 'Pipeline', elements: [{}, { type: 'Command', name: 'exit' }] });
    expect(statements('exit-foo')[0]).toMatchObject({ type: 'Pipeline', elements: [{ type: 'Command', name: 'exit-foo' }] });
  });
});
