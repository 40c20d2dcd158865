// Tab completion: commands and aliases where a pipeline element starts,
// parameters after `-`, identities and other closed value sets, `$`
// variables; whole results, replacement spans included. It must never throw
// and must stay fast, whatever the input.

import fc from 'fast-check';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { CommandRegistry } from '../../../src-main/engine/cmdlets/registry';
import { complete, quoteValue, type CompletionContext, type CompletionResult } from '../../../src-main/engine/shell/completion';
import type { CompletionResult as ContractCompletion } from '../../../src-main/ipc/contract';
import { createTestSession } from '../../helpers/engine-session';

const registry = new CommandRegistry();
const IDENTITIES = ['Global', 'site:Redmond', 'site:North West', 'service:PersistentChatServer:p1.contoso.com'];
const context: CompletionContext = {
  commands: registry,
  identities: () => IDENTITIES,
  variables: () => ['true', 'false', 'null', '_', 'PSItem', '?', 'Error', 'site', 'Search'],
};

/** Completes at the `|` marker, e.g. at('Get-C|sPersist') (for inputs without a pipeline). */
function at(marked: string): CompletionResult {
  const cursor = marked.indexOf('|');
  return complete(marked.slice(0, cursor) + marked.slice(cursor + 1), cursor, context);
}
/** Completes at the end of `input` (for inputs that contain pipes). */
const end = (input: string) => complete(input, input.length, context);

const SET = 'Set-CsPersistentChatConfiguration';
const CONFIG = ['Get-CsPersistentChatConfiguration', 'New-CsPersistentChatConfiguration', 'Remove-CsPersistentChatConfiguration', 'Set-CsPersistentChatConfiguration'];
const COMMON = [
  '-Verbose', '-Debug', '-ErrorAction', '-WarningAction', '-InformationAction', '-ErrorVariable',
  '-WarningVariable', '-InformationVariable', '-OutVariable', '-OutBuffer', '-PipelineVariable',
];
const SORTED_IDENTITIES = ['Global', 'service:PersistentChatServer:p1.contoso.com', "'site:North West'", 'site:Redmond'];

it('has the shape of the IPC contract', () => {
  expectTypeOf<CompletionResult>().toEqualTypeOf<ContractCompletion>();
});

