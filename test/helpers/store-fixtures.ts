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

type StoreSpy = { reads: number; writes: number; failNextWrite?: Error };

/** Spies by store path on the final rename of every atomic write (files.ts writeFileAtomicSync). */
const renameSpies = new Map<string, StoreSpy>();
let renameHooked = false;

function hookRename(): void {
  if (renameHooked) return;
  renameHooked = true;
  const original = fs.renameSync;
  fs.renameSync = function renameSync(from: fs.PathLike, to: fs.PathLike): void {
    const spy = renameSpies.get(path.resolve(String(to)));
    if (spy && /\.tmp$/.test(String(from))) {
      spy.writes++;
      if (spy.failNextWrite) {
        const err = spy.failNextWrite;
        delete spy.failNextWrite;
        throw err;
      }
    }
    original.call(fs, from, to);
  };
}

/**
 * Counts whole-file reads of the store through conf (its `.store` getter) and
 * whole-file writes (the repository writes the file itself, atomically: each
 * write ends in one rename of a temp file onto the store). `failNextWrite`
 * makes the next write fail at that rename.
 */
export function spyOnStore(conf: Conf<StoreFile>): StoreSpy {
  const counts: StoreSpy = { reads: 0, writes: 0 };
  const desc = Object.getOwnPropertyDescriptor(Conf.prototype, 'store')!;
  Object.defineProperty(conf, 'store', {
    configurable: true,
    get() {
      counts.reads++;
      return desc.get!.call(conf);
    },
    set(value: StoreFile) {
      counts.writes++;
      desc.set!.call(conf, value);
    },
  });
  hookRename();
  renameSpies.set(path.resolve(conf.path), counts);
  return counts;
}

export function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
