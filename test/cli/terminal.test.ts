// Terminal safety: control characters in values never reach the terminal raw
// (an escape sequence in a value could clear the screen or retitle the
// window), and URL parameters refuse them on input. The real shell bundle.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE } from '../../scripts/build-cli.mjs';
import { printable } from '../../src-main/cli/terminal';

let dir: string;
beforeAll(async () => {
  await buildCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-term-'));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const shell = (command: string) => spawnSync(process.execPath, [CLI_BUNDLE as string, '--store', dir, '-Command', command], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('terminal safety', () => {
  it('shows control characters as visible symbols, keeping newlines and tabs', () => {
    expect(printable('a\x1b]0;PWNED\x07\x1b[2Jb\r\x7f\x85\tc\nd')).toBe('a␛]0;PWNED␇␛[2Jb␍␡\\x85\tc\nd');
  });

  it('the shell never writes an escape sequence from a value to the terminal', () => {
    const r = shell('"title`e]0;PWNED`a clear`e[2J"');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('title␛]0;PWNED␇ clear␛[2J\n');
    expect(r.stdout).not.toContain('\x1b');
  });

  it('URL parameters refuse control characters, and nothing is stored', () => {
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = shell('Set-CsPersistentChatConfiguration -RoomManagementUrl "https://rooms.contoso.com/`e[2J"');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('The argument contains control characters (such as ESC), which a URL cannot hold.');
    expect(r.stderr).not.toContain('\x1b');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });
});
