// `npm run bench`: speed figures, each against a baseline measured in the same
// run, printed as `<name>: <median> ms (<ratio>x <baseline>)`.
//   get-10k           `$all = Get-CsPersistentChatConfiguration` over 10,000
//                     collections in a running session (file change check,
//                     10,000 objects) vs reading and parsing the store file once;
//                     get-10k-display adds the default list display (information only).
//   set-pipeline-10k  Get-… | Set-… -DefaultChatHistory 100 over 10,000 collections
//                     (one commit) vs read + parse + serialize + atomic write.
//   shell-cold-start  the built headless shell running Get-… -Identity global,
//                     process start to exit, vs `node -e 0`.
//   like-pathological  ('a'*20000) -like ('*a'*60+'*b') in a session, vs
//                     1 + 1 (target: milliseconds; it used to run for ever);
//                     like-50k-stars and filter-pathological (-Filter with 7
//                     `*a` against a 197-character pool identity: 16.9 s before)
//                     likewise; limit-refusal(-padleft): `$big + $big` over
//                     10 M elements and 'a'.PadLeft(500000000), refused before
//                     anything is built (they used to reach gigabytes).
//   responsive-while-busy  while a catastrophic `-match` runs in the session
//                     worker: the caller's (Electron main / preview server)
//                     round trip for a form check through the IPC handler
//                     table, vs the same when idle. Target: < 50 ms.
//   stop-regex / stop-pipeline  from Stop to the statement's end, for a
//                     catastrophic regular expression (interrupt) and a
//                     runaway pipeline (stop flag). Target: < 1,000 ms.
//   pull-300 / push-verify  Sync-PchatBaseline over 300 collections and a
//                     one-change Publish-PchatChange (what-if, run, read-back)
//                     through a stand-in server, vs one run of the stand-in.
//                     Targets: pull ≤ 3x, push ≤ 6x (each child costs a start).
//   console-*, renderer-js  the window's console in the web preview with
//                     Chromium (see bench-console.mjs); skipped with BENCH_NO_BROWSER=1.
// Targets (from the issues): ratios ≤ 2, ≤ 3 and ≤ 3; the round trip and the
// stops as above. Not a test: it never fails.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, cliBundleIsStale, CLI_BUNDLE } from './build-cli.mjs';
import { bundleForNode } from './build-tools.mjs';
import { benchConsole } from './bench-console.mjs';

const root = new URL('..', import.meta.url).pathname;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function loadEngine() {
  const out = path.join(work, 'engine.mjs');
  await bundleForNode({ entry: path.join(root, 'src-main', 'engine', 'index.ts'), outfile: out });
  return import(pathToFileURL(out).href);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(fn, runs = RUNS) {
  await fn(); // warm-up
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function report(name, ms, baseMs, baseName) {
  console.log(`${name}: ${ms.toFixed(1)} ms (${(ms / baseMs).toFixed(2)}x ${baseName})`);
}

function makeStore(engine, dir, count) {
  fs.mkdirSync(dir, { recursive: true });
  const defaults = engine.defaultValues();
  const collections = { Global: { Identity: 'Global', ...defaults } };
  for (let i = 0; i < count; i++) {
    const id = i % 2 ? `site:Site${String(i).padStart(5, '0')}` : `service:PersistentChatServer:pool${i}.contoso.com`;
    collections[id] = { Identity: id, ...defaults, DefaultChatHistory: 1 + (i % 500) };
  }
  const file = path.join(dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1, collections }, null, '\t'), { mode: 0o600 });
  return file;
}

