// The packaged app, as electron-builder really builds it: the real CLI and the
// real electron-builder.yml (`files` patterns, asar, electronFuses) over the
// real out/, around a stand-in Electron distribution (stand-in-electron.ts),
// because Electron's own zip cannot be downloaded here. What this shows: what
// app.asar holds, that the fuses are flipped and read back, and that
// check-package.mjs and smoke-packaged.mjs catch what they are for. What it
// cannot show: a real Electron starting from this app.asar with these fuses,
// nor the installers (AppImage, deb, NSIS, dmg) — the release workflow runs
// `npm run dist` and smoke-packaged.mjs on real runners for that.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-tools.mjs';
import { loadBuilderConfig, type BuilderConfig } from '../../scripts/check-package.mjs';
import { buildAppOnce, packWithStandIn, writeStandInElectron } from './stand-in-electron';

const work = mkdtempSync(path.join(tmpdir(), 'pchat-packaging-'));
const output = path.join(work, 'dist');
let unpacked = '';
let appAsar = '';
let config: BuilderConfig;

const rootPackage = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };

function checkPackage(dir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-package.mjs'), dir], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under the shipped out/ folders, as electron-builder.yml's `files` should pick them. */
function shippedFilesOnDisk(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (!entry.name.endsWith('.map')) files.push(relative);
    }
  };
  for (const dir of ['out/main', 'out/preload', 'out/renderer']) walk(dir);
  return [...files, 'package.json'].sort();
}

/** Files (not folders) in an asar, read from its header with @electron/asar. */
function asarFiles(archive: string): string[] {
  return asar
    .listPackage(archive, { isPack: false })
    .map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''))
    .filter((entry) => !('files' in asar.statFile(archive, entry)))
    .sort();
}

beforeAll(async () => {
  await buildAppOnce();
  const packed = packWithStandIn(writeStandInElectron(path.join(work, 'electron')), output);
  if (packed.status !== 0) throw new Error(`electron-builder failed (exit ${packed.status}):\n${packed.output}`);
  const dir = readdirSync(output).find((name) => /^linux(-[a-z0-9]+)?-unpacked$/.test(name));
  if (dir === undefined) throw new Error(`electron-builder left no linux*-unpacked folder in ${output}:\n${packed.output}`);
  unpacked = path.join(output, dir);
  appAsar = path.join(unpacked, 'resources', 'app.asar');
  config = await loadBuilderConfig(ROOT);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('app.asar', () => {
  it('holds exactly out/main, out/preload, out/renderer (without source maps) and package.json', () => {
    const packed = asarFiles(appAsar);
    expect(packed).toEqual(shippedFilesOnDisk());
    for (const required of ['out/main/index.js', 'out/main/session-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(packed).toContain(required);
    }
    const foreign = packed.filter((file) => /^(node_modules|src-main|src-renderer|test|scripts|build|out\/cli|out\/preview)\//.test(file) || file.endsWith('.map') || file.endsWith('.ts'));
    expect(foreign).toEqual([]);
  });

  it("carries package.json with the app's name, version and entry point, and no scripts or dependencies", () => {
    const packaged = JSON.parse(asar.extractFile(appAsar, 'package.json').toString('utf8')) as Record<string, unknown>;
    // Electron's app name (productName, else name) is the store folder the README and the headless shell use.
    expect(packaged['productName'] ?? packaged['name']).toBe('pchat-admin');
    expect(packaged['version']).toBe(rootPackage.version); // what About shows (app.getVersion())
    expect(packaged['main']).toBe('out/main/index.js');
    expect(packaged['type']).toBe('module');
    expect(packaged).not.toHaveProperty('scripts');
    expect(packaged).not.toHaveProperty('devDependencies');
    expect(packaged['dependencies'] ?? {}).toEqual({});
  });

  it('needs nothing from node_modules: every import of the shipped code is a Node built-in or electron', async () => {
    expect(rootPackage.dependencies ?? {}).toEqual({}); // conf is bundled at build time: a devDependency
    const result = await build({
      entryPoints: [path.join(ROOT, 'out/main/index.js'), path.join(ROOT, 'out/main/session-worker.js'), path.join(ROOT, 'out/preload/index.cjs')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outdir: path.join(work, 'imports'),
      logLevel: 'silent',
    });
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const imported = new Set(Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path)));
    expect([...imported].filter((name) => !builtins.has(name) && name !== 'electron')).toEqual([]);
    expect(imported).toContain('electron');
  });
});

describe('electron-builder.yml', () => {
  it('has a real app id, and the product name that the store folder follows', () => {
    expect(config.appId).toBe('io.github.pchat-admin.desktop');
    expect(config.productName).toBe('pchat-admin');
  });

  it('makes a per-user NSIS installer that keeps the store on uninstall, a dmg, an AppImage and a deb', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false });
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });
});

