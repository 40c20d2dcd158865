// `npm run fuzz -- [--lines N] [--seed S]`: the long console fuzz (not part of
// `npm test`). Random console lines — grammar-token soup, random bytes and
// Unicode (NUL included), very long lines, deep nesting, huge numbers — mixed
// with the families that once froze or killed the process: catastrophic
// regular expressions, wildcard bombs (-like, -Filter, Where-Object),
// runaway and nested pipelines, array and string growth, error messages that
// quote $Error. Every line runs through the real session host (engine in its
// worker, a real store file). A line still running after --long ms (500) is stopped,
// and the time from Stop to its end is recorded. A share of the lines
// (--language, 0.3) comes from the PowerShell corpus generator of the
// differential parser test (test/support/powershell-corpus.mjs): control flow,
// error handling, functions, operators, casts, splatting, redirection, and
// their broken variants — a broken one must change nothing in the store.
//
// Prints: lines run, internal errors, worker restarts (out of memory or a
// failed cut-off), long statements and the slowest stop, store changes made
// by read-only lines, and whether the store stayed schema-valid. Exits 1 when
// any of these is not as required (0 internal errors, every stop < 1 s, no
// change by a read-only line or by a line 5.1 cannot parse).
//
//   npm run fuzz -- --lines 20000 --language 1    # only the language corpus

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForNode, ROOT } from './build-tools.mjs';
import { createGenerator } from '../test/support/powershell-corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LINES = option('--lines', 100_000);
let seed = option('--seed', 20261128) >>> 0;
const LONG_MS = option('--long', 500);
const LANGUAGE_SHARE = option('--language', 0.3);
const corpus = createGenerator(seed);

/** A small deterministic PRNG (mulberry32), so a failing run can be repeated with --seed. */
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (n) => Math.floor(random() * n);

const WORDS = [
  'New-CsPersistentChatConfiguration', 'Get-CsPersistentChatConfiguration', 'Set-CsPersistentChatConfiguration',
  'Remove-CsPersistentChatConfiguration', 'Where-Object', 'ForEach-Object', 'Select-Object', 'Sort-Object', '?', '%',
  'Get-Help', 'Get-Member', 'Measure-Object', 'Format-List', 'Format-Table', 'Write-Output', 'Get-Command', 'Get-History',
  '-Identity', '-DefaultChatHistory', '-MaxFileSizeKB', '-Filter', '-Property', '-ExpandProperty', '-WhatIf', '-Confirm:$false',
  '-Force', '-ErrorAction', 'Stop', 'SilentlyContinue', 'global', 'site:Redmond', 'site:*', '*', '[a-z]*', '[', ']', '[z-a]',
  '0', '1', '30', '501', '-1', '0x1F', '10kb', '1e309', '99999999999999999999', 'abc', '$null', '$true', '$x', '$_',
  '$Error', '$Error[0]', '$Error[0].Exception.Message', '(', ')', '{', '}', '@(', '@{', '$(', '|', ';', '=', '+=', ',', '.',
  '-eq', '-gt', '-like', '-notlike', '-match', '-notmatch', '-and', '-not', '+', '*', '"', "'", '`', '#', '<#', '#>', '\n',
];

