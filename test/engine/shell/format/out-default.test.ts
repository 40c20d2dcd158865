// Out-Default: which objects become lists, which tables, and how
// consecutive objects group, with the real configuration object.

import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../../src-main/engine/domain/properties';
import { toConfigObject } from '../../../../src-main/engine/cmdlets/config/config-object';
import { formatForHost } from '../../../../src-main/engine/shell/format/out-default';
import type { ScriptBlockExpr } from '../../../../src-main/engine/shell/ast';
import { FormattedText, Hashtable, PSObject, ScriptBlock } from '../../../../src-main/engine/shell/values';

const CUSTOM = 'System.Management.Automation.PSCustomObject';

function config(identity: string, values: Partial<ReturnType<typeof defaultValues>> = {}) {
  return toConfigObject({ Identity: identity, ...defaultValues(), ...values });
}

describe('formatForHost', () => {
  it('shows configuration objects as lists, Identity first, in the object order', () => {
    expect(formatForHost([config('Global'), config('site:Redmond', { ParticipantUpdateLimit: 100, RoomManagementUrl: 'https://rooms.contoso.com' })])).toEqual([
      '',
      'Identity               : Global',
      'DefaultChatHistory     : 30',
      'MaxChatContentSizeMB   : 20',
      'MaxFileSizeKB          : 20000',
      'ParticipantUpdateLimit : 75',
      'FileServiceUrl         :',
      'RoomManagementUrl      :',
      '',
      'Identity               : site:Redmond',
      'DefaultChatHistory     : 30',
      'MaxChatContentSizeMB   : 20',
      'MaxFileSizeKB          : 20000',
      'ParticipantUpdateLimit : 100',
      'FileServiceUrl         :',
      'RoomManagementUrl      : https://rooms.contoso.com',
      '',
    ]);
  });

  it('shows objects with four or fewer properties as one table per run of the same shape', () => {
    const selected = (id: string, n: number) => new PSObject(`Selected.${CUSTOM}`, [['Identity', id], ['DefaultChatHistory', n]]);
    expect(formatForHost([selected('Global', 30), selected('site:Redmond', 100), 'done'])).toEqual([
      '',
      'Identity     DefaultChatHistory',
      '--------     ------------------',
      'Global                       30',
      'site:Redmond                100',
      '',
      'done',
    ]);
  });

  it('starts a new table when the shape changes', () => {
    expect(formatForHost([new PSObject(CUSTOM, [['a', 1]]), new PSObject(CUSTOM, [['b', 2]])])).toEqual(['', 'a', '-', '1', '', '', 'b', '-', '2', '']);
  });

  it('shows other objects with more than four properties as lists', () => {
    const obj = new PSObject(CUSTOM, [['A', 1], ['B', 2], ['C', 3], ['D', 4], ['Eee', 5]]);
    expect(formatForHost([obj])).toEqual(['', 'A   : 1', 'B   : 2', 'C   : 3', 'D   : 4', 'Eee : 5', '']);
  });

  it('shows hashtables as one Name/Value table, Name 30 wide', () => {
    const a = new Hashtable();
    a.set('DefaultChatHistory', 30);
    const b = new Hashtable();
    b.set('Identity', 'Global');
    expect(formatForHost([a, b])).toEqual([
      '',
      'Name                           Value',
      '----                           -----',
      'DefaultChatHistory             30',
      'Identity                       Global',
      '',
    ]);
  });

  it('shows scalars one per line ($null as nothing), arrays item by item, formatted text and scriptblocks verbatim', () => {
    const block = new ScriptBlock({ text: ' $_.Identity ' } as ScriptBlockExpr);
    expect(formatForHost([1, 'two', true, null, [3, [4]], new FormattedText(['', 'x', '']), block])).toEqual([
      '1',
      'two',
      'True',
      '3',
      '4',
      '',
      'x',
      '',
      ' $_.Identity ',
    ]);
  });

  it('uses the registered view of Get-Command results', () => {
    const cmdlet = new PSObject('System.Management.Automation.CmdletInfo', [
      ['CommandType', 'Cmdlet'],
      ['Name', 'Get-Help'],
      ['Version', '3.0.0.0'],
      ['Source', 'Microsoft.PowerShell.Core'],
    ]);
    const alias = new PSObject('System.Management.Automation.AliasInfo', [
      ['CommandType', 'Alias'],
      ['Name', 'help'],
      ['DisplayName', 'help -> Get-Help'],
      ['Definition', 'Get-Help'],
      ['Version', ''],
      ['Source', ''],
    ]);
    expect(formatForHost([alias, cmdlet])).toEqual([
      '',
      'CommandType     Name                                               Version    Source',
      '-----------     ----                                               -------    ------',
      'Alias           help -> Get-Help',
      'Cmdlet          Get-Help                                           3.0.0.0    Microsoft.PowerShell.Core',
      '',
    ]);
  });

  it('groups Get-Member\'s MemberDefinition objects by TypeName, one AutoSize table per run of a type', () => {
    const member = (typeName: string, name: string, memberType: string, definition: string) =>
      new PSObject('Microsoft.PowerShell.Commands.MemberDefinition', [
        ['TypeName', typeName],
        ['Name', name],
        ['MemberType', memberType],
        ['Definition', definition],
      ]);
    expect(
      formatForHost([
        member('System.String', 'ToString', 'Method', 'string ToString()'),
        member('System.String', 'Length', 'Property', 'int Length {get;}'),
        member('System.Object[]', 'Count', 'Property', 'int Count {get;}'),
      ]),
    ).toEqual([
      '',
      '   TypeName: System.String',
      '',
      'Name     MemberType Definition',
      '----     ---------- ----------',
      'ToString Method     string ToString()',
      'Length   Property   int Length {get;}',
      '',
      '',
      '   TypeName: System.Object[]',
      '',
      'Name  MemberType Definition',
      '----  ---------- ----------',
      'Count Property   int Count {get;}',
      '',
    ]);
  });
});
