// Parameter binding through the real session: PowerShell's messages for each
// kind of binding error, the record display, and that nothing is written.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

async function failsWith(line: string, message: string, errorId: string): Promise<string> {
  const before = JSON.stringify(t.file());
  const r = await t.run(line);
  expect(r.success).toBe(false);
  expect(r.lines[0]!.kind).toBe('error');
  expect(r.lines[0]!.record?.message).toBe(message);
  expect(r.lines[0]!.record?.errorId).toBe(errorId);
  expect(JSON.stringify(t.file())).toBe(before);
  return r.text;
}

describe('binding errors', () => {
  it('unknown parameter, shown as a full error record', async () => {
    const text = await failsWith('Set-CsPersistentChatConfiguration -Foo 1', "A parameter cannot be found that matches parameter name 'Foo'.", 'NamedParameterNotFound');
    expect(text.split('\n')).toEqual([
      "Set-CsPersistentChatConfiguration : A parameter cannot be found that matches parameter name 'Foo'.",
      'At line:1 char:35',
      '+ Set-CsPersistentChatConfiguration -Foo 1',
      '+                                   ~~~~',
      '    + CategoryInfo          : InvalidArgument: (:) [Set-CsPersistentChatConfiguration], ParameterBindingException',
      '    + FullyQualifiedErrorId : NamedParameterNotFound,Set-CsPersistentChatConfiguration',
    ]);
  });

  it('ambiguous prefix', async () => {
    await failsWith(
      'Set-CsPersistentChatConfiguration -Max 5',
      "Parameter cannot be processed because the parameter name 'Max' is ambiguous. Possible matches include: -MaxChatContentSizeMB -MaxFileSizeKB.",
      'AmbiguousParameter',
    );
  });

  it('an unambiguous prefix and the -Name:value form bind', async () => {
    expect((await t.run('Set-CsPersistentChatConfiguration -Def 40 -Partic:90')).success).toBe(true);
    expect(t.file().collections.Global).toMatchObject({ DefaultChatHistory: 40, ParticipantUpdateLimit: 90 });
  });

  it('missing argument', async () => {
    await failsWith(
      'Set-CsPersistentChatConfiguration -DefaultChatHistory',
      "Missing an argument for parameter 'DefaultChatHistory'. Specify a parameter of type 'System.Int16' and try again.",
      'MissingArgument',
    );
    await failsWith(
      'Set-CsPersistentChatConfiguration -DefaultChatHistory -WhatIf',
      "Missing an argument for parameter 'DefaultChatHistory'. Specify a parameter of type 'System.Int16' and try again.",
      'MissingArgument',
    );
  });

  it('conversion: not a number', async () => {
    await failsWith(
      'Set-CsPersistentChatConfiguration -DefaultChatHistory abc',
      `Cannot bind parameter 'DefaultChatHistory'. Cannot convert value "abc" to type "System.Int16". Error: "Input string was not in a correct format."`,
      'CannotConvertArgumentNoMessage',
    );
  });

  it('conversion: overflow of Int16, UInt32 and Int32', async () => {
    await failsWith(
      'Set-CsPersistentChatConfiguration -DefaultChatHistory 40000',
      `Cannot bind parameter 'DefaultChatHistory'. Cannot convert value "40000" to type "System.Int16". Error: "Value was either too large or too small for an Int16."`,
      'CannotConvertArgumentNoMessage',
    );
    await failsWith(
      'Set-CsPersistentChatConfiguration -MaxFileSizeKB -1',
      `Cannot bind parameter 'MaxFileSizeKB'. Cannot convert value "-1" to type "System.UInt32". Error: "Value was either too large or too small for a UInt32."`,
      'CannotConvertArgumentNoMessage',
    );
    await failsWith(
      'Set-CsPersistentChatConfiguration -MaxChatContentSizeMB 3000000000',
      `Cannot bind parameter 'MaxChatContentSizeMB'. Cannot convert value "3000000000" to type "System.Int32". Error: "Value was either too large or too small for an Int32."`,
      'CannotConvertArgumentNoMessage',
    );
  });

  it('range: above the maximum and below the minimum', async () => {
    await failsWith(
      'Set-CsPersistentChatConfiguration -DefaultChatHistory 600',
      "Cannot validate argument on parameter 'DefaultChatHistory'. The 600 argument is greater than the maximum allowed range of 500. Supply an argument that is less than or equal to 500 and then try the command again.",
      'ParameterArgumentValidationError',
    );
    await failsWith(
      'Set-CsPersistentChatConfiguration -ParticipantUpdateLimit 0',
      "Cannot validate argument on parameter 'ParticipantUpdateLimit'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.",
      'ParameterArgumentValidationError',
    );
  });

  it('a URL that is not absolute http(s) is refused', async () => {
    const r = await t.run('Set-CsPersistentChatConfiguration -FileServiceUrl ftp://files.contoso.com');
    expect(r.success).toBe(false);
    expect(r.lines[0]!.record?.message).toMatch(/^Cannot validate argument on parameter 'FileServiceUrl'\. The argument "ftp:\/\/files\.contoso\.com" is not an absolute http or https URL/);
  });

  it('parameter set errors point at the whole command', async () => {
    const text = await failsWith('Get-CsPersistentChatConfiguration -Identity global -Filter "site:*"', 'Parameter set cannot be resolved using the specified named parameters.', 'AmbiguousParameterSet');
    expect(text.split('\n').slice(1, 3)).toEqual(['At line:1 char:1', '+ Get-CsPersistentChatConfiguration -Identity global -Filter "site:*"']);
  });

  it('parameter set cannot be resolved', async () => {
    await failsWith('Get-CsPersistentChatConfiguration -Identity global -Filter "site:*"', 'Parameter set cannot be resolved using the specified named parameters.', 'AmbiguousParameterSet');
    await t.run('$g = Get-CsPersistentChatConfiguration -Identity Global');
    await failsWith('Set-CsPersistentChatConfiguration -Identity global -Instance $g', 'Parameter set cannot be resolved using the specified named parameters.', 'AmbiguousParameterSet');
  });

  it('extra positional value', async () => {
    await failsWith('Get-CsPersistentChatConfiguration global x', "A positional parameter cannot be found that accepts argument 'x'.", 'PositionalParameterNotFound');
  });

  it('same parameter twice', async () => {
    const r = await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 40 -DefaultChatHistory 50');
    expect(r.lines[0]!.record?.message).toMatch(/^Cannot bind parameter because parameter 'DefaultChatHistory' is specified more than once\./);
    expect(r.lines[0]!.record?.errorId).toBe('ParameterAlreadyBound');
  });

  it('missing mandatory parameter in a non-interactive run', async () => {
    await failsWith('New-CsPersistentChatConfiguration', 'Cannot process command because of one or more missing mandatory parameters: Identity.', 'MissingMandatoryParameter');
  });

  it('missing mandatory parameter is asked for interactively', async () => {
    const i = createTestSession({ interactive: true, dir: t.dir });
    i.answers.push('site:Asked');
    const r = await i.run('New-CsPersistentChatConfiguration');
    expect(r.lines.slice(0, 2).map((l) => l.text)).toEqual([
      'cmdlet New-CsPersistentChatConfiguration at command pipeline position 1',
      'Supply values for the following parameters:',
    ]);
    expect(i.prompts).toEqual(['Identity: ']);
    expect(t.identities()).toContain('site:Asked');
  });

  it('unknown command', async () => {
    const text = await failsWith(
      'Get-Foo',
      "The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
      'CommandNotFoundException',
    );
    expect(text.split('\n')[0]).toBe("Get-Foo : The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.");
  });

  it('a binding error in a later command stops the whole pipeline before it starts', async () => {
    await failsWith(
      'Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 900',
      "Cannot validate argument on parameter 'DefaultChatHistory'. The 900 argument is greater than the maximum allowed range of 500. Supply an argument that is less than or equal to 500 and then try the command again.",
      'ParameterArgumentValidationError',
    );
  });

  it('numbers: hex and multipliers bind', async () => {
    await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 0x1F -MaxFileSizeKB 2mb');
    expect(t.file().collections.Global).toMatchObject({ DefaultChatHistory: 31, MaxFileSizeKB: 2097152 });
  });
});

