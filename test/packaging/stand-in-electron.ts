// Stand-ins for Electron's Linux and Windows distributions, so electron-builder can
// package the app where Electron's own zip cannot be downloaded (as here).
//
// Linux: its `electron` is a shell script that carries Electron's fuse wire in a
// comment: the sentinel @electron/fuses searches for, the wire version (1),
// the wire length, then one byte per fuse ('1' on, '0' off) in Electron's
// default states. electron-builder's real fuse step flips those bytes, and
// scripts/check-package.mjs reads them back, exactly as with a real binary.
// Run, the script does what the real app does first that smoke-packaged.mjs
// can see: it writes the store where Electron would, then stays up.
//
// Windows: its `electron.exe` is a real Windows executable with a version
// resource (7-Zip's, shipped in electron-winstaller, which electron-builder
// installs) with the same wire appended, so electron-builder's resource
// editing (icon, version strings, the asar integrity resource) runs on it.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAppIfStale, ROOT } from '../../scripts/build-tools.mjs';

/** @electron/fuses finds the wire after this marker (its constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's defaults: RunAsNode on, EnableCookieEncryption off,
 * EnableNodeOptionsEnvironmentVariable on, EnableNodeCliInspectArguments on,
 * EnableEmbeddedAsarIntegrityValidation off, OnlyLoadAppFromAsar off,
 * LoadBrowserProcessSpecificV8Snapshot off, GrantFileProtocolExtraPrivileges
 * on — and a ninth fuse @electron/fuses 1.8 does not know, as newer wires have.
 */
export const DEFAULT_WIRE = '101100011';

function fuseWire(): Buffer {
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE, 'latin1')]);
}

function writeCommonFiles(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  writeFileSync(path.join(dir, 'version'), `${electronVersion()}\n`);
  writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
}

/** A Windows executable with a version resource, as electron.exe has (present wherever electron-builder is installed with its Windows targets). */
export const WINDOWS_EXE_DONOR = path.join(ROOT, 'node_modules', 'electron-winstaller', 'vendor', '7z-x64.exe');

/** Writes the Windows stand-in distribution into `dir` and returns it. */
export function writeStandInElectronWin(dir: string): string {
  writeCommonFiles(dir);
  writeFileSync(path.join(dir, 'electron.exe'), Buffer.concat([readFileSync(WINDOWS_EXE_DONOR), fuseWire()]));
  return dir;
}

/** Writes the Linux stand-in distribution into `dir` and returns it. */
export function writeStandInElectron(dir: string): string {
  writeCommonFiles(dir);
  const wire = fuseWire();
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for Electron (test/packaging/stand-in-electron.ts). Fuse wire: '),
    wire,
    Buffer.from(
      '\n' +
        'store="${XDG_CONFIG_HOME:-$HOME/.config}/pchat-admin"\n' +
        'if [ "$STAND_IN_CRASH" = 1 ]; then exit 3; fi\n' +
        'mkdir -p "$store" && printf \'{"schemaVersion":1,"collections":{}}\' > "$store/config.json"\n' +
        'exec sleep 60\n',
    ),
  ]);
  writeFileSync(path.join(dir, 'electron'), script);
  chmodSync(path.join(dir, 'electron'), 0o755);
  return dir;
}

function electronVersion(): string {
  return (createRequire(import.meta.url)(path.join(ROOT, 'node_modules', 'electron', 'package.json')) as { version: string }).version;
}

/**
 * Packs the app as `npm run dist -- --linux dir` (or `--win dir --x64`) would,
 * with the real electron-builder.yml, around a stand-in: electron-builder's own CLI.
 */
export function packWithStandIn(electronDist: string, outputDir: string, platform: 'linux' | 'win' = 'linux'): { status: number | null; output: string } {
  const cli = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const target = platform === 'linux' ? ['--linux', 'dir'] : ['--win', 'dir', '--x64'];
  const result = spawnSync(
    process.execPath,
    [cli, ...target, '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${outputDir}`],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, timeout: 120_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * out/ built and current before packaging. Vitest runs the packaging test
 * files in parallel workers and electron-vite empties out/ as it starts, so
 * one build at a time: a lock file beside the system's temporary files.
 */
export async function buildAppOnce(): Promise<void> {
  const lock = path.join(tmpdir(), `pchat-admin-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held !== undefined && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { force: true }); // left by a killed run
      if (Date.now() > deadline) throw new Error(`waited 2 minutes for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      buildAppIfStale('packaging tests: building out/ (electron-vite build)');
      return;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}
