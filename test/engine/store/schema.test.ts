// The generated store schema: derived from PROPERTIES, enforced by conf on
// every write, defaults on first open, private file mode, and identities with
// dots stored as whole keys.

import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PROPERTIES } from '../../../src-main/engine/domain/properties';
import {
  CURRENT_SCHEMA_VERSION,
  STORE_SCHEMA,
  defaultStoreFile,
  recordSchema,
  validateStoreFile,
} from '../../../src-main/engine/store/schema';
import { openConf } from '../../../src-main/engine/store/open-store';
import { ConfRepository } from '../../../src-main/engine/store/repository';
import { readRaw, record, storePath, storeWith, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const mode = (file: string): number => fs.statSync(file).mode & 0o777;

describe('generated schema', () => {
  it('takes every type and range from PROPERTIES', () => {
    const props = (recordSchema() as { properties: Record<string, Record<string, unknown>> }).properties;
    for (const p of PROPERTIES) {
      if (p.kind === 'integer') expect(props[p.name]).toEqual({ type: 'integer', minimum: p.min, maximum: p.max });
      else expect(props[p.name]).toEqual({ type: ['string', 'null'] });
    }
    expect(recordSchema()['required']).toEqual(['Identity', ...PROPERTIES.map((p) => p.name)]);
    expect(Object.keys(STORE_SCHEMA)).toEqual(['schemaVersion', 'collections']);
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
  });

  const bad: Array<[string, Record<string, unknown>]> = [
    ['DefaultChatHistory above range', { DefaultChatHistory: 501 }],
    ['DefaultChatHistory below range', { DefaultChatHistory: 0 }],
    ['DefaultChatHistory as text', { DefaultChatHistory: '30' }],
    ['DefaultChatHistory fractional', { DefaultChatHistory: 30.5 }],
    ['MaxChatContentSizeMB above range', { MaxChatContentSizeMB: 2049 }],
    ['MaxFileSizeKB above UInt32', { MaxFileSizeKB: 4294967296 }],
    ['ParticipantUpdateLimit negative', { ParticipantUpdateLimit: -1 }],
    ['FileServiceUrl as number', { FileServiceUrl: 42 }],
    ['RoomManagementUrl as object', { RoomManagementUrl: {} }],
    ['unknown property', { Colour: 'blue' }],
  ];

  it.each(bad)('conf refuses to write %s, and the file keeps its contents', (_name, patch) => {
    const dir = dirs.make();
    const { conf } = openConf(dir);
    const before = fs.readFileSync(storePath(dir), 'utf8');
    const data = storeWith({ ...record('site:A'), ...patch } as never);
    expect(() => (conf.store = data)).toThrow(/Config schema violation/);
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(before);
    expect(validateStoreFile(data)).not.toEqual([]);
  });

  it('refuses a missing property, a non-identity key and a missing schemaVersion', () => {
    const { conf } = openConf(dirs.make());
    const { MaxFileSizeKB: _drop, ...partial } = record('site:A');
    expect(() => (conf.store = storeWith(partial as never))).toThrow(/Config schema violation/);
    expect(() => (conf.store = { schemaVersion: 1, collections: { 'not an identity': record('Global') } })).toThrow(
      /Config schema violation/,
    );
    expect(() => (conf.store = { collections: {} } as never)).toThrow(/Config schema violation/);
  });

  it('accepts the boundary values and null or text URLs', () => {
    const { conf } = openConf(dirs.make());
    const edge = record('site:Edge', {
      DefaultChatHistory: 500,
      MaxChatContentSizeMB: 1,
      MaxFileSizeKB: 4294967295,
      ParticipantUpdateLimit: 1,
      FileServiceUrl: 'https://files.contoso.com/pchat',
      RoomManagementUrl: null,
    });
    conf.store = storeWith(edge);
    expect(conf.store.collections['site:Edge']).toEqual(edge);
    expect(validateStoreFile(storeWith(edge))).toEqual([]);
  });

  it('also checks what a schema cannot: keys are canonical and match their Identity', () => {
    expect(validateStoreFile({ schemaVersion: 1, collections: { global: record('Global') } })).toHaveLength(1);
    expect(validateStoreFile({ schemaVersion: 1, collections: { 'site:A': record('site:B') } })).toHaveLength(1);
    expect(validateStoreFile({ schemaVersion: 1, collections: { 'site:A': record('site:A') } })).toEqual([]);
  });
});

describe('store file', () => {
  it('is created with the defaults on first open, mode 0600', () => {
    const dir = dirs.make();
    const { conf, warnings } = openConf(dir);
    expect(warnings).toEqual([]);
    expect(readRaw(dir)).toEqual(defaultStoreFile());
    expect(mode(storePath(dir))).toBe(0o600);
    expect(new ConfRepository(conf).list()).toEqual([record('Global')]);
  });

  it('is 0600 after open and after every commit even if someone widened it', () => {
    const dir = dirs.make();
    writeRaw(dir, storeWith());
    fs.chmodSync(storePath(dir), 0o644);
    const repo = new ConfRepository(openConf(dir).conf);
    expect(mode(storePath(dir))).toBe(0o600);
    fs.chmodSync(storePath(dir), 0o664);
    repo.update('Global', { DefaultChatHistory: 40 });
    repo.commit();
    expect(mode(storePath(dir))).toBe(0o600);
  });

  it('stores identities with dots (pool FQDNs, site names) as whole keys, never as paths', () => {
    const dir = dirs.make();
    const repo = new ConfRepository(openConf(dir).conf);
    repo.create(record('service:PersistentChatServer:PChat01.Contoso.com', { ParticipantUpdateLimit: 100 }));
    repo.create(record('site:Eu.West', { DefaultChatHistory: 12 }));
    repo.commit();

    const raw = readRaw(dir);
    expect(Object.keys(raw.collections)).toEqual([
      'Global',
      'site:Eu.West',
      'service:PersistentChatServer:pchat01.contoso.com',
    ]);
    expect(raw.collections['service:PersistentChatServer:pchat01.contoso.com']!.ParticipantUpdateLimit).toBe(100);
    const again = new ConfRepository(openConf(dir).conf);
    expect(again.get('SERVICE:persistentchatserver:pchat01.CONTOSO.com')?.ParticipantUpdateLimit).toBe(100);
    expect(again.get('site:eu.west')?.DefaultChatHistory).toBe(12);
  });
});
