// checkCmdlet: a form checked as the console would check its line, with the
// console's own messages, every field at once, and (given a repository) the
// cmdlet's existence checks; never writing. A property test runs the same
// forms in a real console session and requires the two to agree.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { buildCommandLine, CommandLineError, type FormValue } from '../../../src-main/engine/cmdlets/command-line';
import { checkCmdlet, type FormCheckResult } from '../../../src-main/engine/cmdlets/form-check';
import type { CmdletParameters, PreviewResponse } from '../../../src-main/ipc/contract';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

const NEW = 'New-CsPersistentChatConfiguration';
const GET = 'Get-CsPersistentChatConfiguration';
const SET = 'Set-CsPersistentChatConfiguration';
const REMOVE = 'Remove-CsPersistentChatConfiguration';

const range = (name: string, value: number, bound: 'max' | 'min', limit: number) =>
  bound === 'max'
    ? `Cannot validate argument on parameter '${name}'. The ${value} argument is greater than the maximum allowed range of ${limit}. Supply an argument that is less than or equal to ${limit} and then try the command again.`
    : `Cannot validate argument on parameter '${name}'. The ${value} argument is less than the minimum allowed range of ${limit}. Supply an argument that is greater than or equal to ${limit} and then try the command again.`;

const MISSING_IDENTITY = 'Cannot process command because of one or more missing mandatory parameters: Identity.';

it('has the shape of the IPC contract', () => {
  expectTypeOf<FormCheckResult>().toEqualTypeOf<PreviewResponse>();
  expectTypeOf<CmdletParameters>().toMatchTypeOf<Parameters<typeof checkCmdlet>[1]>();
});

