// A symbolic link in place of the store file is refused, never followed (D7):
// no write, rename or chmod lands on its target outside the store folder,
// whether the link is there at open or appears while the store is open.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConf } from '../../../src-main/engine/store/open-store';
import { StoreRefusedError } from '../../../src-main/engine/store/index';
import { ConfRepository, StoreCommitError } from '../../../src-main/engine/store/repository';
import { ensureMode, moveAside } from '../../../src-main/engine/store/files';
import { record, storePath, storeWith, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const mode = (file: string): number => fs.statSync(file).mode & 0o777;

/** A file outside the store folder, 0644, and the store folder whose config.json links to it. */
function linkedStore(content: string | undefined): { dir: string; target: string } {
  const outside = dirs.make();
  const target = path.join(outside, content === undefined ? 'missing.json' : 'target.json');
  if (content !== undefined) {
    fs.writeFileSync(target, content);
    fs.chmodSync(target, 0o644);
  }
  const dir = dirs.make();
  fs.symlinkSync(target, storePath(dir));
  return { dir, target };
}

function expectRefused(dir: string, target: string): void {
  let error: unknown;
  try {
    openConf(dir);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(StoreRefusedError);
  expect((error as Error).message).toBe(
    `Refusing to use ${storePath(dir)} as the configuration store: it is a symbolic link (to ${target}), and the store is ` +
      'never read or written through a link. It was left untouched. Use another store folder, or move the file away.',
  );
  expect(fs.lstatSync(storePath(dir)).isSymbolicLink()).toBe(true);
  expect(fs.readdirSync(dir)).toEqual(['config.json']);
}

describe('at open', () => {
  it('refuses a link to a valid store elsewhere: its target keeps its bytes and its mode', () => {
    const text = JSON.stringify(storeWith(record('site:Elsewhere')), undefined, '\t');
    const { dir, target } = linkedStore(text);
    expectRefused(dir, target);
    expect(fs.readFileSync(target, 'utf8')).toBe(text);
    expect(mode(target)).toBe(0o644);
  });

  it('refuses a link to a file that is not a store, without moving or chmodding anything', () => {
    const { dir, target } = linkedStore('my notes\n');
    expectRefused(dir, target);
    expect(fs.readFileSync(target, 'utf8')).toBe('my notes\n');
    expect(mode(target)).toBe(0o644);
  });

  it('refuses a dangling link and creates nothing at its target', () => {
    const { dir, target } = linkedStore(undefined);
    expectRefused(dir, target);
    expect(fs.existsSync(target)).toBe(false);
  });
});

it('refuses a link that replaces the store while open: nothing is written through it', () => {
  const dir = dirs.make();
  const repo = new ConfRepository(openConf(dir).conf);
  const outside = dirs.make();
  const target = path.join(outside, 'config.json');
  const text = writeRaw(outside, storeWith(record('site:Theirs')));
  fs.chmodSync(target, 0o644);
  fs.rmSync(storePath(dir));
  fs.symlinkSync(target, storePath(dir));

  expect(repo.refresh().map((w) => w.message)).toEqual([
    `Refusing to use ${storePath(dir)} as the configuration store: it is a symbolic link (to ${target}), and the store is never ` +
      'read or written through a link. It was left untouched; defaults are shown, and no change can be saved until the file is moved away.',
  ]);
  repo.create(record('site:Mine'));
  expect(() => repo.commit()).toThrow(StoreCommitError);
  expect(fs.readFileSync(target, 'utf8')).toBe(text);
  expect(mode(target)).toBe(0o644);
  expect(fs.lstatSync(storePath(dir)).isSymbolicLink()).toBe(true);
});

describe('file helpers', () => {
  it('moveAside moves a link itself and never chmods its target', () => {
    const { dir, target } = linkedStore('my notes\n');
    const backup = moveAside(storePath(dir));
    expect(fs.lstatSync(backup).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(backup)).toBe(target);
    expect(mode(target)).toBe(0o644);
  });

  it('ensureMode leaves a link and its target alone', () => {
    const { dir, target } = linkedStore('my notes\n');
    expect(ensureMode(storePath(dir))).toBe(false);
    expect(mode(target)).toBe(0o644);
  });
});
