// The file cmdlets against real files in a temp folder: bytes on disk as
// Windows PowerShell 5.1 writes them (encodings, BOMs, CR LF), paths relative
// to the session's own location and ~, 5.1's errors, and nothing changed
// when a command fails or only says what it would do.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

const sessions: TestSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.cleanup();
});

async function session(): Promise<TestSession & { at(name: string): string; bytes(name: string): Buffer }> {
  const t = createTestSession();
  sessions.push(t);
  await t.run(`Set-Location '${t.dir}'`);
  return Object.assign(t, { at: (n: string) => path.join(t.dir, n), bytes: (n: string) => fs.readFileSync(path.join(t.dir, n)) });
}

const UTF16_BOM = Buffer.from([0xff, 0xfe]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('locations', () => {
  it('cd, pwd and relative paths use the session location, never the process folder', async () => {
    const t = await session();
    fs.mkdirSync(t.at('sub'));
    const cwd = process.cwd();
    await t.run("cd sub; 'x' | Out-File here.txt; cd ..");
    expect(process.cwd()).toBe(cwd);
    expect(fs.existsSync(t.at('sub/here.txt'))).toBe(true);
    expect((await t.run('(Get-Location).Path')).text).toBe(t.dir);
    expect((await t.run('pwd')).text).toBe(`\nPath\n----\n${t.dir}\n`);
  });

  it('~ is the home folder; a missing folder is an error and the location stays', async () => {
    const t = await session();
    expect((await t.run('Set-Location ~ -PassThru | ForEach-Object Path')).text).toBe(os.homedir());
    await t.run(`Set-Location '${t.dir}'`);
    const r = await t.run('cd nowhere');
    expect(r.text.split('\n')[0]).toBe(`Set-Location : Cannot find path '${t.at('nowhere')}' because it does not exist.`);
    expect((await t.run('(Get-Location).Path')).text).toBe(t.dir);
  });

  it('Test-Path with -PathType', async () => {
    const t = await session();
    fs.writeFileSync(t.at('f.txt'), 'x');
    expect((await t.run('Test-Path f.txt; Test-Path f.txt -PathType Container; Test-Path . -PathType Container; Test-Path nope')).text).toBe('True\nFalse\nTrue\nFalse');
  });
});

describe('writing files as 5.1 does', () => {
  it('Out-File writes UTF-16 LE with a BOM and CR LF, the console text of its input', async () => {
    const t = await session();
    await t.run("'a', 'Zürich' | Out-File o.txt");
    expect(t.bytes('o.txt')).toEqual(Buffer.concat([UTF16_BOM, Buffer.from('a\r\nZürich\r\n', 'utf16le')]));
    await t.run("'b' | Out-File o.txt -Append");
    expect(t.bytes('o.txt')).toEqual(Buffer.concat([UTF16_BOM, Buffer.from('a\r\nZürich\r\nb\r\n', 'utf16le')]));
    await t.run("'é' | Out-File u.txt -Encoding utf8");
    expect(t.bytes('u.txt')).toEqual(Buffer.concat([UTF8_BOM, Buffer.from('é\r\n', 'utf8')]));
  });

  it('Out-File -NoClobber refuses an existing file and leaves it as it was', async () => {
    const t = await session();
    fs.writeFileSync(t.at('keep.txt'), 'precious');
    const r = await t.run("'x' | Out-File keep.txt -NoClobber");
    expect(r.text.split('\n')[0]).toBe(`Out-File : The file '${t.at('keep.txt')}' already exists.`);
    expect(fs.readFileSync(t.at('keep.txt'), 'utf8')).toBe('precious');
  });

  it('-Encoding outside the set is refused with the ValidateSet message and nothing is written', async () => {
    const t = await session();
    const r = await t.run("'x' | Out-File e.txt -Encoding latin9");
    expect(r.text.split('\n')[0]).toBe(
      'Out-File : Cannot validate argument on parameter \'Encoding\'. The argument "latin9" does not belong to the set "unknown,string,unicode,bigendianunicode,utf8,utf7,utf32,ascii,default,oem" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.',
    );
    expect(fs.existsSync(t.at('e.txt'))).toBe(false);
  });

  it('Set-Content writes the ANSI code page by default; Add-Content appends without a second BOM', async () => {
    const t = await session();
    await t.run("Set-Content s.txt 'Zürich', '€'");
    expect(t.bytes('s.txt')).toEqual(Buffer.from([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x0d, 0x0a, 0x80, 0x0d, 0x0a]));
    await t.run("Set-Content u.txt 'a' -Encoding UTF8; Add-Content u.txt 'b' -Encoding UTF8");
    expect(t.bytes('u.txt')).toEqual(Buffer.concat([UTF8_BOM, Buffer.from('a\r\nb\r\n')]));
    await t.run("'x', 'y' | Set-Content n.txt -NoNewline");
    expect(fs.readFileSync(t.at('n.txt'), 'latin1')).toBe('xy');
  });

  it('-WhatIf writes nothing and says what it would do', async () => {
    const t = await session();
    expect((await t.run("Set-Content w.txt 'a' -WhatIf")).text).toBe(`What if: Performing the operation "Set Content" on target "Path: ${t.at('w.txt')}".`);
    expect((await t.run("'a' | Out-File w.txt -WhatIf")).text).toBe(`What if: Performing the operation "Output to File" on target "${t.at('w.txt')}".`);
    expect(fs.existsSync(t.at('w.txt'))).toBe(false);
  });

  it('a missing folder is "Could not find a part of the path"', async () => {
    const t = await session();
    const r = await t.run("'a' | Out-File nope/x.txt");
    expect(r.text.split('\n')[0]).toBe(`Out-File : Could not find a part of the path '${t.at('nope/x.txt')}'.`);
  });
});

describe('Get-Content', () => {
  it('reads lines by BOM, -Raw, -TotalCount, -Tail', async () => {
    const t = await session();
    fs.writeFileSync(t.at('u16.txt'), Buffer.concat([UTF16_BOM, Buffer.from('one\r\ntwo\r\nZürich\r\n', 'utf16le')]));
    expect((await t.run('Get-Content u16.txt')).text).toBe('one\ntwo\nZürich');
    expect((await t.run('(Get-Content u16.txt).Count; Get-Content u16.txt -TotalCount 1; Get-Content u16.txt -Tail 1; gc u16.txt -Head 2 | Select-Object -Last 1')).text).toBe('3\none\nZürich\ntwo');
    expect((await t.run('(Get-Content u16.txt -Raw).Length')).text).toBe(String('one\r\ntwo\r\nZürich\r\n'.length));
  });

  it('reads a file without a BOM in the ANSI code page, as 5.1 does, unless -Encoding says otherwise', async () => {
    const t = await session();
    fs.writeFileSync(t.at('plain.txt'), Buffer.from('Zürich\n', 'utf8'));
    expect((await t.run('Get-Content plain.txt')).text).toBe('ZÃ¼rich');
    expect((await t.run('Get-Content plain.txt -Encoding UTF8')).text).toBe('Zürich');
    // Windows-1252's own row: 0x80 is the euro sign, 0x93/0x94 typographic quotes (not Latin-1's control characters).
    fs.writeFileSync(t.at('ansi.txt'), Buffer.from([0x80, 0x20, 0x93, 0x78, 0x94]));
    expect((await t.run('Get-Content ansi.txt')).text).toBe('€ \u201cx\u201d');
  });

  it('a missing file is a non-terminating PathNotFound error; the other paths are still read', async () => {
    const t = await session();
    fs.writeFileSync(t.at('a.txt'), 'a');
    const r = await t.run('Get-Content nope.txt, a.txt');
    expect(r.lines.map((l) => l.text)).toContain('a');
    expect(r.text).toContain(`Get-Content : Cannot find path '${t.at('nope.txt')}' because it does not exist.`);
    expect(r.text).toContain('FullyQualifiedErrorId : PathNotFound,Get-Content');
  });
});

describe('CSV and CliXML files', () => {
  it('Export-Csv writes #TYPE, quoted fields and ASCII; Import-Csv reads them back as strings', async () => {
    const t = await session();
    await t.run("New-CsPersistentChatConfiguration 'site:Zürich' -RoomManagementUrl 'https://x.contoso.com/\"q\"' | Out-Null");
    await t.run("Get-CsPersistentChatConfiguration -Filter 'site:*' | Export-Csv c.csv");
    expect(fs.readFileSync(t.at('c.csv'), 'latin1')).toBe(
      '#TYPE Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat.PersistentChatConfiguration\r\n' +
        '"Identity","DefaultChatHistory","MaxChatContentSizeMB","MaxFileSizeKB","ParticipantUpdateLimit","FileServiceUrl","RoomManagementUrl"\r\n' +
        '"site:Z?rich","30","20","20000","75",,"https://x.contoso.com/""q"""\r\n',
    );
    await t.run("Get-CsPersistentChatConfiguration -Filter 'site:*' | Export-Csv u.csv -Encoding UTF8 -NoTypeInformation -Delimiter ';'");
    const r = await t.run("Import-Csv u.csv -Delimiter ';' | ForEach-Object { $_.Identity; $_.RoomManagementUrl; $_.FileServiceUrl -eq '' }");
    expect(r.text).toBe('site:Zürich\nhttps://x.contoso.com/"q"\nTrue');
  });

  it('Export-Csv -Append refuses objects that do not match the header unless -Force', async () => {
    const t = await session();
    await t.run('Get-CsPersistentChatConfiguration | Export-Csv a.csv -NoTypeInformation');
    const before = t.bytes('a.csv');
    const r = await t.run("'{\"Other\":1}' | ConvertFrom-Json | Export-Csv a.csv -Append");
    expect(r.text).toContain('The appended object does not have a property that corresponds to the following column: Identity.');
    expect(t.bytes('a.csv')).toEqual(before);
  });

  it('Export-Clixml writes UTF-16 LE CliXML that Import-Clixml reads back with Deserialized. type names', async () => {
    const t = await session();
    await t.run("Set-CsPersistentChatConfiguration -FileServiceUrl 'https://f.contoso.com/a_x0041_b'");
    await t.run('Get-CsPersistentChatConfiguration | Export-Clixml g.xml');
    const bytes = t.bytes('g.xml');
    expect(bytes.subarray(0, 2)).toEqual(UTF16_BOM);
    const text = bytes.subarray(2).toString('utf16le');
    expect(text.startsWith('<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\r\n  <Obj RefId="0">\r\n    <TN RefId="0">')).toBe(true);
    expect(text).toContain('<I16 N="DefaultChatHistory">30</I16>');
    expect(text).toContain('<U32 N="MaxFileSizeKB">20000</U32>');
    expect(text).toContain('<S N="FileServiceUrl">https://f.contoso.com/a_x005F_x0041_b</S>');
    expect(text).toContain('<Nil N="RoomManagementUrl" />');
    const r = await t.run("$x = Import-Clixml g.xml; $x.FileServiceUrl; $x.DefaultChatHistory + 1; ($x | Get-Member | Select-Object -First 1).TypeName");
    expect(r.text).toBe('https://f.contoso.com/a_x0041_b\n31\nDeserialized.Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat.PersistentChatConfiguration');
  });

  it('no pipeline input still writes to the file named: an empty <Objs/> document, an empty CSV', async () => {
    const t = await session();
    expect((await t.run("Get-CsPersistentChatConfiguration -Filter 'site:none*' | Export-Clixml empty.xml; @() | Export-Csv empty.csv")).success).toBe(true);
    expect(t.bytes('empty.xml').toString('utf16le')).toBe('\uFEFF<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04" />');
    expect(fs.existsSync(t.at('empty.csv'))).toBe(true);
    expect((await t.run("@(Import-Clixml empty.xml).Count")).text).toBe('0');
  });

  it('Import-Clixml refuses malformed XML with the place it broke', async () => {
    const t = await session();
    fs.writeFileSync(t.at('bad.xml'), '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\n  <Obj RefId="0">\n');
    const r = await t.run('Import-Clixml bad.xml');
    expect(r.success).toBe(false);
    expect(r.text.split('\n')[0]).toMatch(/^Import-Clixml : .*Line \d+, position \d+\.$/);
  });
});

describe('transcripts', () => {
  it('records input and output between Start-Transcript and Stop-Transcript', async () => {
    const t = await session();
    expect((await t.run('Start-Transcript t.txt')).text).toBe(`Transcript started, output file is ${t.at('t.txt')}`);
    await t.run("Write-Output 'hello'");
    expect((await t.run('Stop-Transcript')).text).toBe(`Transcript stopped, output file is ${t.at('t.txt')}`);
    await t.run("Write-Output 'after'");
    const text = fs.readFileSync(t.at('t.txt'), 'utf8');
    expect(text.startsWith('\uFEFF**********************\r\nWindows PowerShell transcript start\r\n')).toBe(true);
    expect(text).toContain(`PS ${t.dir}> Write-Output 'hello'\r\nhello\r\n`);
    expect(text).toContain('Windows PowerShell transcript end\r\n');
    expect(text).not.toContain('after');
    expect((await t.run('Stop-Transcript')).text.split('\n')[0]).toBe('Stop-Transcript : An error occurred stopping transcription: The host is not currently transcribing.');
  });
});
