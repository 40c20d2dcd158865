// The console language end to end: literals, strings and expansion,
// operators with left-operand conversion, member enumeration, variables,
// scriptblocks and the built-in commands, each asserting the whole output.

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

describe('literals', () => {
  it.each([
    ['0x1F', '31'],
    ['0XFF', '255'],
    ['10kb', '10240'],
    ['1.5mb', '1572864'],
    ['2gb', '2147483648'],
    ['1e3', '1000'],
    ['1.5E-2', '0.015'],
    ['.5', '0.5'],
    ['-5', '-5'],
    ['7 / 2', '3.5'],
    ['7 % 3', '1'],
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
  ])('%s → %s', async (expr, expected) => {
    expect(await out(expr)).toEqual([expected]);
  });

  it('arrays with the comma operator and @()', async () => {
    expect(await out('1,2,3')).toEqual(['1', '2', '3']);
    expect(await out('@(1,2).Count')).toEqual(['2']);
    expect(await out('@().Count')).toEqual(['0']);
    expect(await out('$a = 1,2,3; $a[0]; $a[-1]')).toEqual(['1', '3']);
  });

  it('hashtables', async () => {
    expect(await out("$h = @{ Name = 'x'; Size = 3 }; $h.Name; $h['size']; $h.Count")).toEqual(['x', '3', '2']);
  });
});

describe('strings', () => {
  it("single quotes are literal, with '' for a quote", async () => {
    expect(await out("'It''s $x'")).toEqual(["It's $x"]);
  });

  it('double quotes expand variables and sub-expressions, with backtick escapes', async () => {
    expect(await out('$n = 5; "n is $n, twice $($n * 2), `$n literal, tab[`t]"')).toEqual(['n is 5, twice 10, $n literal, tab[\t]']);
    expect(await out('"say ""hi"""')).toEqual(['say "hi"']);
  });

  it('member access is not expanded inside a string without $()', async () => {
    expect(await out('$g = Get-CsPersistentChatConfiguration global; "$($g.DefaultChatHistory) vs $g.DefaultChatHistory"')).toEqual([
      '30 vs Global.DefaultChatHistory',
    ]);
  });

  it('string methods', async () => {
    expect(await out("'Redmond'.ToUpper(); 'a-b-c'.Split('-').Count; 'abc'.Length")).toEqual(['REDMOND', '3', '3']);
  });
});

describe('operators', () => {
  it('the right operand is converted to the left operand\'s type', async () => {
    expect(await out('10 -eq "10"; "10" -eq 10; 2 -lt "10"; "2" -lt "10"')).toEqual(['True', 'True', 'True', 'False']);
  });

  it('string comparison ignores case unless -c', async () => {
    expect(await out("'ABC' -eq 'abc'; 'ABC' -ceq 'abc'; 'ABC' -ieq 'abc'")).toEqual(['True', 'False', 'True']);
  });

  it('-like, -notlike, -match, -notmatch', async () => {
    expect(await out("'site:Redmond' -like 'site:*'; 'site:Redmond' -notlike '*paris*'; 'pool01' -match '\\d+$'; $Matches[0]; 'x' -notmatch 'y'")).toEqual([
      'True',
      'True',
      'True',
      '01',
      'True',
    ]);
  });

  it('-contains, -notcontains, -in, -notin', async () => {
    expect(await out('1,2,3 -contains 2; 1,2,3 -notcontains "2"; 3 -in 1,2,3; 4 -notin 1,2,3')).toEqual(['True', 'False', 'True', 'True']);
  });

  it('a collection on the left filters', async () => {
    expect(await out('1,5,10,20 -gt 5')).toEqual(['10', '20']);
  });

  it('-and, -or, -not, !', async () => {
    expect(await out('$true -and $false; $true -or $false; -not $true; !$false; -not 0')).toEqual(['False', 'True', 'False', 'True', 'True']);
  });

  it('comparing a number with text that is not a number is an error', async () => {
    const r = await t.run('5 -gt "abc"');
    expect(r.success).toBe(false);
    expect(r.lines[0]!.record?.message).toBe('Could not compare "5" to "abc". Error: "Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format.""');
  });

  it('string concatenation and repetition', async () => {
    expect(await out("'a' + 1; 'ab' * 3; 1 + '2'")).toEqual(['a1', 'ababab', '3']);
  });
});

describe('variables and members', () => {
  it('member enumeration over a collection', async () => {
    await t.run('New-CsPersistentChatConfiguration site:A -DefaultChatHistory 10; New-CsPersistentChatConfiguration site:B -DefaultChatHistory 20');
    expect(await out('(Get-CsPersistentChatConfiguration).DefaultChatHistory')).toEqual(['30', '10', '20']);
    expect(await out('$all = Get-CsPersistentChatConfiguration; $all.Identity; $all.Count')).toEqual(['Global', 'site:A', 'site:B', '3']);
  });

  it('assigning a bad value to a property fails like the .NET setter', async () => {
    const r = await t.run("$g = Get-CsPersistentChatConfiguration global; $g.DefaultChatHistory = 'abc'");
    expect(r.lines[0]!.record?.message).toBe('Exception setting "DefaultChatHistory": "Cannot convert value "abc" to type "System.Int16". Error: "Input string was not in a correct format.""');
    const range = await t.run('$g.DefaultChatHistory = 501');
    expect(range.lines[0]!.record?.message).toContain('The 501 argument is greater than the maximum allowed range of 500.');
    expect(await out('$g.DefaultChatHistory')).toEqual(['30']);
  });

  it('$_ and $PSItem in scriptblocks', async () => {
    expect(await out('1,2,3 | ForEach-Object { $_ * 10 }; 4 | % { $PSItem + 1 }')).toEqual(['10', '20', '30', '5']);
  });

  it('compound assignment', async () => {
    expect(await out('$i = 1; $i += 4; $i *= 2; $i')).toEqual(['10']);
  });

  it('$null, $true and $false cannot be assigned', async () => {
    const r = await t.run('$true = 5');
    expect(r.lines[0]!.record?.message).toBe('Cannot overwrite variable true because it is read-only or constant.');
  });
});

