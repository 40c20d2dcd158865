// Files that are not ours are never written (D1), older files of ours are
// upgraded only with a byte-identical 0600 copy and a warning listing what
// could not be carried over — at open (D1) and when one appears while the
// store is open (D5) — and a file holding one identity twice in different
// letter case is moved aside whole instead of losing one of them (D6).

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConf } from '../../../src-main/engine/store/open-store';
import { openRepository, StoreRefusedError } from '../../../src-main/engine/store/index';
import { ConfRepository, StoreCommitError } from '../../../src-main/engine/store/repository';
import { acquireLock } from '../../../src-main/engine/store/lock';
import { notALegacyStore } from '../../../src-main/engine/store/legacy';
import { validateStoreFile } from '../../../src-main/engine/store/schema';
import { backups, readRaw, record, storePath, storeWith, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const mode = (file: string): number => fs.statSync(file).mode & 0o777;
const messages = (warnings: ReadonlyArray<{ message: string }>): string => warnings.map((w) => w.message).join('\n');
const listing = (dir: string): string[] => fs.readdirSync(dir).sort();

/** The attack report's reproduction: another program's settings file. */
const FOREIGN = '{"apiToken":"s3cr3t","windowBounds":{"x":10},"recentFiles":["/a"]}';

describe('a file that is not recognisably ours (D1)', () => {
  it('is refused at open with an error naming it, and stays byte-identical with nothing added beside it', () => {
    const dir = dirs.make();
    fs.writeFileSync(storePath(dir), FOREIGN, { mode: 0o644 });
    const before = fs.statSync(storePath(dir));

    let error: unknown;
    try {
      openConf(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreRefusedError);
    expect((error as Error).message).toBe(
      `Refusing to use ${storePath(dir)} as the configuration store: it has no schemaVersion, and it has keys a pchat-admin ` +
        "store never had ('apiToken', 'windowBounds', 'recentFiles'). It was left untouched. Use another store folder, or move the file away.",
    );
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(FOREIGN);
    expect(listing(dir)).toEqual(['config.json']);
    const after = fs.statSync(storePath(dir));
    expect([after.ino, after.mode, after.mtimeMs]).toEqual([before.ino, before.mode, before.mtimeMs]);
  });

  it.each([
    ['a package.json', '{"name":"tool","version":"1.0.0","scripts":{}}'],
    ['a list of strings', '["/a","/b"]'],
    ['an identity key that holds no record', '{"Global": 5}'],
    ['a list with one item that is not a collection', '[{"Identity":"site:A"},{"foo":1}]'],
    ['collections beside a key we never wrote', '{"collections":[{"Identity":"site:A"}],"theme":"dark"}'],
  ])('refuses %s through openRepository too (the shell, the preview, the app)', (_name, text) => {
    const dir = dirs.make();
    fs.writeFileSync(storePath(dir), text);
    expect(() => openRepository(dir)).toThrow(new RegExp(`^Refusing to use ${storePath(dir).replace(/[.]/g, '\\.')} as the configuration store: `));
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(text);
    expect(listing(dir)).toEqual(['config.json']);
  });

  it('is never written when it replaces the store while open: commits fail naming it until it is moved away', () => {
    const dir = dirs.make();
    const repo = new ConfRepository(openConf(dir).conf);
    fs.writeFileSync(storePath(dir), FOREIGN);

    expect(messages(repo.refresh())).toMatch(/^Refusing to use .*config\.json as the configuration store: .*'apiToken'.*defaults are shown/);
    expect(repo.list().map((r) => r.Identity)).toEqual(['Global']);
    repo.update('Global', { DefaultChatHistory: 7 });
    expect(() => repo.commit()).toThrow(StoreCommitError);
    repo.create(record('site:A'));
    expect(() => repo.commit()).toThrow(/^Cannot save to .*config\.json: it has no schemaVersion.*It was left untouched\. Nothing was changed\.$/);
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(FOREIGN);
    expect(listing(dir)).toEqual(['config.json']);

    fs.renameSync(storePath(dir), path.join(dir, 'theirs.json'));
    repo.create(record('site:A'));
    expect(repo.commit().written).toBe(true);
    expect(Object.keys(readRaw(dir).collections)).toEqual(['Global', 'site:A']);
    expect(fs.readFileSync(path.join(dir, 'theirs.json'), 'utf8')).toBe(FOREIGN);
  });
});

describe('what counts as a legacy store of ours', () => {
  it('accepts the shapes older builds wrote, and an empty object or list', () => {
    for (const ours of [{}, [], [{ Identity: 'site:A' }], { collections: [] }, { collections: { x: 1 } }, { Global: {}, 'SITE:b': {}, 'service:Registrar:p.c.com': {} }, { __internal__: {}, global: {} }]) {
      expect(notALegacyStore(ours)).toBeUndefined();
    }
  });

  it('names what does not fit', () => {
    expect(notALegacyStore({ Global: {}, token: 1 })).toBe("it has no schemaVersion, and it has keys a pchat-admin store never had ('token')");
    expect(notALegacyStore({ 'site:A': [] })).toBe("it has no schemaVersion, and 'site:A' does not hold a configuration collection");
    expect(notALegacyStore([{ Identity: 'site:A' }, 'x'])).toMatch(/item 2 of its list is not a configuration collection/);
  });
});

describe('a legacy file of ours (D1)', () => {
  const legacy = {
    Global: { Identity: 'Global', DefaultChatHistory: 40, Notes: 'do not delete' },
    'site:Redmond': { Identity: 'site:Redmond', MaxFileSizeKB: 100, Owner: 'ops', Tags: ['a'] },
  };

  it('is upgraded listing every field it could not carry over, with a byte-identical 0600 copy', () => {
    const dir = dirs.make();
    const bytes = writeRaw(dir, legacy);
    fs.chmodSync(storePath(dir), 0o644);
    const { warnings } = openConf(dir);

    const [copy, ...more] = backups(dir, 'schema0');
    expect(more).toEqual([]);
    expect(fs.readFileSync(copy!, 'utf8')).toBe(bytes);
    expect(mode(copy!)).toBe(0o600);
    expect(warnings.map((w) => w.message)).toEqual([
      `The store ${storePath(dir)} was in an older format (schema 0) and was upgraded to schema 1. A copy of it as it was is kept as ${copy}; ` +
        'what is listed below could not be carried over and is kept only there.',
      "Upgrading the store: Global: field 'Notes' could not be carried over.",
      "Upgrading the store: site:Redmond: fields 'Owner', 'Tags' could not be carried over.",
    ]);
    expect(readRaw(dir)).toEqual({
      schemaVersion: 1,
      collections: { Global: record('Global', { DefaultChatHistory: 40 }), 'site:Redmond': record('site:Redmond', { MaxFileSizeKB: 100 }) },
    });
  });

  it('keeps the unknown top-level keys of a file that states schemaVersion 0', () => {
    const dir = dirs.make();
    writeRaw(dir, { schemaVersion: 0, collections: [{ Identity: 'site:A' }], theme: 'dark' });
    openConf(dir);
    const raw = readRaw(dir) as unknown as Record<string, unknown>;
    expect(raw['theme']).toBe('dark');
    expect(Object.keys(readRaw(dir).collections)).toEqual(['Global', 'site:A']);
  });
});

describe('a legacy file that appears while the store is open (D5)', () => {
  const legacy = [{ Identity: 'site:Old', DefaultChatHistory: 9, Notes: 'keep me' }];

  it('is upgraded on disk at the next refresh, copy first, with the same warnings', () => {
    const dir = dirs.make();
    const repo = new ConfRepository(openConf(dir).conf);
    const bytes = writeRaw(dir, legacy);
    fs.chmodSync(storePath(dir), 0o644);

    const text = messages(repo.refresh());
    const [copy] = backups(dir, 'schema0');
    expect(fs.readFileSync(copy!, 'utf8')).toBe(bytes);
    expect(mode(copy!)).toBe(0o600);
    expect(text).toContain(`A copy of it as it was is kept as ${copy}`);
    expect(text).toContain("site:Old: field 'Notes' could not be carried over.");
    expect(readRaw(dir).collections['site:Old']).toEqual(record('site:Old', { DefaultChatHistory: 9 }));

    repo.update('site:Old', { DefaultChatHistory: 10 });
    expect(repo.commit().written).toBe(true);
    expect(readRaw(dir).collections['site:Old']!.DefaultChatHistory).toBe(10);
    expect(fs.readFileSync(copy!, 'utf8')).toBe(bytes);
  });

  it('when it cannot be locked then, is shown upgraded and upgraded (copy first) by the next commit', () => {
    const dir = dirs.make();
    const repo = new ConfRepository(openConf(dir).conf, { lock: { timeoutMs: 100 } });
    const bytes = writeRaw(dir, legacy);
    const held = acquireLock(storePath(dir));
    let text: string;
    try {
      text = messages(repo.refresh());
    } finally {
      held.release();
    }
    expect(text).toMatch(/is in an older format \(schema 0\)\. It is shown upgraded, but it could not be upgraded on disk now/);
    expect(text).toContain("site:Old: field 'Notes' could not be carried over.");
    expect(repo.get('site:Old')!.DefaultChatHistory).toBe(9);
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(bytes);
    expect(backups(dir, 'schema0')).toEqual([]);

    repo.update('site:Old', { DefaultChatHistory: 11 });
    const result = repo.commit();
    expect(result.written).toBe(true);
    const [copy] = backups(dir, 'schema0');
    expect(fs.readFileSync(copy!, 'utf8')).toBe(bytes);
    expect(messages(result.warnings)).toContain(copy!);
    expect(readRaw(dir).collections['site:Old']!.DefaultChatHistory).toBe(11);
  });
});

describe('two identities that differ only in letter case (D6)', () => {
  const dup = storeWith(record('site:Dup', { DefaultChatHistory: 1 }), record('site:DUP', { DefaultChatHistory: 2 }));

  it('make a file invalid', () => {
    expect(validateStoreFile(dup)).toEqual(["'site:Dup' and 'site:DUP' are the same identity in different letter case"]);
  });

  it('move the file aside whole at open, and say so', () => {
    const dir = dirs.make();
    const bytes = writeRaw(dir, dup);
    const { warnings } = openConf(dir);
    const [backup] = backups(dir);
    expect(fs.readFileSync(backup!, 'utf8')).toBe(bytes);
    expect(messages(warnings)).toMatch(/'site:Dup' and 'site:DUP' are the same identity in different letter case.*moved aside to .*corrupt-/);
    expect(Object.keys(readRaw(dir).collections)).toEqual(['Global']);
  });

  it('move the file aside whole when it appears while open, before any commit writes over it', () => {
    const dir = dirs.make();
    const repo = new ConfRepository(openConf(dir).conf);
    repo.create(record('site:Mine'));
    const bytes = writeRaw(dir, dup);
    const result = repo.commit();
    const [backup] = backups(dir);
    expect(fs.readFileSync(backup!, 'utf8')).toBe(bytes);
    expect(messages(result.warnings)).toContain(backup!);
    expect(Object.keys(readRaw(dir).collections)).toEqual(['Global', 'site:Mine']);
  });
});
