// `node scripts/soak-store-crash.mjs [--runs 200] [--pools 1000] [--window 40] [--variants snap,plain] [--root <checkout>]`
//
// The long version of the store's crash test (test/engine/store/atomic-writes.test.ts
// runs 20 kills per variant): a child process commits in a loop (each commit
// adds site:S<k> and sets Global's DefaultChatHistory from k) and is killed
// with SIGKILL at a random moment 0–`window` ms after its first commit; then
// the file is judged:
//   before-state  the last commit the child reported done, and nothing of the one in flight
//   after-state   the commit in flight too, whole
//   lost          anything else: missing, empty, not JSON, not a whole commit, or gone backwards
// A lost store is put back (so the next run measures again) and counted.
// Variants: `snap` runs the child with SNAP set (conf's non-atomic write path),
// `plain` without. `--root` bundles the child from another checkout (to measure
// an older build the same way). Prints one line of figures per variant, plus
// the temp files seen after kills and left after a final open. Not a test: it
// never fails; exit code 0 unless it could not run.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleForNode, ROOT } from './build-tools.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const RUNS = Number(option('runs', '200'));
const POOLS = Number(option('pools', '1000'));
const WINDOW_MS = Number(option('window', '40'));
const VARIANTS = option('variants', 'snap,plain').split(',');
const CHECKOUT = path.resolve(option('root', ROOT));

const cache = path.join(ROOT, 'node_modules', '.cache', 'pchat-admin-tests');
fs.mkdirSync(cache, { recursive: true });
const bundle = path.join(cache, `soak-store-child-${process.pid}.mjs`);
await bundleForNode({ entry: path.join(CHECKOUT, 'test/helpers/store-child.ts'), outfile: bundle, external: true, logLevel: 'silent' });

/** Starts the child in `mode`; resolves lines through `onLine`, and `finished` on exit. */
function start(mode, dir, env) {
  const child = spawn(process.execPath, [bundle, mode, JSON.stringify({ dir })], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const state = { child, printed: 0, ready: false, listeners: [] };
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      if (line === 'ready') state.ready = true;
      else if (/^\d+$/.test(line)) state.printed = Math.max(state.printed, Number(line));
      for (const l of state.listeners.splice(0)) l();
    }
  });
  child.stderr.resume();
  state.finished = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  state.until = (test) =>
    new Promise((resolve, reject) => {
      const check = () => (test() ? resolve() : state.listeners.push(check));
      state.finished.then(() => reject(new Error('child exited early')));
      check();
    });
  return state;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The initial store: defaults from the child itself, plus POOLS pools. */
async function initialStore(dir, env) {
  const get = start('get', dir, env);
  await get.finished;
  const file = path.join(dir, 'config.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const template = data.collections.Global;
  for (let i = 0; i < POOLS; i++) {
    const id = `service:PersistentChatServer:pool${i}.contoso.com`;
    data.collections[id] = { ...template, Identity: id };
  }
  const text = JSON.stringify(data, undefined, '\t');
  fs.writeFileSync(file, text, { mode: 0o600 });
  return text;
}

/** k of a whole commit in `text`, or a reason it is not one. */
function judge(text) {
  if (text === undefined) return { lost: 'missing' };
  if (text.length === 0) return { lost: 'empty (0 bytes)' };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { lost: `not JSON (${text.length} bytes)` };
  }
  const keys = Object.keys(data?.collections ?? {});
  const k = keys.filter((key) => key.startsWith('site:S')).length;
  if (data.schemaVersion !== 1 || keys.length !== 1 + POOLS + k) return { lost: `not a whole store (${keys.length} collections)` };
  if (data.collections.Global?.DefaultChatHistory !== (k % 500) + 1) return { lost: `half a commit (k=${k})` };
  return { k };
}

const temps = (dir) => fs.readdirSync(dir).filter((f) => f.includes('.tmp'));

async function variant(name) {
  const env = { ...process.env };
  delete env.SNAP;
  if (name === 'snap') env.SNAP = '/snap/code/1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pchat-soak-${name}-`));
  const file = path.join(dir, 'config.json');
  let good = await initialStore(dir, env);
  const figures = { runs: 0, before: 0, after: 0, lost: 0, lostHow: {}, tempsSeen: 0 };
  const started = Date.now();
  let warm = start('grow-on-signal', dir, env);
  for (let run = 0; run < RUNS; run++) {
    const current = warm;
    await current.until(() => current.ready);
    current.child.kill('SIGUSR2');
    warm = start('grow-on-signal', dir, env);
    await current.until(() => current.printed > 0);
    await sleep(Math.random() * WINDOW_MS);
    current.child.kill('SIGKILL');
    await current.finished;
    figures.runs++;
    figures.tempsSeen += temps(dir).length;
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      text = undefined;
    }
    const verdict = judge(text);
    const k = verdict.k;
    if (k === current.printed) figures.before++;
    else if (k === current.printed + 1) figures.after++;
    else {
      figures.lost++;
      const how = verdict.lost ?? `k=${k} after commit ${current.printed} was reported`;
      figures.lostHow[how] = (figures.lostHow[how] ?? 0) + 1;
      // Put back the last whole store, so the next run measures again.
      for (const f of fs.readdirSync(dir)) if (f.startsWith('config.json.corrupt-')) fs.rmSync(path.join(dir, f));
      fs.writeFileSync(file, good, { mode: 0o600 });
      continue;
    }
    good = text;
  }
  warm.child.kill('SIGKILL');
  await warm.finished;
  const before = temps(dir).length;
  await start('get', dir, env).finished; // the next open cleans up
  const after = temps(dir).length;
  fs.rmSync(dir, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const how = Object.entries(figures.lostHow).map(([h, n]) => `${n}× ${h}`).join(', ');
  console.log(
    `${name.padEnd(5)} runs ${figures.runs}, before-state ${figures.before}, after-state ${figures.after}, lost ${figures.lost}` +
      `${how ? ` (${how})` : ''}; temp files seen after kills ${figures.tempsSeen}, at the end ${before}, after the next open ${after}; ${seconds} s`,
  );
}

console.log(`store crash soak: ${RUNS} SIGKILLs per variant, ${POOLS} pools, kill 0–${WINDOW_MS} ms into the commit loop, child from ${CHECKOUT}`);
try {
  for (const name of VARIANTS) await variant(name);
} finally {
  fs.rmSync(bundle, { force: true });
}
