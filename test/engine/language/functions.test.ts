// Functions, filters, script blocks and script files: param() blocks bound by
// the binder, scopes, dot-sourcing, $args, $input, $PSBoundParameters,
// $PSCmdlet, pipeline input and validation, in a real session.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestSession } from '../../helpers/engine-session';
import { firstLines, type Case } from './cases';

const t = createTestSession();
afterAll(() => t.cleanup());

const cases: Case[] = [
  ['function Get-Double { param([int]$N = 2) $N * 2 }; Get-Double; Get-Double -N 5; Get-Double 7; Get-Double -n 4', '4\n10\n14\n8'],
  ['function f([int]$a, $b) { $a + $b }; f 1 2; f -b 5 -a 1', '3\n6'],
  ['$x = 1; function f { $x = 2; "in f: $x" }; f; "outside: $x"', 'in f: 2\noutside: 1'],
  ['$x = 1; function f { $global:x = 5 }; f; $x', '5'],
  ['$x = 1; function f { $script:x = 6 }; f; $x', '6'],
  ['function f { $y = 7 }; . f; $y', '7'],
  ['$sb = { $z = 9 }; & $sb; "z=[$z]"; . $sb; "z=[$z]"', 'z=[]\nz=[9]'],
  ['$sb = { param($x) $x * 3 }; & $sb 4; $sb.Invoke(2)', '12\n6'],
  ['function f { param([switch]$Force, [string]$Name = "def") "Force=$Force Name=$Name" }; f; f -Force -Name x; f -Force:$false', 'Force=False Name=def\nForce=True Name=x\nForce=False Name=def'],
  ['function f { param($a, $b = $a * 2) "$a $b" }; f 3', '3 6'],
  ['function f { $args.Count; $args[1] }; f x y z', '3\ny'],
  ['function f { "args: $($args -join "|")" }; f a -b c', 'args: a|-b|c'],
  ['function f { param($A) $PSBoundParameters.ContainsKey("A"); $PSBoundParameters.Count }; f -A 1; f', 'True\n1\nFalse\n0'],
  ['function f { $input | ForEach-Object { $_ * 2 } }; 1,2,3 | f', '2\n4\n6'],
  ['function f { begin { "b" } process { "p$_" } end { "e" } }; 1,2 | f', 'b\np1\np2\ne'],
  ['filter Double { $_ * 2 }; 1..3 | Double', '2\n4\n6'],
  ['function Get-Id { param([Parameter(ValueFromPipelineByPropertyName)][string]$Identity) process { "id: $Identity" } }; Get-CsPersistentChatConfiguration | Get-Id', 'id: Global'],
  ['function f { param([Parameter(ValueFromPipeline)][int]$N) process { $N + 1 } }; 1,2 | f', '2\n3'],
  ['function f { param([ValidateSet("a","b")][string]$Mode) $Mode }; f -Mode c', 'f : Cannot validate argument on parameter \'Mode\'. The argument "c" does not belong to the set "a,b" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.'],
  ['function f { param([ValidateRange(1, 10)][int]$N) $N }; f 11', "f : Cannot validate argument on parameter 'N'. The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again."],
  ['function f { param([ValidateNotNullOrEmpty()][string]$S) $S }; f -S ""', "f : Cannot validate argument on parameter 'S'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."],
  ['function f { param([int]$N) $N }; f -N abc', 'f : Cannot process argument transformation on parameter \'N\'. Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."'],
  ['function f { param([Parameter(Mandatory)]$X) $X }; f', 'f : Cannot process command because of one or more missing mandatory parameters: X.'],
  ['function f { [CmdletBinding()] param($A) $A }; f -B 1', "f : A parameter cannot be found that matches parameter name 'B'."],
  ['function f { param([Alias("N")]$Name) $Name }; f -N x', 'x'],
  ['function Test-It { [CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory, ValueFromPipeline)][string]$Name) process { if ($PSCmdlet.ShouldProcess($Name)) { "doing $Name" } } }; "a","b" | Test-It -WhatIf; "c" | Test-It', 'What if: Performing the operation "Test-It" on target "a".\nWhat if: Performing the operation "Test-It" on target "b".\ndoing c'],
  ['function New-Site { [CmdletBinding(SupportsShouldProcess)] param([string]$Name) New-CsPersistentChatConfiguration -Identity "site:$Name" }; New-Site -Name X -WhatIf; (Get-CsPersistentChatConfiguration -Filter site:X | Measure-Object).Count', 'What if: Performing the operation "New-CsPersistentChatConfiguration" on target "site:X".\n0'],
  ['function global:Get-Thing { "thing" }; Get-Thing', 'thing'],
  ['function f { f }; f', 'The script failed due to call depth overflow.'],
];

