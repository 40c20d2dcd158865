// The built-in commands end to end: typed into a real Session over a real
// store in a temp directory, asserting the whole console output.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../../src-main/engine/session';
import { openRepository } from '../../../../src-main/engine/store';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

let session: Session;

/** Runs one input; output lines as shown, other kinds prefixed with their kind. */
async function run(source: string): Promise<string[]> {
  const result = await session.execute(source);
  return result.lines.flatMap((l) => (l.kind === 'output' ? [l.text] : l.text.split('\n').map((t) => `${l.kind}: ${t}`)));
}

beforeEach(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-builtins-'));
  dirs.push(dir);
  session = new Session({ repo: openRepository(dir, { fileName: 'config.json' }).repository });
  await session.execute('New-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 50 -RoomManagementUrl https://rooms.contoso.com');
  await session.execute('New-CsPersistentChatConfiguration -Identity service:PersistentChatServer:Pool01.contoso.com -ParticipantUpdateLimit 100');
});

describe('Where-Object', () => {
  it('filters with a scriptblock and with the simplified syntax', async () => {
    expect(await run('Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30} | % Identity')).toEqual(['site:Redmond']);
    expect(await run('Get-CsPersistentChatConfiguration | Where-Object DefaultChatHistory -gt 30 | % Identity')).toEqual(['site:Redmond']);
    expect(await run('Get-CsPersistentChatConfiguration | ? {$_.RoomManagementUrl -eq $Null} | % Identity')).toEqual([
      'Global',
      'service:PersistentChatServer:pool01.contoso.com',
    ]);
    expect(await run('Get-CsPersistentChatConfiguration | where RoomManagementUrl | % Identity')).toEqual(['site:Redmond']);
    expect(await run('Get-CsPersistentChatConfiguration | ? Identity -Like "SITE:*" | % Identity')).toEqual(['site:Redmond']);
    expect(await run('Get-CsPersistentChatConfiguration | ? Identity -CLike "SITE:*"')).toEqual([]);
  });

  it('requires -Value with an operator', async () => {
    expect(await run('Get-CsPersistentChatConfiguration | ? Identity -EQ')).toEqual([
      'error: Where-Object : The specified operator requires both the -Property and -Value parameters. Provide values for both parameters, and then try the command again.',
      'error: At line:1 char:37',
      'error: + Get-CsPersistentChatConfiguration | ? Identity -EQ',
      'error: +                                     ~~~~~~~~~~~~~~',
      'error:     + CategoryInfo          : InvalidArgument: (:) [Where-Object], PSArgumentException',
      'error:     + FullyQualifiedErrorId : ValueNotSpecifiedForWhereObject,Where-Object',
    ]);
  });
});

describe('ForEach-Object', () => {
  it('runs begin, process and end blocks, and emits a member by name', async () => {
    expect(await run('Get-CsPersistentChatConfiguration | ForEach-Object -Begin {"start"} -Process {$_.DefaultChatHistory} -End {"end"}')).toEqual([
      'start',
      '30',
      '50',
      '30',
      'end',
    ]);
    expect(await run('Get-CsPersistentChatConfiguration | % {"a"} {$_.ParticipantUpdateLimit} {"z"}')).toEqual(['a', '75', '75', '100', 'z']);
    expect(await run('Get-CsPersistentChatConfiguration | % Nope | Measure-Object | % Count')).toEqual(['0']);
  });
});

describe('Select-Object, Sort-Object, Measure-Object', () => {
  it('selects properties into a table, first/last objects, and expands a property', async () => {
    expect(await run('Get-CsPersistentChatConfiguration | Select-Object Identity, DefaultChatHistory -First 2')).toEqual([
      '',
      'Identity     DefaultChatHistory',
      '--------     ------------------',
      'Global                       30',
      'site:Redmond                 50',
      '',
    ]);
    expect(await run('Get-CsPersistentChatConfiguration | select -Last 1 -ExpandProperty Identity')).toEqual(['service:PersistentChatServer:pool01.contoso.com']);
  });

  it('reports a property that cannot be expanded, per object', async () => {
    const out = await run('Get-CsPersistentChatConfiguration -Identity Global | select -ExpandProperty Nope');
    expect(out[0]).toBe('error: Select-Object : Property "Nope" cannot be found.');
    expect(out).toContain('error:     + FullyQualifiedErrorId : ExpandPropertyNotFound,Select-Object');
  });

  it('sorts descending by a property and measures', async () => {
    expect(await run('Get-CsPersistentChatConfiguration | Sort-Object DefaultChatHistory, Identity -Descending | % Identity')).toEqual([
      'site:Redmond',
      'service:PersistentChatServer:pool01.contoso.com',
      'Global',
    ]);
    expect(await run('Get-CsPersistentChatConfiguration | Measure-Object DefaultChatHistory -Sum -Maximum')).toEqual([
      '',
      'Count    : 3',
      'Average  :',
      'Sum      : 110',
      'Maximum  : 50',
      'Minimum  :',
      'Property : DefaultChatHistory',
      '',
    ]);
    const missing = await run('Get-CsPersistentChatConfiguration | Measure-Object Nope');
    expect(missing[0]).toBe('error: Measure-Object : The property "Nope" cannot be found in the input for any objects.');
  });
});

