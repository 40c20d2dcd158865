// Real child processes against one store file: SIGKILL at random moments never
// leaves a damaged or half-committed file, concurrent writers lose nothing,
// and concurrent edits of different properties of one collection both survive.

import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { validateStoreFile } from '../../../src-main/engine/store/schema';
import { storeConfOptions } from '../../../src-main/engine/store/open-store';
import type { StoreFile } from '../../../src-main/engine/store/types';
import { bundleChild, startChild, type Finished } from '../../helpers/child-bundle';
import { backups, readRaw, record, storePath, storeWith, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

let bundle: { file: string; dispose: () => void };
beforeAll(async () => {
  bundle = await bundleChild('test/helpers/store-child.ts');
});
afterAll(() => bundle?.dispose());

/** mulberry32: a seeded PRNG so the kill moments are reproducible from run to run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function expectClean(f: Finished): void {
  expect({ code: f.code, stderr: f.stderr }).toEqual({ code: 0, stderr: '' });
}

/** Validates `file` with conf's own schema check (on a copy, so nothing can touch the original). */
function confAccepts(file: string): void {
  const copyDir = dirs.make();
  fs.copyFileSync(file, path.join(copyDir, 'config.json'));
  expect(() => new Conf<StoreFile>(storeConfOptions(copyDir))).not.toThrow();
}

it('survives SIGKILL at random moments: the file is always whole and equals some whole commit', async () => {
  const dir = dirs.make();
  // A few thousand pools make every write big enough for kills to land in the middle of one.
  const pools = Array.from({ length: 1500 }, (_, i) => record(`service:PersistentChatServer:pool${i}.contoso.com`));
  writeRaw(dir, storeWith(...pools));
  const random = prng(20261125);
  let lastK = 0;

  for (let round = 0; round < 6; round++) {
    const run = startChild(bundle.file, 'grow', { dir });
    await run.waitForLine(() => true); // it is committing in a loop now
    await sleep(random() * 40);
    run.child.kill('SIGKILL');
    expect((await run.finished).signal).toBe('SIGKILL');

    const text = fs.readFileSync(storePath(dir), 'utf8');
    const data = JSON.parse(text) as StoreFile;
    expect(validateStoreFile(data)).toEqual([]);
    confAccepts(storePath(dir));
    const sites = Object.keys(data.collections).filter((k) => k.startsWith('site:'));
    const k = sites.length;
    expect(sites.sort()).toEqual(Array.from({ length: k }, (_, i) => `site:S${i + 1}`).sort());
    // Both changes of the commit that added site:S<k> are there, or neither.
    expect(data.collections['Global']!.DefaultChatHistory).toBe((k % 500) + 1);
    expect(Object.keys(data.collections)).toHaveLength(1 + 1500 + k);
    expect(k).toBeGreaterThan(lastK);
    lastK = k;
  }
  expect(backups(dir)).toEqual([]);
});

it('loses nothing when two processes each commit 100 new collections at the same time', async () => {
  const dir = dirs.make();
  const startAt = Date.now() + 700;
  const a = startChild(bundle.file, 'create', { dir, prefix: 'A', count: 100, startAt });
  const b = startChild(bundle.file, 'create', { dir, prefix: 'B', count: 100, startAt });
  const [fa, fb] = await Promise.all([a.finished, b.finished]);
  expectClean(fa);
  expectClean(fb);
  const sites = Object.keys(readRaw(dir).collections).filter((k) => k.startsWith('site:'));
  expect(sites).toHaveLength(200);
  for (let i = 1; i <= 100; i++) expect(sites).toEqual(expect.arrayContaining([`site:A${i}`, `site:B${i}`]));
  expect(backups(dir)).toEqual([]);
});

it('keeps both processes\' edits of different properties of the same collection', async () => {
  const dir = dirs.make();
  writeRaw(dir, storeWith(record('site:X')));
  const startAt = Date.now() + 700;
  const a = startChild(bundle.file, 'edit', { dir, identity: 'site:X', property: 'DefaultChatHistory', count: 100, startAt });
  const b = startChild(bundle.file, 'edit', { dir, identity: 'site:x', property: 'MaxFileSizeKB', count: 100, startAt });
  const [fa, fb] = await Promise.all([a.finished, b.finished]);
  expectClean(fa);
  expectClean(fb);
  expect(readRaw(dir).collections['site:X']).toEqual(record('site:X', { DefaultChatHistory: 100, MaxFileSizeKB: 100 }));
});