/** The families that once froze or exhausted the process. */
const PATTERNS = [
  () => `('a'*${20 + int(20)}+'!') -match '^(a+)+$'`,
  () => `('a'*${20 + int(20)}+'!') -match '^(a|aa)+$'`,
  () => `('ab'*${15 + int(15)}) -match '^(a|b|ab)*c$'`,
  () => `('a'*${1000 + int(20000)}) -like ('*a'*${5 + int(60)}+'*b')`,
  () => `('a'*${1000 + int(20000)}) -notlike ('*?'*${5 + int(60)}+'*[b]')`,
  () => `Get-CsPersistentChatConfiguration -Filter ('*a'*${5 + int(30)}+'*z')`,
  () => `Get-CsPersistentChatConfiguration | Where-Object Identity -like ('*e'*${5 + int(30)}+'*q')`,
  () => `Get-Help ('*a'*${5 + int(30)}+'*z')`,
  () => `Get-Command ('*-'*${5 + int(30)}+'*z')`,
  () => `,0*${1 + int(10_000_000)} | ForEach-Object { ,0*${1 + int(10_000_000)} | ForEach-Object { } }`,
  () => `$a = ,0*${1 + int(10_000_000)}; $a = ${Array(2 + int(30)).fill('$a').join('+')}; $a.Count`,
  () => `'a'.PadLeft(${int(1_000_000_000)}).ToUpper().Replace('A','BB').Length`,
  () => `$null = 1 -le 'x'; ,0*${10 + int(20)} | ForEach-Object { 1 -le $Error[0].Exception.Message } | Out-Null`,
  () => `Get-CsPersistentChatConfiguration | Where-Object { $_.DefaultChatHistory -le $Error[0].Exception.Message }`,
  () => `${'('.repeat(1 + int(20_000))}1${')'.repeat(int(20_000))}`,
  () => `${'@('.repeat(1 + int(300))}1${')'.repeat(int(300))}`,
  () => `'x' * ${int(2_000_000_000)}`,
  () => `Get-CsPersistentChatConfiguration -Filter '['`,
  () => `Where-Object -Property '[' -InputObject 1`,
  () => `'x' -like ('*'*${1 + int(50_000)})`,
];

function randomText(length) {
  let s = '';
  for (let i = 0; i < length; i++) {
    const r = random();
    s += r < 0.6 ? String.fromCharCode(32 + int(95)) : r < 0.7 ? '\0' : r < 0.8 ? String.fromCharCode(int(32)) : String.fromCodePoint(0xa0 + int(0x2ffff));
  }
  return s;
}

/** A line and, for one from the corpus generator, whether 5.1 rejects it as a syntax error. */
function nextItem() {
  if (random() < LANGUAGE_SHARE) {
    const item = corpus.next();
    // Now and then glue two items together, or cut one short: new ways to be half-valid.
    if (random() < 0.1) return { line: `${item.source}${pick([';', '\n', ' | ', ' '])}${corpus.next().source}`, broken: undefined };
    if (random() < 0.1) return { line: item.source.slice(0, int(item.source.length)), broken: undefined };
    return { line: item.source, broken: item.broken };
  }
  return { line: nextLine(), broken: undefined };
}

function nextLine() {
  const r = random();
  // One line in ten comes from the families above; the rest is noise around the grammar.
  if (r < 0.45) return Array.from({ length: 1 + int(12) }, () => pick(WORDS)).join(' ');
  if (r < 0.65) return Array.from({ length: 1 + int(12) }, () => pick(WORDS)).join('');
  if (r < 0.85) return randomText(int(80));
  if (r < 0.86) return randomText(1 + int(1_000_000)).slice(0, 1_000_050);
  if (r < 0.88) return `${'{'.repeat(int(10_000))}${'}'.repeat(int(10_000))}`;
  if (r < 0.9) return `${int(10) ? '' : '-'}${'9'.repeat(1 + int(400))}${pick(['', 'kb', 'mb', 'gb', 'tb', 'pb', 'l', 'd', 'e400', '.5'])}`;
  return pick(PATTERNS)();
}

const MUTATING = /(new|set|remove)-cspersistentchatconfiguration/i;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-fuzz-'));
const workerFile = path.join(work, 'session-worker.mjs');
const hostModule = path.join(work, 'host.mjs');
await bundleForNode({ entry: path.join(ROOT, 'src-main', 'host', 'session-worker.ts'), outfile: workerFile });
await bundleForNode({ entry: path.join(ROOT, 'scripts', 'bench-host-entry.ts'), outfile: hostModule });
const { SessionHost, checkCmdlet } = await import(pathToFileURL(hostModule).href);
const storeDir = path.join(work, 'store');
fs.mkdirSync(storeDir);
// Generated lines write files (`> report.txt`, Out-File, Export-Csv): the session starts in a folder of its own.
const scratch = path.join(work, 'files');
fs.mkdirSync(scratch);
process.chdir(scratch);
const host = await SessionHost.open({ storeDir, workerFile, checkForm: checkCmdlet });
const storeFile = path.join(storeDir, 'config.json');
await host.execute('New-CsPersistentChatConfiguration site:Redmond | Out-Null; New-CsPersistentChatConfiguration -Identity ("service:PersistentChatServer:" + "a"*60 + ".contoso.com") | Out-Null');

