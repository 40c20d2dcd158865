// ConfRepository over real files: reads, the journal, one write per commit,
// replay onto a file another process changed, rollback on write errors, and
// change notifications.

import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src-main/engine/domain/properties';
import { openConf } from '../../../src-main/engine/store/open-store';
import { ConfRepository, StoreCommitError } from '../../../src-main/engine/store/repository';
import {
  errnoError,
  isRoot,
  readRaw,
  record,
  spyOnStore,
  storePath,
  storeWith,
  tempDirs,
  writeRaw,
} from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const open = (dir: string): ConfRepository => new ConfRepository(openConf(dir).conf);
const ino = (dir: string): number => fs.statSync(storePath(dir)).ino;
const POOL = 'service:PersistentChatServer:pchat01.contoso.com';

describe('reading', () => {
  it('finds collections in any letter case, lists them in display order, and returns copies', () => {
    const dir = dirs.make();
    writeRaw(dir, storeWith(record(POOL), record('site:Redmond'), record('site:Dublin'), record('service:PersistentChatServer:a.contoso.com')));
    const repo = open(dir);
    expect(repo.list().map((r) => r.Identity)).toEqual([
      'Global',
      'site:Dublin',
      'site:Redmond',
      'service:PersistentChatServer:a.contoso.com',
      POOL,
    ]);
    expect(repo.get('SITE:redmond')?.Identity).toBe('site:Redmond');
    expect(repo.get('global')?.Identity).toBe('Global');
    expect(repo.get(' Service:PersistentChatServer:PCHAT01.contoso.com ')?.Identity).toBe(POOL);
    expect(repo.get('site:Nowhere')).toBeUndefined();

    repo.get('site:Redmond')!.DefaultChatHistory = 99;
    repo.list()[0]!.DefaultChatHistory = 99;
    expect(repo.get('site:Redmond')!.DefaultChatHistory).toBe(30);
    expect(repo.get('Global')!.DefaultChatHistory).toBe(30);
  });

  it('always has Global, with defaults when the file lacks it', () => {
    const dir = dirs.make();
    writeRaw(dir, { schemaVersion: 1, collections: { 'site:A': record('site:A') } });
    expect(open(dir).get('Global')).toEqual(record('Global'));
  });

  it('re-reads the file only when its fingerprint changed', () => {
    const dir = dirs.make();
    const { conf } = openConf(dir);
    const repo = new ConfRepository(conf);
    const spy = spyOnStore(conf);
    for (let i = 0; i < 20; i++) repo.refresh();
    expect(spy.reads).toBe(0);
    const other = open(dir);
    other.create(record('site:Elsewhere'));
    other.commit();
    repo.refresh();
    expect(spy.reads).toBe(1);
    expect(repo.get('site:Elsewhere')).toBeDefined();
    repo.refresh(true); // Get -LocalStore
    expect(spy.reads).toBe(2);
  });
});

