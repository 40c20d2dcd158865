// Error records the language itself raises (operators, method calls,
// assignments, pipeline binding of a plain string), shown whole: PowerShell's
// error ids, CategoryInfo, and position — the sequence point, i.e. the
// innermost statement being run — and a script file's path in that position.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

async function errorLines(line: string, options: { scriptPath?: string } = {}): Promise<string[]> {
  const r = await t.session.execute(line, options);
  return r.lines.filter((l) => l.kind === 'error').flatMap((l) => l.text.split('\n'));
}

describe('method calls', () => {
  it('a method the type lacks is MethodNotFound, naming the method as the target', async () => {
    expect(await errorLines('"abc".Foo()')).toEqual([
      "Method invocation failed because [System.String] does not contain a method named 'Foo'.",
      'At line:1 char:1',
      '+ "abc".Foo()',
      '+ ~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidOperation: (Foo:String) [], RuntimeException',
      '    + FullyQualifiedErrorId : MethodNotFound',
    ]);
  });

  it('a call on $null is InvokeMethodOnNull', async () => {
    expect(await errorLines('$null.Foo()')).toEqual([
      'You cannot call a method on a null-valued expression.',
      'At line:1 char:1',
      '+ $null.Foo()',
      '+ ~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidOperation: (:) [], RuntimeException',
      '    + FullyQualifiedErrorId : InvokeMethodOnNull',
    ]);
  });
});

describe('operators', () => {
  it('division by zero has no category and points at the whole expression', async () => {
    expect(await errorLines('1/0')).toEqual([
      'Attempted to divide by zero.',
      'At line:1 char:1',
      '+ 1/0',
      '+ ~~~',
      '    + CategoryInfo          : NotSpecified: (:) [], RuntimeException',
      '    + FullyQualifiedErrorId : RuntimeException',
    ]);
  });

  it('is reported at the statement it happens in: the whole assignment, or the statement inside a scriptblock', async () => {
    expect((await errorLines('"x"; $r = 10 % 0')).slice(1, 4)).toEqual(['At line:1 char:6', '+ "x"; $r = 10 % 0', '+      ~~~~~~~~~~~']);
    expect((await errorLines('1 | ForEach-Object { "a"; $_ / 0 }')).slice(1, 4)).toEqual([
      'At line:1 char:27',
      '+ 1 | ForEach-Object { "a"; $_ / 0 }',
      '+                           ~~~~~~',
    ]);
  });

  it('a string that is not a number is InvalidCastFromStringToInteger, an InvalidArgument', async () => {
    expect((await errorLines('"a" - 1')).slice(-2)).toEqual([
      '    + CategoryInfo          : InvalidArgument: (:) [], RuntimeException',
      '    + FullyQualifiedErrorId : InvalidCastFromStringToInteger',
    ]);
  });

  it('an operator the type lacks names its op_ method', async () => {
    expect((await errorLines('@{} - 1')).slice(-2)).toEqual([
      '    + CategoryInfo          : InvalidOperation: (op_Subtraction:String) [], RuntimeException',
      '    + FullyQualifiedErrorId : MethodNotFound',
    ]);
  });
});

describe('assignments and binding', () => {
  it('a constant variable names itself as the target', async () => {
    expect(await errorLines('$true = 5')).toEqual([
      'Cannot overwrite variable true because it is read-only or constant.',
      'At line:1 char:1',
      '+ $true = 5',
      '+ ~~~~~~~~~',
      '    + CategoryInfo          : WriteError: (true:String) [], SessionStateUnauthorizedAccessException',
      '    + FullyQualifiedErrorId : VariableNotWritable',
    ]);
  });

  it('a string piped to a command that binds only by property name is the target with its own type', async () => {
    expect(await errorLines('"site:Paris" | Remove-CsPersistentChatConfiguration')).toEqual([
      'Remove-CsPersistentChatConfiguration : The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
      'At line:1 char:16',
      '+ "site:Paris" | Remove-CsPersistentChatConfiguration',
      '+                ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidArgument: (site:Paris:String) [Remove-CsPersistentChatConfiguration], ParameterBindingException',
      '    + FullyQualifiedErrorId : InputObjectNotBound,Remove-CsPersistentChatConfiguration',
    ]);
  });
});

describe('a script file\'s errors name the script', () => {
  const script = '# setup\n"ok"\n    Get-CsPersistentChatConfiguration -Bogus 1\n';

  it('in the position of runtime and binding errors', async () => {
    expect((await errorLines(script, { scriptPath: '/srv/scripts/setup.ps1' })).slice(0, 4)).toEqual([
      "Get-CsPersistentChatConfiguration : A parameter cannot be found that matches parameter name 'Bogus'.",
      'At /srv/scripts/setup.ps1:3 char:39',
      '+     Get-CsPersistentChatConfiguration -Bogus 1',
      '+                                       ~~~~~~',
    ]);
  });

  it('in parse errors, and still when $Error[0] is shown later, while typed input says "line"', async () => {
    expect((await errorLines('1\n$x = (', { scriptPath: '/srv/p.ps1' }))[0]).toBe('At /srv/p.ps1:2 char:7');
    await errorLines('"a".Nope()', { scriptPath: '/srv/q.ps1' });
    expect((await errorLines('$Error[0]')).slice(1, 2)).toEqual(['At /srv/q.ps1:1 char:1']);
    expect((await errorLines('"a".Nope()')).slice(1, 2)).toEqual(['At line:1 char:1']);
  });
});
