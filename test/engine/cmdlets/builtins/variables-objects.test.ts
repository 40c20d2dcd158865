// Get-/Set-/New-/Remove-/Clear-Variable, New-Object and Add-Member through
// a real session, with 5.1's errors.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../../helpers/engine-session';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

async function text(line: string): Promise<string> {
  return (await t.run(line)).text;
}

describe('the *-Variable commands', () => {
  it('Get-Variable shows the Name/Value table, by name or wildcard; -ValueOnly gives values', async () => {
    await t.run('$site1 = "site:A"; $site2 = "site:B"');
    expect(await text('Get-Variable site*')).toBe(['', 'Name                           Value', '----                           -----', 'site1                          site:A', 'site2                          site:B', ''].join('\n'));
    expect(await text('Get-Variable site* -ValueOnly')).toBe('site:A\nsite:B');
    expect(await text('Get-Variable ErrorActionPreference -ValueOnly; Get-Variable true -ValueOnly')).toBe('Continue\nTrue');
    expect(await text('Get-Variable nosuch*')).toBe('');
  });

  it('a plain name that matches nothing is 5.1\'s VariableNotFound', async () => {
    expect(await text('Get-Variable nosuch')).toBe(
      [
        "Get-Variable : Cannot find a variable with the name 'nosuch'.",
        'At line:1 char:1',
        '+ Get-Variable nosuch',
        '+ ~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (nosuch:String) [Get-Variable], ItemNotFoundException',
        '    + FullyQualifiedErrorId : VariableNotFound,Get-Variable',
      ].join('\n'),
    );
  });

  it('Set-Variable creates or sets, collects piped values, and honours -WhatIf', async () => {
    expect(await text('$name = "target"; Set-Variable -Name $name -Value 42; $target')).toBe('42');
    expect(await text('1,2,3 | Set-Variable list; $list.Count; 7 | Set-Variable one; $one')).toBe('3\n7');
    expect(await text('Set-Variable planned 1 -WhatIf; $planned -eq $null')).toBe('What if: Performing the operation "Set variable" on target "Name: planned Value: 1".\nTrue');
    expect(await text('Set-Variable x 1 -PassThru | % Name')).toBe('x');
    expect(await text('Set-Variable true 1')).toContain('Set-Variable : Cannot overwrite variable true because it is read-only or constant.');
  });

  it('New-Variable refuses a name in use unless -Force', async () => {
    expect(await text('New-Variable fresh 1; $fresh')).toBe('1');
    expect(await text('New-Variable fresh 2')).toContain("New-Variable : A variable with name 'fresh' already exists.");
    expect(await text('$fresh; New-Variable fresh 3 -Force; $fresh')).toBe('1\n3');
  });

  it('Remove-Variable deletes, Clear-Variable empties; missing names and constants are errors', async () => {
    await t.run('$a1 = 1; $a2 = 2; $keep = 3');
    expect(await text('Remove-Variable a*; Get-Variable a* | % Name; $keep')).toBe('3');
    expect(await text('Clear-Variable keep; Get-Variable keep | % { $_.Value -eq $null }')).toBe('True');
    expect(await text('Remove-Variable gone')).toContain("Remove-Variable : Cannot find a variable with the name 'gone'.");
    expect(await text('Remove-Variable null')).toContain('Remove-Variable : Cannot remove variable null because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.');
    expect(await text('$b = 1; Remove-Variable b -WhatIf; $b')).toBe('What if: Performing the operation "Remove variable" on target "Name: b".\n1');
  });

  it('-Scope takes Global, Local, Script and 0', async () => {
    expect(await text('Set-Variable g 1 -Scope Global; Get-Variable g -Scope Script -ValueOnly; $global:g')).toBe('1\n1');
    expect(await text('Get-Variable g -Scope 3')).toContain("The scope number '3' exceeds the number of active scopes.");
  });
});

