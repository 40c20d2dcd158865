// Import-PchatBaseline against real files in a real store folder: every
// server format (CliXML in UTF-16 LE, 5.1 JSON, pasted list text in UTF-8 and
// UTF-16) gives the same collections; bad files are refused with a clear
// error and change nothing (store file, baseline file, byte for byte).

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

const FIXTURES = path.resolve('test/fixtures/server');
const sessions: TestSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.cleanup();
});

async function session(): Promise<TestSession> {
  const t = createTestSession();
  sessions.push(t);
  for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(t.dir, f));
  await t.run(`Set-Location '${t.dir}'`);
  return t;
}

const EXPECTED = {
  Global: {
    Identity: 'Global',
    DefaultChatHistory: 40,
    MaxChatContentSizeMB: 20,
    MaxFileSizeKB: 20000,
    ParticipantUpdateLimit: 75,
    FileServiceUrl: "https://files.contoso.com/pchat?a='q'&b=$env:x`t",
    RoomManagementUrl: null,
  },
  'site:Zürich Nord': {
    Identity: 'site:Zürich Nord',
    DefaultChatHistory: 25,
    MaxChatContentSizeMB: 100,
    MaxFileSizeKB: 4294967295,
    ParticipantUpdateLimit: 150,
    FileServiceUrl: null,
    RoomManagementUrl: 'https://chat.contoso.com/rooms/’manage’',
  },
  'service:PersistentChatServer:pchat01.emea.corp.contoso.com': {
    Identity: 'service:PersistentChatServer:pchat01.emea.corp.contoso.com',
    DefaultChatHistory: 500,
    MaxChatContentSizeMB: 2048,
    MaxFileSizeKB: 1,
    ParticipantUpdateLimit: 1,
    FileServiceUrl: null,
    RoomManagementUrl: null,
  },
};

function baselineFile(t: TestSession) {
  return JSON.parse(fs.readFileSync(path.join(t.dir, 'baseline.json'), 'utf8'));
}

describe('Import-PchatBaseline reads what the server produced', () => {
  it.each([
    ['pchat-config.clixml.xml', 'CliXML', 'Unicode'],
    ['pchat-config.json', 'JSON', 'UTF8'],
    ['pchat-config.list.txt', 'List text', 'UTF8'],
    ['pchat-config.list-utf16.txt', 'List text', 'Unicode'],
  ])('%s (%s, %s)', async (file, format, encoding) => {
    const t = await session();
    const r = await t.run(`Import-PchatBaseline ${file} | Select-Object Source, Format, Encoding, Collections | Format-List`);
    expect(r.success).toBe(true);
    expect(r.text).toContain(`Source      : ${file}\nFormat      : ${format}\nEncoding    : ${encoding}\nCollections : 3`);
    expect(t.file().collections).toEqual(EXPECTED);
    const baseline = baselineFile(t);
    expect(baseline.format).toBe('pchat-admin-baseline');
    expect(baseline.source).toMatchObject({ file, format, encoding, sha256: crypto.createHash('sha256').update(fs.readFileSync(path.join(t.dir, file))).digest('hex') });
    expect(baseline.collections).toEqual(Object.values(EXPECTED));
    if (process.platform !== 'win32') expect(fs.statSync(path.join(t.dir, 'baseline.json')).mode & 0o777).toBe(0o600);
    expect((await t.run('Get-PchatChange')).text).toBe('');
  });

  it('names the properties it does not manage in a warning instead of dropping them silently', async () => {
    const t = await session();
    const r = await t.run('Import-PchatBaseline pchat-config.clixml.xml | Out-Null');
    expect(r.lines.filter((l) => l.kind === 'warning').map((l) => l.text)).toEqual([
      'WARNING: The file has properties pchat-admin does not manage; they were read but not imported: Element.',
    ]);
  });

  it('what a remote session adds to every object (PSComputerName, RunspaceId, PSShowComputerName) is no unmanaged property', async () => {
    const t = await session();
    const json = JSON.parse(fs.readFileSync(path.join(t.dir, 'pchat-config.json'), 'utf8')) as Record<string, unknown>[];
    const remote = json.map((o) => ({ ...o, PSComputerName: 'pool01.contoso.com', RunspaceId: '5f0a7c1e-0000-4000-8000-000000000000', PSShowComputerName: false }));
    fs.writeFileSync(path.join(t.dir, 'remote.json'), JSON.stringify(remote));
    const r = await t.run('Import-PchatBaseline remote.json | Out-Null');
    expect(r.success, r.text).toBe(true);
    expect(r.lines.filter((l) => l.kind === 'warning')).toEqual([]);
  });
});

