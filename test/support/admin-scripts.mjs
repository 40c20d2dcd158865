// Runs the administrator script fixtures (test/fixtures/scripts/*.ps1) through
// the headless shell's real bundle, as `powershell.exe -File script.ps1 <args>`
// would run them, and compares stdout, stderr, the exit code, the store's
// collections afterwards and any file a script writes with what the fixture
// expects. Shared by test/cli/admin-scripts.test.ts and scripts/fixture-status.mjs.
//
// A fixture is <name>.ps1 with header comments, plus <name>.out (stdout) and
// <name>.err (stderr) when the script prints anything there; `<dir>` in them
// stands for the folder the script runs from. Headers:
//   # expected exit code: <n>
//   # arguments: <script arguments, split on spaces>
//   # store: <identity> [Prop=value …]; <identity> …   (collections before the run)
//   # expected store: <identity>, <identity> …          (collections after the run)
//   # expected file: <name>   (written next to the script; expected text in <name>.ps1.<name>,
//                              compared as 5.1 writes `>`: UTF-16 LE with a BOM, CRLF line ends)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'scripts');

/** The fixtures, by file name (the lib/ folder holds dot-sourced helpers, not fixtures). */
export function listFixtures() {
  return fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.ps1')).sort();
}

export function readFixture(name) {
  const script = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  const header = (key) => new RegExp(`^# ${key}: ?(.*)$`, 'm').exec(script)?.[1].trim();
  const optional = (file) => (fs.existsSync(path.join(FIXTURES, file)) ? fs.readFileSync(path.join(FIXTURES, file), 'utf8') : '');
  const base = name.replace(/\.ps1$/, '');
  const code = header('expected exit code');
  if (code === undefined) throw new Error(`${name}: missing "# expected exit code:" header`);
  const file = header('expected file');
  return {
    name,
    exitCode: Number(code),
    args: header('arguments')?.split(/\s+/).filter(Boolean) ?? [],
    store: parseStore(header('store') ?? ''),
    expectedStore: header('expected store')?.split(/\s*,\s*/).filter(Boolean),
    stdout: optional(`${base}.out`),
    stderr: optional(`${base}.err`),
    file: file === undefined ? undefined : { name: file, text: optional(`${name}.${file}`) },
  };
}

/** `site:A DefaultChatHistory=40; site:B` → [{ identity, values }]. */
function parseStore(text) {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [identity, ...pairs] = entry.split(/\s+/);
      return { identity, values: pairs.map((p) => p.split('=')) };
    });
}

/** Seeds the store through the shell itself, so defaults come from the engine. */
function seedCommand(store) {
  return store
    .map(({ identity, values }) => {
      const params = values.map(([k, v]) => ` -${k} '${v}'`).join('');
      return /^global$/i.test(identity)
        ? `Set-CsPersistentChatConfiguration -Identity Global${params}`
        : `New-CsPersistentChatConfiguration -Identity '${identity}'${params} | Out-Null`;
    })
    .join('; ');
}

/** Runs one fixture in a fresh temp folder; returns what happened and what was expected. */
export function runFixture(cliBundle, name) {
  const fixture = readFixture(name);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-scripts-'));
  try {
    const dir = path.join(work, 'scripts');
    fs.cpSync(FIXTURES, dir, { recursive: true });
    const storeDir = path.join(work, 'store');
    fs.mkdirSync(storeDir);
    const run = (args) =>
      spawnSync(process.execPath, [cliBundle, '--store', storeDir, ...args], { cwd: dir, encoding: 'utf8', input: '', env: { ...process.env, NO_COLOR: '1' } });
    const seed = seedCommand(fixture.store);
    if (seed) {
      const r = run(['-Command', seed]);
      if (r.status !== 0) throw new Error(`${name}: seeding the store failed: ${r.stderr}`);
    }
    const r = run(['-File', path.join(dir, name), ...fixture.args]);
    const collections = JSON.parse(fs.readFileSync(path.join(storeDir, 'config.json'), 'utf8')).collections;
    const written = fixture.file && path.join(dir, fixture.file.name);
    const actual = {
      exitCode: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
      store: Object.keys(collections).sort(),
      file: written === undefined ? undefined : fs.existsSync(written) ? describeFile(fs.readFileSync(written)) : '(no file)',
    };
    const expected = {
      exitCode: fixture.exitCode,
      stdout: fixture.stdout.replaceAll('<dir>', dir),
      stderr: fixture.stderr.replaceAll('<dir>', dir),
      store: fixture.expectedStore ? [...fixture.expectedStore].sort() : actual.store,
      file: fixture.file === undefined ? undefined : describeFile(utf16WithBom(fixture.file.text)),
    };
    return { actual, expected };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** What 5.1's `>` writes for these lines: UTF-16 LE, a byte-order mark, CRLF after every line. */
function utf16WithBom(text) {
  const lines = text.replace(/\n$/, '').split('\n');
  return Buffer.from(`\uFEFF${lines.map((l) => `${l}\r\n`).join('')}`, 'utf16le');
}

/** A file's bytes as reviewable text: its encoding (by byte-order mark) and its content, line ends included. */
function describeFile(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return `UTF-16 LE with BOM:\n${bytes.subarray(2).toString('utf16le')}`;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return `UTF-8 with BOM:\n${bytes.subarray(3).toString('utf8')}`;
  return `no BOM (read as UTF-8):\n${bytes.toString('utf8')}`;
}