describe('built-in commands', () => {
  beforeEach(async () => {
    await t.run('New-CsPersistentChatConfiguration site:A -DefaultChatHistory 10; New-CsPersistentChatConfiguration site:B -DefaultChatHistory 200');
  });

  it('Where-Object simple form', async () => {
    expect(await out('Get-CsPersistentChatConfiguration | Where-Object DefaultChatHistory -gt 30 | ForEach-Object Identity')).toEqual(['site:B']);
  });

  it('Select-Object -Property shows a table; -ExpandProperty gives values; -First/-Last', async () => {
    expect(await out('Get-CsPersistentChatConfiguration | Select-Object Identity, DefaultChatHistory')).toEqual([
      '',
      'Identity DefaultChatHistory',
      '-------- ------------------',
      'Global                   30',
      'site:A                   10',
      'site:B                  200',
      '',
    ]);
    expect(await out('Get-CsPersistentChatConfiguration | Select-Object -ExpandProperty Identity -First 2')).toEqual(['Global', 'site:A']);
    expect(await out('Get-CsPersistentChatConfiguration | Select-Object -Last 1 | % Identity')).toEqual(['site:B']);
  });

  it('Sort-Object -Property -Descending', async () => {
    expect(await out('Get-CsPersistentChatConfiguration | Sort-Object DefaultChatHistory -Descending | % Identity')).toEqual(['site:B', 'Global', 'site:A']);
  });

  it('Measure-Object', async () => {
    expect(await out('(Get-CsPersistentChatConfiguration | Measure-Object).Count; (Get-CsPersistentChatConfiguration | Measure-Object DefaultChatHistory -Sum -Maximum).Sum')).toEqual(['3', '240']);
  });

  it('Format-Table and Format-List', async () => {
    expect(await out('Get-CsPersistentChatConfiguration site:A | Format-List Identity, MaxFileSizeKB')).toEqual(['', 'Identity      : site:A', 'MaxFileSizeKB : 20000', '']);
    expect(await out('Get-CsPersistentChatConfiguration | ft Identity, ParticipantUpdateLimit')).toEqual([
      '',
      'Identity ParticipantUpdateLimit',
      '-------- ----------------------',
      'Global                       75',
      'site:A                       75',
      'site:B                       75',
      '',
    ]);
  });

  it('Write-Output and echo', async () => {
    expect(await out('Write-Output a b; echo 1')).toEqual(['a', 'b', '1']);
  });

  it('Get-Command with wildcards', async () => {
    const lines = await out('Get-Command *PersistentChat*');
    expect(lines.filter((l) => l.includes('CsPersistentChatConfiguration'))).toHaveLength(4);
  });

  it('Get-Help shows syntax generated from the metadata', async () => {
    const text = (await out('Get-Help Get-CsPersistentChatConfiguration')).join('\n');
    expect(text).toContain('Get-CsPersistentChatConfiguration [[-Identity] <XdsIdentity>] [-LocalStore] [<CommonParameters>]');
    expect(text).toContain('Get-CsPersistentChatConfiguration [-Filter <String>] [-LocalStore] [<CommonParameters>]');
  });

  it('Get-Help -Examples lists the documented usages', async () => {
    const text = (await out('Get-Help Set-CsPersistentChatConfiguration -Examples')).join('\n');
    expect(text).toContain('Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 100');
  });

  it('Get-History lists what was run', async () => {
    const lines = await out('Get-History');
    expect(lines.join('\n')).toContain('New-CsPersistentChatConfiguration site:A -DefaultChatHistory 10');
  });

  it('Get-Member lists the typed properties', async () => {
    const text = (await out('Get-CsPersistentChatConfiguration global | Get-Member')).join('\n');
    expect(text).toMatch(/DefaultChatHistory\s+Property\s+int16 DefaultChatHistory \{get;set;\}/);
  });

  it('Clear-Host and cls ask the host to clear', async () => {
    const r = await t.run('cls');
    expect(r.lines).toEqual([{ kind: 'clear', text: '' }]);
  });
});

describe('parse errors', () => {
  it('are reported with their position and change nothing', async () => {
    const r = await t.run("Set-CsPersistentChatConfiguration -DefaultChatHistory 50; Get-CsPersistentChatConfiguration | Where-Object {$_.x -eq ");
    expect(r.success).toBe(false);
    expect(r.lines[0]!.record?.category).toBe('ParserError');
    expect(t.file().collections.Global!.DefaultChatHistory).toBe(30);
  });

  it('incomplete input in the console asks for more and leaves no trace; elsewhere it is an error', async () => {
    const console = await t.session.execute('Get-CsPersistentChatConfiguration | Where-Object {', { allowIncomplete: true });
    expect(console).toMatchObject({ lines: [], incomplete: true });
    expect((await out('$Error.Count')).join()).toBe('0');
    expect((await out('Get-History')).join('\n')).not.toContain('Where-Object {');
    const script = await t.run('Get-CsPersistentChatConfiguration | Where-Object {');
    expect(script.success).toBe(false);
    expect(script.lines[0]!.record?.errorId).toBe('MissingEndCurlyBrace');
  });
});