const figures = { lines: 0, internal: 0, restarts: 0, long: 0, slowestStopMs: 0, stopsOver1s: 0, readOnlyChanges: 0, storeInvalid: 0, hostErrors: 0, languageLines: 0, brokenChanges: 0, brokenAccepted: 0 };
const examples = { internal: [], restarts: [], slowStops: [], readOnlyChanges: [], brokenChanges: [], brokenAccepted: [] };
const note = (list, item) => list.length < 5 && list.push(item.length > 200 ? `${item.slice(0, 200)}…` : item);
const started = Date.now();

for (let i = 0; i < LINES; i++) {
  const { line, broken } = nextItem();
  if (broken !== undefined) figures.languageLines++;
  // A line 5.1 cannot parse must change nothing, whatever cmdlets it names.
  const before = MUTATING.test(line) && broken !== true ? undefined : fs.readFileSync(storeFile, 'utf8');
  let step = host.execute(line);
  const timer = new Promise((resolve) => setTimeout(() => resolve('long'), LONG_MS));
  let result;
  try {
    if ((await Promise.race([step, timer])) === 'long') {
      figures.long++;
      const stopAt = Date.now();
      await host.stop();
      result = await step;
      const ms = Date.now() - stopAt;
      figures.slowestStopMs = Math.max(figures.slowestStopMs, ms);
      if (ms >= 1_000) {
        figures.stopsOver1s++;
        note(examples.slowStops, `${ms} ms: ${line}`);
      }
    } else result = await step;
    // A prompt (a mandatory parameter, -Confirm) is declined, as a user pressing Enter on nothing would.
    for (let k = 0; result.prompt !== null && k < 100; k++) result = await host.answer(null);
    // A loop that prompts on and on (a mandatory parameter in every iteration) is stopped, as Ctrl+C at the prompt would.
    if (result.prompt !== null) result = await host.stopAtPrompt();
  } catch (error) {
    figures.hostErrors++;
    note(examples.internal, `host error ${error?.data?.id ?? error?.message}: ${line}`);
    continue;
  }
  figures.lines++;
  const text = result.output.slice(0, 200).map((l) => l.text.slice(0, 10_000)).join('\n');
  if (/Internal error/.test(text)) {
    figures.internal++;
    note(examples.internal, `${line}\n    → ${text.split('\n')[0]}`);
  }
  if (/engine was restarted|session was restarted/.test(text)) {
    figures.restarts++;
    note(examples.restarts, `${line}\n    → ${text.split('\n')[0]}`);
  }
  if (before !== undefined && fs.readFileSync(storeFile, 'utf8') !== before) {
    if (broken === true) {
      figures.brokenChanges++;
      note(examples.brokenChanges, line);
    } else {
      figures.readOnlyChanges++;
      note(examples.readOnlyChanges, line);
    }
  }
  // Reported, not failed: the differential parser test owns the parser's verdicts.
  // (Incomplete input is a rejection too: the console asks for more lines.)
  if (broken === true && !result.incomplete && !/ParserError/.test(text)) {
    figures.brokenAccepted++;
    note(examples.brokenAccepted, `${line}\n    → ${text.split('\n')[0]}`);
  }
  if (i % 1000 === 999) {
    try {
      const data = JSON.parse(fs.readFileSync(storeFile, 'utf8'));
      if (data.schemaVersion !== 1 || typeof data.collections !== 'object') figures.storeInvalid++;
    } catch {
      figures.storeInvalid++;
    }
    if (i % 10_000 === 9_999) process.stderr.write(`fuzz: ${i + 1} lines, ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
}
await host.dispose();
fs.rmSync(work, { recursive: true, force: true });

console.log(`fuzz: ${figures.lines} lines in ${Math.round((Date.now() - started) / 1000)} s (seed ${option('--seed', 20261128)})`);
for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${value}`);
for (const [name, list] of Object.entries(examples)) for (const item of list) console.log(`  e.g. ${name}: ${item}`);
const ok =
  figures.internal === 0 && figures.stopsOver1s === 0 && figures.readOnlyChanges === 0 && figures.brokenChanges === 0 && figures.storeInvalid === 0 && figures.hostErrors === 0;
process.exit(ok ? 0 : 1);
