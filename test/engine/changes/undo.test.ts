// Get-PchatHistory and Undo-PchatChange in a real session over a real store:
// which change Undo means, what reverting does for each kind of change, the
// refusals (with their reasons), -WhatIf, and an undo racing another process.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { journalRevert } from '../../../src-main/engine/changes/undo';
import { openRepository } from '../../../src-main/engine/store';
import { bundleChild, startChild } from '../../helpers/child-bundle';
import { createTestSession, type TestSession } from '../../helpers/engine-session';
import { readRaw, tempDirs } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

let bundle: { file: string; dispose: () => void };
beforeAll(async () => {
  bundle = await bundleChild('test/helpers/store-child.ts');
});
afterAll(() => bundle?.dispose());

async function seeded(): Promise<TestSession> {
  const t = createTestSession({ dir: dirs.make() });
  await t.run('New-CsPersistentChatConfiguration site:Redmond -DefaultChatHistory 40 | Out-Null'); // 1
  await t.run('Set-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 60'); // 2
  await t.run('Set-CsPersistentChatConfiguration -MaxFileSizeKB 999'); // 3
  return t;
}

/** One property of every history entry, comma-separated. */
async function column(t: TestSession, property: string): Promise<string> {
  return (await t.run(`Get-PchatHistory | ForEach-Object { "$($_.${property})" }`)).lines.map((l) => l.text).join(',');
}

describe('Undo-PchatChange', () => {
  it('reverts the newest change, then walks further back; each undo is recorded', async () => {
    const t = await seeded();
    expect((await t.run('Undo-PchatChange')).success).toBe(true);
    expect(t.file().collections['Global']).toMatchObject({ MaxFileSizeKB: 20000 });
    expect((await t.run('Undo-PchatChange')).success).toBe(true);
    expect(t.file().collections['site:Redmond']).toMatchObject({ DefaultChatHistory: 40 });
    expect((await t.run('Undo-PchatChange')).success).toBe(true);
    expect(t.file().collections['site:Redmond']).toBeUndefined();
    expect(await column(t, 'Id')).toBe('1,2,3,4,5,6');
    expect(await column(t, 'Undoes')).toBe(',,,3,2,1');
    expect(await column(t, 'Undone')).toBe('True,True,True,False,False,False');
    const { text } = await t.run('Undo-PchatChange');
    expect(text).toContain('There is no change to undo: the change history is empty, or every change in it has been undone.');
  });

  it('re-creates a removed collection with every value it had, and reverting the undo removes it again', async () => {
    const t = await seeded();
    await t.run('Remove-CsPersistentChatConfiguration site:Redmond'); // 4
    await t.run('Undo-PchatChange -Id 4'); // 5
    expect(t.file().collections['site:Redmond']).toMatchObject({ DefaultChatHistory: 60, MaxFileSizeKB: 20000 });
    await t.run('Undo-PchatChange -Id 5'); // redo
    expect(t.file().collections['site:Redmond']).toBeUndefined();
  });

  it('puts Global back after a reset', async () => {
    const t = await seeded();
    await t.run('Remove-CsPersistentChatConfiguration Global -Force'); // 4
    expect(t.file().collections['Global']).toMatchObject({ MaxFileSizeKB: 20000 });
    await t.run('Undo-PchatChange');
    expect(t.file().collections['Global']).toMatchObject({ MaxFileSizeKB: 999 });
  });

  it('refuses, changing nothing, when a later change conflicts or the change was undone already', async () => {
    const t = await seeded();
    const before = readRaw(t.dir);
    let r = await t.run('Undo-PchatChange -Id 1');
    expect(r.success).toBe(false);
    expect(r.text).toContain(
      'Undo-PchatChange : Change 1 cannot be undone: later changes conflict with it (site:Redmond: DefaultChatHistory is now 60, not 40). ' +
        'Nothing was changed. Undo the later changes first, or change the values by hand.',
    );
    await t.run('Undo-PchatChange -Id 3'); // 4
    r = await t.run('Undo-PchatChange -Id 3');
    expect(r.text).toContain('Change 3 has already been undone by change 4. To redo it, revert change 4.');
    r = await t.run('Undo-PchatChange -Id 99');
    expect(r.text).toContain('Cannot find change 99 in the change history. It holds changes 1 to 4.');
    expect(readRaw(t.dir).collections['site:Redmond']).toEqual(before.collections['site:Redmond']);
  });

  it('undoes one change per statement, so its history entry says exactly what it undid', async () => {
    const t = createTestSession({ dir: dirs.make() });
    await t.run('New-CsPersistentChatConfiguration site:A | Out-Null');
    await t.run('New-CsPersistentChatConfiguration site:B | Out-Null');
    const r = await t.run('Get-PchatHistory | Undo-PchatChange');
    expect(r.text).toContain('Change 2 was not undone: this statement has already changed the store. Undo-PchatChange undoes one change per statement');
    expect(t.identities()).toEqual(['Global', 'site:B']);
    expect(await column(t, 'Undoes')).toBe(',,1');
  });

  it('-WhatIf describes it and changes nothing; -Verbose lists the equivalent cmdlet lines', async () => {
    const t = await seeded();
    const r = await t.run('Undo-PchatChange -Id 2 -WhatIf -Verbose');
    expect(r.text).toBe(
      [
        'VERBOSE: Undo change 2: Set-CsPersistentChatConfiguration -Identity "site:Redmond" -DefaultChatHistory 40',
        'What if: Performing the operation "Undo-PchatChange" on target "change 2 (Set-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 60)".',
      ].join('\n'),
    );
    expect(t.file().collections['site:Redmond']).toMatchObject({ DefaultChatHistory: 60 });
    expect(await column(t, 'Id')).toBe('1,2,3');
  });

  it('is all or nothing when another process changes one of its collections just before it commits', async () => {
    const t = createTestSession({ dir: dirs.make() });
    await t.run('New-CsPersistentChatConfiguration site:A | Out-Null; Set-CsPersistentChatConfiguration -DefaultChatHistory 5');
    await t.run('Set-CsPersistentChatConfiguration -Identity site:A -DefaultChatHistory 9; Set-CsPersistentChatConfiguration -DefaultChatHistory 7');
    const { repository } = openRepository(t.dir);
    const entry = repository.history.read().entries.find((e) => e.id === 3)!; // site:A 30 → 9
    expect(entry.changes.map((c) => c.identity)).toEqual(['site:A']);
    // An entry touching two collections: write one by hand through the repository.
    repository.update('site:A', { MaxFileSizeKB: 1 });
    repository.update('Global', { MaxFileSizeKB: 2 });
    const both = repository.commit({ source: 'test', commandLine: 'both' });
    const two = repository.history.read().entries.find((e) => e.id === both.historyId)!;
    journalRevert(two, repository);
    expect(repository.commit({ source: 'test', commandLine: 'undo' })).toMatchObject({ written: true, conflicts: [] });
    expect(readRaw(t.dir).collections['Global']).toMatchObject({ DefaultChatHistory: 7, MaxFileSizeKB: 20000 });
    expect(readRaw(t.dir).collections['site:A']).toMatchObject({ MaxFileSizeKB: 20000 });

    // Now the race hits one of the two collections: nothing is written at all.
    repository.update('site:A', { MaxFileSizeKB: 3 });
    repository.update('Global', { MaxFileSizeKB: 4 });
    const again = repository.commit({ source: 'test', commandLine: 'both again' });
    const entryAgain = repository.history.read().entries.find((e) => e.id === again.historyId)!;
    journalRevert(entryAgain, repository);
    const racer = startChild(bundle.file, 'set', { dir: t.dir, value: 12 }); // changes Global, which the undo expects unchanged
    expect((await racer.finished).code).toBe(0);
    const result = repository.commit({ source: 'test', commandLine: 'undo again' });
    expect(result.written).toBe(false);
    expect(result.conflicts.map((c) => c.identity)).toEqual(['Global']);
    expect(readRaw(t.dir).collections['site:A']).toMatchObject({ MaxFileSizeKB: 3 });
    expect(readRaw(t.dir).collections['Global']).toMatchObject({ DefaultChatHistory: 12, MaxFileSizeKB: 4 });
    // The racer's commit is recorded (every writer is); the refused undo is not.
    expect(repository.history.read().entries.slice(-2).map((e) => e.commandLine)).toEqual(['both again', '']);
  });
});

