// [Console]::ReadLine() in the headless shell reads the process's standard
// input, as powershell.exe does for the bootstrap script pchat-admin sends
// it: -Command or -EncodedCommand, the password on a piped stdin.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE } from '../../scripts/build-cli.mjs';

const dirs: string[] = [];
function storeDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-readline-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

beforeAll(async () => {
  await buildCli();
}, 60_000);

/** `input` is piped to the shell; `{ stdin }` gives it a file descriptor, or 'ignore' (/dev/null), instead. */
function shell(args: string[], input: string | { stdin: number | 'ignore' }) {
  const dir = storeDir();
  const stdio = typeof input === 'string' ? { input } : { stdio: [input.stdin, 'pipe', 'pipe'] as [number | 'ignore', 'pipe', 'pipe'] };
  const r = spawnSync(process.execPath, [CLI_BUNDLE as string, '--store', dir, '-NoProfile', '-NonInteractive', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...stdio });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const THREE_READS = '$a = [Console]::ReadLine(); $b = [Console]::ReadLine(); $c = [Console]::ReadLine(); "[$a]"; "[$b]"; $null -eq $c';

function encoded(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

const BOOTSTRAP = [
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
  '$pchatPassword = [Console]::ReadLine()',
  "if ($null -eq $pchatPassword) { throw 'No password was given on standard input.' }",
  "$pchatCredential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\\admin', (ConvertTo-SecureString -String $pchatPassword -AsPlainText -Force)",
  'Remove-Variable -Name pchatPassword',
  'function New-PSSession { param($ConnectionUri, $Credential) "$($Credential.UserName) $($Credential.GetNetworkCredential().Password)" }',
  'New-PSSession -ConnectionUri https://pool.contoso.com/ocspowershell -Credential $pchatCredential',
  "@(Get-Variable | Where-Object Name -eq 'pchatPassword').Count",
].join('\n');

describe('[Console]::ReadLine() in the headless shell', () => {
  it('-Command reads piped lines one at a time, then $null at the end of input', () => {
    expect(shell(['-Command', THREE_READS], 'line one\nline two\n')).toEqual({ code: 0, stdout: '[line one]\n[line two]\nTrue\n', stderr: '' });
  });

  it('strips \\r\\n, decodes UTF-8, and gives a last line without a newline', () => {
    expect(shell(['-Command', THREE_READS], 'pässwörd ✓\r\nlast')).toMatchObject({ stdout: '[pässwörd ✓]\n[last]\nTrue\n' });
  });

  it('gives $null at once when there is no input', () => {
    expect(shell(['-Command', '$null -eq [Console]::ReadLine()'], '')).toMatchObject({ code: 0, stdout: 'True\n' });
    expect(shell(['-Command', '$null -eq [Console]::ReadLine()'], { stdin: 'ignore' })).toMatchObject({ code: 0, stdout: 'True\n' });
  });

  it('reads a file given as standard input', () => {
    const file = path.join(storeDir(), 'input.txt');
    fs.writeFileSync(file, 'from a file\nsecond\n');
    const fd = fs.openSync(file, 'r');
    try {
      expect(shell(['-Command', THREE_READS], { stdin: fd })).toMatchObject({ code: 0, stdout: '[from a file]\n[second]\nTrue\n' });
    } finally {
      fs.closeSync(fd);
    }
  });

  it('-EncodedCommand reads piped stdin the same way', () => {
    expect(shell(['-EncodedCommand', encoded(THREE_READS)], 'line one\nline two\n')).toEqual({ code: 0, stdout: '[line one]\n[line two]\nTrue\n', stderr: '' });
  });

  it('runs the bootstrap script: a PSCredential from the password line, the plain text variable removed', () => {
    const r = shell(['-EncodedCommand', encoded(BOOTSTRAP)], 'S3cret ü\n');
    expect(r).toEqual({ code: 0, stdout: 'CONTOSO\\admin S3cret ü\n0\n', stderr: '' });
    const none = shell(['-EncodedCommand', encoded(BOOTSTRAP)], '');
    expect(none.code).toBe(1);
    expect(none.stderr.split('\n')[0]).toBe('No password was given on standard input.');
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('[Console]::ReadLine() at a terminal', () => {
  it('gives $null at once instead of waiting for the keyboard', () => {
    const dir = storeDir();
    // script(1) runs the shell with a pseudo-terminal as its stdin; nothing is ever typed.
    const command = `${process.execPath} ${CLI_BUNDLE as string} --store ${dir} -Command '$null -eq [Console]::ReadLine()'`;
    const r = spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/True\r?\n$/);
  }, 30_000);
});