describe('checkCmdlet without a repository', () => {
  it('passes a valid form and gives its console line', () => {
    expect(checkCmdlet(NEW, { Identity: 'site:Redmond', DefaultChatHistory: 40, RoomManagementUrl: 'https://rooms.contoso.com' })).toEqual({
      commandLine: 'New-CsPersistentChatConfiguration -Identity "site:Redmond" -DefaultChatHistory 40 -RoomManagementUrl "https://rooms.contoso.com"',
      fieldErrors: {},
    });
  });

  it('checks text-box strings as the console checks typed values: numbers, hex, multipliers, blanks', () => {
    expect(checkCmdlet(SET, { DefaultChatHistory: '40', MaxChatContentSizeMB: '0x1F', MaxFileSizeKB: '1024', ParticipantUpdateLimit: ' 75 ' })).toEqual({
      commandLine: 'Set-CsPersistentChatConfiguration -DefaultChatHistory 40 -MaxChatContentSizeMB "0x1F" -MaxFileSizeKB 1024 -ParticipantUpdateLimit " 75 "',
      fieldErrors: {},
      // What the form shows under those fields before Commit.
      storedAs: { MaxChatContentSizeMB: 31 },
    });
    // A multiplier is the parser's (the literal 1kb); as a string, 5.1 does not read "1kb" as a number.
    expect(checkCmdlet(SET, { MaxFileSizeKB: '1kb' })).toEqual({
      commandLine: 'Set-CsPersistentChatConfiguration -MaxFileSizeKB "1kb"',
      fieldErrors: { MaxFileSizeKB: 'Cannot bind parameter \'MaxFileSizeKB\'. Cannot convert value "1kb" to type "System.UInt32". Error: "Input string was not in a correct format."' },
    });
    // `-DefaultChatHistory ""` converts to 0 in PowerShell; an empty URL clears the setting.
    expect(checkCmdlet(SET, { DefaultChatHistory: '', RoomManagementUrl: '' })).toEqual({
      commandLine: 'Set-CsPersistentChatConfiguration -DefaultChatHistory "" -RoomManagementUrl ""',
      fieldErrors: { DefaultChatHistory: range('DefaultChatHistory', 0, 'min', 1) },
    });
  });

  it('reports every bad field at once, each in the console\'s words', () => {
    expect(
      checkCmdlet(SET, {
        Identity: 'site:*',
        DefaultChatHistory: 600,
        MaxChatContentSizeMB: 'abc',
        MaxFileSizeKB: '-1',
        ParticipantUpdateLimit: 4294967296,
        FileServiceUrl: 'ftp://files',
        WhatIf: 'yes',
      }),
    ).toEqual({
      commandLine:
        'Set-CsPersistentChatConfiguration -Identity "site:*" -DefaultChatHistory 600 -MaxChatContentSizeMB "abc" -MaxFileSizeKB -1 -ParticipantUpdateLimit 4294967296 -FileServiceUrl "ftp://files" -WhatIf:"yes"',
      fieldErrors: {
        Identity:
          `Cannot bind parameter 'Identity'. Cannot convert value "site:*" to type "Microsoft.Rtc.Management.Xds.XdsIdentity". ` +
          `Error: "Wildcard characters are not allowed in an identity ('site:*'). Use -Filter to match several collections."`,
        DefaultChatHistory: range('DefaultChatHistory', 600, 'max', 500),
        MaxChatContentSizeMB: `Cannot bind parameter 'MaxChatContentSizeMB'. Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."`,
        MaxFileSizeKB: `Cannot bind parameter 'MaxFileSizeKB'. Cannot convert value "-1" to type "System.UInt32". Error: "Value was either too large or too small for a UInt32."`,
        ParticipantUpdateLimit: `Cannot bind parameter 'ParticipantUpdateLimit'. Cannot convert value "4294967296" to type "System.UInt32". Error: "Value was either too large or too small for a UInt32."`,
        FileServiceUrl:
          `Cannot validate argument on parameter 'FileServiceUrl'. The argument "ftp://files" is not an absolute http or https URL. ` +
          'Supply a URL such as https://chat.contoso.com/files, or $null to clear the setting, and then try the command again.',
        WhatIf:
          `Cannot bind parameter 'WhatIf'. Cannot convert value "System.String" to type "System.Management.Automation.SwitchParameter". ` +
          'Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
      },
    });
  });

  it('reports parameter-set conflicts and missing mandatory values as the form\'s error', () => {
    expect(checkCmdlet(GET, { Identity: 'global', Filter: 'site:*' })).toEqual({
      commandLine: 'Get-CsPersistentChatConfiguration -Identity "global" -Filter "site:*"',
      fieldErrors: {},
      error: 'Parameter set cannot be resolved using the specified named parameters.',
    });
    expect(checkCmdlet(NEW, { DefaultChatHistory: 0 })).toEqual({
      commandLine: 'New-CsPersistentChatConfiguration -DefaultChatHistory 0',
      fieldErrors: { DefaultChatHistory: range('DefaultChatHistory', 0, 'min', 1) },
      error: MISSING_IDENTITY,
    });
    expect(checkCmdlet(REMOVE, {})).toEqual({ commandLine: REMOVE, fieldErrors: {}, error: MISSING_IDENTITY });
  });

  it('does not call a mandatory value that was given but is invalid "missing"', () => {
    expect(checkCmdlet(REMOVE, { Identity: '' })).toEqual({
      commandLine: 'Remove-CsPersistentChatConfiguration -Identity ""',
      fieldErrors: { Identity: "Cannot bind argument to parameter 'Identity' because it is an empty string." },
    });
    expect(checkCmdlet(NEW, { Identity: null })).toEqual({
      commandLine: 'New-CsPersistentChatConfiguration -Identity $null',
      fieldErrors: { Identity: "Cannot bind argument to parameter 'Identity' because it is null." },
    });
  });

  it('rejects a payload no form could send, as buildCommandLine does', () => {
    expect(() => checkCmdlet(NEW, { Bogus: 1 })).toThrow(CommandLineError);
    expect(() => checkCmdlet(NEW, { Identity: {} as unknown as string })).toThrow(CommandLineError);
  });
});