describe('functions and script blocks', () => {
  it.each(cases)('%s', async (input, expected) => {
    const r = await t.run(input);
    expect(firstLines(r.text)).toBe(expected);
  });
});

describe('script files', () => {
  const dir = path.join(t.dir, 'scripts');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'lib.ps1'), 'function Format-Site { param([Parameter(Mandatory)][string]$Name) "site:$Name" }\nfunction Get-Bad { Get-CsPersistentChatConfiguration -Identity nope:x }\n');
  fs.writeFileSync(
    path.join(dir, 'main.ps1'),
    'param([string]$Site = "Redmond", [int]$History = 30)\n. $PSScriptRoot/lib.ps1\n"$(Format-Site -Name $Site) $History"\n"root is scripts: $((Split-Path -Leaf $PSScriptRoot) -eq "scripts")"\n',
  );
  // A UTF-16 LE file with a byte order mark, as Windows PowerShell's `>` writes one.
  fs.writeFileSync(path.join(dir, 'unicode.ps1'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('"ünïcode script"\r\n', 'utf16le')]));
  fs.writeFileSync(path.join(dir, 'broken.ps1'), 'if ($true) {\n  "x"\n');

  it('runs a script by path with arguments for its param() block, dot-sources a library beside it', async () => {
    const r = await t.run(`& '${dir}/main.ps1' -Site Paris -History 40`);
    expect(r.text.split('\n')[0]).toBe('site:Paris 40');
    const defaults = await t.run(`& '${dir}/main.ps1'`);
    expect(defaults.text.split('\n')[0]).toBe('site:Redmond 30');
  });

  it('reads UTF-16 scripts with a byte order mark', async () => {
    expect((await t.run(`& '${dir}/unicode.ps1'`)).text).toBe('ünïcode script');
  });

  it("reports an error in a dot-sourced function at the library's own line", async () => {
    const r = await t.run(`. '${dir}/lib.ps1'; Get-Bad`);
    expect(r.text).toContain(`At ${dir}/lib.ps1:2 char:`);
  });

  it('reports a parse error in a script file with its path, and runs nothing', async () => {
    const r = await t.run(`& '${dir}/broken.ps1'`);
    expect(r.text).toContain("Missing closing '}' in statement block or type definition.");
    expect(r.text).toContain(`At ${dir}/broken.ps1:1 char:12`);
  });

  it('a missing script is CommandNotFound', async () => {
    const r = await t.run(`& '${dir}/missing.ps1'`);
    expect(r.text).toContain("is not recognized as the name of a cmdlet, function, script file, or operable program");
  });
});