describe('fuses', () => {
  it('electron-builder.yml turns off running as Node, NODE_OPTIONS, --inspect and file:// privileges, and loads only an integrity-checked app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('are flipped in the packaged binary as configured, and check-package reads them back', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'pchat-admin'));
    const on = 0x31;
    const off = 0x30;
    expect([wire[FuseV1Options.RunAsNode], wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], wire[FuseV1Options.EnableNodeCliInspectArguments]]).toEqual([off, off, off]);
    expect([wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation], wire[FuseV1Options.OnlyLoadAppFromAsar], wire[FuseV1Options.EnableCookieEncryption]]).toEqual([on, on, on]);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(off); // not configured: Electron's default stays
    expect((wire as unknown as Record<number, number>)[8]).toBe(on); // a fuse @electron/fuses does not know is left alone

    const check = checkPackage(output);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const dir = path.basename(unpacked);
    expect(check.stdout).toContain(
      `${dir}: fuses ok (runAsNode=off, enableNodeOptionsEnvironmentVariable=off, enableNodeCliInspectArguments=off, enableEmbeddedAsarIntegrityValidation=on, onlyLoadAppFromAsar=on, enableCookieEncryption=on, grantFileProtocolExtraPrivileges=off)`,
    );
    expect(check.stdout).toContain(`${dir}: app.asar ok (${shippedFilesOnDisk().length} files: out/main, out/preload, out/renderer, package.json)`);
    expect(check.stdout).toContain(`${dir}: asar integrity n/a (not checked by Electron on Linux)`);
  });
});

describe('check-package', () => {
  /** A copy of the packaged app to tamper with. */
  function copyOfPackage(name: string): { dist: string; app: string } {
    const dist = path.join(work, name);
    const app = path.join(dist, path.basename(unpacked));
    cpSync(unpacked, app, { recursive: true });
    return { dist, app };
  }

  it('fails, naming the fuse, when the packaged binary differs from electron-builder.yml', async () => {
    const { dist, app } = copyOfPackage('tampered-fuses');
    await flipFuses(path.join(app, 'pchat-admin'), { version: FuseVersion.V1, [FuseV1Options.RunAsNode]: true });
    const check = checkPackage(dist);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('fuses FAILED: runAsNode is on, electron-builder.yml says off');
  });

  it('fails when app.asar lacks a file of out/ or holds one it should not', async () => {
    const { dist, app } = copyOfPackage('tampered-asar');
    const extracted = path.join(work, 'extracted');
    asar.extractAll(path.join(app, 'resources', 'app.asar'), extracted);
    rmSync(path.join(extracted, 'out', 'main', 'session-worker.js'));
    cpSync(path.join(extracted, 'package.json'), path.join(extracted, 'out', 'main', 'index.js.map'));
    await asar.createPackage(extracted, path.join(app, 'resources', 'app.asar'));
    const check = checkPackage(dist);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('app.asar FAILED: missing out/main/session-worker.js; unexpected out/main/index.js.map');
  });

  it('fails when there is no packaged app', () => {
    const check = checkPackage(path.join(work, 'nothing-here'));
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('FAILED: no packaged app');
  });
});

describe.runIf(process.platform === 'linux')('smoke-packaged (the release workflow runs it on the real app)', () => {
  function smoke(env: Record<string, string> = {}): { status: number | null; out: string; ms: number } {
    const started = Date.now();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'smoke-packaged.mjs'), output, '--timeout', '10'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 30_000,
    });
    return { status: result.status, out: `${result.stdout}${result.stderr}`, ms: Date.now() - started };
  }

  it('starts the packaged executable, waits for its store in a fresh XDG_CONFIG_HOME, then stops it', () => {
    const result = smoke();
    expect(result.out).toMatch(/smoke: ok: the packaged app created .*pchat-admin[/\\]config\.json \(schemaVersion 1\)/);
    expect(result.status).toBe(0);
  });

  it('fails when the app exits before creating its store', () => {
    const result = smoke({ STAND_IN_CRASH: '1' });
    expect(result.out).toMatch(/smoke: FAILED: the app exited \(3\) before it created .*config\.json/);
    expect(result.status).toBe(1);
  });
});
