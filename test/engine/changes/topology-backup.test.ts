// Import-PchatTopology with Get-CsSite / Get-CsService -PersistentChatServer,
// and the full backup and restore (Export/Import-PchatConfiguration).

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

describe('topology', () => {
  it('Get-CsSite and Get-CsService answer from the imported exports', async () => {
    const t = await session();
    expect((await t.run('Get-CsSite')).text).toContain('WARNING: No topology has been imported.');
    expect((await t.run('Import-PchatTopology sites.clixml.xml, pchat-services.clixml.xml')).success).toBe(true);
    expect((await t.run('Get-CsSite | ForEach-Object { $_.Identity + \'|\' + $_.DisplayName + \'|\' + "$($_.Pools)" }')).text).toBe(
      'Site:Redmond|Redmond|pchat01.contoso.com\nSite:Zürich Nord|Zürich Nord|pchat01.emea.corp.contoso.com',
    );
    expect((await t.run("(Get-CsSite 'Zürich Nord').SiteId")).text).toBe('2');
    expect((await t.run('Get-CsService -PersistentChatServer | ForEach-Object PoolFqdn')).text).toBe('pchat01.contoso.com\npchat01.emea.corp.contoso.com');
    expect((await t.run('Get-CsService')).text).toContain('pchat-admin knows only Persistent Chat services. Use Get-CsService -PersistentChatServer.');
    const topology = path.join(t.dir, 'topology.json');
    if (process.platform !== 'win32') expect(fs.statSync(topology).mode & 0o777).toBe(0o600);
  });

  it('a file with only sites keeps the recorded pools; a bad file changes nothing', async () => {
    const t = await session();
    await t.run('Import-PchatTopology pchat-services.clixml.xml');
    await t.run('Import-PchatTopology sites.clixml.xml');
    expect((await t.run('(Get-CsService -PersistentChatServer).Count; (Get-CsSite).Count')).text).toBe('2\n2');
    const before = fs.readFileSync(path.join(t.dir, 'topology.json'));
    const r = await t.run('Import-PchatTopology pchat-config.json');
    expect(r.success).toBe(false);
    expect(r.text).toContain("is neither a site (Site:<name>) nor a Persistent Chat service (PersistentChatServer:<pool>). Nothing was changed.");
    expect(fs.readFileSync(path.join(t.dir, 'topology.json'))).toEqual(before);
  });
});

describe('backup and restore', () => {
  it('restores the working configuration, the baseline and the topology exactly', async () => {
    const t = await session();
    await t.run('Import-PchatBaseline pchat-config.clixml.xml | Out-Null; Import-PchatTopology sites.clixml.xml');
    await t.run("New-CsPersistentChatConfiguration 'site:Redmond' -MaxFileSizeKB 5 | Out-Null");
    const store = t.file().collections;
    const baseline = fs.readFileSync(path.join(t.dir, 'baseline.json'), 'utf8');
    const topology = fs.readFileSync(path.join(t.dir, 'topology.json'), 'utf8');
    expect((await t.run('Export-PchatConfiguration backup.json')).success).toBe(true);
    const backup = JSON.parse(fs.readFileSync(path.join(t.dir, 'backup.json'), 'utf8'));
    expect(backup).toMatchObject({ format: 'pchat-admin-configuration', version: 1 });

    await t.run('Import-PchatBaseline pchat-config.json -Force | Out-Null; Remove-CsPersistentChatConfiguration site:Redmond -ErrorAction SilentlyContinue');
    fs.rmSync(path.join(t.dir, 'topology.json'));
    expect((await t.run('Import-PchatConfiguration backup.json')).text).toContain('cannot ask for confirmation');
    expect((await t.run('Import-PchatConfiguration backup.json -Force')).success).toBe(true);
    expect(t.file().collections).toEqual(store);
    expect(JSON.parse(fs.readFileSync(path.join(t.dir, 'baseline.json'), 'utf8'))).toEqual(JSON.parse(baseline));
    expect(JSON.parse(fs.readFileSync(path.join(t.dir, 'topology.json'), 'utf8'))).toEqual(JSON.parse(topology));
    expect((await t.run('Get-PchatChange | ForEach-Object { $_.Identity + \' \' + $_.Action }')).text.split('\n')[0]).toBe('site:Redmond New');
  });

  it('refuses a damaged backup as a whole', async () => {
    const t = await session();
    await t.run('Export-PchatConfiguration backup.json');
    const data = JSON.parse(fs.readFileSync(path.join(t.dir, 'backup.json'), 'utf8'));
    data.collections.push({ ...data.collections[0], Identity: 'site:A' }, { ...data.collections[0], Identity: 'site:B', MaxChatContentSizeMB: 0 });
    fs.writeFileSync(path.join(t.dir, 'backup.json'), JSON.stringify(data));
    const r = await t.run('Import-PchatConfiguration backup.json -Force');
    expect(r.text).toContain('site:B: MaxChatContentSizeMB: The 0 argument is less than the minimum allowed range of 1.');
    expect(r.text).toContain('Nothing was changed.');
    expect(t.identities()).toEqual(['Global']);
    expect((await t.run('Import-PchatConfiguration pchat-config.json -Force')).text).toContain('it is not a pchat-admin backup');
  });
});