describe('command names', () => {
  it('completes names and aliases by prefix, ignoring case, sorted alphabetically', () => {
    expect(end('Get-Cs')).toEqual({ replaceStart: 0, replaceEnd: 6, matches: ['Get-CsPersistentChatConfiguration', 'Get-CsService', 'Get-CsSite'] });
    expect(end('get-c')).toEqual({ replaceStart: 0, replaceEnd: 5, matches: ['Get-Command', 'Get-Content', 'Get-Credential', 'Get-CsPersistentChatConfiguration', 'Get-CsService', 'Get-CsSite'] });
    expect(end('wh')).toEqual({ replaceStart: 0, replaceEnd: 2, matches: ['where', 'Where-Object'] });
    expect(end('Frobnicate')).toEqual({ replaceStart: 0, replaceEnd: 10, matches: [] });
  });

  it('offers every command and alias for an empty command position', () => {
    const everything = [...registry.all().map((c) => c.name), ...registry.aliases().keys()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    expect(end('')).toEqual({ replaceStart: 0, replaceEnd: 0, matches: everything });
    expect(everything.slice(0, 5)).toEqual(['%', '?', 'ac', 'Add-Content', 'Add-Member']);
  });

  it('accepts wildcards, matching as if a * were appended', () => {
    expect(end('*-CsPers*')).toEqual({ replaceStart: 0, replaceEnd: 9, matches: CONFIG });
    expect(end('Get-*PersistentChat')).toEqual({ replaceStart: 0, replaceEnd: 19, matches: ['Get-CsPersistentChatConfiguration'] });
  });

  it('completes wherever a pipeline element starts', () => {
    const only = (start: number, len: number) => ({ replaceStart: start, replaceEnd: start + len, matches: ['Remove-CsPersistentChatConfiguration'] });
    expect(end('Get-CsPersistentChatConfiguration | Remove-C')).toEqual(only(36, 8));
    expect(end('Get-Help; remove-c')).toEqual(only(10, 8));
    expect(end('(Remove-C')).toEqual(only(1, 8));
    expect(end('Get-Help\nRemove-C')).toEqual(only(9, 8));
    expect(end('$x = Remove-C')).toEqual(only(5, 8));
    expect(end('% { Remove-C')).toEqual(only(4, 8));
    expect(end('Write-Output $(Remove-C')).toEqual(only(15, 8));
  });

  it('replaces the whole token under the cursor, matching the text before the cursor', () => {
    expect(at('Get-C|sPersist -Identity global')).toEqual({ replaceStart: 0, replaceEnd: 13, matches: ['Get-Command', 'Get-Content', 'Get-Credential', 'Get-CsPersistentChatConfiguration', 'Get-CsService', 'Get-CsSite'] });
  });

  it('offers no command where an expression or an argument stands', () => {
    expect(end('$x.Def')).toEqual({ replaceStart: 0, replaceEnd: 6, matches: [] });
    expect(end("'Get-C")).toEqual({ replaceStart: 0, replaceEnd: 6, matches: [] });
    expect(end('Write-Output Get-C')).toEqual({ replaceStart: 13, replaceEnd: 18, matches: [] });
  });
});

describe('parameter names', () => {
  it('lists the parameters in declaration order, common parameters last', () => {
    expect(end(`${SET} -`)).toEqual({
      replaceStart: 34,
      replaceEnd: 35,
      matches: ['-Identity', '-Instance', '-DefaultChatHistory', '-MaxChatContentSizeMB', '-MaxFileSizeKB', '-ParticipantUpdateLimit', '-FileServiceUrl', '-RoomManagementUrl', '-Force', '-WhatIf', '-Confirm', ...COMMON],
    });
  });

  it('matches a prefix (or a wildcard pattern) of the name or of an alias, and gives the canonical name', () => {
    expect(end(`${SET} -def`)).toEqual({ replaceStart: 34, replaceEnd: 38, matches: ['-DefaultChatHistory'] });
    expect(end(`${SET} -Max`)).toEqual({ replaceStart: 34, replaceEnd: 38, matches: ['-MaxChatContentSizeMB', '-MaxFileSizeKB'] });
    expect(end(`${SET} -ea`)).toEqual({ replaceStart: 34, replaceEnd: 37, matches: ['-ErrorAction'] });
    expect(end(`${SET} -wi`)).toEqual({ replaceStart: 34, replaceEnd: 37, matches: ['-WhatIf'] });
    expect(end(`${SET} -?*Url`)).toEqual({ replaceStart: 34, replaceEnd: 40, matches: ['-FileServiceUrl', '-RoomManagementUrl'] });
    expect(at(`${SET} -Def| 40`)).toEqual({ replaceStart: 34, replaceEnd: 38, matches: ['-DefaultChatHistory'] });
  });

  it('leaves out parameters already given and those of parameter sets ruled out', () => {
    expect(end(`${SET} -Identity global -Def 5 -`).matches).toEqual([
      '-MaxChatContentSizeMB', '-MaxFileSizeKB', '-ParticipantUpdateLimit', '-FileServiceUrl', '-RoomManagementUrl', '-Force', '-WhatIf', '-Confirm', ...COMMON,
    ]);
    expect(end('Get-CsPersistentChatConfiguration -Filter site:* -')).toEqual({ replaceStart: 49, replaceEnd: 50, matches: ['-LocalStore', ...COMMON] });
  });

  it('knows commands by alias, and nothing about unknown commands', () => {
    expect(end('gcm -n')).toEqual({ replaceStart: 4, replaceEnd: 6, matches: ['-Name', '-Noun'] });
    expect(end('Get-Foo -')).toEqual({ replaceStart: 8, replaceEnd: 9, matches: [] });
  });
});

describe('values', () => {
  it('offers existing identities for -Identity, quoting the ones with spaces', () => {
    expect(end(`${SET} -Identity `)).toEqual({ replaceStart: 44, replaceEnd: 44, matches: SORTED_IDENTITIES });
    expect(end(`${SET} -Identity si`)).toEqual({ replaceStart: 44, replaceEnd: 46, matches: ["'site:North West'", 'site:Redmond'] });
    expect(end(`${SET} -Identity:SITE:n`)).toEqual({ replaceStart: 44, replaceEnd: 50, matches: ["'site:North West'"] });
    expect(end(`${SET} -Identity *contoso*`)).toEqual({ replaceStart: 44, replaceEnd: 53, matches: ['service:PersistentChatServer:p1.contoso.com'] });
  });

  it('keeps the quote the user opened, and replaces through its closing quote', () => {
    expect(end(`${SET} -Identity 'site:N`)).toEqual({ replaceStart: 44, replaceEnd: 51, matches: ["'site:North West'"] });
    expect(end(`${SET} -Identity "site:`)).toEqual({ replaceStart: 44, replaceEnd: 50, matches: ['"site:North West"', '"site:Redmond"'] });
    expect(at(`${SET} -Identity "site:No|rth" -Force`)).toEqual({ replaceStart: 44, replaceEnd: 56, matches: ['"site:North West"'] });
  });

  it('offers identities for the first positional argument of the configuration cmdlets only', () => {
    expect(end('Remove-CsPersistentChatConfiguration ')).toEqual({ replaceStart: 37, replaceEnd: 37, matches: SORTED_IDENTITIES });
    expect(end('Get-CsPersistentChatConfiguration -LocalStore g')).toEqual({ replaceStart: 46, replaceEnd: 47, matches: ['Global'] });
    expect(end('Remove-CsPersistentChatConfiguration global ')).toEqual({ replaceStart: 44, replaceEnd: 44, matches: [] });
    expect(end('Get-CsPersistentChatConfiguration -Filter x ')).toEqual({ replaceStart: 44, replaceEnd: 44, matches: [] });
    expect(end(`${SET} -Identity global,site:R`)).toEqual({ replaceStart: 51, replaceEnd: 57, matches: ['site:Redmond'] });
  });

  it('offers -ErrorAction values, and command names for Get-Help', () => {
    expect(end(`${SET} -ErrorAction s`)).toEqual({ replaceStart: 47, replaceEnd: 48, matches: ['SilentlyContinue', 'Stop'] });
    expect(end(`${SET} -ea:`)).toEqual({ replaceStart: 38, replaceEnd: 38, matches: ['Continue', 'Ignore', 'SilentlyContinue', 'Stop'] });
    expect(end('help set-cs')).toEqual({ replaceStart: 5, replaceEnd: 11, matches: [SET] });
  });

  it('offers nothing for free-form values', () => {
    expect(end(`${SET} -DefaultChatHistory `)).toEqual({ replaceStart: 54, replaceEnd: 54, matches: [] });
    expect(end(`${SET} -WhatIf `)).toEqual({ replaceStart: 42, replaceEnd: 42, matches: SORTED_IDENTITIES });
  });

  it('quotes a value so the console reads it back unchanged', () => {
    expect(quoteValue('site:Redmond', '')).toBe('site:Redmond');
    expect(quoteValue("O'Brien's site", '')).toBe("'O''Brien''s site'");
    expect(quoteValue('a$b', '"')).toBe("'a$b'");
    expect(quoteValue('-x', '')).toBe("'-x'");
  });
});

describe('variables', () => {
  it('completes $ names anywhere a variable may be written, sorted', () => {
    expect(end('$')).toEqual({ replaceStart: 0, replaceEnd: 1, matches: ['$?', '$_', '$Error', '$false', '$null', '$PSItem', '$Search', '$site', '$true'] });
    expect(end(`${SET} -Identity $s`)).toEqual({ replaceStart: 44, replaceEnd: 46, matches: ['$Search', '$site'] });
    expect(end('Get-CsPersistentChatConfiguration | ? { $_.Def -gt $n')).toEqual({ replaceStart: 51, replaceEnd: 53, matches: ['$null'] });
    expect(end('Write-Output "count: $e')).toEqual({ replaceStart: 21, replaceEnd: 23, matches: ['$Error'] });
    expect(at('$si|xx = 1')).toEqual({ replaceStart: 0, replaceEnd: 5, matches: ['$site'] });
  });

  it('does not complete a $ that is literal text', () => {
    expect(end("Write-Output 'cost: $e")).toEqual({ replaceStart: 13, replaceEnd: 22, matches: [] });
    expect(end('Write-Output `$e').matches).toEqual([]);
  });
});

describe('comments and strings', () => {
  it('offers nothing inside a comment, and completes after one', () => {
    expect(end('# Get-C')).toEqual({ replaceStart: 7, replaceEnd: 7, matches: [] });
    expect(end('<# Get-C')).toEqual({ replaceStart: 8, replaceEnd: 8, matches: [] });
    expect(end('<# note #> Get-Cs')).toEqual({ replaceStart: 11, replaceEnd: 17, matches: ['Get-CsPersistentChatConfiguration', 'Get-CsService', 'Get-CsSite'] });
    expect(end("@'\nGet-C")).toEqual({ replaceStart: 8, replaceEnd: 8, matches: [] });
  });
});

describe('robustness', () => {
  const throwing: CompletionContext = { commands: registry, identities: () => { throw new Error('store gone'); } };

  it('never throws, and always returns a span inside the input', () => {
    const input = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.constantFrom(SET, 'Get-Cs', '-Identity', '-', '-ea', ' ', "'", '"', '`', '$', '$(', '@{', '@(', '(', ')', '{', '}', '|', ';', ',', ':', '#', '<#', '#>', "@'", '\n', 'site:N', '*', '['), { maxLength: 14 }).map((w) => w.join('')),
    );
    const cursor = fc.oneof(fc.nat({ max: 80 }), fc.constantFrom(-1, 0.5, Number.NaN, Infinity, 1e9));
    fc.assert(
      fc.property(input, cursor, fc.boolean(), (text, c, bad) => {
        const r = complete(text, c, bad ? throwing : context);
        expect(0 <= r.replaceStart && r.replaceStart <= r.replaceEnd && r.replaceEnd <= text.length).toBe(true);
        expect(r.matches.every((m) => typeof m === 'string')).toBe(true);
      }),
      { numRuns: 3000, seed: 31337 },
    );
  });

  it('survives input that is not a string', () => {
    expect(complete(undefined as unknown as string, 3, context)).toEqual({ replaceStart: 0, replaceEnd: 0, matches: [] });
  });

  it('completes at the end of long input and asks for identities only when it offers them', () => {
    let calls = 0;
    const counting: CompletionContext = { ...context, identities: () => (calls++, IDENTITIES) };
    const long = `${'Get-CsPersistentChatConfiguration -Filter "site:*" | # note\n'.repeat(4000)}Set-CsPersistentChatConfiguration -`;
    const r = complete(long, long.length, counting);
    expect(r.matches[0]).toBe('-Identity');
    expect(calls).toBe(0);
    complete(`${SET} `, SET.length + 1, counting);
    expect(calls).toBe(1);
  });
});

describe('Session.complete', () => {
  const t = createTestSession();
  afterAll(() => t.cleanup());

  it('supplies the registry, the store\'s identities and the session\'s variables', async () => {
    expect((await t.run('New-CsPersistentChatConfiguration "site:North West"; $site = 1')).success).toBe(true);
    expect(t.session.complete(`${SET} -Identity `, 44)).toEqual({ replaceStart: 44, replaceEnd: 44, matches: ['Global', "'site:North West'"] });
    expect(t.session.complete('$si', 3)).toEqual({ replaceStart: 0, replaceEnd: 3, matches: ['$site'] });
    expect(t.session.complete('New-CsP', 7)).toEqual({ replaceStart: 0, replaceEnd: 7, matches: ['New-CsPersistentChatConfiguration'] });
  });
});
