// SecureString, ConvertTo-SecureString, PSCredential and the [Console] /
// [Text.Encoding] statics the bootstrap script sent to powershell.exe uses,
// run through the real parser and runtime. The secret must never show.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../../helpers/engine-session';
import { BUILTIN_COMMANDS } from '../../../../src-main/engine/cmdlets/builtins';
import { setStandardInputReader } from '../../../../src-main/engine/shell/standard-input';

const SECRET = 'Tr0ub4dor&3-s3cret';

let t: TestSession;
beforeEach(async () => {
  t = createTestSession();
  // Files written by Export-Clixml land in the temp store directory, not the checkout.
  await t.run(`Set-Location '${t.dir}'`);
});
afterEach(() => t.cleanup());

async function text(line: string): Promise<string> {
  return (await t.run(line)).text;
}

async function withSecret(line: string): Promise<string> {
  return text(`$s = ConvertTo-SecureString -String '${SECRET}' -AsPlainText -Force; $c = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\\admin', $s; ${line}`);
}

describe('ConvertTo-SecureString', () => {
  it('-AsPlainText -Force gives a SecureString that shows only its type name and Length', async () => {
    expect(await withSecret('$s; "$s"; $s.Length; $s.GetType().FullName')).toBe(`System.Security.SecureString\nSystem.Security.SecureString\n${SECRET.length}\nSystem.Security.SecureString`);
    expect(await text(`'abc' | ConvertTo-SecureString -AsPlainText -Force | ForEach-Object Length`)).toBe('3');
  });

  it('never reveals the text: Format-List *, Format-Table, Get-Member, ConvertTo-Json, Export-Clixml, Out-String', async () => {
    const out = await withSecret(
      '$s | Format-List *; $s | Format-Table *; $s | Get-Member; $s | ConvertTo-Json; $s | Out-String; $s | Select-Object *; ' +
        '$c; $c | Format-List *; $c | ConvertTo-Json -Depth 5; $c | Export-Clixml -Path cred.xml; Get-Content cred.xml; "$c $($c.Password)"',
    );
    expect(out).toContain('Length : 18');
    expect(out).toContain('CONTOSO\\admin');
    expect(out).not.toContain(SECRET);
  });

  it('-AsPlainText without -Force is 5.1\'s ForceRequired error, and nothing is returned', async () => {
    const r = await t.run(`$x = ConvertTo-SecureString -String 'abc' -AsPlainText; $null -eq $x`);
    expect(r.lines[0]!.record).toMatchObject({ errorId: 'ImportSecureString_ForceRequired', category: 'InvalidArgument', exceptionType: 'ArgumentException' });
    expect(r.text.split('\n')[0]).toBe(
      'ConvertTo-SecureString : The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.',
    );
    expect(r.text.split('\n').at(-1)).toBe('True');
  });

  it('an encrypted standard string is refused with a clear error', async () => {
    const r = await t.run(`ConvertTo-SecureString -String '01000000d08c9ddf0115d1118c7a00c04fc297eb'`);
    expect(r.lines[0]!.record).toMatchObject({ errorId: 'ImportSecureString_InvalidArgument', category: 'InvalidArgument' });
    expect(r.text).toContain('use -AsPlainText -Force');
  });

  it('a null or empty -String is the binder\'s error', async () => {
    expect((await text(`ConvertTo-SecureString -String '' -AsPlainText -Force`)).split('\n')[0]).toBe("ConvertTo-SecureString : Cannot bind argument to parameter 'String' because it is an empty string.");
    expect((await text(`ConvertTo-SecureString -String $null -AsPlainText -Force`)).split('\n')[0]).toBe("ConvertTo-SecureString : Cannot bind argument to parameter 'String' because it is null.");
  });

  it('has help in its own words, listed by Get-Help', async () => {
    const cmd = BUILTIN_COMMANDS.find((c) => c.name === 'ConvertTo-SecureString')!;
    expect(cmd.help.synopsis).toMatch(/SecureString/);
    expect(await text('Get-Help ConvertTo-SecureString')).toContain(cmd.help.synopsis);
    expect(await text('$e = Get-Help ConvertTo-SecureString -Examples | Out-String; $e -match "ReadLine"')).toBe('True');
  });
});