describe('Format-List, Format-Table, Get-Member', () => {
  it('formats chosen properties as a list and as a table', async () => {
    expect(await run('Get-CsPersistentChatConfiguration -Identity site:Redmond | Format-List Identity, *Url')).toEqual([
      '',
      'Identity          : site:Redmond',
      'FileServiceUrl    :',
      'RoomManagementUrl : https://rooms.contoso.com',
      '',
    ]);
    expect(await run('Get-CsPersistentChatConfiguration | ft Identity, @{n="MB"; e={$_.MaxFileSizeKB / 1000}}')).toEqual([
      '',
      'Identity                                        MB',
      '--------                                        --',
      'Global                                          20',
      'site:Redmond                                    20',
      'service:PersistentChatServer:pool01.contoso.com 20',
      '',
    ]);
  });

  it('lists the members of the configuration object with their .NET types', async () => {
    expect(await run('Get-CsPersistentChatConfiguration -Identity Global | Get-Member -MemberType Property')).toEqual([
      '',
      '   TypeName: Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat.PersistentChatConfiguration',
      '',
      'Name                   MemberType Definition',
      '----                   ---------- ----------',
      'DefaultChatHistory     Property   int16 DefaultChatHistory {get;set;}',
      'FileServiceUrl         Property   string FileServiceUrl {get;set;}',
      'Identity               Property   Microsoft.Rtc.Management.Xds.XdsIdentity Identity {get;}',
      'MaxChatContentSizeMB   Property   int MaxChatContentSizeMB {get;set;}',
      'MaxFileSizeKB          Property   uint32 MaxFileSizeKB {get;set;}',
      'ParticipantUpdateLimit Property   uint32 ParticipantUpdateLimit {get;set;}',
      'RoomManagementUrl      Property   string RoomManagementUrl {get;set;}',
      '',
    ]);
  });
});

describe('Write-Output, Get-Command, Get-History, Clear-Host, Get-Help', () => {
  it('writes its arguments item by item', async () => {
    expect(await run('echo 1 2,3 | Measure-Object -Sum | % Sum')).toEqual(['6']);
  });

  it('lists commands in PowerShell\'s CommandType / Name / Version / Source table', async () => {
    expect(await run('Get-Command *PersistentChat*')).toEqual([
      '',
      'CommandType     Name                                               Version    Source',
      '-----------     ----                                               -------    ------',
      'Cmdlet          Get-CsPersistentChatConfiguration                  7.0.0.0    SkypeForBusiness',
      'Cmdlet          New-CsPersistentChatConfiguration                  7.0.0.0    SkypeForBusiness',
      'Cmdlet          Remove-CsPersistentChatConfiguration               7.0.0.0    SkypeForBusiness',
      'Cmdlet          Set-CsPersistentChatConfiguration                  7.0.0.0    SkypeForBusiness',
      '',
    ]);
    expect(await run('gcm h')).toEqual([
      '',
      'CommandType     Name                                               Version    Source',
      '-----------     ----                                               -------    ------',
      'Alias           h -> Get-History',
      '',
    ]);
    expect((await run('gcm Get-Nothing'))[0]).toBe(
      "error: Get-Command : The term 'Get-Nothing' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    );
  });

  it('shows the history and clears the screen', async () => {
    // Command lines longer than the console are cut to fit.
    expect(await run('Get-History 1, 2')).toEqual([
      '',
      '  Id CommandLine',
      '  -- -----------',
      '   1 New-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 50 -RoomManagementUrl https://rooms...',
      '   2 New-CsPersistentChatConfiguration -Identity service:PersistentChatServer:Pool01.contoso.com -ParticipantUpdateLi...',
      '',
    ]);
    expect((await session.execute('cls')).lines.map((l) => l.kind)).toEqual(['clear']);
  });

  it('shows help by name or alias, lists wildcard matches, and reports unknown topics', async () => {
    const help = await run('help Remove-CsPersistentChatConfiguration -Examples');
    expect(help.slice(0, 4)).toEqual(['', 'NAME', '    Remove-CsPersistentChatConfiguration', '']);
    expect(help).toContain('    Get-CsPersistentChatConfiguration -Filter "site:*" | Remove-CsPersistentChatConfiguration');
    expect((await run('Get-Help ?'))[2]).toBe('    Where-Object');
    expect((await run('Get-Help Format*')).slice(1, 5)).toEqual([
      'Name         Category Module                       Synopsis',
      '----         -------- ------                       --------',
      'Format-List  Cmdlet   Microsoft.PowerShell.Utility Shows objects as a list of properties, one per line.',
      'Format-Table Cmdlet   Microsoft.PowerShell.Utility Shows objects as a table, one row per object.',
    ]);
    expect((await run('Get-Help'))[0]).toBe('TOPIC');
    const missing = await run('Get-Help Get-Nothing');
    expect(missing[0]).toMatch(/^error: Get-Help : Get-Help could not find Get-Nothing in a help file in this session\./);
    expect(missing).toContain('error:     + CategoryInfo          : ResourceUnavailable: (:) [Get-Help], HelpNotFoundException');
  });
});