describe('mutations and commit', () => {
  it('commits 10,000 creates, then 10,000 updates, each as exactly one write', () => {
    const dir = dirs.make();
    const { conf } = openConf(dir);
    const repo = new ConfRepository(conf);
    const spy = spyOnStore(conf);
    const inoBefore = ino(dir);
    for (let i = 0; i < 10_000; i++) repo.create(record(`site:S${i}`));
    expect(spy.writes).toBe(0);
    expect(repo.list()).toHaveLength(10_001);
    expect(repo.commit()).toEqual({ written: true, conflicts: [], warnings: [], historyId: 1 });
    expect(spy.writes).toBe(1);
    expect(ino(dir)).not.toBe(inoBefore);

    const inoAfterFirst = ino(dir);
    for (const r of repo.list()) repo.update(r.Identity, { DefaultChatHistory: 100 });
    repo.commit();
    expect(spy.writes).toBe(2);
    expect(ino(dir)).not.toBe(inoAfterFirst);
    const raw = readRaw(dir);
    expect(Object.keys(raw.collections)).toHaveLength(10_001);
    expect(Object.values(raw.collections).every((r) => r.DefaultChatHistory === 100)).toBe(true);
  });

  it('writes nothing for an empty journal', () => {
    const dir = dirs.make();
    const { conf } = openConf(dir);
    const repo = new ConfRepository(conf);
    const spy = spyOnStore(conf);
    expect(repo.commit()).toEqual({ written: false, conflicts: [], warnings: [] });
    repo.update('Global', {});
    expect(repo.commit().written).toBe(false);
    expect(spy.writes).toBe(0);
  });

  it('updates only the named properties; removing Global resets it; removing a site deletes it', () => {
    const dir = dirs.make();
    const repo = open(dir);
    repo.create(record('site:A', { MaxFileSizeKB: 5 }));
    repo.update('global', { DefaultChatHistory: 77, FileServiceUrl: 'https://f.contoso.com' });
    repo.update('SITE:a', { DefaultChatHistory: 8 });
    repo.commit();
    expect(readRaw(dir).collections['site:A']).toEqual(record('site:A', { MaxFileSizeKB: 5, DefaultChatHistory: 8 }));
    expect(readRaw(dir).collections['Global']!.FileServiceUrl).toBe('https://f.contoso.com');

    repo.remove('Global');
    repo.remove('site:a');
    expect(repo.get('Global')).toEqual(record('Global'));
    repo.commit();
    expect(readRaw(dir).collections).toEqual({ Global: { Identity: 'Global', ...defaultValues() } });
  });

  it('refuses mutations a caller should have prevented', () => {
    const repo = open(dirs.make());
    expect(() => repo.create(record('Global'))).toThrow(/cannot be created/);
    expect(() => repo.create(record('site:A', { DefaultChatHistory: 501 }))).toThrow(/DefaultChatHistory: The 501 argument is greater than the maximum allowed range of 500\./);
    repo.create(record('site:A'));
    expect(() => repo.create(record('SITE:a'))).toThrow(/already exists/);
    expect(() => repo.update('site:Nope', { DefaultChatHistory: 5 })).toThrow(/Cannot find/);
    expect(() => repo.update('site:A', { MaxFileSizeKB: -1 })).toThrow(/MaxFileSizeKB: The -1 argument is less than the minimum allowed range of 1\./);
    expect(() => repo.remove('site:Nope')).toThrow(/Cannot find/);
  });

  it('rollback drops the journal and restores the file state', () => {
    const dir = dirs.make();
    const repo = open(dir);
    repo.create(record('site:A'));
    repo.update('Global', { DefaultChatHistory: 1 });
    repo.rollback();
    expect(repo.list()).toEqual([record('Global')]);
    expect(repo.commit().written).toBe(false);
  });
});

describe('replay onto a file another process changed', () => {
  it('keeps concurrent edits of different properties of the same collection', () => {
    const dir = dirs.make();
    writeRaw(dir, storeWith(record('site:X')));
    const a = open(dir);
    const b = open(dir);
    a.update('site:X', { DefaultChatHistory: 120 });
    b.update('site:X', { MaxFileSizeKB: 999 });
    expect(b.commit().written).toBe(true);
    expect(a.commit()).toEqual({ written: true, conflicts: [], warnings: [], historyId: 2 });
    expect(readRaw(dir).collections['site:X']).toEqual(record('site:X', { DefaultChatHistory: 120, MaxFileSizeKB: 999 }));
    expect(a.get('site:X')?.MaxFileSizeKB).toBe(999);
  });

  it('reports conflicts for a create that now exists and an update or remove of what is gone', () => {
    const dir = dirs.make();
    writeRaw(dir, storeWith(record('site:Gone'), record('site:Gone2')));
    const a = open(dir);
    const b = open(dir);
    a.create(record('site:New', { DefaultChatHistory: 1 }));
    a.update('site:New', { MaxFileSizeKB: 1 }); // meant for a's own collection: skipped with the create
    a.update('site:Gone', { DefaultChatHistory: 2 });
    a.remove('site:Gone2');
    a.create(record('site:Fine'));
    b.create(record('site:new', { DefaultChatHistory: 50 }));
    b.remove('site:Gone');
    b.remove('site:Gone2');
    b.commit();

    const result = a.commit();
    expect(result.written).toBe(true);
    expect(result.conflicts.map((c) => c.identity)).toEqual(['site:new', 'site:Gone', 'site:Gone2']);
    expect(result.conflicts[0]!.message).toMatch(/another process created site:new first/);
    const raw = readRaw(dir).collections;
    expect(raw['site:new']).toEqual(record('site:new', { DefaultChatHistory: 50 }));
    expect(Object.keys(raw)).toEqual(['Global', 'site:Fine', 'site:new']);
  });

  it('writes nothing when every change conflicted', () => {
    const dir = dirs.make();
    writeRaw(dir, storeWith(record('site:A')));
    const a = open(dir);
    const b = open(dir);
    a.update('site:A', { DefaultChatHistory: 3 });
    b.remove('site:A');
    b.commit();
    const before = fs.readFileSync(storePath(dir), 'utf8');
    const result = a.commit();
    expect(result.written).toBe(false);
    expect(result.conflicts).toHaveLength(1);
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(before);
  });

  it('rebases pending changes when refresh sees a new file', () => {
    const dir = dirs.make();
    const a = open(dir);
    const b = open(dir);
    a.create(record('site:Mine'));
    b.create(record('site:Theirs'));
    b.commit();
    a.refresh();
    expect(a.list().map((r) => r.Identity)).toEqual(['Global', 'site:Mine', 'site:Theirs']);
    a.commit();
    expect(Object.keys(readRaw(dir).collections)).toEqual(['Global', 'site:Mine', 'site:Theirs']);
  });
});

