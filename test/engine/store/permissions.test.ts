// Every file the store folder gets from us is 0600, even where an older,
// wider file existed, and none is written through a link (D8); and a store
// folder we may not write is still readable, without the lock, while every
// write fails saying the folder is read-only (D9). Root ignores file modes,
// so the D9 cases run in a child process as uid 65534 through setpriv.

import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE } from '../../../scripts/build-cli.mjs';
import { HistoryFile } from '../../../src-main/ipc/history-file';
import { bundleChild } from '../../helpers/child-bundle';
import { isRoot, record, storePath, storeWith, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const mode = (file: string): number => fs.statSync(file).mode & 0o777;

/** A 0644 file outside the store folder, for links to point at. */
function outsideFile(text: string): string {
  const file = path.join(dirs.make(), 'notes.txt');
  fs.writeFileSync(file, text);
  fs.chmodSync(file, 0o644);
  return file;
}

describe('console-history.json (D8)', () => {
  it('is 0600 after a write even when an older file was 0644', () => {
    const dir = dirs.make();
    const file = path.join(dir, 'console-history.json');
    fs.writeFileSync(file, '["Get-CsPersistentChatConfiguration"]');
    fs.chmodSync(file, 0o644);
    new HistoryFile(file).add('Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 5');
    expect(mode(file)).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toHaveLength(2);
  });

  it('replaces a link by a private file instead of writing through it', () => {
    const dir = dirs.make();
    const target = outsideFile('mine\n');
    const file = path.join(dir, 'console-history.json');
    fs.symlinkSync(target, file);
    new HistoryFile(file).add('Get-CsPersistentChatConfiguration');
    expect(fs.lstatSync(file).isFile()).toBe(true);
    expect(mode(file)).toBe(0o600);
    expect([fs.readFileSync(target, 'utf8'), mode(target)]).toEqual(['mine\n', 0o644]);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('.pchat-shell-history of the interactive shell (D8, in a pseudo-terminal)', () => {
  beforeAll(async () => {
    await buildCli();
  }, 60_000);

  /** Runs the interactive shell on `dir`, types one line and `exit`. */
  async function typeOneLine(dir: string, line: string): Promise<number> {
    const command = `${process.execPath} ${CLI_BUNDLE} --store ${dir}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const prompts = (n: number) => out.split('PS> ').length - 1 >= n;
    for (let i = 0; i < 400 && !prompts(1); i++) await new Promise((r) => setTimeout(r, 25));
    child.stdin.write(`${line}\r`);
    for (let i = 0; i < 400 && !prompts(2); i++) await new Promise((r) => setTimeout(r, 25));
    child.stdin.write('exit\r');
    return new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  }

  it('is 0600 after a session even when an older file was 0644', async () => {
    const dir = dirs.make();
    const history = path.join(dir, '.pchat-shell-history');
    fs.writeFileSync(history, 'Get-CsPersistentChatConfiguration\n');
    fs.chmodSync(history, 0o644);
    expect(await typeOneLine(dir, '"https://user:secret@example.com"')).toBe(0);
    expect(fs.readFileSync(history, 'utf8')).toContain('"https://user:secret@example.com"');
    expect(mode(history)).toBe(0o600);
  }, 30_000);

  it('replaces a link by a private file instead of writing or chmodding through it', async () => {
    const dir = dirs.make();
    const target = outsideFile('not history\n');
    const history = path.join(dir, '.pchat-shell-history');
    fs.symlinkSync(target, history);
    expect(await typeOneLine(dir, '"one"')).toBe(0);
    expect(fs.lstatSync(history).isFile()).toBe(true);
    expect(mode(history)).toBe(0o600);
    expect([fs.readFileSync(target, 'utf8'), mode(target)]).toEqual(['not history\n', 0o644]);
  }, 30_000);
});

// As root, act as uid/gid 65534 (nobody) through setpriv; as anyone else, as ourselves.
const NOBODY = 65534;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const canDropRoot = !isRoot || hasSetpriv;
if (!canDropRoot) console.warn('Skipping the read-only store folder cases: running as root and setpriv is not installed.');

describe.skipIf(!canDropRoot)('a store folder we may not write (D9)', () => {
  let bundle: { file: string; dispose: () => void };
  beforeAll(async () => {
    bundle = await bundleChild('test/helpers/store-child.ts');
  });
  afterAll(() => bundle?.dispose());

  /** Runs store-child `mode` without write access to `dir`; returns its JSON line and exit code. */
  function run(mode: 'get' | 'set', dir: string): { code: number | null; out: Record<string, unknown> } {
    const argv = [bundle.file, mode, JSON.stringify({ dir, value: 42 })];
    const r = isRoot
      ? spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, ...argv], { encoding: 'utf8' })
      : spawnSync(process.execPath, argv, { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return { code: r.status, out: JSON.parse(r.stdout) as Record<string, unknown> };
  }

  /** The folder and its files belong to the user (nobody, as root), and the folder is 0555. */
  function readOnlyFolder(setup: (dir: string) => void): { dir: string; before: Record<string, string> } {
    const dir = dirs.make();
    setup(dir);
    const before: Record<string, string> = {};
    for (const name of fs.readdirSync(dir)) {
      if (isRoot) fs.chownSync(path.join(dir, name), NOBODY, NOBODY);
      before[name] = fs.readFileSync(path.join(dir, name), 'utf8');
    }
    if (isRoot) fs.chownSync(dir, NOBODY, NOBODY);
    fs.chmodSync(dir, 0o555);
    return { dir, before };
  }

  function expectUnchanged(dir: string, before: Record<string, string>): void {
    const now: Record<string, string> = {};
    for (const name of fs.readdirSync(dir)) now[name] = fs.readFileSync(path.join(dir, name), 'utf8');
    expect(now).toEqual(before);
  }

  it('reads the store without the lock, and a write fails saying the folder is read-only', () => {
    const { dir, before } = readOnlyFolder((d) => {
      writeRaw(d, storeWith(record('site:A')));
      fs.chmodSync(storePath(d), 0o600);
    });
    expect(run('get', dir)).toEqual({ code: 0, out: { identities: ['Global', 'site:A'], warnings: [] } });
    const set = run('set', dir);
    expect(set.code).toBe(1);
    expect(set.out['error']).toBe(
      `The store folder ${dir} is read-only (EACCES: we may not create files there): changes to the configuration store ` +
        `${storePath(dir)} cannot be saved. Nothing was changed.`,
    );
    expectUnchanged(dir, before);
  });

  it('shows a missing store as defaults and creates nothing', () => {
    const { dir, before } = readOnlyFolder(() => {});
    expect(run('get', dir)).toEqual({ code: 0, out: { identities: ['Global'], warnings: [] } });
    expect(run('set', dir).out['error']).toMatch(/^The store folder .* is read-only/);
    expectUnchanged(dir, before);
  });

  it('shows an older store upgraded in memory, and neither copies nor rewrites it', () => {
    const { dir, before } = readOnlyFolder((d) => writeRaw(d, [{ Identity: 'site:Old', DefaultChatHistory: 9 }]));
    const get = run('get', dir);
    expect(get.code).toBe(0);
    expect(get.out['identities']).toEqual(['Global', 'site:Old']);
    expect(get.out['warnings']).toEqual([
      `The store ${storePath(dir)} is in an older format (schema 0). It is shown upgraded, but it could not be upgraded on disk now ` +
        `(the store folder ${dir} is read-only); before any change is saved it will be upgraded, and a copy of it kept.`,
    ]);
    expectUnchanged(dir, before);
  });

  it('refuses a damaged store it cannot move aside, naming it, and changes nothing', () => {
    const { dir, before } = readOnlyFolder((d) => writeRaw(d, '{"schemaVersion": 1, "coll'));
    const get = run('get', dir);
    expect(get.code).toBe(1);
    expect(get.out['error']).toMatch(
      new RegExp(`^The store file ${storePath(dir)} cannot be used: it is not valid JSON .*The store folder ${dir} is read-only \\(EACCES\\)\\. It was not moved aside; nothing was changed\\.$`),
    );
    expectUnchanged(dir, before);
  });
});