describe('pending changes and -Force, -WhatIf', () => {
  it('refuses to discard pending changes without -Force, and lists them with Get-PchatChange', async () => {
    const t = await session();
    await t.run('Import-PchatBaseline pchat-config.json | Out-Null');
    await t.run("Set-CsPersistentChatConfiguration -DefaultChatHistory 41; Remove-CsPersistentChatConfiguration 'site:Zürich Nord'");
    const changes = await t.run("Get-PchatChange | Where-Object Property -eq 'DefaultChatHistory' | ForEach-Object { $_.Identity + '|' + $_.Action + '|' + $_.Baseline + '|' + $_.Working }");
    expect(changes.text).toBe('Global|Set|40|41\nsite:Zürich Nord|Remove|25|');
    const before = fs.readFileSync(path.join(t.dir, 'config.json'));
    const r = await t.run('Import-PchatBaseline pchat-config.clixml.xml');
    expect(r.success).toBe(false);
    expect(r.text).toContain('the working configuration has 7 pending changes (see Get-PchatChange), and importing would discard them.');
    expect(r.text).toContain('Nothing was changed.');
    expect(fs.readFileSync(path.join(t.dir, 'config.json'))).toEqual(before);
    expect((await t.run('Import-PchatBaseline pchat-config.clixml.xml -Force | Out-Null')).success).toBe(true);
    expect(t.file().collections).toEqual(EXPECTED);
  });

  it('refuses to replace settings that no baseline records (a store used before any import)', async () => {
    const t = await session();
    await t.run('New-CsPersistentChatConfiguration site:Paris | Out-Null');
    const r = await t.run('Import-PchatBaseline pchat-config.json');
    expect(r.text).toContain('the working configuration holds settings that no baseline records');
    expect(t.identities()).toEqual(['Global', 'site:Paris']);
    expect(fs.existsSync(path.join(t.dir, 'baseline.json'))).toBe(false);
  });

  it('-WhatIf describes the import and changes nothing', async () => {
    const t = await session();
    const r = await t.run('Import-PchatBaseline pchat-config.json -WhatIf');
    expect(r.text).toBe(`What if: Performing the operation "Import-PchatBaseline" on target "${path.join(t.dir, 'pchat-config.json')}".`);
    expect(t.identities()).toEqual(['Global']);
    expect(fs.existsSync(path.join(t.dir, 'baseline.json'))).toBe(false);
  });
});