describe('checkCmdlet with a repository', () => {
  let t: TestSession;
  beforeAll(async () => {
    t = createTestSession();
    expect((await t.run('New-CsPersistentChatConfiguration site:Redmond; New-CsPersistentChatConfiguration "site:North West"')).success).toBe(true);
  });
  afterAll(() => t.cleanup());

  const notFound = (identity: string) => `Cannot find "PersistentChatConfiguration" "${identity}" because it does not exist.`;

  it('New: an identity that exists, in any letter case, or Global, is the cmdlet\'s error', () => {
    expect(checkCmdlet(NEW, { Identity: 'SITE:redmond', DefaultChatHistory: 40 }, t.session.repo)).toEqual({
      commandLine: 'New-CsPersistentChatConfiguration -Identity "SITE:redmond" -DefaultChatHistory 40',
      fieldErrors: {},
      error: '"PersistentChatConfiguration" "site:Redmond" already exists. To change it, use Set-CsPersistentChatConfiguration.',
    });
    expect(checkCmdlet(NEW, { Identity: 'global' }, t.session.repo)).toEqual({
      commandLine: 'New-CsPersistentChatConfiguration -Identity "global"',
      fieldErrors: {},
      error: 'The global Persistent Chat configuration always exists and cannot be created. To change it, use Set-CsPersistentChatConfiguration -Identity Global.',
    });
    expect(checkCmdlet(NEW, { Identity: 'site:Paris', InMemory: true }, t.session.repo)).toEqual({
      commandLine: 'New-CsPersistentChatConfiguration -Identity "site:Paris" -InMemory',
      fieldErrors: {},
    });
  });

  it('Set, Remove and Get: an unknown identity is the cmdlet\'s error; Set without one means Global', () => {
    expect(checkCmdlet(SET, { Identity: 'site:Oslo', DefaultChatHistory: '45' }, t.session.repo)).toEqual({
      commandLine: 'Set-CsPersistentChatConfiguration -Identity "site:Oslo" -DefaultChatHistory 45',
      fieldErrors: {},
      error: notFound('site:Oslo'),
    });
    expect(checkCmdlet(SET, { DefaultChatHistory: 45 }, t.session.repo)).toEqual({ commandLine: 'Set-CsPersistentChatConfiguration -DefaultChatHistory 45', fieldErrors: {} });
    expect(checkCmdlet(REMOVE, { Identity: 'service:PersistentChatServer:P1.contoso.com' }, t.session.repo)).toEqual({
      commandLine: 'Remove-CsPersistentChatConfiguration -Identity "service:PersistentChatServer:P1.contoso.com"',
      fieldErrors: {},
      error: notFound('service:PersistentChatServer:p1.contoso.com'),
    });
    expect(checkCmdlet(REMOVE, { Identity: 'site:North West', Force: true }, t.session.repo).error).toBeUndefined();
    expect(checkCmdlet(GET, { Identity: 'site:Lima' }, t.session.repo).error).toBe(notFound('site:Lima'));
    expect(checkCmdlet(SET, { Instance: 'not an object' }, t.session.repo).error).toBe(
      'The object passed to -Instance is not a PersistentChatConfiguration. Pass an object returned by Get-CsPersistentChatConfiguration or New-CsPersistentChatConfiguration -InMemory.',
    );
  });

  it('writes nothing and journals nothing', () => {
    const before = JSON.stringify(t.file());
    checkCmdlet(REMOVE, { Identity: 'site:Redmond' }, t.session.repo);
    checkCmdlet(NEW, { Identity: 'site:Paris' }, t.session.repo);
    checkCmdlet(SET, { Identity: 'global', DefaultChatHistory: 99 }, t.session.repo);
    expect(t.session.repo.commit().written).toBe(false);
    expect(JSON.stringify(t.file())).toBe(before);
    expect(t.session.repo.list().map((r) => r.Identity)).toEqual(['Global', 'site:North West', 'site:Redmond']);
  });

  it('agrees with the console: a form passes exactly when its line runs cleanly, and the console\'s error is among the form\'s', async () => {
    const IDENTITIES = ['global', 'site:Redmond', 'SITE:redmond', 'site:Oslo', 'site:*', '', 'service:Registrar:x.y', 'service:PersistentChatServer:p1.contoso.com'];
    const value = (...extra: FormValue[]) => fc.constantFrom<FormValue>('1', '45', '500', '0', '600', 'abc', '', ' 7', '0x1F', '1kb', 40, -1, 4294967296, 2.5, null, true, ...extra);
    const urls = fc.constantFrom<FormValue>('https://rooms.contoso.com', 'ftp://x', 'not a url', '', null, 5);
    const forms = fc.tuple(
      fc.constantFrom(NEW, GET, SET, REMOVE),
      fc.record(
        {
          Identity: fc.constantFrom<FormValue>(...IDENTITIES, null),
          DefaultChatHistory: value(),
          MaxFileSizeKB: value('4294967295'),
          ParticipantUpdateLimit: value(),
          RoomManagementUrl: urls,
          Filter: fc.constantFrom<FormValue>('site:*', '*', null),
          InMemory: fc.boolean(),
          Force: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(forms, async ([cmdlet, all]) => {
        // Only the parameters this cmdlet has; -WhatIf so the console changes nothing either.
        const allowed = { [NEW]: ['Identity', 'DefaultChatHistory', 'MaxFileSizeKB', 'ParticipantUpdateLimit', 'RoomManagementUrl', 'InMemory', 'Force'], [GET]: ['Identity', 'Filter'], [SET]: ['Identity', 'DefaultChatHistory', 'MaxFileSizeKB', 'ParticipantUpdateLimit', 'RoomManagementUrl', 'Force'], [REMOVE]: ['Identity', 'Force'] }[cmdlet];
        const form: Record<string, FormValue> = Object.fromEntries(Object.entries(all).filter(([k]) => allowed.includes(k)));
        if (cmdlet !== GET) form.WhatIf = true;
        const check = checkCmdlet(cmdlet, form, t.session.repo);
        const result = await t.run(buildCommandLine(cmdlet, form));
        const consoleErrors = result.lines.filter((l) => l.kind === 'error').map((l) => l.record!.message);
        const formErrors = [...Object.values(check.fieldErrors), ...(check.error === undefined ? [] : [check.error])];
        expect(consoleErrors.length === 0).toBe(formErrors.length === 0);
        if (consoleErrors.length > 0) expect(formErrors).toContain(consoleErrors[0]);
      }),
      { numRuns: 300, seed: 1125 },
    );
    expect(t.session.repo.list().map((r) => r.Identity)).toEqual(['Global', 'site:North West', 'site:Redmond']);
  });
});

describe('values stored differently from how they were typed', () => {
  it.each([
    ['12.5', 12],
    ['13.5', 14],
    ['1e2', 100],
    ['0x20', 32],
    [' 40 ', 40],
  ])('%s is reported as stored as %d', (typed, stored) => {
    const result = checkCmdlet('Set-CsPersistentChatConfiguration', { Identity: 'Global', DefaultChatHistory: typed });
    expect(result.fieldErrors).toEqual({});
    if (typed.trim() === String(stored)) expect(result.storedAs).toBeUndefined();
    else expect(result.storedAs).toEqual({ DefaultChatHistory: stored });
  });

  it('a plain whole number, a URL and an error report nothing', () => {
    expect(checkCmdlet('Set-CsPersistentChatConfiguration', { Identity: 'Global', DefaultChatHistory: '40', FileServiceUrl: 'https://f.contoso.com' }).storedAs).toBeUndefined();
    expect(checkCmdlet('Set-CsPersistentChatConfiguration', { Identity: 'Global', DefaultChatHistory: '600.4' }).storedAs).toBeUndefined();
  });
});
