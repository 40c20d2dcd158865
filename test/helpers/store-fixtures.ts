// Shared fixtures for the store tests: real temp directories, raw store file
// access, and a spy that counts conf's whole-file reads and writes.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { defaultValues, type ConfigRecord } from '../../src-main/engine/domain/properties';
import type { StoreFile } from '../../src-main/engine/store/types';

/** Temp directories created by a test file; call cleanup() in afterEach/afterAll. */
export function tempDirs(): { make: () => string; cleanup: () => void } {
  const dirs: string[] = [];
  return {
    make() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-store-'));
      dirs.push(dir);
      return dir;
    },
    cleanup() {
      for (const d of dirs.splice(0)) {
        fs.chmodSync(d, 0o700); // a test may have made it read-only
        fs.rmSync(d, { recursive: true, force: true });
      }
    },
  };
}

export function storePath(dir: string): string {
  return path.join(dir, 'config.json');
}

export function writeRaw(dir: string, content: unknown): string {
  const text = typeof content === 'string' ? content : JSON.stringify(content, undefined, '\t');
  fs.writeFileSync(storePath(dir), text);
  return text;
}

export function readRaw(dir: string): StoreFile {
  return JSON.parse(fs.readFileSync(storePath(dir), 'utf8')) as StoreFile;
}

export function record(identity: string, values: Partial<ConfigRecord> = {}): ConfigRecord {
  return { Identity: identity, ...defaultValues(), ...values };
}

/** A v1 store file holding Global plus `records`. */
export function storeWith(...records: ConfigRecord[]): StoreFile {
  const collections: Record<string, ConfigRecord> = { Global: record('Global') };
  for (const r of records) collections[r.Identity] = r;
  return { schemaVersion: 1, collections };
}

/** Files in `dir` whose names start with config.json.<tag>. */
export function backups(dir: string, tag = 'corrupt'): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith(`config.json.${tag}-`)).map((f) => path.join(dir, f));
}

/** Counts conf's whole-file reads (`.store` getter) and writes (`.store` setter) on one instance. */
export function spyOnStore(conf: Conf<StoreFile>): { reads: number; writes: number; failNextWrite?: Error } {
  const counts: { reads: number; writes: number; failNextWrite?: Error } = { reads: 0, writes: 0 };
  const desc = Object.getOwnPropertyDescriptor(Conf.prototype, 'store')!;
  Object.defineProperty(conf, 'store', {
    configurable: true,
    get() {
      counts.reads++;
      return desc.get!.call(conf);
    },
    set(value: StoreFile) {
      counts.writes++;
      if (counts.failNextWrite) {
        const err = counts.failNextWrite;
        delete counts.failNextWrite;
        throw err;
      }
      desc.set!.call(conf, value);
    },
  });
  return counts;
}

export function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
