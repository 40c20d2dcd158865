// The change history file: what a commit records, where and how it is
// written (0600, atomically, never through a planted link), and its bounds.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bounded, ChangeHistory, historyPathFor, MAX_HISTORY_CHANGES, MAX_HISTORY_ENTRIES, type HistoryEntry } from '../../../src-main/engine/store/history-file';
import { createTestSession, type TestSession } from '../../helpers/engine-session';
import { tempDirs } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup()); // removes the sessions' folders too

function session(): TestSession {
  return createTestSession({ dir: dirs.make() });
}

const historyFile = (dir: string): string => historyPathFor(path.join(dir, 'config.json'));
const entries = (dir: string): HistoryEntry[] => (JSON.parse(fs.readFileSync(historyFile(dir), 'utf8')) as { entries: HistoryEntry[] }).entries;

describe('what a commit records', () => {
  it('one entry per statement that changed something: time, source, user, its text, values before and after', async () => {
    const t = session();
    const before = Date.now();
    await t.run('New-CsPersistentChatConfiguration site:Redmond -DefaultChatHistory 40 | Out-Null; Set-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 60');
    await t.run('Set-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 60'); // no change: no entry
    await t.run('Remove-CsPersistentChatConfiguration site:Redmond -WhatIf'); // nothing written: no entry
    const [created, changed, ...rest] = entries(t.dir);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({
      id: 1,
      source: 'console',
      commandLine: 'New-CsPersistentChatConfiguration site:Redmond -DefaultChatHistory 40 | Out-Null',
      changes: [{ identity: 'site:Redmond', before: null, after: { DefaultChatHistory: 40, MaxChatContentSizeMB: 20, MaxFileSizeKB: 20000, ParticipantUpdateLimit: 75, FileServiceUrl: null, RoomManagementUrl: null } }],
    });
    expect(Date.parse(created!.time)).toBeGreaterThanOrEqual(before - 1000);
    expect(typeof created!.user === 'string' || created!.user === undefined).toBe(true);
    // On disk a changed collection keeps its full values after, and only what differed before ...
    expect(changed).toMatchObject({
      id: 2,
      commandLine: 'Set-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 60',
      changes: [{ identity: 'site:Redmond', was: { DefaultChatHistory: 40 }, after: { DefaultChatHistory: 60, MaxFileSizeKB: 20000 } }],
    });
    expect(changed!.revertOf).toBeUndefined();
    // ... which reads back as both full records.
    const read = new ChangeHistory(historyFile(t.dir)).read().entries[1]!;
    expect(read.changes).toEqual([
      {
        identity: 'site:Redmond',
        before: { DefaultChatHistory: 40, MaxChatContentSizeMB: 20, MaxFileSizeKB: 20000, ParticipantUpdateLimit: 75, FileServiceUrl: null, RoomManagementUrl: null },
        after: { DefaultChatHistory: 60, MaxChatContentSizeMB: 20, MaxFileSizeKB: 20000, ParticipantUpdateLimit: 75, FileServiceUrl: null, RoomManagementUrl: null },
      },
    ]);
  });

  it('is private (0600) and written atomically beside the store', async () => {
    const t = session();
    await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 50');
    if (process.platform !== 'win32') expect(fs.statSync(historyFile(t.dir)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });
});

describe('a history file that is not ours', () => {
  it('a planted symbolic link is never read or written through: it is moved aside', async () => {
    const t = session();
    const outside = path.join(dirs.make(), 'elsewhere.json');
    fs.writeFileSync(outside, 'precious');
    fs.symlinkSync(outside, historyFile(t.dir));
    const { text } = await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 50');
    expect(text).toMatch(/^WARNING: The change history .*config\.history\.json could not be used \(it is a symbolic link\); it was moved aside to .*config\.history\.json\.unusable-.* and a new history begins\.$/m);
    expect(fs.readFileSync(outside, 'utf8')).toBe('precious');
    expect(fs.lstatSync(historyFile(t.dir)).isFile()).toBe(true);
    const aside = fs.readdirSync(t.dir).filter((f) => f.startsWith('config.history.json.unusable-'));
    expect(aside.map((f) => fs.lstatSync(path.join(t.dir, f)).isSymbolicLink())).toEqual([true]);
    expect(entries(t.dir)).toHaveLength(1);
    expect(t.file().collections['Global']).toMatchObject({ DefaultChatHistory: 50 });
  });

  it('a damaged file is kept aside and a new history begins', async () => {
    const t = session();
    fs.writeFileSync(historyFile(t.dir), '{"version":1,"entries":[{"id":');
    const { text } = await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 51');
    expect(text).toContain('could not be used (it is not valid JSON');
    const aside = fs.readdirSync(t.dir).filter((f) => f.startsWith('config.history.json.unusable-'));
    expect(fs.readFileSync(path.join(t.dir, aside[0]!), 'utf8')).toBe('{"version":1,"entries":[{"id":');
    expect(entries(t.dir).map((e) => e.id)).toEqual([1]);
  });
});

describe('bounds', () => {
  const entry = (id: number, changes = 1): HistoryEntry => ({
    id,
    time: '2026-11-28T00:00:00.000Z',
    source: 'test',
    commandLine: `change ${id}`,
    changes: Array.from({ length: changes }, (_, i) => ({ identity: `site:S${i}`, before: null, after: null })),
  });

  it(`keeps the newest ${MAX_HISTORY_ENTRIES} entries, and ids go on counting`, async () => {
    const t = session();
    const full = Array.from({ length: MAX_HISTORY_ENTRIES }, (_, i) => entry(i + 1));
    fs.writeFileSync(historyFile(t.dir), JSON.stringify({ version: 1, entries: full }));
    await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 52');
    const kept = entries(t.dir);
    expect(kept).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(kept[0]!.id).toBe(2);
    expect(kept[kept.length - 1]).toMatchObject({ id: MAX_HISTORY_ENTRIES + 1, commandLine: 'Set-CsPersistentChatConfiguration -DefaultChatHistory 52' });
  });

  it(`drops older entries once they hold more than ${MAX_HISTORY_CHANGES} collection changes, keeping the newest whatever its size`, () => {
    expect(bounded([entry(1, 10), entry(2, MAX_HISTORY_CHANGES - 10), entry(3, 5)]).map((e) => e.id)).toEqual([2, 3]);
    expect(bounded([entry(1, 3), entry(2, MAX_HISTORY_CHANGES + 1)]).map((e) => e.id)).toEqual([2]);
  });
});
