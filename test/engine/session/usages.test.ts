// Every documented usage in CMDLETS.md, run through a real session over a
// real store file, checking both what is printed and what is stored.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

const GLOBAL_LIST = [
  '',
  'Identity               : Global',
  'DefaultChatHistory     : 30',
  'MaxChatContentSizeMB   : 20',
  'MaxFileSizeKB          : 20000',
  'ParticipantUpdateLimit : 75',
  'FileServiceUrl         :',
  'RoomManagementUrl      :',
  '',
];

async function seed(): Promise<void> {
  const r = await t.run(
    [
      'New-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 120',
      'New-CsPersistentChatConfiguration -Identity site:Paris',
      'New-CsPersistentChatConfiguration -Identity service:PersistentChatServer:pchat01.contoso.com -DefaultChatHistory 40 -RoomManagementUrl https://rooms.contoso.com',
    ].join('\n'),
  );
  expect(r.success).toBe(true);
}

function stored(identity: string) {
  return t.file().collections[identity];
}

describe('documented usages', () => {
  it('New-CsPersistentChatConfiguration -Identity "site:Redmond" -ParticipantUpdateLimit 100', async () => {
    const r = await t.run('New-CsPersistentChatConfiguration -Identity "site:Redmond" -ParticipantUpdateLimit 100');
    expect(r.success).toBe(true);
    expect(r.text).toContain('Identity               : site:Redmond');
    expect(r.text).toContain('ParticipantUpdateLimit : 100');
    expect(stored('site:Redmond')).toEqual({
      Identity: 'site:Redmond',
      DefaultChatHistory: 30,
      MaxChatContentSizeMB: 20,
      MaxFileSizeKB: 20000,
      ParticipantUpdateLimit: 100,
      FileServiceUrl: null,
      RoomManagementUrl: null,
    });
  });

  it('Get-CsPersistentChatConfiguration lists Global, then sites, then pools', async () => {
    await seed();
    const r = await t.run('Get-CsPersistentChatConfiguration');
    const identities = r.text.split('\n').filter((l) => l.startsWith('Identity')).map((l) => l.split(': ')[1]);
    expect(identities).toEqual(['Global', 'site:Paris', 'site:Redmond', 'service:PersistentChatServer:pchat01.contoso.com']);
  });

  it('Get-CsPersistentChatConfiguration on a new store shows Global with the defaults', async () => {
    const r = await t.run('Get-CsPersistentChatConfiguration');
    expect(r.text.split('\n')).toEqual(GLOBAL_LIST);
  });

  it('Get-CsPersistentChatConfiguration -Identity "site:Redmond"', async () => {
    await seed();
    const r = await t.run('Get-CsPersistentChatConfiguration -Identity "site:Redmond"');
    expect(r.text).toContain('Identity               : site:Redmond');
    expect(r.text).toContain('DefaultChatHistory     : 120');
    expect(r.text).not.toContain('Paris');
  });

  it('Get-CsPersistentChatConfiguration -Filter "service:*"', async () => {
    await seed();
    const r = await t.run('Get-CsPersistentChatConfiguration -Filter "service:*"');
    expect(r.text.match(/^Identity/gm)).toHaveLength(1);
    expect(r.text).toContain('service:PersistentChatServer:pchat01.contoso.com');
  });

  it('Get-… | Where-Object {$_.DefaultChatHistory -gt 30}', async () => {
    await seed();
    const r = await t.run('Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30}');
    const ids = r.text.split('\n').filter((l) => l.startsWith('Identity')).map((l) => l.split(': ')[1]);
    expect(ids).toEqual(['site:Redmond', 'service:PersistentChatServer:pchat01.contoso.com']);
  });

  it('Get-… | Where-Object {$_.RoomManagementUrl -eq $Null}', async () => {
    await seed();
    const r = await t.run('Get-CsPersistentChatConfiguration | Where-Object {$_.RoomManagementUrl -eq $Null}');
    const ids = r.text.split('\n').filter((l) => l.startsWith('Identity')).map((l) => l.split(': ')[1]);
    expect(ids).toEqual(['Global', 'site:Paris', 'site:Redmond']);
  });

  it('Set-CsPersistentChatConfiguration -Identity "global" -DefaultChatHistory 100', async () => {
    const r = await t.run('Set-CsPersistentChatConfiguration -Identity "global" -DefaultChatHistory 100');
    expect(r).toMatchObject({ text: '', success: true });
    expect(stored('Global')!.DefaultChatHistory).toBe(100);
  });

  it('Get-… | Set-… -DefaultChatHistory 100 changes every collection', async () => {
    await seed();
    const r = await t.run('Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 100');
    expect(r).toMatchObject({ text: '', success: true });
    expect(Object.values(t.file().collections).map((c) => c.DefaultChatHistory)).toEqual([100, 100, 100, 100]);
  });

  it('Get-… -Filter "site:*" | Set-… -DefaultChatHistory 100 changes only sites', async () => {
    await seed();
    await t.run('Get-CsPersistentChatConfiguration -Filter "site:*" | Set-CsPersistentChatConfiguration -DefaultChatHistory 100');
    expect(stored('site:Paris')!.DefaultChatHistory).toBe(100);
    expect(stored('site:Redmond')!.DefaultChatHistory).toBe(100);
    expect(stored('Global')!.DefaultChatHistory).toBe(30);
    expect(stored('service:PersistentChatServer:pchat01.contoso.com')!.DefaultChatHistory).toBe(40);
  });

  it('Get-… | Where-Object {$_.DefaultChatHistory -gt 100} | Set-… -DefaultChatHistory 100', async () => {
    await seed();
    await t.run('Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 100} | Set-CsPersistentChatConfiguration -DefaultChatHistory 100');
    expect(stored('site:Redmond')!.DefaultChatHistory).toBe(100);
    expect(stored('service:PersistentChatServer:pchat01.contoso.com')!.DefaultChatHistory).toBe(40);
  });

  it('Remove-CsPersistentChatConfiguration -Identity "site:Redmond"', async () => {
    await seed();
    const r = await t.run('Remove-CsPersistentChatConfiguration -Identity "site:Redmond"');
    expect(r).toMatchObject({ text: '', success: true });
    expect(t.identities()).not.toContain('site:Redmond');
    expect(t.identities()).toContain('site:Paris');
  });

  it('Get-… -Filter "site:*" | Remove-… removes every site', async () => {
    await seed();
    await t.run('Get-CsPersistentChatConfiguration -Filter "site:*" | Remove-CsPersistentChatConfiguration');
    expect(t.identities().sort()).toEqual(['Global', 'service:PersistentChatServer:pchat01.contoso.com']);
  });

  it('Get-… | Where-Object {$_.DefaultChatHistory -gt 30} | Remove-…', async () => {
    await seed();
    await t.run('Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30} | Remove-CsPersistentChatConfiguration');
    expect(t.identities().sort()).toEqual(['Global', 'site:Paris']);
  });

  it('$x = Get-… -Identity global; $x.DefaultChatHistory = 50; Set-… -Instance $x', async () => {
    const r = await t.run('$x = Get-CsPersistentChatConfiguration -Identity global; $x.DefaultChatHistory = 50; Set-CsPersistentChatConfiguration -Instance $x');
    expect(r).toMatchObject({ text: '', success: true });
    expect(stored('Global')!.DefaultChatHistory).toBe(50);
  });

  it('$n = New-… -Identity site:Paris -InMemory; $n.MaxFileSizeKB = 1000; Set-… -Instance $n', async () => {
    const r1 = await t.run('$n = New-CsPersistentChatConfiguration -Identity site:Paris -InMemory');
    expect(r1.text).toBe('');
    expect(t.identities()).toEqual(['Global']);
    const r2 = await t.run('$n.MaxFileSizeKB = 1000; Set-CsPersistentChatConfiguration -Instance $n');
    expect(r2.success).toBe(true);
    expect(stored('site:Paris')).toMatchObject({ Identity: 'site:Paris', MaxFileSizeKB: 1000, DefaultChatHistory: 30 });
  });
});