describe('New-Object', () => {
  it('PSObject with -Property', async () => {
    expect(await text('New-Object PSObject -Property @{ Identity = "site:A"; Status = "OK" }')).toBe(['', 'Identity Status', '-------- ------', 'site:A   OK', ''].join('\n'));
  });

  it('ArrayList: Add prints the index (unless discarded), and the list grows in place', async () => {
    expect(await text('$l = New-Object System.Collections.ArrayList; $l.Add("a"); [void]$l.Add("b"); $l.Add("c") | Out-Null; $l.Count; "$l"; $l.GetType().FullName')).toBe(
      '0\n3\na b c\nSystem.Collections.ArrayList',
    );
    expect(await text('$l = New-Object System.Collections.ArrayList; $l.AddRange(@(3,1,2)); $l.Remove(1); $l.Insert(0, 9); $l.Contains(9); $l.IndexOf(2); $l.Sort(); "$l"; $l.Clear(); $l.Count')).toBe(
      'True\n2\n2 3 9\n0',
    );
  });

  it('List[string] converts what it is given and Add prints nothing', async () => {
    expect(await text('$g = New-Object System.Collections.Generic.List[string]; $g.Add(5); $g[0].GetType().FullName; $g.Remove("5"); $g.Count')).toBe('System.String\nTrue\n0');
    expect(await text('$o = New-Object "System.Collections.Generic.List[object]"; $o.Add(1); $o.Add("x"); $o.Count')).toBe('2');
  });

  it('a plain array is fixed size, as in .NET', async () => {
    expect(await text('$a = 1,2; $a.Add(3)')).toContain('Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."');
  });

  it('hashtables, and 5.1\'s errors for unknown types', async () => {
    expect(await text('$h = New-Object hashtable; $h.a = 1; $h.Count')).toBe('1');
    expect(await text('New-Object Foo.Bar')).toBe(
      [
        'New-Object : Cannot find type [Foo.Bar]: verify that the assembly containing this type is loaded.',
        'At line:1 char:1',
        '+ New-Object Foo.Bar',
        '+ ~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : InvalidType: (:) [New-Object], PSArgumentException',
        '    + FullyQualifiedErrorId : TypeNotFound,New-Object',
      ].join('\n'),
    );
  });
});

describe('Add-Member', () => {
  it('adds note properties in place, in all three forms', async () => {
    await t.run('$o = New-Object PSObject -Property @{ Identity = "site:A" }');
    await t.run('$o | Add-Member -NotePropertyName Status -NotePropertyValue OK');
    await t.run('Add-Member -InputObject $o -MemberType NoteProperty -Name Owner -Value ops');
    await t.run('$o | Add-Member -NotePropertyMembers @{ Ticket = 4711 }');
    expect(await text('$o')).toBe(['', 'Identity Status Owner Ticket', '-------- ------ ----- ------', 'site:A   OK     ops     4711', ''].join('\n'));
    expect(await text('$o | Add-Member NoteProperty Extra 1 -PassThru | % Extra')).toBe('1');
  });

  it('an existing member needs -Force', async () => {
    await t.run('$o = New-Object PSObject -Property @{ Status = "old" }');
    expect(await text('$o | Add-Member -NotePropertyName Status -NotePropertyValue new')).toContain(
      'Add-Member : Cannot add a member with the name "Status" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.',
    );
    expect(await text('$o | Add-Member -NotePropertyName Status -NotePropertyValue new -Force; $o.Status')).toBe('new');
  });

  it('alias properties read and write the property they stand for', async () => {
    expect(await text('$o = New-Object PSObject -Property @{ DefaultChatHistory = 30 }; $o | Add-Member AliasProperty History DefaultChatHistory; $o.History; $o.History = 50; $o.DefaultChatHistory')).toBe('30\n50');
  });

  it('refuses what this console cannot add, clearly', async () => {
    expect(await text('"text" | Add-Member -NotePropertyName X -NotePropertyValue 1')).toContain('Add-Member : Add-Member adds members to objects');
    expect(await text('$o = New-Object PSObject; $o | Add-Member ScriptProperty Twice { 2 }')).toContain('Add-Member -MemberType ScriptProperty is not available in this console yet.');
  });
});