describe('identity rules', () => {
  it.each([
    ['site:*', 'Wildcard characters are not allowed'],
    ['service:Registrar:pool.contoso.com', "cannot be assigned to the service 'Registrar'"],
    ['service:PersistentChatServer:nodots', "'nodots' is not a valid pool FQDN"],
    ['site:' + 'x'.repeat(65), 'is not a valid site name'],
    ['site:   ', 'is not a valid site name'],
    ['site:a*', 'Wildcard characters are not allowed'],
    ['site:bad/name', 'is not a valid site name'],
    ['tenant:foo', 'is not a valid identity'],
  ])('%s is refused', async (identity, fragment) => {
    const before = JSON.stringify(t.file());
    const r = await t.run(`New-CsPersistentChatConfiguration -Identity '${identity}'`);
    expect(r.success).toBe(false);
    expect(r.lines[0]!.record?.message).toContain(fragment);
    expect(r.lines[0]!.record?.message).toMatch(/^Cannot bind parameter 'Identity'\. Cannot convert value /);
    expect(JSON.stringify(t.file())).toBe(before);
  });

  it('site names may use letters of any language', async () => {
    expect((await t.run('New-CsPersistentChatConfiguration site:Zürich-Øst | Out-Null')).success).toBe(true);
    expect(t.identities()).toContain('site:Zürich-Øst');
  });

  it('site names keep the case first typed; pools are lower-cased', async () => {
    await t.run('New-CsPersistentChatConfiguration site:North-West_2.a; New-CsPersistentChatConfiguration service:PersistentChatServer:PC.Contoso.Com');
    expect(t.identities()).toEqual(['Global', 'site:North-West_2.a', 'service:PersistentChatServer:pc.contoso.com']);
  });
});
