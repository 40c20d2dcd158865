// The Windows app as electron-builder packs it (`--win dir --x64`, the real
// electron-builder.yml), around a stand-in electron.exe: a real Windows
// executable with a version resource, so electron-builder's resource editing
// runs as it does on Electron's. What this shows: the fuses, the icon and the
// version strings in the executable, and the asar integrity resource that the
// EnableEmbeddedAsarIntegrityValidation fuse makes Electron check, read back
// by check-package. What it cannot show: Windows starting it (the release
// workflow does), nor the NSIS installer (it needs makensis and Wine here).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIco } from '../../build/icon-files.mjs';
import { ROOT } from '../../scripts/build-tools.mjs';
import { buildAppOnce, packWithStandIn, WINDOWS_EXE_DONOR, writeStandInElectronWin } from './stand-in-electron';

const work = mkdtempSync(path.join(tmpdir(), 'pchat-packaging-win-'));
const output = path.join(work, 'dist');
const unpacked = path.join(output, 'win-unpacked');
const exe = path.join(unpacked, 'pchat-admin.exe');
const appAsar = path.join(unpacked, 'resources', 'app.asar');

function checkPackage(dir: string): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-package.mjs'), dir], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout };
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!existsSync(WINDOWS_EXE_DONOR))('the Windows app (win-unpacked)', () => {
  beforeAll(async () => {
    await buildAppOnce();
    const packed = packWithStandIn(writeStandInElectronWin(path.join(work, 'electron')), output, 'win');
    if (packed.status !== 0 || !existsSync(exe)) throw new Error(`electron-builder failed (exit ${packed.status}):\n${packed.output}`);
  }, 120_000);

  it('check-package: fuses as configured, app.asar exactly as on Linux, and the embedded asar integrity matches', () => {
    const check = checkPackage(output);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^win-unpacked: fuses ok \(runAsNode=off, .*onlyLoadAppFromAsar=on.*\)$/m);
    expect(check.stdout).toMatch(/^win-unpacked: app\.asar ok \(\d+ files: out\/main, out\/preload, out\/renderer, package\.json\)$/m);
    expect(check.stdout).toMatch(/^win-unpacked: asar integrity ok \(sha256 [0-9a-f]{12}…\)$/m);
  });

  it('the executable carries the INTEGRITY resource with the hash of app.asar\'s header', () => {
    const hash = createHash('sha256').update(asar.getRawHeader(appAsar).headerString).digest('hex');
    expect(readFileSync(exe).includes(Buffer.from(`[{"file":"resources\\\\app.asar","alg":"SHA256","value":"${hash}"}]`))).toBe(true);
  });

  it('the executable carries the icons of build/icon.ico and the product name, version and author', () => {
    const binary = readFileSync(exe);
    for (const entry of readIco(readFileSync(path.join(ROOT, 'build', 'icon.ico')))) {
      expect(binary.includes(entry.bytes), `${entry.size}px icon`).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; author: string };
    for (const text of ['pchat-admin', pkg.version, pkg.author]) expect(binary.includes(Buffer.from(text, 'utf16le')), text).toBe(true);
  });

  it('check-package fails when app.asar no longer matches the embedded hash', async () => {
    const tampered = path.join(work, 'tampered');
    cpSync(unpacked, path.join(tampered, 'win-unpacked'), { recursive: true });
    const extracted = path.join(work, 'extracted');
    asar.extractAll(appAsar, extracted);
    appendFileSync(path.join(extracted, 'out', 'main', 'index.js'), '\n// changed after packaging\n'); // its size and hash are in the header
    await asar.createPackage(extracted, path.join(tampered, 'win-unpacked', 'resources', 'app.asar'));
    const check = checkPackage(tampered);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^win-unpacked: app\.asar ok/m); // the same files: only the integrity check can tell
    expect(check.stdout).toMatch(/^win-unpacked: asar integrity FAILED \(embedded [0-9a-f]{64} ≠ app\.asar [0-9a-f]{64}\)$/m);
  });
});
