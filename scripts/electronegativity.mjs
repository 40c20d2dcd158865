// `npm run electronegativity`: runs @doyensec/electronegativity over src-main/
// and over the built Electron app (out/main, out/preload, out/renderer), prints
// every finding (check id, file:line, description) and one summary line, and
// exits 1 when there is any finding, any file it could not analyse, or a stale
// allow-list entry. Electronegativity itself exits 0 whatever it finds, so this
// drives its programmatic API (the same runner its CLI calls) and judges the
// result here.
//
// A false positive in our own code is suppressed where it is, with a comment
// saying why and electronegativity's own inline directive on the reported line:
//   /* eng-disable CHECK_ID */            (JS/TS; several ids: space-separated)
//   <!-- eng-disable CHECK_ID -->         (HTML)
// The directive on a file's first line disables the check for the whole file.
// For a finding in a built file, where the bundler has dropped our comments or
// the code is vendor code, see ALLOWED below.
//
// out/ is built first (npx electron-vite build) when it is missing or older
// than the sources, with the rule test/support/build-app.ts uses.

import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppIfStale } from './build-tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

/**
 * Findings accepted after review, in files where an inline directive cannot
 * live. Each entry matches one scan, one check id, one file (repo-relative, or
 * 'N/A' for an application-wide result) and, when given, the exact code or
 * policy text electronegativity reports, so any change to that text makes the
 * finding come back for another look. An entry that matches nothing fails the
 * run: delete it rather than let the list grow stale.
 */
const ALLOWED = [
  {
    scan: 'src-main',
    check: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    reason:
      '"No CSP has been detected" is an artefact of scanning src-main on its own: the policy is data in ' +
      'src-main/app/csp.ts, sent as a response header by the app:// handler in protocol.ts (a form the check ' +
      'does not recognise), and its <meta> copy is in src-renderer/index.html. The out/ scan sees the built ' +
      'index.html and evaluates the policy itself.',
  },
  {
    scan: 'out',
    check: 'CSP_GLOBAL_CHECK',
    file: 'out/renderer/index.html',
    sample:
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
      "object-src 'none'; base-uri 'none'; form-action 'none'",
    reason:
      "csp-evaluator's only remark on this policy is a MEDIUM_MAYBE: \"'self' can be problematic if you host " +
      "JSONP, Angular or user uploaded files\". 'self' is app://renderer, which serves only the files of the " +
      'built renderer from out/renderer (protocol.ts, traversal-guarded): no JSONP, no Angular, no uploads. ' +
      'Keyed on the exact policy: any change to it is evaluated again.',
  },
  {
    scan: 'out',
    check: 'AUXCLICK_JS_CHECK',
    file: 'out/main/index.js',
    sample: 'const window = new BrowserWindow({',
    reason:
      'The bundled copy of src-main/app/window.ts createMainWindow(), where this finding is suppressed inline ' +
      'with the reason; the main-process bundle drops source comments, and with them the directive.',
  },
  {
    scan: 'out',
    check: 'PRELOAD_JS_CHECK',
    file: 'out/main/index.js',
    sample: 'preload: options.preloadPath,',
    reason:
      'The bundled copy of src-main/app/window.ts createMainWindow(), where the preload review is recorded ' +
      'inline; the main-process bundle drops source comments, and with them the directive.',
  },
];

