// Stopping the headless shell: SIGINT and SIGTERM stop the running statement
// within a second, commit nothing of it and exit with 130 / 143; at the
// interactive prompt Ctrl+C stops the statement and the prompt comes back
// with the session intact. The real bundle in a child process, a real store.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE } from '../../scripts/build-cli.mjs';

const dirs: string[] = [];
function storeDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-sig-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
beforeAll(async () => {
  await buildCli();
}, 60_000);

const shell = (dir: string, command: string) =>
  spawnSync(process.execPath, [CLI_BUNDLE as string, '--store', dir, '-Command', command], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const storeText = (dir: string) => fs.readFileSync(path.join(dir, 'config.json'), 'utf8');

/** A statement that journals a Set, then runs for ever (checking for Stop at every item). */
const SET_THEN_LOOP = 'Get-CsPersistentChatConfiguration -Identity site:A | ForEach-Object { $_ | Set-CsPersistentChatConfiguration -DefaultChatHistory 9; ,0*10000000 | ForEach-Object { } }';
/** A regular expression that backtracks for minutes and never reaches a stop check. */
const CATASTROPHIC = "('a'*40+'!') -match '^(a+)+$'";

async function signalDuring(dir: string, command: string, signal: NodeJS.Signals): Promise<{ code: number | null; stopMs: number; stderr: string }> {
  const child = spawn(process.execPath, [CLI_BUNDLE as string, '--store', dir, '-Command', command], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise((resolve) => setTimeout(resolve, 700));
  const sent = Date.now();
  child.kill(signal);
  const code = await exited;
  return { code, stopMs: Date.now() - sent, stderr };
}

describe('headless shell: SIGINT and SIGTERM', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s stops a runaway pipeline, commits nothing of it and exits with %i', async (signal, expected) => {
    const dir = storeDir();
    shell(dir, 'New-CsPersistentChatConfiguration -Identity site:A | Out-Null');
    const before = storeText(dir);
    const { code, stopMs, stderr } = await signalDuring(dir, SET_THEN_LOOP, signal);
    expect(code).toBe(expected);
    expect(stopMs).toBeLessThan(1_000);
    expect(stderr).toBe('');
    expect(storeText(dir)).toBe(before);
  });

  it('SIGINT stops a catastrophic regular expression too', async () => {
    const dir = storeDir();
    const { code, stopMs } = await signalDuring(dir, CATASTROPHIC, 'SIGINT');
    expect(code).toBe(130);
    expect(stopMs).toBeLessThan(1_000);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('interactive prompt: Ctrl+C', () => {
  it('stops the running statement and returns to the prompt with the session intact', async () => {
    const dir = storeDir();
    shell(dir, 'New-CsPersistentChatConfiguration -Identity site:A | Out-Null');
    const before = storeText(dir);
    const command = `${process.execPath} ${CLI_BUNDLE} --store ${dir}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const waitFor = async (text: string, from: number): Promise<number> => {
      for (let i = 0; i < 400 && !out.slice(from).includes(text); i++) await new Promise((r) => setTimeout(r, 25));
      expect(out.slice(from)).toContain(text);
      return out.length;
    };
    let mark = await waitFor('PS> ', 0);
    child.stdin.write('$x = "alive"\r');
    mark = await waitFor('PS> ', mark);
    child.stdin.write(`${SET_THEN_LOOP}\r`);
    await new Promise((r) => setTimeout(r, 600));
    const sent = Date.now();
    child.stdin.write('\x03');
    mark = await waitFor('PS> ', mark);
    expect(Date.now() - sent).toBeLessThan(1_000);
    expect(storeText(dir)).toBe(before);
    // Ctrl+C at a -Confirm prompt stops that statement too.
    child.stdin.write('Set-CsPersistentChatConfiguration -DefaultChatHistory 44 -Confirm\r');
    mark = await waitFor('(default is "Y"):', mark);
    child.stdin.write('\x03');
    mark = await waitFor('PS> ', mark);
    child.stdin.write('$x\r');
    mark = await waitFor('alive', mark);
    child.stdin.write('exit\r');
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
    expect(code).toBe(0);
    expect(storeText(dir)).toBe(before);
  }, 30_000);
});
