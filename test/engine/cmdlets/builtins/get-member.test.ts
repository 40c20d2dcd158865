// Get-Member writes MemberDefinition objects: they display as PowerShell's
// per-type tables, and they are objects like any other (counted, selected,
// formatted with chosen columns).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../../helpers/engine-session';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

async function out(line: string): Promise<string[]> {
  const r = await t.run(line);
  return r.text === '' ? [] : r.text.split('\n');
}

const CONFIG_TYPE = 'Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat.PersistentChatConfiguration';

describe('Get-Member output', () => {
  it('shows the configuration object\'s members under its type, Identity typed as the XdsIdentity the binder uses', async () => {
    expect(await out('Get-CsPersistentChatConfiguration global | Get-Member')).toEqual([
      '',
      `   TypeName: ${CONFIG_TYPE}`,
      '',
      'Name                   MemberType Definition',
      '----                   ---------- ----------',
      'Equals                 Method     bool Equals(System.Object obj)',
      'GetHashCode            Method     int GetHashCode()',
      'GetType                Method     type GetType()',
      'ToString               Method     string ToString()',
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

  it('writes one object per member, which can be counted, selected and read', async () => {
    expect(await out('$m = Get-CsPersistentChatConfiguration | Get-Member; $m.Count; ($m | Get-Member -Name Name).TypeName')).toEqual([
      '11',
      'Microsoft.PowerShell.Commands.MemberDefinition',
    ]);
    expect(await out('Get-CsPersistentChatConfiguration | gm | select -First 2 | % Name')).toEqual(['Equals', 'GetHashCode']);
    expect(await out('Get-CsPersistentChatConfiguration | gm -MemberType Property | ? Name -like "Max*" | % Definition')).toEqual([
      'int MaxChatContentSizeMB {get;set;}',
      'uint32 MaxFileSizeKB {get;set;}',
    ]);
    expect(await out('Get-CsPersistentChatConfiguration | gm Identity | % TypeName')).toEqual([CONFIG_TYPE]);
  });

  it('formats with chosen columns and no type headings', async () => {
    expect(await out('"x" | Get-Member | Format-Table Name, MemberType')).toEqual([
      '',
      'Name        MemberType',
      '----        ----------',
      'Equals      Method',
      'GetHashCode Method',
      'GetType     Method',
      'ToString    Method',
      'Length      Property',
      '',
    ]);
  });

  it('groups several input types, each under its own heading, in order of first appearance', async () => {
    expect(await out('"a", @{}, "b" | Get-Member -Name Length, Count')).toEqual([
      '',
      '   TypeName: System.String',
      '',
      'Name   MemberType Definition',
      '----   ---------- ----------',
      'Length Property   int Length {get;}',
      '',
      '',
      '   TypeName: System.Collections.Hashtable',
      '',
      'Name  MemberType Definition',
      '----  ---------- ----------',
      'Count Property   int Count {get;}',
      '',
    ]);
  });

  it('writes nothing when no member matches, and still needs an input object', async () => {
    expect(await t.run('"x" | Get-Member -Name Nope')).toMatchObject({ text: '', success: true });
    expect((await out('Get-Member'))[0]).toBe('Get-Member : You must specify an object for the Get-Member cmdlet.');
  });
});