describe('cmdlet rules', () => {
  it('Remove on Global resets it with a warning', async () => {
    await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 99 -RoomManagementUrl https://x.contoso.com');
    const r = await t.run('Remove-CsPersistentChatConfiguration -Identity Global');
    expect(r.lines).toEqual([{ kind: 'warning', text: 'WARNING: The global Persistent Chat configuration cannot be removed. Its settings have been reset to their default values.' }]);
    expect(stored('Global')).toMatchObject({ DefaultChatHistory: 30, RoomManagementUrl: null });
  });

  it('New on Global or an existing identity fails and writes nothing', async () => {
    await seed();
    const before = JSON.stringify(t.file());
    const g = await t.run('New-CsPersistentChatConfiguration -Identity global');
    expect(g.success).toBe(false);
    expect(g.text).toContain('cannot be created');
    const dup = await t.run('New-CsPersistentChatConfiguration -Identity SITE:redmond');
    expect(dup.text).toContain('"PersistentChatConfiguration" "site:Redmond" already exists.');
    expect(JSON.stringify(t.file())).toBe(before);
  });

  it('identities are case-insensitive and canonical', async () => {
    await t.run('New-CsPersistentChatConfiguration -Identity SERVICE:persistentchatserver:PChat02.Contoso.COM');
    expect(t.identities()).toContain('service:PersistentChatServer:pchat02.contoso.com');
    const r = await t.run('Get-CsPersistentChatConfiguration -Identity service:PersistentChatServer:PCHAT02.contoso.com');
    expect(r.text).toContain('Identity               : service:PersistentChatServer:pchat02.contoso.com');
  });

  it('Set with $null or an empty string clears a URL', async () => {
    await t.run('Set-CsPersistentChatConfiguration -RoomManagementUrl https://rooms.contoso.com -FileServiceUrl https://files.contoso.com');
    expect(stored('Global')).toMatchObject({ RoomManagementUrl: 'https://rooms.contoso.com', FileServiceUrl: 'https://files.contoso.com' });
    await t.run('Set-CsPersistentChatConfiguration -RoomManagementUrl $null -FileServiceUrl ""');
    expect(stored('Global')).toMatchObject({ RoomManagementUrl: null, FileServiceUrl: null });
    const r = await t.run('Get-CsPersistentChatConfiguration | Where-Object {$_.RoomManagementUrl -eq $null} | ForEach-Object Identity');
    expect(r.text).toBe('Global');
  });

  it('unknown identities are errors for Get, Set and Remove', async () => {
    for (const cmd of ['Get', 'Set', 'Remove']) {
      const r = await t.run(`${cmd}-CsPersistentChatConfiguration -Identity site:Nowhere`);
      expect(r.success).toBe(false);
      expect(r.text).toContain('Cannot find "PersistentChatConfiguration" "site:Nowhere" because it does not exist.');
      expect(r.text).toContain('ObjectNotFound: (site:Nowhere:XdsIdentity)');
    }
  });

  it('-Filter with no match is not an error', async () => {
    const r = await t.run('Get-CsPersistentChatConfiguration -Filter "site:*"');
    expect(r).toMatchObject({ text: '', success: true });
  });

  it('objects returned by Get are copies until Set', async () => {
    await t.run('$g = Get-CsPersistentChatConfiguration -Identity Global; $g.DefaultChatHistory = 77');
    expect(stored('Global')!.DefaultChatHistory).toBe(30);
    const r = await t.run('(Get-CsPersistentChatConfiguration -Identity Global).DefaultChatHistory');
    expect(r.text).toBe('30');
  });

  it('-LocalStore reads the file even when memory is stale', async () => {
    const other = createTestSession({ dir: t.dir });
    await other.run('New-CsPersistentChatConfiguration -Identity site:Oslo');
    const r = await t.run('Get-CsPersistentChatConfiguration -LocalStore -Filter site:*');
    expect(r.text).toContain('site:Oslo');
  });
});
