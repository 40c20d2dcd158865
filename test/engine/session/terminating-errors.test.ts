// Errors that must stop more than one item, as in PowerShell: an unknown
// command inside `( … )`, a hashtable value or an assignment's right side is
// the enclosing statement's error (the Set never runs and never clears the
// URL), while `$( … )`, `@( … )` and scriptblock bodies go on with their next
// statement; and -ErrorAction Stop is script-terminating through every
// nested block, so a ForEach-Object loop removes nothing after its failure.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

const URL = 'https://rooms.contoso.com/manage';
let t: TestSession;
beforeEach(async () => {
  t = createTestSession();
  await t.run(`Set-CsPersistentChatConfiguration -RoomManagementUrl ${URL}`);
  await t.run('New-CsPersistentChatConfiguration site:A | Out-Null; New-CsPersistentChatConfiguration site:B | Out-Null; New-CsPersistentChatConfiguration site:C | Out-Null');
});
afterEach(() => t.cleanup());

const url = () => t.file().collections['Global']!.RoomManagementUrl;
const errors = (r: { lines: { kind: string }[] }) => r.lines.filter((l) => l.kind === 'error').length;

describe('an error inside an argument ends the enclosing statement', () => {
  it('an unknown command in ( … ) stops the Set: the URL is not cleared, the script goes on', async () => {
    const r = await t.run('Set-CsPersistentChatConfiguration -RoomManagementUrl (Get-RoomUrl)\n"next"');
    expect(r.success).toBe(true);
    expect(r.text).toBe(
      [
        "Get-RoomUrl : The term 'Get-RoomUrl' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        'At line:1 char:55',
        '+ Set-CsPersistentChatConfiguration -RoomManagementUrl (Get-RoomUrl)',
        '+                                                       ~~~~~~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (Get-RoomUrl:String) [], CommandNotFoundException',
        '    + FullyQualifiedErrorId : CommandNotFoundException',
        'next',
      ].join('\n'),
    );
    expect(url()).toBe(URL);
  });

  it('the same for a positional argument and for ( … ) as pipeline input', async () => {
    await t.run('Remove-CsPersistentChatConfiguration (Get-SiteName)');
    await t.run('(Get-SiteName) | Remove-CsPersistentChatConfiguration');
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B', 'site:C']);
  });

  it('an error in a hashtable value or an assignment ends that statement; the variable keeps its value', async () => {
    expect((await t.run('$x = 5; $x = Get-Nothing; $x')).text.split('\n').at(-1)).toBe('5');
    expect((await t.run('$h = 1; $h = @{ Url = (Get-RoomUrl) }; $h')).text.split('\n').at(-1)).toBe('1');
    expect((await t.run('$y = 2; $y = @{ Url = Get-RoomUrl }; $y')).text.split('\n').at(-1)).toBe('2');
  });

  it('$( … ) and @( … ) go on with their next statement, as in PowerShell: the error is shown, the rest is the value', async () => {
    const r = await t.run('Write-Output $(Get-Nothing; "next"); @(Get-Nothing; "more").Count; "$(Get-Nothing)text"');
    expect(errors(r)).toBe(3);
    expect(r.lines.filter((l) => l.kind === 'output').map((l) => l.text)).toEqual(['next', '1', 'text']);
  });

  it("so `-RoomManagementUrl $(Get-RoomUrl)` does run with $null, as 5.1 does, unless $ErrorActionPreference is 'Stop'", async () => {
    await t.run("$ErrorActionPreference = 'Stop'; Set-CsPersistentChatConfiguration -RoomManagementUrl $(Get-RoomUrl)");
    expect(url()).toBe(URL);
    await t.run("$ErrorActionPreference = 'Continue'; Set-CsPersistentChatConfiguration -RoomManagementUrl $(Get-RoomUrl)");
    expect(url()).toBeNull();
  });

  it('a scriptblock body goes on with its next statement after a statement-terminating error', async () => {
    const r = await t.run("'site:A' | ForEach-Object { Get-Nothing; Remove-CsPersistentChatConfiguration -Identity $_ }");
    expect(errors(r)).toBe(1);
    expect(t.identities()).toEqual(['Global', 'site:B', 'site:C']);
  });
});

describe('-ErrorAction Stop inside a block stops the whole pipeline and script', () => {
  it('Get … | ForEach-Object { Remove … -ErrorAction Stop }: the first removal fails, nothing later is removed', async () => {
    await t.run('New-CsPersistentChatConfiguration site:B-Old | Out-Null; New-CsPersistentChatConfiguration site:C-Old | Out-Null');
    const r = await t.run(
      'Get-CsPersistentChatConfiguration -Filter site:* | ForEach-Object { Remove-CsPersistentChatConfiguration -Identity "$($_.Identity)-Old" -ErrorAction Stop }\n"after"',
    );
    expect(r.success).toBe(false);
    expect(errors(r)).toBe(1);
    expect(r.text).toContain('Cannot find "PersistentChatConfiguration" "site:A-Old" because it does not exist.');
    expect(r.text).not.toContain('after');
    expect(t.identities().sort()).toEqual(['Global', 'site:A', 'site:B', 'site:B-Old', 'site:C', 'site:C-Old']);
  });

  it('later statements of the same block do not run either', async () => {
    await t.run("'site:Typo', 'site:B' | ForEach-Object { Remove-CsPersistentChatConfiguration -Identity $_ -ErrorAction Stop; Remove-CsPersistentChatConfiguration -Identity site:C }");
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B', 'site:C']);
  });

  it('through nested blocks, Where-Object filters and $( … )', async () => {
    await t.run(
      "'x' | ForEach-Object { 'site:Typo', 'site:A' | ForEach-Object { Remove-CsPersistentChatConfiguration -Identity $_ -ErrorAction Stop } }; Remove-CsPersistentChatConfiguration -Identity site:B",
    );
    await t.run("'site:A', 'site:B' | Where-Object { Get-CsPersistentChatConfiguration -Identity site:Typo -ErrorAction Stop } | Remove-CsPersistentChatConfiguration");
    await t.run('Write-Output $(Remove-CsPersistentChatConfiguration -Identity site:Typo -ErrorAction Stop; Remove-CsPersistentChatConfiguration -Identity site:C)');
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B', 'site:C']);
  });

  it('without Stop, one bad item does not stop the others (non-terminating per item)', async () => {
    const r = await t.run("'site:Typo', 'site:B', 'site:C' | ForEach-Object { Remove-CsPersistentChatConfiguration -Identity $_ }");
    expect(errors(r)).toBe(1);
    expect(t.identities()).toEqual(['Global', 'site:A']);
  });
});
