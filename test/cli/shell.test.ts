// The headless shell as a user runs it: the built bundle in a child process,
// a real store directory, real exit codes, stdout and stderr.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE } from '../../scripts/build-cli.mjs';

const dirs: string[] = [];
function storeDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

beforeAll(async () => {
  await buildCli();
}, 60_000);

function shell(args: string[], input?: string, cwd?: string) {
  const r = spawnSync(process.execPath, [CLI_BUNDLE as string, ...args], { input: input ?? '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...(cwd ? { cwd } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function stored(dir: string) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).collections as Record<string, Record<string, unknown>>;
}

describe('headless shell', () => {
  it('-Command runs a line, prints what the console prints, exits 0', () => {
    const dir = storeDir();
    const r = shell(['--store', dir, '-Command', 'New-CsPersistentChatConfiguration -Identity site:Redmond -ParticipantUpdateLimit 100 | Select-Object -ExpandProperty Identity']);
    expect(r).toEqual({ code: 0, stdout: 'site:Redmond\n', stderr: '' });
    expect(stored(dir)['site:Redmond']).toMatchObject({ ParticipantUpdateLimit: 100 });
  });

  it('everything after -Command is the command line', () => {
    const dir = storeDir();
    const r = shell(['--store', dir, '-Command', 'Get-CsPersistentChatConfiguration', '-Identity', 'global', '|', '%', 'DefaultChatHistory']);
    expect(r.stdout).toBe('30\n');
  });

  it('exits 1 when the last statement fails, with the error record on stderr', () => {
    const dir = storeDir();
    const r = shell(['--store', dir, '-Command', 'Set-CsPersistentChatConfiguration -Foo 1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      "Set-CsPersistentChatConfiguration : A parameter cannot be found that matches parameter name 'Foo'.",
      'At line:1 char:35',
      '+ Set-CsPersistentChatConfiguration -Foo 1',
      '+                                   ~~~~',
    ]);
  });

  it('exit code follows the last statement only', () => {
    const dir = storeDir();
    expect(shell(['--store', dir, '-Command', 'Get-Foo; Get-CsPersistentChatConfiguration -Filter x']).code).toBe(0);
    expect(shell(['--store', dir, '-Command', 'Get-CsPersistentChatConfiguration -Filter x; Get-Foo']).code).toBe(1);
  });

  it('-File runs a script with comments and continuation lines', () => {
    const dir = storeDir();
    const script = path.join(dir, 'setup.ps1');
    fs.writeFileSync(
      script,
      [
        '# nightly settings',
        'New-CsPersistentChatConfiguration -Identity "site:Paris" `',
        '    -DefaultChatHistory 45',
        '<# block',
        '   comment #>',
        'Get-CsPersistentChatConfiguration -Filter "site:*" | ForEach-Object { "$($_.Identity)=$($_.DefaultChatHistory)" }',
      ].join('\n'),
    );
    const r = shell(['--store', dir, '-File', script]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('site:Paris=45');
  });

  it('exit <n> ends -Command at once and becomes the exit code; exit alone is 0 whatever failed before', () => {
    const dir = storeDir();
    expect(shell(['--store', dir, '-Command', '"one"; exit 3; "two"'])).toEqual({ code: 3, stdout: 'one\n', stderr: '' });
    expect(shell(['--store', dir, '-Command', 'Get-Foo; exit']).code).toBe(0);
    expect(shell(['--store', dir, '-Command', 'exit "7"']).code).toBe(7);
  });

  it('-File: exit ends the script with its code, and errors name the script by its full path', () => {
    const dir = storeDir();
    fs.writeFileSync(path.join(dir, 'setup.ps1'), ['"start"', 'Get-CsPersistentChatConfiguration -Bogus 1', 'exit 4', '"never"'].join('\n'));
    const r = shell(['--store', dir, '-File', 'setup.ps1'], undefined, dir);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('start\n');
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      "Get-CsPersistentChatConfiguration : A parameter cannot be found that matches parameter name 'Bogus'.",
      `At ${path.join(dir, 'setup.ps1')}:2 char:35`,
      '+ Get-CsPersistentChatConfiguration -Bogus 1',
      '+                                   ~~~~~~',
    ]);
  });

  it('a script piped to standard input exits with its exit code too', () => {
    const r = shell(['--store', storeDir()], '"a"\nexit 5\n"b"\n');
    expect(r).toEqual({ code: 5, stdout: 'a\n', stderr: '' });
  });

  it('a missing script file is a clear error', () => {
    const r = shell(['--store', storeDir(), '-File', '/nonexistent/x.ps1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The argument '/nonexistent/x.ps1'");
  });

  it('-Confirm fails clearly when stdin is not a terminal, and changes nothing', () => {
    const dir = storeDir();
    shell(['--store', dir, '-Command', 'New-CsPersistentChatConfiguration site:A']);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = shell(['--store', dir, '-Command', 'Remove-CsPersistentChatConfiguration site:A -Confirm']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('This shell is not interactive, so it cannot ask for confirmation.');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('a missing mandatory parameter fails when stdin is not a terminal', () => {
    const r = shell(['--store', storeDir(), '-Command', 'New-CsPersistentChatConfiguration']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot process command because of one or more missing mandatory parameters: Identity.');
  });

  it('reads a script from piped standard input', () => {
    const dir = storeDir();
    const r = shell(['--store', dir], 'New-CsPersistentChatConfiguration site:Oslo | Out-Null\nGet-CsPersistentChatConfiguration -Filter site:* | % Identity\n');
    expect(r.stdout).toBe('site:Oslo\n');
    expect(r.code).toBe(0);
  });

  it('moves a corrupt store aside, says so, and carries on', () => {
    const dir = storeDir();
    fs.writeFileSync(path.join(dir, 'config.json'), '{"schemaVersion": 1, "collections": {');
    const r = shell(['--store', dir, '-Command', 'Get-CsPersistentChatConfiguration global | % Identity']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Global\n');
    expect(r.stderr).toMatch(/^WARNING: .*config\.json\.corrupt-/m);
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, backups[0]!), 'utf8')).toBe('{"schemaVersion": 1, "collections": {');
  });

  it('--help prints usage; an unknown argument is an error', () => {
    expect(shell(['--help']).stdout).toContain('npm run shell -- [--store <dir>] -Command "<cmdlet line>"');
    const bad = shell(['--bogus']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Unknown argument '--bogus'");
  });

  it('two shells creating 100 sites each at the same time lose nothing', async () => {
    const dir = storeDir();
    shell(['--store', dir, '-Command', 'Get-CsPersistentChatConfiguration | Out-Null']);
    const run = (prefix: string) =>
      new Promise<number>((resolve) => {
        const script = path.join(dir, `${prefix}.ps1`);
        fs.writeFileSync(script, Array.from({ length: 100 }, (_, i) => `New-CsPersistentChatConfiguration site:${prefix}${i} | Out-Null`).join('\n'));
        const child = spawn(process.execPath, [CLI_BUNDLE as string, '--store', dir, '-File', script], { stdio: 'ignore' });
        child.on('exit', (code) => resolve(code ?? 1));
      });
    await Promise.all([run('A'), run('B')]);
    const sites = Object.keys(stored(dir)).filter((k) => k.startsWith('site:'));
    expect(sites).toHaveLength(200);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('interactive prompt (in a pseudo-terminal)', () => {
  it('runs lines, answers -Confirm at the prompt, continues incomplete input and saves history', async () => {
    const dir = storeDir();
    shell(['--store', dir, '-Command', 'New-CsPersistentChatConfiguration site:A; New-CsPersistentChatConfiguration site:B']);
    const lines = [
      'Remove-CsPersistentChatConfiguration site:A -Confirm',
      'n',
      'Remove-CsPersistentChatConfiguration site:B -Confirm',
      'y',
      'Get-CsPersistentChatConfiguration | Where-Object {',
      '$_.Identity -like "site:*" } | % Identity',
      '',
      'exit',
    ];
    const command = `${process.execPath} ${CLI_BUNDLE} --store ${dir}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const waitFor = async (text: string, from: number) => {
      for (let i = 0; i < 200 && !out.slice(from).includes(text); i++) await new Promise((r) => setTimeout(r, 25));
      return out.length;
    };
    let mark = await waitFor('PS> ', 0);
    for (const line of lines) {
      child.stdin.write(`${line}\r`);
      mark = await waitFor(line === 'exit' ? '' : line.endsWith('{') ? '>> ' : line === '' ? 'PS> ' : ['n', 'y'].includes(line) ? 'PS> ' : line.includes('Confirm') ? '(default is "Y"):' : 'PS> ', mark);
    }
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
    expect(code).toBe(0);
    expect(out).toContain('Are you sure you want to perform this action?');
    expect(Object.keys(stored(dir))).toEqual(['Global', 'site:A']);
    expect(out).toMatch(/site:A\r?\n/);
    const history = fs.readFileSync(path.join(dir, '.pchat-shell-history'), 'utf8');
    expect(history).toContain('Remove-CsPersistentChatConfiguration site:B -Confirm');
  }, 30_000);

  it('exit 2 leaves the prompt with exit code 2', async () => {
    const dir = storeDir();
    const command = `${process.execPath} ${CLI_BUNDLE} --store ${dir}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    for (let i = 0; i < 200 && !out.includes('PS> '); i++) await new Promise((r) => setTimeout(r, 25));
    child.stdin.write('"still here"; exit 2; "gone"\r');
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
    expect(code).toBe(2);
    expect(out).toMatch(/still here\r?\n/);
    expect(out).not.toContain('gone\r');
  }, 30_000);
});