describe('bad files are refused and change nothing', () => {
  const clixml = () => fs.readFileSync(path.join(FIXTURES, 'pchat-config.clixml.xml')).subarray(2).toString('utf16le');
  const json = () => fs.readFileSync(path.join(FIXTURES, 'pchat-config.json'), 'utf8');
  const cases: [string, () => Buffer, RegExp][] = [
    ['truncated XML', () => Buffer.from(clixml().slice(0, 1500), 'utf8'), /it is not valid CliXML: .*Line \d+, position \d+\./],
    ['a wrong root element', () => Buffer.from(clixml().replace(/<(\/?)Objs/g, '<$1Objects'), 'utf8'), /Element 'Objs' with namespace name 'http:\/\/schemas.microsoft.com\/powershell\/2004\/04' was not found/],
    ['the wrong namespace', () => Buffer.from(clixml().replace('2004/04', '2099/01'), 'utf8'), /Element 'Objs' with namespace name/],
    ['a collection out of range', () => Buffer.from(json().replace('"DefaultChatHistory":  500', '"DefaultChatHistory":  600'), 'utf8'),
      /service:PersistentChatServer:pchat01.emea.corp.contoso.com: DefaultChatHistory: The 600 argument is greater than the maximum allowed range of 500/],
    ['duplicate identities', () => Buffer.from(json().replace('"Identity":  "Site:Zürich Nord"', '"Identity":  "global"'), 'utf8'), /the identity Global appears more than once/],
    ['a bad URL', () => Buffer.from(json().replace('"RoomManagementUrl":  null', '"RoomManagementUrl":  "ftp://x"'), 'utf8'), /RoomManagementUrl: The argument "ftp:\/\/x" is not an absolute http or https URL/],
    ['an invalid identity', () => Buffer.from(json().replace('"Identity":  "Global"', '"Identity":  "service:Registrar:x.contoso.com"'), 'utf8'), /object 1: Persistent Chat configuration cannot be assigned to the service 'Registrar'/],
    ['an empty file', () => Buffer.alloc(0), /it holds no Persistent Chat configuration|its format is not recognised/],
    ['binary junk', () => crypto.randomBytes(4096), /it is not text|its format is not recognised/],
    ['XML nested 200,000 levels deep', () => Buffer.from(`<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">${'<Obj><LST>'.repeat(200_000)}${'</LST></Obj>'.repeat(200_000)}</Objs>`), /it is not valid CliXML: Maximum nested tags exceeded\. Nothing/],
    ['JSON nested 200,000 levels deep', () => Buffer.from('['.repeat(200_000) + ']'.repeat(200_000)), /it is not usable JSON: RecursionLimit exceeded: the JSON is nested more than 1024 levels deep\. Nothing/],
  ];

  it.each(cases)('%s', async (_name, bytes, message) => {
    const t = await session();
    await t.run('Import-PchatBaseline pchat-config.json | Out-Null');
    await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 41');
    const store = fs.readFileSync(path.join(t.dir, 'config.json'));
    const baseline = fs.readFileSync(path.join(t.dir, 'baseline.json'));
    fs.writeFileSync(path.join(t.dir, 'bad.file'), bytes());
    const r = await t.run('Import-PchatBaseline bad.file -Force');
    expect(r.success).toBe(false);
    expect(r.text).toMatch(message);
    expect(r.text).toMatch(/^Import-PchatBaseline : Cannot import '.*bad\.file': .*Nothing was changed\./);
    expect(fs.readFileSync(path.join(t.dir, 'config.json'))).toEqual(store);
    expect(fs.readFileSync(path.join(t.dir, 'baseline.json'))).toEqual(baseline);
  });

  it('50 MB of junk is refused by what it is, quickly, and changes nothing', async () => {
    const t = await session();
    const junk = Buffer.alloc(50 * 1024 * 1024);
    for (let i = 0; i < junk.length; i += 65536) crypto.randomFillSync(junk, i, Math.min(65536, junk.length - i));
    fs.writeFileSync(path.join(t.dir, 'junk.bin'), junk);
    const store = fs.readFileSync(path.join(t.dir, 'config.json'));
    const r = await t.run('Import-PchatBaseline junk.bin');
    expect(r.success).toBe(false);
    expect(r.text).toMatch(/Cannot import '.*junk\.bin': (it is not text|its format is not recognised)/);
    expect(fs.readFileSync(path.join(t.dir, 'config.json'))).toEqual(store);
    expect(fs.existsSync(path.join(t.dir, 'baseline.json'))).toBe(false);
  });

  it('a missing file is PowerShell\'s path error', async () => {
    const t = await session();
    const r = await t.run('Import-PchatBaseline nope.xml');
    expect(r.text.split('\n')[0]).toBe(`Import-PchatBaseline : Cannot find path '${path.join(t.dir, 'nope.xml')}' because it does not exist.`);
  });

  it('a baseline.json that is a symbolic link is refused and left alone', async () => {
    const t = await session();
    const elsewhere = path.join(t.dir, 'elsewhere.json');
    fs.writeFileSync(elsewhere, 'precious');
    fs.symlinkSync(elsewhere, path.join(t.dir, 'baseline.json'));
    const r = await t.run('Import-PchatBaseline pchat-config.json');
    expect(r.success).toBe(false);
    expect(r.text).toContain('is a symbolic link');
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('precious');
    expect(t.identities()).toEqual(['Global']);
  });
});
