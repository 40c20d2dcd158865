// Store-layout migrations: legacy (v0) files become v1 with their data,
// migrations are harmless on an empty store, every upgrade on disk keeps a
// copy of the original, and an old file that reappears while running is
// upgraded too (foreign.test.ts has the copies and warnings in detail).

import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, defaultStoreFile, validateStoreFile } from '../../../src-main/engine/store/schema';
import { MIGRATIONS, migrateToCurrent, readSchemaVersion } from '../../../src-main/engine/store/migrations';
import { openConf } from '../../../src-main/engine/store/open-store';
import { ConfRepository } from '../../../src-main/engine/store/repository';
import { backups, readRaw, record, storePath, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const POOL = 'service:PersistentChatServer:pchat01.contoso.com';
const legacyRecords = [
  { Identity: 'global', DefaultChatHistory: 60, MaxChatContentSizeMB: 20, MaxFileSizeKB: 20000, ParticipantUpdateLimit: 75, FileServiceUrl: null, RoomManagementUrl: null },
  // written before RoomManagementUrl existed: it takes the default
  { Identity: 'site:Redmond', DefaultChatHistory: 10, MaxChatContentSizeMB: 5, MaxFileSizeKB: 100, ParticipantUpdateLimit: 80, FileServiceUrl: 'https://f.contoso.com' },
  { Identity: 'SERVICE:PersistentChatServer:PChat01.Contoso.COM', DefaultChatHistory: 20, MaxChatContentSizeMB: 20, MaxFileSizeKB: 20000, ParticipantUpdateLimit: 75, FileServiceUrl: null, RoomManagementUrl: 'http://rooms' },
];
const expected = {
  schemaVersion: 1,
  collections: {
    Global: record('Global', { DefaultChatHistory: 60 }),
    'site:Redmond': record('site:Redmond', { DefaultChatHistory: 10, MaxChatContentSizeMB: 5, MaxFileSizeKB: 100, ParticipantUpdateLimit: 80, FileServiceUrl: 'https://f.contoso.com' }),
    [POOL]: record(POOL, { DefaultChatHistory: 20, RoomManagementUrl: 'http://rooms' }),
  },
};

describe('migration table', () => {
  it('has a step for every version below the current one', () => {
    for (let v = 0; v < CURRENT_SCHEMA_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
  });

  it('reads the version a file claims', () => {
    expect(readSchemaVersion([])).toBe(0);
    expect(readSchemaVersion({})).toBe(0);
    expect(readSchemaVersion({ schemaVersion: 1 })).toBe(1);
    expect(readSchemaVersion({ schemaVersion: 1.5 })).toBeUndefined();
    expect(readSchemaVersion('text')).toBeUndefined();
  });

  it('is harmless on an empty store and a no-op on a current one', () => {
    expect(migrateToCurrent({})).toEqual({ data: defaultStoreFile(), fromVersion: 0, warnings: [] });
    expect(migrateToCurrent([])).toEqual({ data: defaultStoreFile(), fromVersion: 0, warnings: [] });
    const current = defaultStoreFile();
    expect(migrateToCurrent(current)).toEqual({ data: current, fromVersion: 1, warnings: [] });
  });

  it.each([
    ['an array of collections', legacyRecords],
    ['collections as an array', { collections: legacyRecords }],
    ['collections keyed by identity', { collections: Object.fromEntries(legacyRecords.map((r) => [r.Identity, r])) }],
    ['identities at the top level', Object.fromEntries(legacyRecords.map((r) => [r.Identity, r]))],
  ])('upgrades v0 with %s, preserving the data', (_name, legacy) => {
    const result = migrateToCurrent(legacy);
    expect(result.warnings).toEqual([]);
    expect(result.data).toEqual(expected);
    expect(validateStoreFile(result.data)).toEqual([]);
  });
});

describe('at open', () => {
  // Every upgrade on disk keeps a byte-identical copy and says so, even when nothing was lost
  // (it used to keep one only after a lossy repair): the original bytes are never gone.
  it('migrates a v0 file to v1 on disk, preserving data, keeping a byte-identical copy and saying so', () => {
    const dir = dirs.make();
    const bytes = writeRaw(dir, legacyRecords);
    const { conf, warnings } = openConf(dir);
    const [copy] = backups(dir, 'schema0');
    expect(warnings.map((w) => w.message)).toEqual([
      `The store ${storePath(dir)} was in an older format (schema 0) and was upgraded to schema 1. A copy of it as it was is kept as ${copy}.`,
    ]);
    expect(fs.readFileSync(copy!, 'utf8')).toBe(bytes);
    expect(readRaw(dir)).toEqual(expected);
    expect(fs.statSync(storePath(dir)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).sort()).toEqual(['config.json', copy!.slice(dir.length + 1)]);
    expect(new ConfRepository(conf).get('site:redmond')?.MaxFileSizeKB).toBe(100);
  });

  it('keeps a copy of the original when the migration had to drop or repair something', () => {
    const dir = dirs.make();
    const bytes = writeRaw(dir, [
      ...legacyRecords,
      { Identity: 'service:Registrar:pool.contoso.com', DefaultChatHistory: 5 },
      { Identity: 'site:Big', DefaultChatHistory: 9000 },
    ]);
    const { warnings } = openConf(dir);
    const [copy] = backups(dir, 'schema0');
    expect(fs.readFileSync(copy!, 'utf8')).toBe(bytes);
    const text = warnings.map((w) => w.message).join('\n');
    expect(text).toContain("invalid identity ('service:Registrar:pool.contoso.com')");
    expect(text).toContain('site:Big: DefaultChatHistory value 9000 was not valid');
    expect(text).toContain(copy!);
    expect(readRaw(dir).collections['site:Big']).toEqual(record('site:Big'));
    expect(backups(dir)).toEqual([]); // migrated, not treated as corrupt
  });

  it('treats a legacy file it cannot interpret as damaged', () => {
    const dir = dirs.make();
    writeRaw(dir, { collections: 'none' });
    const { warnings } = openConf(dir);
    expect(backups(dir)).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/cannot be migrated/);
  });
});

it('upgrades an old file that replaces the store while running, and writes v1 on commit', () => {
  const dir = dirs.make();
  const repo = new ConfRepository(openConf(dir).conf);
  writeRaw(dir, legacyRecords);
  repo.refresh();
  expect(repo.list().map((r) => r.Identity)).toEqual(['Global', 'site:Redmond', POOL]);
  repo.update('Global', { DefaultChatHistory: 61 });
  repo.commit();
  const raw = readRaw(dir);
  expect(raw.schemaVersion).toBe(1);
  expect(raw.collections['Global']!.DefaultChatHistory).toBe(61);
  expect(raw.collections[POOL]).toEqual(expected.collections[POOL]);
});
