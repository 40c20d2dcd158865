// Reads a packaged app back and checks it against what we meant to ship:
//   fuses      the fuse wire in the packaged Electron binary (read with
//              @electron/fuses) equals electronFuses in electron-builder.yml;
//   app.asar   holds exactly out/main, out/preload, out/renderer (no source
//              maps) and package.json — nothing else, nothing missing;
//   integrity  (macOS, Windows) the asar header hash electron-builder embedded
//              (Info.plist / the exe's INTEGRITY resource) matches app.asar,
//              so the EnableEmbeddedAsarIntegrityValidation fuse lets it start.
//
// `npm run dist` runs it on every app it packaged; the packaging tests run it
// on an app packaged here around a stand-in Electron binary.
//
// CLI: node scripts/check-package.mjs [output-dir, default dist]
// One line per check; exit 1 when any check fails or no packaged app is found.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The folders of out/ that ship (electron-builder.yml `files`); out/cli and out/preview are development tools. */
export const SHIPPED_OUT_DIRS = ['out/main', 'out/preload', 'out/renderer'];

/**
 * electron-builder's configuration exactly as electron-builder itself reads it
 * (electron-builder.yml, package.json "build", `extends`), through the loader
 * of the app-builder-lib that electron-builder depends on.
 */
export async function loadBuilderConfig(root = ROOT) {
  const fromBuilder = createRequire(require.resolve('electron-builder'));
  const { getConfig } = fromBuilder('app-builder-lib/out/util/config/config');
  return getConfig(root, null, null);
}

/** Electron's fuse states, as bytes in the wire. */
const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;
const FUSE_REMOVED = 0x72;

/** electron-builder's `electronFuses` keys that are fuses (the others are options of the flip). */
function fuseIndex(key) {
  const index = FuseV1Options[key[0].toUpperCase() + key.slice(1)];
  if (typeof index !== 'number') throw new Error(`electronFuses.${key} is not a fuse @electron/fuses knows`);
  return index;
}
const FUSE_FLIP_OPTIONS = new Set(['resetAdHocDarwinSignature', 'strictlyRequireAllFuses']);

/** Every packaged app electron-builder left in `outputDir` (its *-unpacked and mac* folders). */
export function findPackagedApps(outputDir, config, pkg) {
  const productName = config.productName ?? pkg.productName ?? pkg.name;
  const apps = [];
  for (const entry of existsSync(outputDir) ? readdirSync(outputDir).sort() : []) {
    const dir = join(outputDir, entry);
    if (!statSync(dir).isDirectory()) continue;
    if (/^linux(-[a-z0-9]+)?-unpacked$/.test(entry)) {
      const executableName = config.linux?.executableName ?? config.executableName ?? pkg.name.toLowerCase();
      apps.push({ name: entry, platform: 'linux', executable: join(dir, executableName), asar: join(dir, 'resources', 'app.asar') });
    } else if (/^win(-[a-z0-9]+)?-unpacked$/.test(entry)) {
      apps.push({ name: entry, platform: 'win', executable: join(dir, `${productName}.exe`), asar: join(dir, 'resources', 'app.asar') });
    } else if (/^mac(-[a-z0-9]+)?$/.test(entry)) {
      const app = join(dir, `${productName}.app`);
      apps.push({ name: entry, platform: 'mac', executable: app, asar: join(app, 'Contents', 'Resources', 'app.asar'), infoPlist: join(app, 'Contents', 'Info.plist') });
    }
  }
  return apps;
}

/** Each configured fuse: what electron-builder.yml asks for and what the packaged binary holds. */
export async function checkFuses(app, electronFuses) {
  const wire = await getCurrentFuseWire(app.executable);
  const results = [];
  for (const [key, wanted] of Object.entries(electronFuses ?? {})) {
    if (FUSE_FLIP_OPTIONS.has(key) || wanted === undefined || wanted === null) continue;
    const byte = wire[fuseIndex(key)];
    const actual = byte === FUSE_ON ? true : byte === FUSE_OFF ? false : byte === FUSE_REMOVED ? 'removed' : byte === undefined ? 'absent' : `0x${byte.toString(16)}`;
    results.push({ fuse: key, expected: wanted, actual, ok: actual === wanted });
  }
  return results;
}

function walkFiles(dir, root, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walkFiles(full, root, out);
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/** What app.asar must hold: every file of the shipped out/ folders except source maps, and package.json. */
export function expectedAsarFiles(root = ROOT) {
  const files = ['package.json'];
  for (const dir of SHIPPED_OUT_DIRS) {
    if (!existsSync(join(root, dir))) throw new Error(`${dir} is missing: build the app first (npx electron-vite build)`);
    files.push(...walkFiles(join(root, dir), root, []).filter((file) => !file.endsWith('.map')));
  }
  return files.sort();
}

/** The files (not folders) in an asar archive, as paths relative to its root. */
export function listAsarFiles(archive) {
  const files = [];
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (child.files !== undefined) walk(child, path);
      else files.push(path);
    }
  };
  walk(asar.getRawHeader(archive).header, '');
  return files.sort();
}