function atomicWrite(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  fs.writeSync(fd, text);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

const engine = await loadEngine();

{
  const dir = path.join(work, 'get');
  const file = makeStore(engine, dir, 10_000);
  const base = await time(() => JSON.parse(fs.readFileSync(file, 'utf8')));
  const { repository } = engine.openRepository(dir, { fileName: 'config' });
  const session = new engine.Session({ repo: repository });
  // The cmdlet itself: 10,000 objects out of a running session's store.
  const ms = await time(() => session.execute('$all = Get-CsPersistentChatConfiguration'));
  report('get-10k', ms, base, 'read+parse');
  // For information: the same with the console's default display (80,000 formatted lines).
  const shown = await time(() => session.execute('Get-CsPersistentChatConfiguration'));
  report('get-10k-display', shown, base, 'read+parse');
}

{
  const dir = path.join(work, 'set');
  const file = makeStore(engine, dir, 10_000);
  const base = await time(() => {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    atomicWrite(file, JSON.stringify(data, null, '\t'));
  });
  const { repository } = engine.openRepository(dir, { fileName: 'config' });
  const session = new engine.Session({ repo: repository });
  const ms = await time(async () => {
    const r = await session.execute('Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 100');
    if (!r.success) throw new Error(r.lines.map((l) => l.text).join('\n'));
  });
  report('set-pipeline-10k', ms, base, 'read+parse+serialize+atomic-write');
}

{
  const dir = path.join(work, 'like');
  makeStore(engine, dir, 0);
  const session = new engine.Session({ repo: engine.openRepository(dir, { fileName: 'config' }).repository });
  const base = await time(() => session.execute('1 + 1'));
  const ms = await time(() => session.execute("('a'*20000) -like ('*a'*60+'*b')"));
  report('like-pathological', ms, base, '1 + 1');
  const stars = await time(() => session.execute("'site:Redmond' -like ('*'*50000 + 'x')"));
  report('like-50k-stars', stars, base, '1 + 1');
  // The report's 197-character pool identity: 7 `*a` took 16.9 s with the regular expression.
  const pool = `service:PersistentChatServer:${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.contoso.com`;
  await session.execute(`New-CsPersistentChatConfiguration -Identity ${pool} | Out-Null`);
  const filter = await time(() => session.execute("Get-CsPersistentChatConfiguration -Filter '*a*a*a*a*a*a*a*z'"));
  report('filter-pathological', filter, base, '1 + 1');
  // A value over its size limit is refused before it is built (limits.ts): no time, no memory.
  await session.execute('$big = ,0*10000000');
  const refused = await time(() => session.execute('$null = $big + $big'));
  report('limit-refusal', refused, base, '1 + 1');
  const padded = await time(() => session.execute("$null = 'a'.PadLeft(500000000)"));
  report('limit-refusal-padleft', padded, base, '1 + 1');
}

{
  if (cliBundleIsStale()) await buildCli();
  const dir = path.join(work, 'cold');
  makeStore(engine, dir, 0);
  const spawn = (args) => () => {
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  };
  const base = await time(spawn(['-e', '0']));
  const ms = await time(spawn([CLI_BUNDLE, '--store', dir, '-Command', 'Get-CsPersistentChatConfiguration -Identity global']));
  report('shell-cold-start', ms, base, 'node -e 0');
}

{
  // The live round trip against a stand-in server: the headless shell over a second store, behind a wrapper
  // that takes powershell.exe's command line (as test/helpers/stand-in-powershell.ts builds it). A pull is one
  // such child; a push is three (what-if, the run, the read-back).
  const server = path.join(work, 'server');
  makeStore(engine, server, 300);
  const standIn = path.join(work, 'powershell-stand-in.mjs');
  fs.writeFileSync(
    standIn,
    `#!/usr/bin/env node\nimport { spawn } from 'node:child_process';\nconst c = spawn(process.execPath, [${JSON.stringify(CLI_BUNDLE)}, '--store', ${JSON.stringify(server)}, ...process.argv.slice(2)], { stdio: 'inherit' });\nfor (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => c.kill(s));\nc.on('exit', (code) => process.exit(code ?? 1));\n`,
    { mode: 0o755 },
  );
  const local = path.join(work, 'local');
  fs.mkdirSync(local);
  const shell = (command) => () => {
    const r = spawnSync(process.execPath, [CLI_BUNDLE, '--store', local, '-NonInteractive', '-Command', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stdout}${r.stderr}`);
  };
  shell(`Connect-PchatServer -PowerShellPath '${standIn}' | Out-Null`)();
  const bare = await time(() => {
    const r = spawnSync(standIn, ['-NoProfile', '-NonInteractive', '-Command', 'Get-CsPersistentChatConfiguration | Out-Null'], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`stand-in exit ${r.status}`);
  });
  const pull = await time(shell('Sync-PchatBaseline -Force | Out-Null'));
  report('pull-300', pull, bare, 'the stand-in reading the 300 collections itself, plus one shell start');
  let value = 100;
  const push = await time(() => shell(`Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory ${++value}; Publish-PchatChange -Confirm:$false | Out-Null`)(), 3);
  report('push-verify', push, bare, 'one stand-in run (a push is three, plus the shell start)');
}

{
  const workerFile = path.join(work, 'session-worker.mjs');
  await bundleForNode({ entry: path.join(root, 'src-main', 'host', 'session-worker.ts'), outfile: workerFile });
  const hostModule = path.join(work, 'host.mjs');
  await bundleForNode({ entry: path.join(root, 'scripts', 'bench-host-entry.ts'), outfile: hostModule });
  const { SessionHost, registerIpc, checkCmdlet } = await import(pathToFileURL(hostModule).href);
  const dir = path.join(work, 'busy');
  fs.mkdirSync(dir);
  const host = await SessionHost.open({ storeDir: dir, workerFile, checkForm: checkCmdlet });
  const handlers = new Map();
  registerIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, host, 'app://renderer');
  const event = { senderFrame: { url: 'app://renderer/index.html' } };
  const check = () => handlers.get('pchat:cmdlet:preview')(event, { cmdlet: 'Set-CsPersistentChatConfiguration', parameters: { Identity: 'Global', DefaultChatHistory: 600 } });
  const idle = await time(check);
  const catastrophic = "('a'*40+'!') -match '^(a+)+$'";
  const running = host.execute(catastrophic);
  await new Promise((r) => setTimeout(r, 100));
  const busy = await time(check);
  report('responsive-while-busy', busy, idle, 'idle');
  let started = performance.now();
  await host.stop();
  await running;
  console.log(`stop-regex: ${(performance.now() - started).toFixed(1)} ms (target < 1000)`);
  const pipeline = host.execute(',0*1000000 | ForEach-Object { ,0*1000000 | ForEach-Object { } }');
  await new Promise((r) => setTimeout(r, 300));
  started = performance.now();
  await host.stop();
  await pipeline;
  console.log(`stop-pipeline: ${(performance.now() - started).toFixed(1)} ms (target < 1000)`);
  await host.dispose();
}

if (process.env.BENCH_NO_BROWSER !== '1') await benchConsole();

fs.rmSync(work, { recursive: true, force: true });