/**
 * Checks not run at all. AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads
 * Electron's release list on every run and reports whenever a newer patch
 * release exists: that is about dependency freshness (and the network), not
 * about this code, and would make the result change from one day to the next.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

// ---------------------------------------------------------------------------
// Build out/ if needed, then stage the Electron app's three targets.

buildAppIfStale('electronegativity: out/ is missing or older than the sources; building it (npx electron-vite build)');

// Electronegativity reads only .js/.jsx/.ts/.tsx/.html/.htm (and package.json
// and lockfiles): the sandboxed preload is a .cjs bundle and would be skipped
// silently. So scan a copy of the three electron-vite targets in which .cjs and
// .mjs files get a ".js" suffix, and report the original paths. out/cli and
// out/preview are not scanned here: they are plain-Node programs (the headless
// shell, the dev-only web preview) bundled from src-main, which is scanned.
const work = mkdtempSync(path.join(tmpdir(), 'pchat-electronegativity-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const staged = path.join(work, 'out');
for (const target of ['main', 'preload', 'renderer']) {
  cpSync(path.join(root, 'out', target), path.join(staged, target), { recursive: true });
}
(function suffixModules(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) suffixModules(full);
    else if (/\.[cm]js$/.test(e.name)) renameSync(full, `${full}.js`);
  }
})(staged);
const stagedToRepo = (file) => {
  if (file === 'N/A') return file;
  const inStage = path.relative(staged, file);
  if (inStage.startsWith('..') || path.isAbsolute(inStage)) return rel(file);
  return rel(path.join(root, 'out', inStage.replace(/\.([cm]js)\.js$/, '.$1')));
};

// ---------------------------------------------------------------------------
// Load electronegativity (CommonJS) with two adjustments, both for 1.10.3.

const requireHere = createRequire(import.meta.url);
const libPackage = requireHere.resolve('@doyensec/electronegativity/package.json');
const requireLib = createRequire(libPackage);
const libVersion = requireLib('./package.json').version;

// 1. Offline and quiet. On every run its i18n module fetches translations from
//    a remote bucket (and the excluded releases check fetches Electron's
//    release list), both through `got`. Hand it a `got` that answers "not
//    found" at once: the bundled en-US strings are used, nothing leaves the
//    machine, and the result cannot depend on the network.
const gotPath = requireLib.resolve('got');
const offlineGot = Object.assign(async () => ({ statusCode: 404, body: '', headers: {} }), {
  head: async () => ({ statusCode: 404, body: '', headers: {} }),
});
const gotModule = new Module(gotPath);
gotModule.filename = gotPath;
gotModule.loaded = true;
gotModule.exports = offlineGot;
requireLib.cache[gotPath] = gotModule;
process.env.LANG = 'en-US'; // the locale it asks i18n for; keeps descriptions in English

// 2. Make it read the bundles at all. JavaScript that esprima cannot parse
//    (anything past ES2017: all of out/) is parsed with @babel/parser's
//    "estree" plugin, which by default still emits Babel's ClassPrivateProperty
//    nodes for `#private` fields; the estraverse walker then throws "Unknown
//    node type ClassPrivateProperty" and the runner skips the whole file,
//    mentioning it only in its `errors` list. With { classFeatures: true } the
//    plugin emits ESTree PropertyDefinition/PrivateIdentifier, which estraverse
//    walks. Any file it still cannot analyse fails this script (see below).
const { Parser } = requireLib('./dist/parser/parser.js');
if (typeof Parser?.prototype?.parseBabel !== 'function') {
  throw new Error(`@doyensec/electronegativity ${libVersion}: Parser.prototype.parseBabel not found; revisit scripts/electronegativity.mjs`);
}
const parseBabel = Parser.prototype.parseBabel;
Parser.prototype.parseBabel = function parseBabelWithClassFeatures(content) {
  this.babelPlugins = this.babelPlugins.map((plugin) => (plugin === 'estree' ? ['estree', { classFeatures: true }] : plugin));
  return parseBabel.call(this, content);
};

const runElectronegativity = requireLib('./dist/runner.js');
const { list_files: listFiles } = requireLib('./dist/util/file.js');

// Electron's defaults differ by version; scanned directories hold no
// package.json to read it from, so pass the installed one.
const electronVersion = requireHere('electron/package.json').version;

// ---------------------------------------------------------------------------
// Scan, judge, report.

const scans = [
  { name: 'src-main', input: path.join(root, 'src-main'), display: rel },
  { name: 'out', input: staged, display: stagedToRepo, required: ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'] },
];

const findings = [];
const allowed = [];
const unreadable = [];
const used = new Set();
let files = 0;
let checks = 0;

const clip = (text, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

for (const scan of scans) {
  const listed = (await listFiles(scan.input)).map(scan.display);
  files += listed.length;
  for (const required of scan.required ?? []) {
    if (!listed.includes(required)) unreadable.push({ file: required, message: 'expected in the scan but not listed by electronegativity' });
  }
  if (scan.name === 'out' && !listed.some((f) => /^out\/renderer\/.*\.js$/.test(f))) {
    unreadable.push({ file: 'out/renderer/', message: 'no renderer JavaScript found to scan' });
  }

  const result = await runElectronegativity({
    input: scan.input,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED_CHECKS,
    isRelative: false,
  });
  checks = Math.max(checks, result.globalChecks + result.atomicChecks);

  for (const error of result.errors) {
    const file = scan.display(error.file);
    if (error.tolerable) console.log(`electronegativity: note: ${file}: parsed with a warning: ${error.message}`);
    else unreadable.push({ file, message: error.message });
  }

  for (const issue of result.issues) {
    const finding = {
      scan: scan.name,
      check: issue.id,
      file: scan.display(issue.file),
      line: issue.location?.line ?? 0,
      column: (issue.location?.column ?? 0) + 1, // electronegativity counts columns from 0
      description: issue.description,
      severity: issue.severity?.name ?? '?',
      confidence: issue.confidence?.name ?? '?',
      manualReview: Boolean(issue.manualReview),
      sample: typeof issue.sample === 'string' ? issue.sample : undefined,
    };
    const entry = ALLOWED.find(
      (a) => a.scan === finding.scan && a.check === finding.check && a.file === finding.file && (a.sample === undefined || a.sample === finding.sample),
    );
    if (entry === undefined) {
      findings.push(finding);
    } else {
      used.add(entry);
      allowed.push(finding);
    }
  }
}

const where = (f) => (f.file === 'N/A' ? `(${f.scan}, application-wide)` : `${f.file}:${f.line}:${f.column}`);

for (const f of findings) {
  console.log(`\n${f.check}  ${where(f)}`);
  console.log(`  ${f.description}`);
  console.log(`  severity ${f.severity}, confidence ${f.confidence}${f.manualReview ? ', asks for manual review' : ''}`);
  if (f.sample) console.log(`  > ${clip(f.sample)}`);
  console.log(`  https://github.com/doyensec/electronegativity/wiki/${f.check}`);
}
for (const u of unreadable) console.log(`\nNOT ANALYSED  ${u.file}\n  ${u.message}`);

const stale = ALLOWED.filter((a) => !used.has(a));
for (const a of stale) {
  console.log(`\nSTALE ALLOW-LIST ENTRY  ${a.check} in ${a.file} (${a.scan} scan) matched nothing: update or remove it in scripts/electronegativity.mjs`);
}
if (allowed.length > 0) {
  console.log('\nallowed by the reviewed list in scripts/electronegativity.mjs:');
  for (const f of allowed) console.log(`  ${f.check}  ${where(f)}`);
}

const ok = findings.length === 0 && unreadable.length === 0 && stale.length === 0;
const problems = [
  `${findings.length} finding${findings.length === 1 ? '' : 's'}`,
  ...(unreadable.length > 0 ? [`${unreadable.length} file${unreadable.length === 1 ? '' : 's'} not analysed`] : []),
  ...(stale.length > 0 ? [`${stale.length} stale allow-list entr${stale.length === 1 ? 'y' : 'ies'}`] : []),
];
console.log(
  `\nelectronegativity ${libVersion}: ${ok ? 'OK' : 'FAILED'}: ${problems.join(', ')} ` +
    `(${files} files in src-main and out/{main,preload,renderer}, ${checks} checks, Electron ${electronVersion}; ` +
    `${allowed.length} allowed by the reviewed list)`,
);
process.exit(ok ? 0 : 1);
