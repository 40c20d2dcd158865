// Binding details 5.1 gets right and the review caught: a command's own
// parameter wins a prefix over the common ones, an array for -Identity is
// CannotConvertArgument, ranges on Select-Object, and "1kb" as a string is no
// number for an integer parameter (while the literal 1kb is).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(async () => {
  t = createTestSession();
  await t.run('New-CsPersistentChatConfiguration site:A | Out-Null; New-CsPersistentChatConfiguration site:B | Out-Null');
});
afterEach(() => t.cleanup());

describe('prefix matching prefers the command\'s own parameters', () => {
  it('-D is -DefaultChatHistory, not -Debug', async () => {
    const r = await t.run('Set-CsPersistentChatConfiguration -Identity site:A -D 50');
    expect(r).toMatchObject({ text: '', success: true });
    expect(t.file().collections['site:A']).toMatchObject({ DefaultChatHistory: 50 });
  });

  it('-I is -Identity for Get- (its only own match), while -InformationAction and -InformationVariable are common', async () => {
    expect((await t.run('Get-CsPersistentChatConfiguration -I global | % Identity')).text).toBe('Global');
  });

  it('-In on Where-Object is the -In operator switch, not -InputObject or -InformationAction', async () => {
    expect((await t.run('Get-CsPersistentChatConfiguration | Where-Object Identity -In "site:A","site:B" | % Identity')).text).toBe('site:A\nsite:B');
  });

  it('still ambiguous among the command\'s own parameters, the message lists every match', async () => {
    const r = await t.run('New-CsPersistentChatConfiguration -I site:C');
    expect(r.text).toContain(
      "New-CsPersistentChatConfiguration : Parameter cannot be processed because the parameter name 'I' is ambiguous. Possible matches include: -Identity -Instance -InMemory -InformationAction -InformationVariable.",
    );
    expect(t.identities()).not.toContain('site:C');
  });

  it('a prefix of common parameters only is still ambiguous', async () => {
    expect((await t.run('Get-CsPersistentChatConfiguration -Warning Stop')).text).toContain(
      "Parameter cannot be processed because the parameter name 'Warning' is ambiguous. Possible matches include: -WarningAction -WarningVariable.",
    );
  });
});

describe('conversion and validation messages', () => {
  it('two identities for -Identity: Cannot convert System.Object[], and nothing changes', async () => {
    const before = JSON.stringify(t.file());
    const r = await t.run('Set-CsPersistentChatConfiguration -Identity site:A,site:B -DefaultChatHistory 20');
    expect(r.text.split('\n')[0]).toBe(
      "Set-CsPersistentChatConfiguration : Cannot convert 'System.Object[]' to the type 'Microsoft.Rtc.Management.Xds.XdsIdentity' required by parameter 'Identity'. Specified method is not supported.",
    );
    expect(r.text).toContain('    + FullyQualifiedErrorId : CannotConvertArgument,Set-CsPersistentChatConfiguration');
    expect(JSON.stringify(t.file())).toBe(before);
  });

  it('Select-Object -First/-Last/-Skip below 0 is a ParameterArgumentValidationError', async () => {
    for (const name of ['First', 'Last', 'Skip']) {
      const r = await t.run(`1,2,3 | Select-Object -${name} -1`);
      expect(r.text).toContain(
        `Select-Object : Cannot validate argument on parameter '${name}'. The -1 argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.`,
      );
      expect(r.text).toContain('    + FullyQualifiedErrorId : ParameterArgumentValidationError,Select-Object');
    }
    expect((await t.run('1,2,3 | Select-Object -First 0')).text).toBe('');
  });

  it('"1kb" as a string is not a number for an integer parameter; the literal 1kb is', async () => {
    const r = await t.run('Set-CsPersistentChatConfiguration -Identity site:A -MaxFileSizeKB "1kb"');
    expect(r.text.split('\n')[0]).toBe(
      'Set-CsPersistentChatConfiguration : Cannot bind parameter \'MaxFileSizeKB\'. Cannot convert value "1kb" to type "System.UInt32". Error: "Input string was not in a correct format."',
    );
    expect(await t.run('Set-CsPersistentChatConfiguration -Identity site:A -MaxFileSizeKB 1kb')).toMatchObject({ text: '', success: true });
    expect(t.file().collections['site:A']).toMatchObject({ MaxFileSizeKB: 1024 });
    expect(await t.run('Set-CsPersistentChatConfiguration -Identity site:A -MaxFileSizeKB "0x400"')).toMatchObject({ success: true });
  });
});
