// `npm start` and `npm run dist` where the Electron binary is missing (its
// download failed, as on this machine): one line that says so and what to do,
// exit 1, before anything is built. Everywhere else the same situation is
// made with ELECTRON_EXEC_PATH (which electron-vite honours) pointing nowhere.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-tools.mjs';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'pchat-electron-missing-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NOWHERE = path.join(work, 'no-such-electron');

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env, shell: process.platform === 'win32' && command === 'npm', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

/** The environment without any Electron override, so the scripts look at node_modules/electron. */
function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['ELECTRON_EXEC_PATH'];
  return env;
}

const lines = (text: string): string[] => text.split(/\r?\n/).filter((line) => line.trim() !== '');

describe('one clear line instead of a stack trace', () => {
  it('npm start: the binary is missing; get it where the network allows, or use npm run preview:web; exit 1, nothing built', () => {
    const result = run(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], { ...process.env, ELECTRON_EXEC_PATH: NOWHERE });
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([
      `npm start: the Electron binary is missing (ELECTRON_EXEC_PATH=${NOWHERE} does not exist). Get it with \`npx install-electron\` where github.com is reachable, or open the same window in a browser with \`npm run preview:web\`.`,
    ]);
    expect(result.status).toBe(1);
    expect(result.ms).toBeLessThan(5_000); // it stops before electron-vite builds anything
  });

  it('npm run dist: cannot package, why, and what to do; exit 1, nothing built', () => {
    const result = run(process.execPath, [path.join(ROOT, 'scripts', 'dist.mjs')], { ...process.env, ELECTRON_EXEC_PATH: NOWHERE });
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([
      `npm run dist: cannot package: the Electron binary is missing (ELECTRON_EXEC_PATH=${NOWHERE} does not exist), so electron-builder could not download Electron either; run \`npx install-electron\` where github.com is reachable, then \`npm run dist\` again.`,
    ]);
    expect(result.status).toBe(1);
    expect(result.ms).toBeLessThan(5_000);
  });

  // Where the electron package was installed but its binary never downloaded — this machine, .ci/run.
  describe.skipIf(findElectronBinary(plainEnv()).ok)('as typed, where node_modules/electron has no binary', () => {
    const missing = 'the Electron binary is missing (node_modules/electron/dist was never downloaded)';

    it('npm start prints npm\'s header and one line', () => {
      const result = run('npm', ['start'], plainEnv());
      expect(lines(result.stderr)).toEqual([
        `npm start: ${missing}. Get it with \`npx install-electron\` where github.com is reachable, or open the same window in a browser with \`npm run preview:web\`.`,
      ]);
      expect(lines(result.stdout).filter((line) => !line.startsWith('> '))).toEqual([]); // only npm's own "> pchat-admin@… start" header
      expect(result.status).toBe(1);
    });

    it('npm run dist prints npm\'s header and one line', () => {
      const result = run('npm', ['run', 'dist', '--', '--linux'], plainEnv());
      expect(lines(result.stderr)).toEqual([
        `npm run dist: cannot package: ${missing}, so electron-builder could not download Electron either; run \`npx install-electron\` where github.com is reachable, then \`npm run dist\` again.`,
      ]);
      expect(lines(result.stdout).filter((line) => !line.startsWith('> '))).toEqual([]);
      expect(result.status).toBe(1);
    });
  });
});

describe('findElectronBinary', () => {
  const project = (name: string): string => {
    const root = path.join(work, name);
    mkdirSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
    return root;
  };

  it('reads node_modules/electron/path.txt and needs the binary it names under dist/', () => {
    const root = project('installed');
    const electron = path.join(root, 'node_modules', 'electron');
    writeFileSync(path.join(electron, 'package.json'), '{"name":"electron"}');
    expect(findElectronBinary({}, root)).toEqual({ ok: false, reason: 'the Electron binary is missing (node_modules/electron/dist was never downloaded)' });
    writeFileSync(path.join(electron, 'path.txt'), 'electron');
    expect(findElectronBinary({}, root)).toEqual({ ok: false, reason: `the Electron binary is missing (${path.join(electron, 'dist', 'electron')} does not exist)` });
    mkdirSync(path.join(electron, 'dist'));
    writeFileSync(path.join(electron, 'dist', 'electron'), '');
    expect(findElectronBinary({}, root)).toEqual({ ok: true, path: path.join(electron, 'dist', 'electron') });
  });

  it('says when the electron package itself is not installed, and honours ELECTRON_EXEC_PATH as electron-vite does', () => {
    const root = path.join(work, 'bare');
    mkdirSync(root, { recursive: true });
    expect(findElectronBinary({}, root)).toEqual({ ok: false, reason: 'the electron package is not installed (run npm install)' });
    const binary = path.join(work, 'some-electron');
    writeFileSync(binary, '');
    expect(findElectronBinary({ ELECTRON_EXEC_PATH: binary }, root)).toEqual({ ok: true, path: binary });
  });
});
