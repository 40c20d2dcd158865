// Property-based: random console lines never throw a JavaScript exception out
// of the engine (every failure is an error record, never an internal error),
// and never change the store unless the line is a valid mutating command.

import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeAll(async () => {
  t = createTestSession();
  await t.run('New-CsPersistentChatConfiguration site:Redmond; New-CsPersistentChatConfiguration service:PersistentChatServer:p1.contoso.com');
});
afterAll(() => t.cleanup());

const VOCABULARY = [
  'New-CsPersistentChatConfiguration', 'Get-CsPersistentChatConfiguration', 'Set-CsPersistentChatConfiguration',
  'Remove-CsPersistentChatConfiguration', 'Where-Object', 'ForEach-Object', 'Select-Object', 'Sort-Object', '?', '%',
  'Get-Help', 'Get-Member', 'Measure-Object', 'Format-List', 'Format-Table', 'Write-Output',
  '-Identity', '-DefaultChatHistory', '-MaxFileSizeKB', '-MaxChatContentSizeMB', '-ParticipantUpdateLimit',
  '-FileServiceUrl', '-RoomManagementUrl', '-Filter', '-Instance', '-InMemory', '-WhatIf', '-Confirm', '-Force',
  '-Def', '-Max', '-ea', 'Stop', '-Verbose', '-LocalStore',
  'global', 'site:Redmond', 'site:Paris', 'site:*', '*-Cs*', 'site:Red-*', '[a-z]*', '[z-a]', 'service:PersistentChatServer:p1.contoso.com', 'service:Registrar:x.y',
  '"site:Oslo"', "'x'", '0', '1', '30', '500', '501', '-1', '0x1F', '10kb', '1e3', '40000', '4294967296', 'abc', '$null',
  '$true', '$x', '$_', '$_.DefaultChatHistory', '$x.Identity', '(', ')', '{', '}', '[', ']', '@(', '@{', '$(', '|', ';',
  '=', '+=', ',', '.', '-eq', '-gt', '-like', '-match', '-and', '-not', '!', '+', '-', '*', '/', '"', "'", '`', '#',
  '<#', '#>', 'https://rooms.contoso.com', 'ftp://bad', '\n',
  '[void]', '$ErrorActionPreference', '$WhatIfPreference', '$ConfirmPreference', "'SilentlyContinue'", "'Medium'", '$global:x',
];

const PARAM_VALUES: Record<string, string[]> = {
  '-DefaultChatHistory': ['1', '45', '500', '0', '600', 'abc'],
  '-MaxFileSizeKB': ['1', '20000', '4294967295', '-1', '4294967296'],
  '-ParticipantUpdateLimit': ['2', '75', '0', '1kb'],
  '-MaxChatContentSizeMB': ['1', '2048', '2049', '0x10'],
  '-RoomManagementUrl': ['https://rooms.contoso.com', '$null', "''", 'ftp://x', 'not a url'],
};

/** Mostly well-formed cmdlet lines, so that valid mutations happen often. */
const cmdletLine = fc
  .tuple(
    fc.constantFrom('New', 'Set', 'Remove', 'Get', 'set', 'NEW'),
    fc.constantFrom('', 'global', '-Identity site:Paris', '-Identity site:Redmond', 'site:Lima', '-Identity site:*', 'service:PersistentChatServer:p2.contoso.com'),
    fc.array(fc.constantFrom(...Object.keys(PARAM_VALUES)).chain((p) => fc.constantFrom(...PARAM_VALUES[p]!).map((v) => `${p} ${v}`)), { maxLength: 3 }),
    fc.constantFrom('', '', '', ' -WhatIf', ' -Confirm', ' -Force', ' -Bogus 1', ' extra'),
  )
  .map(([verb, identity, params, tail]) => `${verb}-CsPersistentChatConfiguration ${identity} ${params.join(' ')}${tail}`);

const line = fc.oneof(
  { weight: 4, arbitrary: cmdletLine },
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 12 }).map((w) => w.join('')) },
);

const MUTATING = /(new|set|remove)-cspersistentchatconfiguration/i;

function snapshot(): string {
  return fs.readFileSync(path.join(t.dir, 'config.json'), 'utf8');
}

describe('random console input', () => {
  it('never throws, never reports an internal error, and only a valid mutating command changes the store', async () => {
    let changed = 0;
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        const before = snapshot();
        const result = await t.session.execute(text);
        const after = snapshot();
        const records = result.lines.flatMap((l) => (l.record ? [l.record] : []));
        expect(records.filter((r) => r.errorId === 'InternalError')).toEqual([]);
        for (const l of result.lines) expect(typeof l.text).toBe('string');
        if (!result.success) failed++;
        if (after !== before) {
          changed++;
          expect(text).toMatch(MUTATING);
          expect(records.some((r) => r.category === 'ParserError')).toBe(false);
          // Whatever changed is still a valid store file.
          expect(() => JSON.parse(after)).not.toThrow();
        }
        if (records.some((r) => r.category === 'ParserError')) expect(after).toBe(before);
      }),
      { numRuns: 400, seed: 20261125 },
    );
    // The generator must reach both sides of the property to mean anything.
    expect(changed).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(100);
  });

  it('a single failed mutating statement changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('New', 'Set', 'Remove'),
        fc.constantFrom('-DefaultChatHistory', '-MaxFileSizeKB', '-ParticipantUpdateLimit', '-RoomManagementUrl', '-Bogus', '-Max'),
        fc.constantFrom('0', '-1', '501', 'abc', '4294967296', 'ftp://x', '1,2', '$null'),
        fc.constantFrom('', '-Identity site:Redmond', '-Identity site:Nope', '-Identity global', '-Identity site:*'),
        async (verb, param, value, identity) => {
          const before = snapshot();
          const result = await t.session.execute(`${verb}-CsPersistentChatConfiguration ${identity} ${param} ${value}`);
          if (!result.success) expect(snapshot()).toBe(before);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
