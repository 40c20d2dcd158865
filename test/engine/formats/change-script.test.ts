// The change script: its exact layout for a small set of changes, that every
// script parses without an error node under an independent PowerShell grammar
// (tree-sitter-powershell), and property-based checks that any value a
// collection can hold comes back unchanged from its single-quoted literal.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionChanges } from '../../../src-main/engine/changes/diff';
import { defaultValues, type ConfigRecord } from '../../../src-main/engine/domain/properties';
import { changeScript, psQuote } from '../../../src-main/engine/formats/change-script';
import { parse } from '../../../src-main/engine/shell/parse';
import { syntaxProblems } from '../../helpers/powershell-grammar';

const SOURCE = { file: 'pchat-server.xml', sha256: 'ab'.repeat(32), importedAt: '2026-11-28T09:00:00.000Z' };
const WHEN = new Date('2026-11-28T10:00:00.000Z');

function record(identity: string, values: Partial<ConfigRecord> = {}): ConfigRecord {
  return { Identity: identity, ...defaultValues(), ...values };
}

/** The text a single-quoted literal stands for, by PowerShell's rule (doubled quote characters are one). */
function unquote(literal: string): string {
  expect(literal[0]).toBe("'");
  expect(literal[literal.length - 1]).toBe("'");
  return literal.slice(1, -1).replace(/(['\u2018-\u201b])\1/g, '$1');
}

describe('Export-PchatChangeScript text', () => {
  const baseline = [record('Global'), record('site:Redmond', { DefaultChatHistory: 50 }), record('site:Old')];
  const working = [record('Global', { RoomManagementUrl: "https://x.contoso.com/a'b" }), record('site:Redmond', { DefaultChatHistory: 60 }), record('site:Paris')];
  const script = changeScript(collectionChanges(baseline, working), SOURCE, WHEN);
  const lines = script.split('\r\n');

  it('has the header, the param block and Stop before anything else, CR LF throughout', () => {
    expect(script.endsWith('\r\n')).toBe(true);
    expect(script.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('# Persistent Chat configuration changes, prepared in pchat-admin.');
    expect(lines[1]).toBe(`# Baseline: pchat-server.xml (SHA-256 ${'ab'.repeat(32)}), imported 2026-11-28T09:00:00.000Z.`);
    expect(lines[2]).toBe('# Generated: 2026-11-28T10:00:00.000Z. 1 new, 2 changed, 1 removed.');
    const first = lines.findIndex((l) => !l.startsWith('#'));
    expect(lines.slice(first, first + 3)).toEqual(['param([switch]$WhatIf)', '', "$ErrorActionPreference = 'Stop'"]);
  });

  it('checks every touched collection before the first change, then New, Set, Remove with -WhatIf:$WhatIf', () => {
    const changes = lines.filter((l) => /^(New|Set|Remove)-CsPersistentChatConfiguration /.test(l));
    expect(changes).toEqual([
      "New-CsPersistentChatConfiguration -Identity 'site:Paris' -DefaultChatHistory 30 -MaxChatContentSizeMB 20 -MaxFileSizeKB 20000 -ParticipantUpdateLimit 75 -FileServiceUrl $null -RoomManagementUrl $null -WhatIf:$WhatIf -Confirm:$false",
      "Set-CsPersistentChatConfiguration -Identity 'Global' -RoomManagementUrl 'https://x.contoso.com/a''b' -WhatIf:$WhatIf -Confirm:$false",
      "Set-CsPersistentChatConfiguration -Identity 'site:Redmond' -DefaultChatHistory 60 -WhatIf:$WhatIf -Confirm:$false",
      "Remove-CsPersistentChatConfiguration -Identity 'site:Old' -WhatIf:$WhatIf -Confirm:$false",
    ]);
    const lastCheck = lines.map((l, i) => (l.includes('throw') ? i : -1)).reduce((a, b) => Math.max(a, b));
    expect(lastCheck).toBeLessThan(lines.indexOf(changes[0]!));
    for (const id of ['site:Paris', 'Global', 'site:Redmond', 'site:Old']) {
      expect(lines).toContain(`$current = @(Get-CsPersistentChatConfiguration -Filter '${id}')`);
    }
    // A new collection must not exist yet; an existing one must hold every baseline value.
    expect(script).toContain("if ($current.Count -ne 0) { throw 'Drift: site:Paris already exists on the server");
    expect(lines).toContain(
      `if ("$($current.DefaultChatHistory)" -ne '50') { throw 'Drift: site:Redmond DefaultChatHistory on the server differs from the baseline (50). Nothing was changed; import the server''s configuration again.' }`,
    );
    expect(script).toContain(`if ("$($current.RoomManagementUrl)" -cne '') { throw 'Drift: Global RoomManagementUrl`);
  });

  it('parses without an error node under tree-sitter-powershell', async () => {
    expect(await syntaxProblems(script)).toEqual([]);
  });

  it('the grammar check itself finds a broken script', async () => {
    expect(await syntaxProblems("Set-CsPersistentChatConfiguration -Identity 'Global -DefaultChatHistory 40\r\nif ($x { }")).not.toEqual([]);
  });

  it('says so when there is nothing to change, and still parses', async () => {
    const empty = changeScript(collectionChanges(baseline, baseline), SOURCE, WHEN);
    expect(empty).toContain('# There are no pending changes.');
    expect(empty).not.toMatch(/^(New|Set|Remove)-Cs/m);
    expect(await syntaxProblems(empty)).toEqual([]);
  });
});

// Values a collection can really hold: URLs with quotes (ASCII and typographic), $, backticks,
// non-ASCII; site names with letters of any script; long FQDNs.
const nastyChar = fc.constantFrom("'", '"', '$', '`', '\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '(', ')', '{', '}', ';', '|', '&', '#', '@', 'é', 'ß', '中', '😀', 'a', '/', '%');
const nastyText = fc.array(nastyChar, { minLength: 0, maxLength: 40 }).map((a) => a.join(''));
const siteName = fc
  .array(fc.constantFrom('a', 'Z', '9', ' ', '-', '_', '.', 'ü', 'é', 'Ø', '東', 'ж'), { minLength: 1, maxLength: 64 })
  .map((a) => a.join(''))
  .filter((s) => s.trim().length > 0);
const label = fc.array(fc.constantFrom('a', 'b', 'z', '0', '9', '-'), { minLength: 1, maxLength: 63 }).map((a) => a.join('')).filter((l) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(l));
const fqdn = fc.array(label, { minLength: 2, maxLength: 4 }).map((l) => `${l.join('.')}.com`).filter((f) => f.length <= 253);

describe('quoting (property-based)', () => {
  it('psQuote gives one token that PowerShell reads back as the same text', () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        const literal = psQuote(text);
        expect(unquote(literal)).toBe(text);
        // Our own parser agrees: the literal is one string constant, nothing expands.
        const parsed = parse(`$v = ${literal}`);
        expect(parsed.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('every script with nasty values parses cleanly under tree-sitter-powershell', async () => {
    await fc.assert(
      fc.asyncProperty(siteName, fqdn, nastyText, async (site, pool, tail) => {
        const url = `https://files.contoso.com/${tail}`;
        const baseline = [record('Global'), record(`service:PersistentChatServer:${pool}`, { FileServiceUrl: url })];
        const working = [record('Global', { RoomManagementUrl: `${url}?x=1` }), record(`site:${site}`, { FileServiceUrl: url })];
        const script = changeScript(collectionChanges(baseline, working), { ...SOURCE, file: `${site}\n${tail}.xml` }, WHEN);
        expect(await syntaxProblems(script)).toEqual([]);
        expect(script).toContain(`-Identity ${psQuote(`site:${site}`)} `);
        expect(script).toContain(`-RoomManagementUrl ${psQuote(`${url}?x=1`)} `);
      }),
      { numRuns: 60 },
    );
  });
});
