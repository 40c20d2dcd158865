// Temp files left by killed writes are removed at the next open (D10): only
// the store's own (ours: `.config.json.<pid>.<hex>.tmp`; conf's:
// `config.json.tmp-<digits><hex>`), and only stale ones (writer pid dead, or
// older than a minute). Everything else in the folder is left alone.

import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { openConf } from '../../../src-main/engine/store/open-store';
import { STALE_TEMP_MS } from '../../../src-main/engine/store/temp-files';
import { record, storePath, storeWith, tempDirs, writeRaw } from '../../helpers/store-fixtures';

const dirs = tempDirs();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  dirs.cleanup();
});

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function alivePid(): number {
  const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(c);
  return c.pid!;
}

function put(dir: string, name: string, ageMs = 0): void {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '{"schemaVersion": 1, "coll', { mode: 0o600 });
  if (ageMs > 0) {
    const t = new Date(Date.now() - ageMs);
    fs.utimesSync(file, t, t);
  }
}

it('removes only stale temp files of this store at open, and leaves everything else', () => {
  const dir = dirs.make();
  writeRaw(dir, storeWith(record('site:A')));
  const old = STALE_TEMP_MS + 60_000;
  const alive = alivePid();
  const stale = [
    `.config.json.${deadPid()}.0badf00d.tmp`, // its writer is dead
    `.config.json.${alive}.0000beef.tmp`, // its writer lives, but no write takes minutes
    'config.json.tmp-1764312345abcdef', // conf's (atomically), old
  ];
  const kept = [
    `.config.json.${alive}.1234abcd.tmp`, // a live writer, fresh
    `.config.json.${process.pid}.00c0ffee.tmp`, // ours, fresh
    'config.json.tmp-1764312399abcdef', // conf's, fresh
    'other.json.tmp-1764312345abcdef', // another file's
    `.other.json.${deadPid()}.0badf00d.tmp`,
    'config.json.tmp-notours', // not the pattern
    'config.json.corrupt-2026-11-25T15-04-05-123Z', // a backup, never a temp
  ];
  put(dir, stale[0]!);
  put(dir, stale[1]!, old);
  put(dir, stale[2]!, old);
  put(dir, kept[0]!);
  put(dir, kept[1]!);
  put(dir, kept[2]!);
  for (const name of kept.slice(3)) put(dir, name, old);
  fs.mkdirSync(path.join(dir, 'config.json.tmp-1764312300abcdef')); // a directory by that name: not a file of ours
  const outside = path.join(dirs.make(), 'target');
  put(path.dirname(outside), 'target', old);
  fs.symlinkSync(outside, path.join(dir, `.config.json.${deadPid()}.5eed5eed.tmp`)); // a link: not a file of ours

  openConf(dir);
  const left = fs.readdirSync(dir);
  for (const name of stale) expect(left).not.toContain(name);
  for (const name of kept) expect(left).toContain(name);
  expect(left).toContain('config.json.tmp-1764312300abcdef');
  expect(left.filter((n) => n.startsWith('.config.json.') && n.includes('5eed5eed'))).toHaveLength(1);
  expect(fs.existsSync(outside)).toBe(true);
  expect(Object.keys(JSON.parse(fs.readFileSync(storePath(dir), 'utf8')).collections)).toEqual(['Global', 'site:A']);
});