describe('Read-Host -AsSecureString', () => {
  it('keeps the typed text in the SecureString, usable through a PSCredential, shown nowhere', async () => {
    const i = createTestSession({ interactive: true, dir: t.dir });
    i.answers.push(SECRET);
    const out = (await i.run('$p = Read-Host -AsSecureString "Password"; $p; $p | Format-List *; $c = [pscredential]::new("admin", $p); $c.GetNetworkCredential().Password.Length; $c.GetNetworkCredential().Password -eq $env:NOPE')).text;
    expect(out).toBe(`System.Security.SecureString\n\nLength : ${SECRET.length}\n\n${SECRET.length}\nFalse`);
    i.answers.push('abc');
    expect((await i.run('([pscredential]::new("admin", (Read-Host -AsSecureString))).GetNetworkCredential().Password')).text).toBe('abc');
  });
});

describe('PSCredential', () => {
  it('New-Object -TypeName … -ArgumentList user, secure: UserName, Password, shown as 5.1 shows it', async () => {
    expect(await withSecret('$c.UserName; $c.Password; $c.GetType().FullName; "$c"')).toBe('CONTOSO\\admin\nSystem.Security.SecureString\nSystem.Management.Automation.PSCredential\nSystem.Management.Automation.PSCredential');
    expect(await withSecret('$c')).toBe('\nUserName      Password\n--------      --------\nCONTOSO\\admin System.Security.SecureString\n');
  });

  it('[pscredential]::new and the type literals', async () => {
    expect(await withSecret('[pscredential]::new("u", $s).UserName; $c -is [pscredential]; $c -is [System.Management.Automation.PSCredential]; $s -is [securestring]; [pscredential].FullName')).toBe(
      'u\nTrue\nTrue\nTrue\nSystem.Management.Automation.PSCredential',
    );
  });

  it('GetNetworkCredential(): the text back, and the domain split as 5.1 splits it', async () => {
    expect(await withSecret('$n = $c.GetNetworkCredential(); $n.UserName; $n.Domain; $n.Password -eq "' + SECRET + '"; $n.GetType().FullName')).toBe('admin\nCONTOSO\nTrue\nSystem.Net.NetworkCredential');
    const split = async (user: string) => withSecret(`$n = [pscredential]::new('${user}', $s).GetNetworkCredential(); "[$($n.UserName)] [$($n.Domain)]"`);
    expect(await split('admin')).toBe('[admin] []');
    expect(await split('admin@contoso.com')).toBe('[admin@contoso.com] []');
    expect(await split('admin@CONTOSO')).toBe('[admin] [CONTOSO]');
    expect(await split('CONTOSO\\admin@contoso.com')).toBe('[admin@contoso.com] [CONTOSO]');
    expect((await split('CONTOSO\\')).split('\n')[0]).toBe('Exception calling "GetNetworkCredential" with "0" argument(s): "The value for UserName is not in the correct format.');
  });

  it('a network credential shows UserName and Domain, not the password', async () => {
    const out = await withSecret('$c.GetNetworkCredential()');
    expect(out).toMatch(/UserName\s+Domain/);
    expect(out).not.toContain(SECRET);
  });

  it('a test double for New-PSSession reads $Credential.UserName and GetNetworkCredential().Password', async () => {
    const out = await withSecret(
      'function New-PSSession { param($ConnectionUri, [pscredential]$Credential) "$($Credential.UserName)|$($Credential.GetNetworkCredential().Password)" }; New-PSSession -ConnectionUri https://pool/ -Credential $c',
    );
    expect(out).toBe(`CONTOSO\\admin|${SECRET}`);
  });

  it('Get-Member lists GetNetworkCredential and read-only properties', async () => {
    const out = await withSecret('$c | Get-Member | ForEach-Object { "$($_.Name): $($_.Definition)" }');
    expect(out).toContain('GetNetworkCredential: System.Net.NetworkCredential GetNetworkCredential()');
    expect(out).toContain('Password: securestring Password {get;}');
    expect(out).toContain('UserName: string UserName {get;}');
    expect(await withSecret('$s | Get-Member -MemberType Property | ForEach-Object Definition')).toBe('int Length {get;}');
  });

  it('properties are read-only, as in 5.1', async () => {
    const r = await withSecret('$c.UserName = "x"');
    expect(r.split('\n')[0]).toBe("'UserName' is a ReadOnly property.");
    expect((await withSecret('$s.Length = 1')).split('\n')[0]).toBe("'Length' is a ReadOnly property.");
  });

  it('a password that is not a SecureString is 5.1\'s no-overload error', async () => {
    const r = await t.run(`New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\\admin', 'plain'`);
    expect(r.text.split('\n')[0]).toBe('New-Object : Cannot find an overload for "PSCredential" and the argument count: "2".');
    expect(r.lines[0]!.record).toMatchObject({ errorId: 'ConstructorInvokedThrowException', category: 'InvalidOperation', exceptionType: 'MethodException' });
    expect((await text(`[pscredential]::new('u', 'plain')`)).split('\n')[0]).toBe('Cannot find an overload for "new" and the argument count: "2".');
    expect((await text(`New-Object System.Management.Automation.PSCredential -ArgumentList 'u', $null`)).split('\n')[0]).toBe(
      'New-Object : Exception calling ".ctor" with "2" argument(s): "Cannot process argument because the value of argument "password" is null. Change the value of argument "password" to a non-null value."',
    );
  });
});

