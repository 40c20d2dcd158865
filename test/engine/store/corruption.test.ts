// Damaged and foreign store files: moved aside (never overwritten or
// truncated) with a warning naming the backup, at open and while running; a
// file from a newer build is left untouched and every commit fails clearly.

import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultStoreFile, validateStoreFile } from '../../../src-main/engine/store/schema';
import { openConf } from '../../../src-main/engine/store/open-store';
import { ConfRepository, StoreCommitError } from '../../../src-main/engine/store/repository';
import { openRepository } from '../../../src-main/engine/store/index';
import { backups, readRaw, record, storePath, storeWith, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const NEWER_MESSAGE =
  'The store was written by a newer version of pchat-admin (schema 3); this version can read schema 1 only. Nothing was changed.';

function expectMovedAside(dir: string, originalBytes: string | null, warnings: Array<{ message: string }>): void {
  const [backup, ...more] = backups(dir);
  expect(more).toEqual([]);
  expect(backup).toMatch(/config\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
  if (originalBytes !== null) expect(fs.readFileSync(backup!, 'utf8')).toBe(originalBytes);
  expect(warnings.map((w) => w.message).join('\n')).toContain(backup!);
}

describe('at open', () => {
  it('moves a truncated file aside byte for byte and starts from defaults', () => {
    const dir = dirs.make();
    const full = writeRaw(dir, storeWith(record('site:A'), record('site:B')));
    const truncated = full.slice(0, Math.floor(full.length / 2));
    fs.writeFileSync(storePath(dir), truncated);

    const { conf, warnings } = openConf(dir);
    expectMovedAside(dir, truncated, warnings);
    expect(warnings[0]!.message).toMatch(/not valid JSON/);
    expect(readRaw(dir)).toEqual(defaultStoreFile());
    expect(new ConfRepository(conf).list().map((r) => r.Identity)).toEqual(['Global']);
  });

  it.each([
    ['an out-of-range value', storeWith(record('site:A', { DefaultChatHistory: 9999 }))],
    ['a wrong type', storeWith(record('site:A', { MaxFileSizeKB: 'lots' as never }))],
    ['collections as a number', { schemaVersion: 1, collections: 7 }],
    ['a non-object', 42],
    ['a bad schemaVersion', { schemaVersion: 'one', collections: {} }],
  ])('moves a schema-invalid file aside (%s)', (_name, content) => {
    const dir = dirs.make();
    const bytes = writeRaw(dir, content);
    const { warnings } = openConf(dir);
    expectMovedAside(dir, bytes, warnings);
    expect(validateStoreFile(readRaw(dir))).toEqual([]);
  });

  it('moves an unreadable entry aside (a directory where the file should be)', () => {
    const dir = dirs.make();
    fs.mkdirSync(storePath(dir));
    const { warnings } = openConf(dir);
    expectMovedAside(dir, null, warnings);
    expect(fs.statSync(backups(dir)[0]!).isDirectory()).toBe(true);
    expect(readRaw(dir)).toEqual(defaultStoreFile());
  });
});

describe('while running', () => {
  it('detects garbage written by another program on refresh, moves it aside and loads defaults', () => {
    const dir = dirs.make();
    writeRaw(dir, storeWith(record('site:A')));
    const repo = new ConfRepository(openConf(dir).conf);
    const garbage = '{"schemaVersion": 1, "collections": {"Glo';
    fs.writeFileSync(storePath(dir), garbage);

    const warnings = repo.refresh();
    expectMovedAside(dir, garbage, warnings);
    expect(repo.list().map((r) => r.Identity)).toEqual(['Global']);
    repo.create(record('site:After'));
    expect(repo.commit().written).toBe(true);
    expect(Object.keys(readRaw(dir).collections)).toEqual(['Global', 'site:After']);
  });

  it('detects it at commit too, keeps the pending change and reports the backup', () => {
    const dir = dirs.make();
    const repo = new ConfRepository(openConf(dir).conf);
    repo.create(record('site:Pending'));
    const invalid = JSON.stringify(storeWith(record('site:A', { DefaultChatHistory: -4 })));
    fs.writeFileSync(storePath(dir), invalid);

    const result = repo.commit();
    expect(result.written).toBe(true);
    expectMovedAside(dir, invalid, [...result.warnings]);
    expect(Object.keys(readRaw(dir).collections)).toEqual(['Global', 'site:Pending']);
  });
});

describe('a file from a newer pchat-admin', () => {
  const newer = {
    schemaVersion: 3,
    collections: {
      Global: record('Global', { DefaultChatHistory: 44 }),
      'site:A': record('site:A'),
      'site:B': { Identity: 'site:B', SomethingNew: true },
    },
    futureSettings: { theme: 'dark' },
  };

  it('is opened read-only: readable, never rewritten, and every commit fails clearly', () => {
    const dir = dirs.make();
    const bytes = writeRaw(dir, newer);
    const opened = openConf(dir);
    expect(opened.newerSchemaVersion).toBe(3);
    expect(opened.warnings[0]!.message).toMatch(/newer version of pchat-admin \(schema 3\).*read-only/);
    expect(backups(dir)).toEqual([]);

    const repo = new ConfRepository(opened.conf);
    expect(repo.newerSchemaVersion).toBe(3);
    expect(repo.list().map((r) => r.Identity)).toEqual(['Global', 'site:A']);
    expect(repo.get('Global')!.DefaultChatHistory).toBe(44);

    repo.update('Global', { DefaultChatHistory: 45 });
    expect(() => repo.commit()).toThrow(new StoreCommitError(NEWER_MESSAGE));
    expect(repo.get('Global')!.DefaultChatHistory).toBe(44);
    repo.remove('site:A');
    expect(() => repo.commit()).toThrow(NEWER_MESSAGE);
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(bytes);
  });

  it('is reported once by openRepository', () => {
    const dir = dirs.make();
    writeRaw(dir, newer);
    const { repository, warnings } = openRepository(dir);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/schema 3.*read-only/),
      '1 collection(s) in the newer store could not be read by this version.',
    ]);
    expect(repository.newerSchemaVersion).toBe(3);
  });

  it('is detected when it replaces the file while we run', () => {
    const dir = dirs.make();
    const repo = new ConfRepository(openConf(dir).conf);
    const bytes = writeRaw(dir, newer);
    expect(repo.refresh().map((w) => w.message).join()).toMatch(/schema 3/);
    repo.create(record('site:C'));
    expect(() => repo.commit()).toThrow(NEWER_MESSAGE);
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(bytes);
    expect(backups(dir)).toEqual([]);
  });
});