describe('write errors', () => {
  it('rolls back to the file state and says why when the write fails (ENOSPC)', () => {
    const dir = dirs.make();
    const { conf } = openConf(dir);
    const repo = new ConfRepository(conf);
    const other = open(dir);
    other.create(record('site:Other'));
    other.commit();
    const before = fs.readFileSync(storePath(dir), 'utf8');

    const spy = spyOnStore(conf);
    spy.failNextWrite = errnoError('ENOSPC', 'no space left on device, write');
    repo.create(record('site:Mine'));
    let error: unknown;
    try {
      repo.commit();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreCommitError);
    expect((error as StoreCommitError).code).toBe('ENOSPC');
    expect((error as Error).message).toMatch(/Could not save the configuration store .*config\.json: ENOSPC.*disk is full.*Nothing was changed\./);
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(before);
    expect(repo.list().map((r) => r.Identity)).toEqual(['Global', 'site:Other']);
    expect(repo.hasPendingChanges).toBe(false);
    expect(fs.existsSync(`${storePath(dir)}.lock`)).toBe(false);

    repo.create(record('site:Mine'));
    expect(repo.commit().written).toBe(true);
  });

  it.each([
    ['EACCES', /Check that you may write to /],
    ['EROFS', /file system is read-only/],
  ])('explains %s from the write', (code, hint) => {
    const dir = dirs.make();
    const { conf } = openConf(dir);
    const repo = new ConfRepository(conf);
    spyOnStore(conf).failNextWrite = errnoError(code, 'cannot write');
    repo.update('Global', { DefaultChatHistory: 5 });
    expect(() => repo.commit()).toThrow(hint);
    expect(repo.get('Global')!.DefaultChatHistory).toBe(30);
  });

  it.skipIf(isRoot)('reports EACCES from a read-only directory and leaves the file alone', () => {
    const dir = dirs.make();
    const repo = open(dir);
    const before = fs.readFileSync(storePath(dir), 'utf8');
    fs.chmodSync(dir, 0o500);
    repo.update('Global', { DefaultChatHistory: 5 });
    expect(() => repo.commit()).toThrow(/configuration store/);
    fs.chmodSync(dir, 0o700);
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(before);
    expect(repo.get('Global')!.DefaultChatHistory).toBe(30);
  });
});

describe('watch', () => {
  it('reports writes by another process and ignores our own', async () => {
    const dir = dirs.make();
    const repo = open(dir);
    let calls = 0;
    const stop = repo.watch(() => calls++);
    try {
      repo.update('Global', { DefaultChatHistory: 31 });
      repo.commit();
      await new Promise((r) => setTimeout(r, 250));
      expect(calls).toBe(0);

      const other = open(dir);
      other.update('Global', { DefaultChatHistory: 32 });
      other.commit();
      await expect.poll(() => calls, { timeout: 3000 }).toBeGreaterThan(0);
      repo.refresh();
      expect(repo.get('Global')!.DefaultChatHistory).toBe(32);
    } finally {
      stop();
    }
  });
});