/** app.asar against out/ on disk: files it lacks, files it should not hold. Production dependencies, if any ever come, may add node_modules/. */
export function checkAsarContents(app, root = ROOT, pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))) {
  const expected = expectedAsarFiles(root);
  const actual = listAsarFiles(app.asar);
  const allowNodeModules = Object.keys(pkg.dependencies ?? {}).length > 0;
  const actualSet = new Set(actual);
  const expectedSet = new Set(expected);
  return {
    files: actual,
    missing: expected.filter((file) => !actualSet.has(file)),
    extra: actual.filter((file) => !expectedSet.has(file) && !(allowNodeModules && file.startsWith('node_modules/'))),
  };
}

/** sha256 of the asar header, the value Electron compares with the embedded one. */
export function asarHeaderHash(archive) {
  return createHash('sha256').update(asar.getRawHeader(archive).headerString).digest('hex');
}

/** The embedded asar integrity (macOS Info.plist, Windows exe resource) against app.asar; Electron checks neither on Linux. */
export function checkIntegrity(app) {
  if (app.platform === 'linux') return { applicable: false, ok: true, detail: 'not checked by Electron on Linux' };
  const actual = asarHeaderHash(app.asar);
  let embedded;
  if (app.platform === 'mac') {
    const plist = readFileSync(app.infoPlist, 'utf8');
    embedded = /<key>ElectronAsarIntegrity<\/key>\s*<dict>\s*<key>Resources\/app\.asar<\/key>\s*<dict>[\s\S]*?<key>hash<\/key>\s*<string>([0-9a-f]{64})<\/string>/.exec(plist)?.[1];
  } else {
    // electron-builder writes [{"file":"resources\\app.asar","alg":"SHA256","value":"<hex>"}] as resource INTEGRITY/ELECTRONASAR.
    const exe = readFileSync(app.executable).toString('latin1');
    embedded = /"file":"resources\\\\app\.asar","alg":"SHA256","value":"([0-9a-f]{64})"/.exec(exe)?.[1];
  }
  if (embedded === undefined) return { applicable: true, ok: false, detail: 'no embedded asar integrity found' };
  return { applicable: true, ok: embedded === actual, detail: embedded === actual ? `sha256 ${actual.slice(0, 12)}…` : `embedded ${embedded} ≠ app.asar ${actual}` };
}

/** Runs every check on every packaged app in `outputDir`; returns the report lines and whether all passed. */
export async function checkPackage(outputDir, root = ROOT) {
  const config = await loadBuilderConfig(root);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const apps = findPackagedApps(outputDir, config, pkg);
  const lines = [];
  let ok = apps.length > 0;
  if (apps.length === 0) lines.push(`FAILED: no packaged app in ${outputDir} (looked for linux*-unpacked, win*-unpacked, mac*)`);
  for (const app of apps) {
    const fuses = await checkFuses(app, config.electronFuses);
    const wrong = fuses.filter((f) => !f.ok);
    const state = (value) => (value === true ? 'on' : value === false ? 'off' : value);
    if (fuses.length === 0) {
      ok = false;
      lines.push(`${app.name}: fuses FAILED: electron-builder.yml configures no electronFuses`);
    } else if (wrong.length > 0) {
      ok = false;
      lines.push(`${app.name}: fuses FAILED: ${wrong.map((f) => `${f.fuse} is ${state(f.actual)}, electron-builder.yml says ${state(f.expected)}`).join('; ')}`);
    } else {
      lines.push(`${app.name}: fuses ok (${fuses.map((f) => `${f.fuse}=${state(f.actual)}`).join(', ')})`);
    }

    const contents = checkAsarContents(app, root, pkg);
    if (contents.missing.length > 0 || contents.extra.length > 0) {
      ok = false;
      const parts = [];
      if (contents.missing.length > 0) parts.push(`missing ${contents.missing.join(', ')}`);
      if (contents.extra.length > 0) parts.push(`unexpected ${contents.extra.join(', ')}`);
      lines.push(`${app.name}: app.asar FAILED: ${parts.join('; ')}`);
    } else {
      lines.push(`${app.name}: app.asar ok (${contents.files.length} files: ${SHIPPED_OUT_DIRS.join(', ')}, package.json)`);
    }

    const integrity = checkIntegrity(app);
    if (!integrity.ok) ok = false;
    lines.push(`${app.name}: asar integrity ${integrity.applicable ? (integrity.ok ? 'ok' : 'FAILED') : 'n/a'} (${integrity.detail})`);
  }
  return { ok, lines, apps };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outputDir = process.argv[2] ?? join(ROOT, 'dist');
  const { ok, lines } = await checkPackage(outputDir);
  for (const line of lines) console.log(line);
  if (!ok) {
    console.error('check-package: the packaged app is not what electron-builder.yml and out/ describe (see above)');
    process.exit(1);
  }
}
