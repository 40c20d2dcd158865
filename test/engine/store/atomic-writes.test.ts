// Every store write is atomic whatever the environment (D4): conf's own write
// path, which under SNAP (or after EXDEV) truncates and rewrites the file in
// place, is never used; and SIGKILL at random moments of a stream of commits,
// with SNAP set and without, always leaves the state before or after the
// commit in flight, never an empty or half-written file. Temp files those
// kills leave behind are gone after the next open (D10).

import fs from 'node:fs';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openConf } from '../../../src-main/engine/store/open-store';
import { ConfRepository } from '../../../src-main/engine/store/repository';
import { validateStoreFile } from '../../../src-main/engine/store/schema';
import type { StoreFile } from '../../../src-main/engine/store/types';
import { bundleChild, startChild } from '../../helpers/child-bundle';
import { backups, record, storePath, storeWith, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('with SNAP set in the environment', () => {
  const proto = Conf.prototype as unknown as { _write: (value: unknown) => void };
  const originalWrite = proto._write;
  let confWrites = 0;
  const savedSnap = process.env['SNAP'];
  beforeAll(() => {
    process.env['SNAP'] = '/snap/code/1';
    proto._write = function (this: unknown, value: unknown) {
      confWrites++;
      originalWrite.call(this, value);
    };
  });
  afterAll(() => {
    proto._write = originalWrite;
    if (savedSnap === undefined) delete process.env['SNAP'];
    else process.env['SNAP'] = savedSnap;
  });

  it("never writes through conf's non-atomic path: not at open, not at commit", () => {
    confWrites = 0;
    const fresh = dirs.make();
    openConf(fresh); // a missing file: the defaults are written
    const legacy = dirs.make();
    writeRaw(legacy, [{ Identity: 'site:Old' }]);
    openConf(legacy); // an older file: upgraded
    const damaged = dirs.make();
    writeRaw(damaged, '{"schemaVersion": 1, "coll');
    openConf(damaged); // a damaged file: moved aside, defaults written
    const repo = new ConfRepository(openConf(fresh).conf);
    repo.create(record('site:A'));
    repo.commit();
    expect(confWrites).toBe(0);
  });

  it('replaces the file by a rename on every commit, never rewriting it in place', () => {
    const dir = dirs.make();
    const repo = new ConfRepository(openConf(dir).conf);
    for (let i = 1; i <= 3; i++) {
      // A reader holding the old file open keeps seeing it whole: the new one is another inode.
      const fd = fs.openSync(storePath(dir), 'r');
      try {
        const before = fs.readFileSync(storePath(dir), 'utf8');
        repo.update('Global', { DefaultChatHistory: i });
        repo.commit();
        expect(fs.readFileSync(fd, 'utf8')).toBe(before); // from offset 0: nothing was written into it
        expect(fs.statSync(storePath(dir)).ino).not.toBe(fs.fstatSync(fd).ino);
      } finally {
        fs.closeSync(fd);
      }
    }
  });
});

const POOLS = 300;

/** A child with its modules loaded, waiting for SIGUSR2 to start committing in a loop. */
function warmChild(bundle: string, dir: string, env: NodeJS.ProcessEnv) {
  const run = startChild(bundle, 'grow-on-signal', { dir }, env);
  const ready = run.waitForLine((l) => l === 'ready');
  ready.catch(() => {}); // the spare child is killed before it is needed
  let printed = 0; // the last commit the child reported done
  let partial = ''; // a number may arrive split across two chunks
  run.child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (/^\d+$/.test(line)) printed = Math.max(printed, Number(line));
  });
  return { run, ready, printed: () => printed };
}

/**
 * Kills a child committing in a loop `rounds` times (the next child is started
 * while the current one runs) and checks the file after each kill.
 */
async function killRounds(bundle: string, rounds: number, env: NodeJS.ProcessEnv, seed: number) {
  const dir = dirs.make();
  // Enough pools that each write takes a while, few enough that a round stays short.
  const pools = Array.from({ length: POOLS }, (_, i) => record(`service:PersistentChatServer:pool${i}.contoso.com`));
  writeRaw(dir, storeWith(...pools));
  let random = seed;
  const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
  const tally = { before: 0, after: 0 };
  let lastK = 0;
  let warm = warmChild(bundle, dir, env);
  for (let round = 0; round < rounds; round++) {
    const current = warm;
    await current.ready;
    const committing = current.run.waitForLine((l) => /^\d+$/.test(l));
    current.run.child.kill('SIGUSR2');
    warm = warmChild(bundle, dir, env);
    await committing;
    await new Promise((r) => setTimeout(r, next() * 25));
    current.run.child.kill('SIGKILL');
    expect((await current.run.finished).signal).toBe('SIGKILL');

    const data = JSON.parse(fs.readFileSync(storePath(dir), 'utf8')) as StoreFile; // whole JSON, never empty
    expect(validateStoreFile(data)).toEqual([]);
    const k = Object.keys(data.collections).filter((key) => key.startsWith('site:S')).length;
    expect(Object.keys(data.collections)).toHaveLength(1 + POOLS + k);
    expect(data.collections['Global']!.DefaultChatHistory).toBe((k % 500) + 1); // both changes of commit k, or neither
    // The last commit reported done is there; the one in flight is there whole or not at all.
    const printed = current.printed();
    expect([printed, printed + 1]).toContain(k);
    if (k === printed) tally.before++;
    else tally.after++;
    expect(k).toBeGreaterThanOrEqual(lastK);
    lastK = k;
  }
  warm.run.child.kill('SIGKILL');
  await warm.run.finished;
  expect(backups(dir)).toEqual([]);
  openConf(dir); // the next open removes the temp files the kills left
  expect(fs.readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
  return tally;
}

describe('SIGKILL during commits', () => {
  let bundle: { file: string; dispose: () => void };
  beforeAll(async () => {
    bundle = await bundleChild('test/helpers/store-child.ts');
  });
  afterAll(() => bundle?.dispose());

  const withoutSnap = { ...process.env };
  delete withoutSnap['SNAP'];

  it('never leaves a damaged or empty store, with SNAP set or not (20 kills each)', async () => {
    const [snap, plain] = await Promise.all([
      killRounds(bundle.file, 20, { ...withoutSnap, SNAP: '/snap/code/1' }, 20261128),
      killRounds(bundle.file, 20, withoutSnap, 11282026),
    ]);
    expect(snap.before + snap.after).toBe(20);
    expect(plain.before + plain.after).toBe(20);
  }, 60_000);
});