describe('Get-PchatHistory', () => {
  it('lists entries oldest first, one by -Id, the newest by -Count, and says when an id is unknown', async () => {
    const t = await seeded();
    expect((await t.run('Get-PchatHistory -Count 2 | ForEach-Object { $_.Id }')).text).toBe('2\n3');
    const one = await t.run('Get-PchatHistory 2 | Select-Object Id, Source, CommandLine, Changes | Format-List');
    expect(one.text).toContain('CommandLine : Set-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 60');
    expect(one.text).toContain('Changes     : {site:Redmond: DefaultChatHistory 40 -> 60}');
    expect((await t.run('Get-PchatHistory -Id 7')).text).toContain('Cannot find change 7 in the change history. It holds changes 1 to 3.');
  });

  it('is known to Get-Command, Get-Help and completion like every cmdlet', async () => {
    const t = await seeded();
    expect((await t.run('Get-Command Get-PchatHistory, Undo-PchatChange | ForEach-Object { $_.Name + " " + $_.Source }')).text).toBe('Get-PchatHistory PchatAdmin\nUndo-PchatChange PchatAdmin');
    expect((await t.run('Get-Help Undo-PchatChange')).text).toContain('Undo-PchatChange [[-Id] <Int32>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]');
    expect(t.session.complete('Undo-PchatChange -Wh', 20).matches).toEqual(['-WhatIf']);
    expect((await t.run('Undo-PchatChange -Id abc')).text).toContain(`Cannot bind parameter 'Id'. Cannot convert value "abc" to type "System.Int32".`);
  });
});
