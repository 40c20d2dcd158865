// The new built-ins where the headless shell differs from the window: the
// real bundle in a child process (and in a pseudo-terminal), real streams.
// Write-Progress draws only at a terminal, Read-Host fails where nobody can
// answer, Start-Sleep ends on SIGINT, and the prompt completes with Tab.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE } from '../../scripts/build-cli.mjs';

const dirs: string[] = [];
function storeDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-cli-builtins-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
beforeAll(async () => {
  await buildCli();
}, 60_000);

function shell(args: string[], input = '') {
  const r = spawnSync(process.execPath, [CLI_BUNDLE as string, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('headless shell, redirected', () => {
  it('Write-Progress writes nothing when stderr is not a terminal; Write-Host keeps -NoNewline', () => {
    const r = shell(['--store', storeDir(), '-Command', 'Write-Progress -Activity Updating -PercentComplete 50; Write-Host "a" -NoNewline; Write-Host "b"; Write-Progress -Activity Updating -Completed']);
    expect(r).toEqual({ code: 0, stdout: 'ab\n', stderr: '' });
  });

  it('Read-Host fails with 5.1\'s NonInteractive message when stdin is not a terminal', () => {
    const r = shell(['--store', storeDir(), '-Command', '$n = Read-Host "Name"; "next"']);
    // The assignment fails; the script goes on, as in 5.1.
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('next\n');
    expect(r.stderr).toContain('Read-Host : Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
  });

  it('SIGINT ends Start-Sleep at once', async () => {
    const child = spawn(process.execPath, [CLI_BUNDLE as string, '--store', storeDir(), '-Command', 'Write-Output sleeping; Start-Sleep -Seconds 3600'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 400 && !out.includes('sleeping'); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
  }, 30_000);
});

const hasScript = spawnSync('script', ['--version']).status === 0;

/** The shell in a pseudo-terminal (TERM=xterm: readline treats a dumb terminal as one without Tab completion). */
function terminal(dir: string, command = `${process.execPath} ${CLI_BUNDLE} --store ${dir}`) {
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = async (pattern: RegExp, from: number) => {
    for (let i = 0; i < 400 && !pattern.test(out.slice(from)); i++) await new Promise((r) => setTimeout(r, 25));
    return out.length;
  };
  /** One key (or a typed run of keys) at a time, as a person types: readline completes only a Tab that arrives on its own. */
  const press = async (keys: string) => {
    child.stdin.write(keys);
    await new Promise((r) => setTimeout(r, 120));
  };
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, waitFor, press, exited };
}

describe.skipIf(!hasScript)('headless shell at a terminal', () => {
  it('Tab and Shift+Tab cycle through the console\'s completions', async () => {
    const dir = storeDir();
    const term = terminal(dir);
    let mark = await term.waitFor(/PS> /, 0);
    const run = async (keys: string[]) => {
      for (const k of keys) await term.press(k);
      await term.press('\r');
      mark = await term.waitFor(/PS> [^\n]*$/, mark + 1);
    };
    await run(['$zz1 = "one"; $zz2 = "two"']);
    await run(['$zz', '\t', '\t']); // second candidate: $zz2
    await run(['$zz', '\x1b[Z']); // Shift+Tab from the start: the last candidate
    await run(['$zz', '\t', '\t', '\t']); // wraps round to $zz1
    await run(['Write-Out', '\t', ' "completed"']);
    await run(['Get-CsPersistentChatConfiguration -Ide', '\t', ' glo', '\t', ' | % Identity']);
    await term.press('exit\r');
    expect(await term.exited).toBe(0);
    const shown = term.output().replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    expect(shown).toMatch(/PS> \$zz2\r?\r\ntwo\r?\n/);
    expect(shown).toMatch(/PS> \$zz2\r?\r\ntwo\r?\n[\s\S]*PS> \$zz2\r?\r\ntwo\r?\n[\s\S]*PS> \$zz1\r?\r\none\r?\n/);
    expect(shown).toMatch(/PS> Write-Output "completed"\r?\r\ncompleted\r?\n/);
    expect(shown).toMatch(/PS> Get-CsPersistentChatConfiguration -Identity Global \| % Identity\r?\r\nGlobal\r?\n/);
    // The history keeps the completed lines.
    expect(fs.readFileSync(path.join(dir, '.pchat-shell-history'), 'utf8')).toContain('Write-Output "completed"');
  }, 60_000);

  it('Read-Host is answered at the terminal; a -AsSecureString answer is not echoed', async () => {
    const dir = storeDir();
    const term = terminal(dir, `${process.execPath} ${CLI_BUNDLE} --store ${dir} -Command '$n = Read-Host Site; $p = Read-Host -AsSecureString Password; "site:" + $n; $p.Length'`);
    let mark = await term.waitFor(/Site: /, 0);
    await term.press('Redmond\r');
    mark = await term.waitFor(/Password: /, mark);
    await term.press('hunter2\r');
    const code = await term.exited;
    const out = term.output();
    expect(code).toBe(0);
    expect(out).toMatch(/site:Redmond\r?\n7\r?\n$/);
    expect(out).not.toContain('hunter2');
  }, 30_000);

  it('at the interactive prompt too, a secret answer is not echoed and stays out of the history', async () => {
    const dir = storeDir();
    const term = terminal(dir);
    let mark = await term.waitFor(/PS> /, 0);
    await term.press('$p = Read-Host -AsSecureString "Password"\r');
    mark = await term.waitFor(/Password: /, mark);
    await term.press('hunter2\r');
    mark = await term.waitFor(/PS> /, mark);
    await term.press('$p.Length\r');
    mark = await term.waitFor(/7\r?\n/, mark);
    await term.press('exit\r');
    expect(await term.exited).toBe(0);
    expect(term.output()).toMatch(/Password: \r?\n/);
    expect(term.output()).not.toContain('hunter2');
    expect(fs.readFileSync(path.join(dir, '.pchat-shell-history'), 'utf8')).not.toContain('hunter2');
  }, 30_000);

  it('Write-Progress draws one status line on the terminal and erases it when done', async () => {
    const dir = storeDir();
    const term = terminal(dir, `${process.execPath} ${CLI_BUNDLE} --store ${dir} -Command "Write-Progress -Activity Updating -Status site:A -PercentComplete 50; Write-Output middle; Write-Progress -Activity Updating -Completed; Write-Output end"`);
    expect(await term.exited).toBe(0);
    const out = term.output();
    expect(out).toContain('\x1b[7mUpdating: site:A [oooooooooo          ] 50%\x1b[0m');
    // Erased before other output, drawn again after it, erased for good on -Completed.
    expect(out.indexOf('\r\x1b[Kmiddle')).toBeGreaterThan(0);
    expect(out).toMatch(/\r\x1b\[K\r?\nend|\r\x1b\[Kend/);
    expect(out.replace(/\x1b\[[0-9;]*[A-Za-z]|\r/g, '')).toMatch(/middle\n.*end\n$/s);
  }, 30_000);
});
