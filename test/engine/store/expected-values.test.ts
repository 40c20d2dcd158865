// Expected values: a change that names the values it started from is refused,
// field by field (old → new), when the collection holds others — whether the
// repository already knows it when the change is journalled, or another
// process wrote the file just before the commit (checked under the lock).

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRepository } from '../../../src-main/engine/store';
import { bundleChild, startChild } from '../../helpers/child-bundle';
import { readRaw, record, storeWith, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

let bundle: { file: string; dispose: () => void };
beforeAll(async () => {
  bundle = await bundleChild('test/helpers/store-child.ts');
});
afterAll(() => bundle?.dispose());

function storeDir(): string {
  const dir = dirs.make();
  writeRaw(dir, storeWith(record('site:Redmond', { ParticipantUpdateLimit: 100 })));
  return dir;
}

describe('expected values', () => {
  it('apply when the collection still holds them', () => {
    const dir = storeDir();
    const { repository } = openRepository(dir);
    repository.update('site:Redmond', { DefaultChatHistory: 60 }, { DefaultChatHistory: 30 });
    expect(repository.commit()).toMatchObject({ written: true, conflicts: [] });
    expect(readRaw(dir).collections['site:Redmond']).toMatchObject({ DefaultChatHistory: 60, ParticipantUpdateLimit: 100 });
  });

  it('are refused at once when the repository already holds other values, naming each field', () => {
    const dir = storeDir();
    const { repository } = openRepository(dir);
    repository.update('site:Redmond', { DefaultChatHistory: 60 }, { DefaultChatHistory: 25, ParticipantUpdateLimit: 75 });
    expect(repository.get('site:Redmond')?.DefaultChatHistory).toBe(30); // not journalled
    const before = readRaw(dir);
    const result = repository.commit();
    expect(result.written).toBe(false);
    expect(result.conflicts).toEqual([
      {
        identity: 'site:Redmond',
        message:
          'Cannot change site:Redmond: it was changed elsewhere after its values were read (DefaultChatHistory 25 → 30, ParticipantUpdateLimit 75 → 100). ' +
          'Nothing was changed. Read its current values, then make the change again.',
      },
    ]);
    expect(readRaw(dir)).toEqual(before);
    // Reported once: the next commit has nothing left over.
    expect(repository.commit().conflicts).toEqual([]);
  });

  it('catch a write by another process between the change and its commit (replayed under the lock)', async () => {
    const dir = storeDir();
    const { repository } = openRepository(dir);
    repository.update('Global', { DefaultChatHistory: 60 }, { DefaultChatHistory: 30 });
    repository.update('site:Redmond', { MaxFileSizeKB: 10 }, { MaxFileSizeKB: 20000 });
    // Another process sets Global to 33 now.
    const other = startChild(bundle.file, 'set', { dir, value: 33 });
    expect((await other.finished).code).toBe(0);
    const result = repository.commit();
    expect(result.conflicts.map((c) => c.message)).toEqual([
      'Cannot change Global: it was changed elsewhere after its values were read (DefaultChatHistory 30 → 33). Nothing was changed. Read its current values, then make the change again.',
    ]);
    // The other process's value survives; the change that was not stale went in.
    expect(readRaw(dir).collections['Global']).toMatchObject({ DefaultChatHistory: 33 });
    expect(readRaw(dir).collections['site:Redmond']).toMatchObject({ MaxFileSizeKB: 10 });
  });

  it('let exactly one of two racing processes write, and refuse the other', async () => {
    const dir = storeDir();
    const a = startChild(bundle.file, 'set-expected', { dir, value: 41 });
    const b = startChild(bundle.file, 'set-expected', { dir, value: 42 });
    await Promise.all([a.waitForLine((l) => l === 'journalled'), b.waitForLine((l) => l === 'journalled')]);
    a.child.kill('SIGUSR2');
    b.child.kill('SIGUSR2');
    const results = (await Promise.all([a.finished, b.finished])).map((f) => JSON.parse(f.stdout.trim().split('\n').pop()!) as { written: boolean; conflicts: string[] });
    expect(results.filter((r) => r.written)).toHaveLength(1);
    const loser = results.find((r) => !r.written)!;
    const winner = results.indexOf(results.find((r) => r.written)!) === 0 ? 41 : 42;
    expect(loser.conflicts).toEqual([expect.stringContaining(`(DefaultChatHistory 30 → ${winner})`)]);
    expect(readRaw(dir).collections['Global']).toMatchObject({ DefaultChatHistory: winner });
  });

  it('guard a removal too', () => {
    const dir = storeDir();
    const { repository } = openRepository(dir);
    repository.remove('site:Redmond', { ParticipantUpdateLimit: 75 });
    expect(repository.commit().conflicts[0]?.message).toContain('Cannot remove site:Redmond: it was changed elsewhere after its values were read (ParticipantUpdateLimit 75 → 100)');
    expect(readRaw(dir).collections['site:Redmond']).toBeDefined();
  });
});