describe('types', () => {
  const typeCases: Case[] = [
    ['(5).GetType().Name; "s".GetType().FullName; (1,2).GetType().Name; @{}.GetType().Name', 'Int32\nSystem.String\nObject[]\nHashtable'],
    ['$c = Get-CsPersistentChatConfiguration -Identity Global; $c.DefaultChatHistory.GetType().Name; $c.Identity.GetType().FullName; $c.MaxFileSizeKB.GetType().Name', 'Int16\nMicrosoft.Rtc.Management.Xds.XdsIdentity\nUInt32'],
    ['$n = $null; $n.GetType()', 'You cannot call a method on a null-valued expression.'],
    ['[int]"42" + 1; [int16]"7"; [double]"1.5"; [string]5 + 5; [bool]"False"; [char]65', '43\n7\n1.5\n55\nTrue\nA'],
    ['[int]"abc"', 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."'],
    ['[int16]40000', 'Cannot convert value "40000" to type "System.Int16". Error: "Value was either too large or too small for an Int16."'],
    ['[nosuchtype]"x"', 'Unable to find type [nosuchtype].'],
    ['[math]::Round(2.5); [math]::Round(3.5); [math]::Round(2.345, 2); [int]::MaxValue; [string]::IsNullOrEmpty(""); [math]::Max(3, 9)', '2\n4\n2.35\n2147483647\nTrue\n9'],
    ['$o = [pscustomobject]@{ Name = "x"; Count = 3 }; $o.Name; $o.Count; $o.GetType().Name', 'x\n3\nPSCustomObject'],
    ['$h = [ordered]@{ b = 1; a = 2 }; $h.Keys -join ","', 'b,a'],
    ['[string[]]$a = 1, 2; $a[0].GetType().Name; [int]$n = "5"; $n + 1', 'String\n6'],
    ['[int]$n = 5; $n = "x"', 'Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format."'],
    ['5 -is [int]; "5" -is [int]; "5" -as [int]; "x" -as [int]; $null -eq ("x" -as [int])', 'True\nFalse\n5\nTrue'],
    ['[datetime]"2024-03-01" -lt [datetime]"2024-04-01"; ([datetime]"2024-03-01").AddDays(-1).Day; "{0:yyyy-MM-dd}" -f [datetime]"2024-05-06"', 'True\n29\n2024-05-06'],
  ];
  it.each(typeCases)('%s', async (input, expected) => {
    const r = await t.run(input);
    expect(firstLines(r.text)).toBe(expected);
  });
});

describe('operators', () => {
  const operatorCases: Case[] = [
    ['1..3 -join ","; 3..1 -join ","; (1..10).Count', '1,2,3\n3,2,1\n10'],
    ['"{0:N0} | {1,5} | {2,-4}| {3:P1} | {4:X}" -f 12345.6, "ab", "c", 0.256, 255', '12,346 |    ab | c   | 25.6 % | FF'],
    ['"{0} {1}" -f "only"', 'Error formatting a string: Input string was not in a correct format..'],
    ['"a,b,,c" -split ","; -split "  x  y "', 'a\nb\n\nc\nx\ny'],
    ['"a1b2c3" -split "\\d", 2', 'a\nb2c3'],
    ['"Hello" -replace "l", "L"; "Hello" -creplace "h", "J"; "2024-05-06" -replace "(\\d+)-(\\d+)-(\\d+)", \'$3.$2.$1\'', 'HeLLo\nHello\n06.05.2024'],
    ['6 -band 3; 6 -bor 3; 6 -bxor 3; -bnot 0; 1 -shl 4; 256 -shr 2', '2\n7\n5\n-1\n16\n64'],
    ['$true -xor $true; $true -xor $false', 'False\nTrue'],
    ['1,2,3,4 -gt 2; "a","b","a" -eq "a"; (1,2,3) -contains 2; 2 -in 1,2,3', '3\n4\na\na\nTrue\nTrue'],
    ['$x = 5; $x += 3; $x *= 2; $x -= 1; $x /= 3; $x %= 4; $x', '1'],
    ['$a, $b, $c = 1, 2, 3, 4; $a; $b; $c -join "+"', '1\n2\n3+4'],
    ['$params = @{ Identity = "Global" }; (Get-CsPersistentChatConfiguration @params).Identity; $list = @("Global"); (Get-CsPersistentChatConfiguration @list).Identity', 'Global\nGlobal'],
  ];
  it.each(operatorCases)('%s', async (input, expected) => {
    const r = await t.run(input);
    expect(firstLines(r.text)).toBe(expected);
  });

  it('redirects output to a file as Out-File writes it (UTF-16 LE with a byte order mark, CRLF) and appends with >>', async () => {
    const file = path.join(t.dir, 'out.txt');
    await t.run(`"one" > '${file}'; "two" >> '${file}'`);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe('one\r\ntwo\r\n');
  });

  it('2>$null hides an error but $? still tells; 2>&1 sends the error record down the pipeline', async () => {
    expect(firstLines((await t.run('Get-CsPersistentChatConfiguration -Identity site:none 2>$null; $?')).text)).toBe('False');
    expect(firstLines((await t.run('Get-CsPersistentChatConfiguration -Identity site:none 2>&1 | ForEach-Object { "got " + $_.GetType().Name }')).text)).toBe('got ErrorRecord');
  });
});