describe('[Console] and [System.Text.Encoding]', () => {
  it('encodings carry 5.1\'s names and code pages', async () => {
    expect(await text('$e = [System.Text.Encoding]::UTF8; $e.EncodingName; $e.WebName; $e.CodePage; $e.GetType().FullName')).toBe('Unicode (UTF-8)\nutf-8\n65001\nSystem.Text.UTF8Encoding');
    expect(await text('[Text.Encoding]::Unicode.WebName; [Text.Encoding]::ASCII.CodePage; [Text.Encoding]::Default.CodePage')).toBe('utf-16\n20127\n1252');
  });

  it('OutputEncoding and InputEncoding can be set to an encoding (and read back); nothing else', async () => {
    expect(await text('[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; [Console]::OutputEncoding.WebName; [System.Console]::InputEncoding = [Text.Encoding]::Unicode; [Console]::InputEncoding.WebName')).toBe('utf-8\nutf-16');
    expect((await text(`[Console]::OutputEncoding = 'utf8'`)).split('\n')[0]).toBe('Exception setting "OutputEncoding": "Cannot convert the "utf8" value of type "System.String" to type "System.Text.Encoding"."');
    expect((await text('[Text.Encoding]::UTF8 = $null')).split('\n')[0]).toBe("'UTF8' is a ReadOnly property.");
    expect((await text('[math]::PI = 3')).split('\n')[0]).toBe("'PI' is a ReadOnly property.");
    expect((await text('[Console]::NoSuch = 1')).split('\n')[0]).toBe("The property 'NoSuch' cannot be found on this object. Verify that the property exists and can be set.");
    await t.run('[Console]::OutputEncoding = [Text.Encoding]::UTF8');
  });

  it('ReadLine() gives $null without standard input, and the host\'s lines when it has one', async () => {
    expect(await text('$null -eq [Console]::ReadLine()')).toBe('True');
    const lines = ['first', 'second'];
    setStandardInputReader(() => lines.shift() ?? null);
    try {
      expect(await text('[Console]::ReadLine(); [System.Console]::ReadLine(); $null -eq [Console]::ReadLine()')).toBe('first\nsecond\nTrue');
    } finally {
      setStandardInputReader(null);
    }
  });
});
