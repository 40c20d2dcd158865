// `++` and `--` end to end: on variables, properties (the configuration
// object's typed ones too) and elements; prefix gives the new value, postfix
// the old; a bare increment statement writes nothing; the errors PowerShell
// reports for a value that is not a number.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

async function out(line: string): Promise<string[]> {
  const r = await t.run(line);
  return r.text === '' ? [] : r.text.split('\n');
}

describe('as statements', () => {
  it('change the variable and write nothing', async () => {
    expect(await out('$i = 5; $i++; $i')).toEqual(['6']);
    expect(await out('++$i; $i')).toEqual(['7']);
    expect(await out('$i--; --$i; $i')).toEqual(['5']);
  });

  it('write nothing inside $( ) either, as in PowerShell', async () => {
    expect(await out('$n = 1; "[$($n++)]"; $n')).toEqual(['[]', '2']);
  });

  it('count a missing variable from 0', async () => {
    expect(await out('$fresh++; $fresh; $other--; $other')).toEqual(['1', '-1']);
  });
});

describe('as values', () => {
  it('postfix gives the old value, prefix the new', async () => {
    expect(await out('$j = 1; $k = $j++; "$k $j"; $k = ++$j; "$k $j"')).toEqual(['1 2', '3 3']);
    expect(await out('$a = 5; ($a--); $a; (--$a)')).toEqual(['5', '4', '3']);
    expect(await out('$a = 5; $b = $a++ + 10; "$a $b"')).toEqual(['6 15']);
  });

  it('postfix on $null gives 0', async () => {
    expect(await out('$n = $null; ($n++); $n')).toEqual(['0', '1']);
  });

  it('start a pipeline with the old value', async () => {
    expect(await out('$q = 1; $q++ | ForEach-Object { "got $_" }; $q')).toEqual(['got 1', '2']);
  });
});

describe('on properties and elements', () => {
  it('increments a configuration property, which Set -Instance then writes', async () => {
    expect(await out('$x = Get-CsPersistentChatConfiguration global; $x.DefaultChatHistory++; $x.DefaultChatHistory--; $x.DefaultChatHistory++; $x.DefaultChatHistory')).toEqual(['31']);
    await out('Set-CsPersistentChatConfiguration -Instance $x');
    expect(t.file().collections.Global!.DefaultChatHistory).toBe(31);
  });

  it('goes through the property\'s validation, as an assignment does', async () => {
    const r = await t.run('$x = Get-CsPersistentChatConfiguration global; $x.DefaultChatHistory = 500; $x.DefaultChatHistory++');
    expect(r.success).toBe(false);
    expect(r.text.split('\n')).toEqual([
      'Exception setting "DefaultChatHistory": "The 501 argument is greater than the maximum allowed range of 500. Supply an argument that is less than or equal to 500 and then try the command again."',
      'At line:1 char:77',
      '+ ... guration global; $x.DefaultChatHistory = 500; $x.DefaultChatHistory++',
      '+                                                   ~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : NotSpecified: (:) [], SetValueInvocationException',
      '    + FullyQualifiedErrorId : ExceptionWhenSetting',
    ]);
    expect(await out('$x.DefaultChatHistory')).toEqual(['500']);
  });

  it('works on hashtable keys and array elements', async () => {
    expect(await out('$h = @{a = 1}; $h.a++; $h.a; $h.b--; $h.b')).toEqual(['2', '-1']);
    expect(await out('$list = 1, 2, 3; $list[1]++; ++$list[-1]; $list')).toEqual(['1', '3', '4']);
  });
});

describe('errors', () => {
  it('a string is not a number: OperatorRequiresNumber, at the statement', async () => {
    const r = await t.run('$s = "5"; $s++');
    expect(r.text.split('\n')).toEqual([
      "The '++' operator works only on numbers. The operand is a 'System.String'.",
      'At line:1 char:11',
      '+ $s = "5"; $s++',
      '+           ~~~~',
      '    + CategoryInfo          : InvalidOperation: (5:String) [], RuntimeException',
      '    + FullyQualifiedErrorId : OperatorRequiresNumber',
    ]);
    expect(await out('$s')).toEqual(['5']);
  });

  it('nor is a boolean or an array', async () => {
    expect((await t.run('$b = $true; --$b')).lines[0]!.text.split('\n')[0]).toBe("The '--' operator works only on numbers. The operand is a 'System.Boolean'.");
    expect((await t.run('$l = 1, 2; $l++')).lines[0]!.text.split('\n')[0]).toBe("The '++' operator works only on numbers. The operand is a 'System.Object[]'.");
  });

  it('a constant is a parse error, not the old "missing expression" one', async () => {
    const r = await t.run('5++');
    expect(r.text.split('\n')).toEqual([
      'At line:1 char:1',
      '+ 5++',
      '+ ~',
      "The '++' operator works only on variables or on properties.",
      '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException',
      '    + FullyQualifiedErrorId : OperatorRequiresVariableOrProperty',
    ]);
  });
});
