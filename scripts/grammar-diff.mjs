// `node scripts/grammar-diff.mjs [--write] [--show <text in a group name>]`:
// runs the differential parser check (our parser against tree-sitter-powershell
// on the generated corpus) and prints the disagreements grouped by construct,
// then what differs from the committed list (test/grammar/kept-disagreements.txt).
// --write rewrites that list from the current disagreements (known groups keep
// their `why:`; new groups get "why: TODO" for a person to fill in). --show
// prints every source of the matching groups. Exits 1 when the list is out of
// date (without --write). --oracle puts the generator's 5.1 verdict in place of
// our parser: a preview of the list once our parser is exactly 5.1's (only
// tree-sitter's gaps left). The same check runs in test/grammar/parser-differential.test.ts.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForNode, ROOT } from './build-tools.mjs';
import { generateCorpus } from '../test/support/powershell-corpus.mjs';
import { checkKept, compare, CORPUS_OPTIONS, formatKept, KEPT_FILE, loadTreeSitter, readKept, summarize } from '../test/support/grammar-diff.mjs';

const args = process.argv.slice(2);
const write = args.includes('--write');
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;
const oracle = args.includes('--oracle');
if (oracle && write) throw new Error('--oracle previews only; it cannot --write the kept list.');

// Our parser is TypeScript: bundle its entry point for plain Node.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-grammar-'));
const bundle = path.join(work, 'parse.mjs');
await bundleForNode({ entry: path.join(ROOT, 'src-main', 'engine', 'shell', 'parse.ts'), outfile: bundle, logLevel: 'error' });
const { parse } = await import(pathToFileURL(bundle).href);
fs.rmSync(work, { recursive: true, force: true });

const theirs = await loadTreeSitter();
const corpus = generateCorpus(CORPUS_OPTIONS);
const verdict = new Map(corpus.map((item) => [item.source, item.broken]));
const result = compare(corpus, oracle ? (source) => verdict.get(source) : (source) => !parse(source).ok, theirs);
const kept = readKept();
console.log(summarize(result, kept));

if (show !== undefined) {
  for (const d of result.disagreements.filter((x) => x.group.includes(show))) console.log(`[${d.group}] ${JSON.stringify(d.source)}`);
}

if (oracle) process.exit(0);

if (write) {
  fs.writeFileSync(KEPT_FILE, formatKept(result.disagreements, kept));
  const todo = [...readKept()].filter(([, g]) => g.why.startsWith('TODO')).map(([name]) => name);
  console.log(`wrote ${path.relative(ROOT, KEPT_FILE)}${todo.length ? `; write a why: for ${todo.length} new group(s):\n  ${todo.join('\n  ')}` : ''}`);
  process.exit(0);
}

const { unexpected, stale, unjustified } = checkKept(result.disagreements, kept);
console.log(`kept list: ${unexpected.length} new disagreement(s), ${stale.length} stale entr(y/ies), ${unjustified.length} group(s) without a why`);
for (const d of unexpected.slice(0, 20)) console.log(`  new   [${d.group}] ${JSON.stringify(d.source)}`);
for (const s of stale.slice(0, 20)) console.log(`  stale [${s.group}] ${JSON.stringify(s.source)}`);
for (const g of unjustified) console.log(`  no why [${g}]`);
process.exit(unexpected.length + stale.length + unjustified.length === 0 ? 0 : 1);
