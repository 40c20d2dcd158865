// Each cmdlet handler end to end through registerIpc, the real engine and a
// real store file: the reply carries the console line as run, what the
// console would print, and the configuration objects returned.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRaw } from '../helpers/store-fixtures';
import { createHarness, value, type Harness } from './harness';

const DEFAULTS = { DefaultChatHistory: 30, MaxChatContentSizeMB: 20, MaxFileSizeKB: 20000, ParticipantUpdateLimit: 75, FileServiceUrl: null, RoomManagementUrl: null };

const listLines = (identity: string, history: number): { kind: string; text: string }[] =>
  [
    '',
    `Identity               : ${identity}`,
    `DefaultChatHistory     : ${history}`,
    'MaxChatContentSizeMB   : 20',
    'MaxFileSizeKB          : 20000',
    'ParticipantUpdateLimit : 75',
    'FileServiceUrl         :',
    'RoomManagementUrl      :',
    '',
  ].map((text) => ({ kind: 'output', text }));

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.cleanup());

describe('cmdlet handlers', () => {
  it('New creates the collection and returns it', async () => {
    const reply = value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:Redmond', DefaultChatHistory: 40 } }));
    expect(reply).toEqual({
      ok: true,
      commandLine: 'New-CsPersistentChatConfiguration -Identity "site:Redmond" -DefaultChatHistory 40',
      output: listLines('site:Redmond', 40),
      objects: [{ Identity: 'site:Redmond', scope: 'Site', ...DEFAULTS, DefaultChatHistory: 40 }],
    });
    expect(readRaw(h.dir).collections['site:Redmond']).toEqual({ Identity: 'site:Redmond', ...DEFAULTS, DefaultChatHistory: 40 });
    expect(h.changes.count).toBe(1);
  });

  it('Get returns every collection, in the store order, with their scopes', async () => {
    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'service:PersistentChatServer:pc.contoso.com' } }));
    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:Oslo' } }));
    const reply = value(await h.invoke('pchat:cmdlet:get', { parameters: {} }));
    expect(reply.ok).toBe(true);
    expect(reply.commandLine).toBe('Get-CsPersistentChatConfiguration');
    expect(reply.objects.map((o) => [o.Identity, o.scope])).toEqual([
      ['Global', 'Global'],
      ['site:Oslo', 'Site'],
      ['service:PersistentChatServer:pc.contoso.com', 'Pool'],
    ]);
    expect(h.changes.count).toBe(2); // the two News; Get writes nothing
  });

  it('Get -Filter and -Identity', async () => {
    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:Oslo' } }));
    const filtered = value(await h.invoke('pchat:cmdlet:get', { parameters: { Filter: 'site:*' } }));
    expect(filtered.commandLine).toBe('Get-CsPersistentChatConfiguration -Filter "site:*"');
    expect(filtered.objects.map((o) => o.Identity)).toEqual(['site:Oslo']);
    const one = value(await h.invoke('pchat:cmdlet:get', { parameters: { Identity: 'global' } }));
    expect(one.objects).toEqual([{ Identity: 'Global', scope: 'Global', ...DEFAULTS }]);
  });

  it('Set changes the collection and returns no objects', async () => {
    const reply = value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', MaxFileSizeKB: 1024, FileServiceUrl: 'https://files.contoso.com/' } }));
    expect(reply).toEqual({
      ok: true,
      commandLine: 'Set-CsPersistentChatConfiguration -Identity "Global" -MaxFileSizeKB 1024 -FileServiceUrl "https://files.contoso.com/"',
      output: [],
      objects: [],
    });
    expect(readRaw(h.dir).collections['Global']).toMatchObject({ MaxFileSizeKB: 1024, FileServiceUrl: 'https://files.contoso.com/' });
    expect(h.changes.count).toBe(1);
  });

  it('Remove deletes a site collection', async () => {
    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:Oslo' } }));
    const reply = value(await h.invoke('pchat:cmdlet:remove', { parameters: { Identity: 'site:Oslo' } }));
    expect(reply).toEqual({ ok: true, commandLine: 'Remove-CsPersistentChatConfiguration -Identity "site:Oslo"', output: [], objects: [] });
    expect(Object.keys(readRaw(h.dir).collections)).toEqual(['Global']);
    expect(h.changes.count).toBe(2);
  });

  it('-WhatIf reports and changes nothing', async () => {
    const before = h.storeBytes();
    const reply = value(await h.invoke('pchat:cmdlet:remove', { parameters: { Identity: 'Global', WhatIf: true } }));
    expect(reply).toEqual({
      ok: true,
      commandLine: 'Remove-CsPersistentChatConfiguration -Identity "Global" -WhatIf',
      output: [{ kind: 'whatif', text: 'What if: Performing the operation "Remove-CsPersistentChatConfiguration" on target "Global".' }],
      objects: [],
    });
    expect(h.storeBytes().equals(before)).toBe(true);
    expect(h.changes.count).toBe(0);
  });

  it('an engine error is a normal reply: ok false, the record text, its summary and the span in the line', async () => {
    const before = h.storeBytes();
    const reply = value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 900 } }));
    const line = 'Set-CsPersistentChatConfiguration -Identity "Global" -DefaultChatHistory 900';
    const summary =
      "Set-CsPersistentChatConfiguration : Cannot validate argument on parameter 'DefaultChatHistory'. The 900 argument is greater than the maximum allowed range of 500. Supply an argument that is less than or equal to 500 and then try the command again.";
    expect(reply).toEqual({
      ok: false,
      commandLine: line,
      output: [
        {
          kind: 'error',
          text: [
            summary,
            'At line:1 char:74',
            '+ ... ersistentChatConfiguration -Identity "Global" -DefaultChatHistory 900',
            '+                                                                       ~~~',
            '    + CategoryInfo          : InvalidData: (:) [Set-CsPersistentChatConfiguration], ParameterBindingValidationException',
            '    + FullyQualifiedErrorId : ParameterArgumentValidationError,Set-CsPersistentChatConfiguration',
          ].join('\n'),
          summary,
          span: { start: 73, end: 76 },
        },
      ],
      objects: [],
    });
    expect(line.slice(73, 76)).toBe('900');
    expect(h.storeBytes().equals(before)).toBe(true);
  });

  it('-Confirm from a form fails with the engine\'s non-interactive error instead of waiting', async () => {
    const reply = value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 31, Confirm: true } }));
    expect(reply.ok).toBe(false);
    expect(reply.output[0]?.summary).toMatch(/^Set-CsPersistentChatConfiguration : This shell is not interactive/);
  });

  it('preview checks a form without running it', async () => {
    const before = h.storeBytes();
    const reply = value(
      await h.invoke('pchat:cmdlet:preview', { cmdlet: 'New-CsPersistentChatConfiguration', parameters: { Identity: 'site:Oslo', DefaultChatHistory: 'abc' } }),
    );
    expect(reply).toEqual({
      commandLine: 'New-CsPersistentChatConfiguration -Identity "site:Oslo" -DefaultChatHistory "abc"',
      fieldErrors: {
        DefaultChatHistory:
          'Cannot bind parameter \'DefaultChatHistory\'. Cannot convert value "abc" to type "System.Int16". Error: "Input string was not in a correct format."',
      },
    });
    const exists = value(await h.invoke('pchat:cmdlet:preview', { cmdlet: 'New-CsPersistentChatConfiguration', parameters: { Identity: 'Global' } }));
    expect(exists.error).toMatch(/Global/);
    expect(h.storeBytes().equals(before)).toBe(true);
  });

  it('metadata comes from the engine tables', async () => {
    const metadata = value(await h.invoke('pchat:metadata'));
    expect(metadata.storePath).toBe(h.storeFile);
    expect(metadata.cmdlets.map((c) => c.name)).toEqual([
      'New-CsPersistentChatConfiguration',
      'Get-CsPersistentChatConfiguration',
      'Set-CsPersistentChatConfiguration',
      'Remove-CsPersistentChatConfiguration',
    ]);
    expect(metadata.properties).toEqual(['DefaultChatHistory', 'MaxChatContentSizeMB', 'MaxFileSizeKB', 'ParticipantUpdateLimit', 'FileServiceUrl', 'RoomManagementUrl']);
    const byName = new Map(metadata.parameters.map((p) => [p.name, p]));
    expect(byName.get('DefaultChatHistory')).toEqual({
      name: 'DefaultChatHistory',
      type: 'Int16',
      dotNetType: 'System.Int16',
      help: expect.stringContaining('recent messages'),
      aliases: [],
      property: { kind: 'integer', min: 1, max: 500, default: 30 },
      cmdlets: { 'New-CsPersistentChatConfiguration': { mandatory: false }, 'Set-CsPersistentChatConfiguration': { mandatory: false } },
    });
    expect(byName.get('FileServiceUrl')?.property).toEqual({ kind: 'url', default: null });
    expect(byName.get('Identity')?.cmdlets).toEqual({
      'New-CsPersistentChatConfiguration': { mandatory: true, position: 0 },
      'Get-CsPersistentChatConfiguration': { mandatory: false, position: 0, sets: ['Identity'] },
      'Set-CsPersistentChatConfiguration': { mandatory: false, position: 0, sets: ['Identity'] },
      'Remove-CsPersistentChatConfiguration': { mandatory: true, position: 0 },
    });
    expect(byName.get('WhatIf')?.aliases).toEqual(['wi']);
    expect(byName.has('Instance')).toBe(false);
    expect(byName.has('Verbose')).toBe(false);
  });
});
