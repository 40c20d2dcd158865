// if/elseif/else, the loops, labelled break/continue, switch and return,
// run in a real session over a real store file.

import { afterAll, describe, expect, it } from 'vitest';
import { createTestSession } from '../../helpers/engine-session';
import { firstLines, type Case } from './cases';

const t = createTestSession();
afterAll(() => t.cleanup());

const cases: Case[] = [
  ['if ($true) { "yes" } else { "no" }', 'yes'],
  ['$x = 5; if ($x -lt 3) { "small" } elseif ($x -lt 10) { "medium" } else { "large" }', 'medium'],
  ['if (@()) { "truthy" } else { "empty array is false" }', 'empty array is false'],
  ['if ("False") { "a non-empty string is true" }', 'a non-empty string is true'],
  ['if ($x = 3) { "assigned $x" }', 'assigned 3'],
  ['foreach ($i in 1..3) { "item $i" }', 'item 1\nitem 2\nitem 3'],
  ['foreach ($i in $null) { "never" }; "done"', 'done'],
  ['foreach ($i in 1..5) { if ($i -eq 2) { continue }; if ($i -eq 4) { break }; $i }', '1\n3'],
  ['for ($i = 0; $i -lt 3; $i++) { $i }', '0\n1\n2'],
  ['for ($i = 10; $i -gt 0; $i -= 4) { $i }', '10\n6\n2'],
  ['$i = 0; while ($i -lt 3) { $i++ }; $i', '3'],
  ['$i = 0; while ($true) { $i++; if ($i -ge 4) { break } }; $i', '4'],
  ['$i = 0; do { $i++ } while ($i -lt 5); $i', '5'],
  ['$i = 10; do { $i++ } until ($true); $i', '11'],
  [':outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { continue outer }; "$a$b" } }', '11\n21\n31'],
  [':outer for ($a = 0; $a -lt 3; $a++) { foreach ($b in 1..3) { if ($a -eq 1) { break outer }; "$a$b" } }', '01\n02\n03'],
  ['$r = foreach ($i in 1..3) { $i * 10 }; $r -join ","', '10,20,30'],
  ['$v = if ($false) { 1 } else { 2 }; $v', '2'],
  ['switch (2) { 1 { "one" } 2 { "two" } default { "other" } }', 'two'],
  ['switch (1, 2, 3) { 2 { "two"; break } default { "d$_" } }', 'd1\ntwo'],
  ['switch (1, 2, 3) { 2 { continue } default { "d$_" } }', 'd1\nd3'],
  ['switch ("Apple") { "apple" { "case-insensitive" } }', 'case-insensitive'],
  ['switch -CaseSensitive ("Apple") { "apple" { "no" } default { "case-sensitive" } }', 'case-sensitive'],
  ['switch -Wildcard ("site:Redmond", "Global") { "site:*" { "site $_" } "Glob*" { "global" } }', 'site site:Redmond\nglobal'],
  ['switch -Regex ("pool01.contoso.com") { "^pool(\\d+)" { "pool number $($Matches[1])" } "contoso" { "contoso" } }', 'pool number 01\ncontoso'],
  ['switch (5) { { $_ -gt 3 } { "big" } { $_ -gt 1 } { "bigger than one" } }', 'big\nbigger than one'],
  ['switch (7) { 1 { "one" } }; "no match, nothing written"', 'no match, nothing written'],
  ['function f { "one"; return "two"; "three" }; f', 'one\ntwo'],
  ['function f { foreach ($i in 1..10) { if ($i -eq 3) { return $i } } }; f', '3'],
  ['1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }', '1\n3'],
  ['"before"; return; "after"', 'before'],
];

describe('control flow', () => {
  it.each(cases)('%s', async (input, expected) => {
    const r = await t.run(input);
    expect(firstLines(r.text)).toBe(expected);
  });

  it.each(['while ($true) { }', 'for (;;) { }', 'do { } while ($true)', 'foreach ($i in 1..2000000) { }', 'function f { f }; f'])(
    'stops %s when asked (the stop flag is polled at every iteration)',
    async (line) => {
      // The real stop flag is set from another thread; here it turns on by itself after a while.
      const deadline = Date.now() + 100;
      const s = createTestSession({ stop: { get requested() { return Date.now() > deadline; } } });
      try {
        const r = await s.session.execute(line);
        expect(r.stopped || /call depth/.test(r.lines.map((l) => l.text).join())).toBe(true);
      } finally {
        s.cleanup();
      }
    },
  );
});
