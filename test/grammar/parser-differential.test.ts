// Differential test of the console language's parser against an independent
// PowerShell grammar (tree-sitter-powershell 0.26, run as WebAssembly): on a
// generated corpus of 10,000 administrator-style items, a quarter of them
// deliberately broken, both parsers must agree on "has a syntax error" —
// except the disagreements kept, with a justification per group, in
// kept-disagreements.txt. After a parser change: `node scripts/grammar-diff.mjs`
// shows the groups, `--write` regenerates the list (new groups need a why).

import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src-main/engine/shell/parse';
import { checkKept, compare, CORPUS_OPTIONS, loadTreeSitter, readKept, summarize } from '../support/grammar-diff.mjs';
import { generateCorpus, type CorpusItem } from '../support/powershell-corpus.mjs';

const oursRejects = (source: string) => !parse(source).ok;
let theirsRejects: (source: string) => boolean;
let corpus: CorpusItem[];

beforeAll(async () => {
  theirsRejects = await loadTreeSitter();
  corpus = generateCorpus(CORPUS_OPTIONS);
});

describe('the generated corpus', () => {
  it('has 10,000 items, the same for the same seed, about a quarter broken, every construct', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(10_000);
    expect(generateCorpus({ ...CORPUS_OPTIONS, count: 50 })).toEqual(corpus.slice(0, 50));
    const broken = corpus.filter((i) => i.broken).length / corpus.length;
    expect(broken).toBeGreaterThan(0.22);
    expect(broken).toBeLessThan(0.28);
    const constructs = new Set(corpus.map((i) => i.construct));
    for (const c of ['cmdlet', 'pipeline', 'if', 'loops', 'switch', 'try-catch-finally', 'throw-trap-errors', 'function-param', 'script-param',
      'splatting', 'redirection', 'here-string', 'static-member', 'cast-type', 'comments', 'continuation', 'broken:missing-close-brace',
      'broken:unterminated-string', 'broken:lone-dash', 'broken:try-without-catch', 'broken:dangling-operator']) {
      expect(constructs, c).toContain(c);
    }
  });

  it('both parsers tell a plainly valid line from a plainly broken one (neither verdict is constant)', () => {
    for (const judge of [oursRejects, theirsRejects]) {
      expect(judge('Get-CsPersistentChatConfiguration -Identity global | Select-Object -ExpandProperty Identity')).toBe(false);
      expect(judge('Get-CsPersistentChatConfiguration | Where-Object { $_.DefaultChatHistory -gt 30')).toBe(true);
      expect(judge('"never closed')).toBe(true);
    }
  });
});

describe('our parser and tree-sitter-powershell', () => {
  it('agree on every line but the kept, justified disagreements; no kept line is stale', () => {
    const result = compare(corpus, oursRejects, theirsRejects);
    const kept = readKept();
    console.log(summarize(result, kept));
    const { unexpected, stale, unjustified } = checkKept(result.disagreements, kept);
    const hint = 'run `node scripts/grammar-diff.mjs` to see the groups, `--write` to update test/grammar/kept-disagreements.txt';
    expect(unexpected.map((d) => `[${d.group}] ${JSON.stringify(d.source)}`), hint).toEqual([]);
    expect(stale.map((s) => `[${s.group}] ${JSON.stringify(s.source)}`), hint).toEqual([]);
    expect(unjustified, 'groups whose why: is still TODO').toEqual([]);
    expect(result.agreements + result.disagreements.length).toBe(corpus.length);
  }, 120_000);
});
