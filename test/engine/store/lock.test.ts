// The cross-process store lock: exclusive creation, stale locks (dead holder,
// very old, leftover with our own pid, empty), a clear timeout error naming the
// holder, and release only by the owner.

import fs from 'node:fs';
import os from 'node:os';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StoreLockError, acquireLock, lockPathFor } from '../../../src-main/engine/store/lock';
import { openConf } from '../../../src-main/engine/store/open-store';
import { ConfRepository, StoreCommitError } from '../../../src-main/engine/store/repository';
import { bundleChild, startChild } from '../../helpers/child-bundle';
import { record, storePath, tempDirs } from '../../helpers/store-fixtures';

const dirs = tempDirs();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  dirs.cleanup();
});

let bundle: { file: string; dispose: () => void };
beforeAll(async () => {
  bundle = await bundleChild('test/helpers/store-child.ts');
});
afterAll(() => bundle?.dispose());

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

function sleeper(): ChildProcess {
  const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(c);
  return c;
}

function fakeLock(file: string, holder: object | string, ageMs = 0): void {
  const lock = lockPathFor(file);
  fs.writeFileSync(lock, typeof holder === 'string' ? holder : JSON.stringify(holder));
  if (ageMs > 0) {
    const t = new Date(Date.now() - ageMs);
    fs.utimesSync(lock, t, t);
  }
}

const holder = (pid: number) => ({ pid, host: os.hostname(), token: 'someone-else', time: new Date().toISOString() });

describe('acquire and release', () => {
  it('creates the lock file naming its holder and removes it on release', () => {
    const file = storePath(dirs.make());
    const lock = acquireLock(file);
    const content = JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'));
    expect(content).toMatchObject({ pid: process.pid, token: lock.token, host: os.hostname() });
    lock.release();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    acquireLock(file).release();
  });

  it('does not remove a lock that is no longer ours', () => {
    const file = storePath(dirs.make());
    const lock = acquireLock(file);
    fakeLock(file, holder(process.pid));
    lock.release();
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
  });
});

describe('stale locks', () => {
  it('breaks a lock whose holder pid is dead', () => {
    const file = storePath(dirs.make());
    fakeLock(file, holder(deadPid()));
    const started = Date.now();
    const lock = acquireLock(file, { timeoutMs: 2000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).token).toBe(lock.token);
    lock.release();
  });

  it('breaks a very old lock even if its holder is alive, but waits for a fresh one', () => {
    const file = storePath(dirs.make());
    const alive = sleeper();
    fakeLock(file, holder(alive.pid!), 60_000);
    acquireLock(file, { timeoutMs: 2000, staleMs: 30_000 }).release();

    fakeLock(file, holder(alive.pid!));
    expect(() => acquireLock(file, { timeoutMs: 150 })).toThrow(StoreLockError);
  });

  it('breaks a leftover lock naming our own pid that we do not hold (pid reuse after a restart)', () => {
    const file = storePath(dirs.make());
    fakeLock(file, holder(process.pid));
    acquireLock(file, { timeoutMs: 1000 }).release();
  });

  it('waits on an empty lock file being written, and breaks it once it is old', () => {
    const file = storePath(dirs.make());
    fakeLock(file, '');
    expect(() => acquireLock(file, { timeoutMs: 100 })).toThrow(/locked by another process\./);
    fakeLock(file, '', 10_000);
    acquireLock(file, { timeoutMs: 1000 }).release();
  });
});

describe('a lock held by another process', () => {
  it('times out with a clear error naming the holder pid, and is broken once the holder dies', async () => {
    const dir = dirs.make();
    const file = storePath(dir);
    const holderChild = startChild(bundle.file, 'hold-lock', { dir });
    children.push(holderChild.child);
    await holderChild.waitForLine((l) => l === 'locked');
    const pid = holderChild.child.pid!;

    let error: unknown;
    try {
      acquireLock(file, { timeoutMs: 300 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreLockError);
    expect((error as StoreLockError).holder?.pid).toBe(pid);
    expect((error as Error).message).toMatch(
      new RegExp(`is locked by another process \\(pid ${pid}, since .*\\)\\. Waited 0\\.3 s\\. .*delete .*config\\.json\\.lock`),
    );

    holderChild.child.kill('SIGKILL');
    await holderChild.finished;
    acquireLock(file, { timeoutMs: 2000 }).release();
  });

  it('makes a commit fail clearly, change nothing, and roll back', () => {
    const dir = dirs.make();
    const repo = new ConfRepository(openConf(dir).conf, { lock: { timeoutMs: 100 } });
    const before = fs.readFileSync(storePath(dir), 'utf8');
    const alive = sleeper();
    fakeLock(storePath(dir), holder(alive.pid!));
    repo.create(record('site:A'));
    expect(() => repo.commit()).toThrow(StoreCommitError);
    expect(() => {
      repo.create(record('site:A'));
      repo.commit();
    }).toThrow(new RegExp(`pid ${alive.pid}.*Nothing was changed\\.$`));
    expect(repo.get('site:A')).toBeUndefined();
    expect(fs.readFileSync(storePath(dir), 'utf8')).toBe(before);
  });
});
