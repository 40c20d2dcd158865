// The bulk channel (one change over many collections, per-collection
// results) and the help channel (Get-Help as data), end to end through
// registerIpc, the real engine and a real store file.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from '../../src-main/engine/shell/parse';
import { readRaw } from '../helpers/store-fixtures';
import { createHarness, value, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = createHarness();
  for (const identity of ['site:Redmond', 'site:Dublin', 'service:PersistentChatServer:pc1.contoso.com']) {
    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: identity } }));
  }
  h.changes.count = 0;
});
afterEach(() => h.cleanup());

const SET = 'Set-CsPersistentChatConfiguration';
const REMOVE = 'Remove-CsPersistentChatConfiguration';

describe('pchat:cmdlet:bulk', () => {
  it('applies only the given values to every collection and shows the pipeline', async () => {
    const reply = value(await h.invoke('pchat:cmdlet:bulk', { cmdlet: SET, identities: ['site:Redmond', 'site:Dublin'], parameters: { DefaultChatHistory: 45 } }));
    expect(reply.ok).toBe(true);
    expect(reply.commandLine).toBe(
      'Get-CsPersistentChatConfiguration | Where-Object {$_.Identity -in "site:Redmond","site:Dublin"} | Set-CsPersistentChatConfiguration -DefaultChatHistory 45',
    );
    expect(reply.results.map((r) => [r.identity, r.ok, r.commandLine])).toEqual([
      ['site:Redmond', true, 'Set-CsPersistentChatConfiguration -Identity "site:Redmond" -DefaultChatHistory 45'],
      ['site:Dublin', true, 'Set-CsPersistentChatConfiguration -Identity "site:Dublin" -DefaultChatHistory 45'],
    ]);
    const stored = readRaw(h.dir).collections;
    expect(stored['site:Redmond']).toMatchObject({ DefaultChatHistory: 45, ParticipantUpdateLimit: 75 });
    expect(stored['site:Dublin']).toMatchObject({ DefaultChatHistory: 45 });
    expect(stored['service:PersistentChatServer:pc1.contoso.com']).toMatchObject({ DefaultChatHistory: 30 });
    expect(h.changes.count).toBe(1);
  });

  it('the pipeline it shows does what the bulk change did when typed in the console', async () => {
    const reply = value(await h.invoke('pchat:cmdlet:bulk', { cmdlet: SET, identities: ['site:Redmond', 'site:Dublin'], parameters: { MaxFileSizeKB: 300 } }));
    expect(parse(reply.commandLine).ok).toBe(true);
    value(await h.invoke('pchat:console:execute', { input: reply.commandLine.replace('300', '301') }));
    expect(readRaw(h.dir).collections['site:Dublin']).toMatchObject({ MaxFileSizeKB: 301 });
    expect(readRaw(h.dir).collections['site:Redmond']).toMatchObject({ MaxFileSizeKB: 301 });
  });

  it('reports each failure against its own collection and still changes the others', async () => {
    const reply = value(
      await h.invoke('pchat:cmdlet:bulk', { cmdlet: REMOVE, identities: ['site:Redmond', 'site:Gone', 'site:Dublin'], parameters: {} }),
    );
    expect(reply.ok).toBe(false);
    expect(reply.results.map((r) => [r.identity, r.ok])).toEqual([
      ['site:Redmond', true],
      ['site:Gone', false],
      ['site:Dublin', true],
    ]);
    expect(reply.results[1]!.output.find((l) => l.kind === 'error')?.text).toContain('site:Gone');
    expect(Object.keys(readRaw(h.dir).collections).sort()).toEqual(['Global', 'service:PersistentChatServer:pc1.contoso.com']);
  });

  it('an out-of-range value fails every collection and changes nothing', async () => {
    const before = h.storeBytes();
    const reply = value(await h.invoke('pchat:cmdlet:bulk', { cmdlet: SET, identities: ['site:Redmond', 'site:Dublin'], parameters: { DefaultChatHistory: 600 } }));
    expect(reply.results.map((r) => r.ok)).toEqual([false, false]);
    expect(reply.results[0]!.output[0]!.text).toContain('The 600 argument is greater than the maximum allowed range of 500');
    expect(h.storeBytes().equals(before)).toBe(true);
  });

  it.each([
    ['a cmdlet that is not a change', { cmdlet: 'New-CsPersistentChatConfiguration', identities: ['site:A'], parameters: {} }],
    ['no identities', { cmdlet: SET, identities: [], parameters: {} }],
    ['identities not an array', { cmdlet: SET, identities: 'site:A', parameters: {} }],
    ['an identity that is not a string', { cmdlet: SET, identities: ['site:A', 3], parameters: {} }],
    ['-Identity among the values', { cmdlet: SET, identities: ['site:A'], parameters: { Identity: 'site:B' } }],
    ['an unknown parameter', { cmdlet: SET, identities: ['site:A'], parameters: { Bogus: 1 } }],
    ['a missing key', { cmdlet: SET, identities: ['site:A'] }],
  ])('refuses %s without touching the store', async (_name, payload) => {
    const before = h.storeBytes();
    const reply = await h.invoke('pchat:cmdlet:bulk', payload);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.id).toBe('InvalidPayload');
    expect(h.storeBytes().equals(before)).toBe(true);
  });
});

describe('pchat:help', () => {
  it('gives a cmdlet help as data: syntax, ranges and defaults from the parameter metadata, examples', async () => {
    const help = value(await h.invoke('pchat:help', { name: 'set-cspersistentchatconfiguration' }))!;
    expect(help.name).toBe(SET);
    expect(help.synopsis).not.toBe('');
    expect(help.syntax[0]).toMatch(/^Set-CsPersistentChatConfiguration \[\[-Identity\] <XdsIdentity>\]/);
    const history = help.parameters.find((p) => p.name === 'DefaultChatHistory')!;
    expect(history).toMatchObject({ type: 'Int16', range: '1–500', defaultValue: '30', required: false, position: 'named' });
    expect(help.parameters.find((p) => p.name === 'FileServiceUrl')).toMatchObject({ defaultValue: 'None' });
    expect(help.commonParameters).toContain('Verbose');
    expect(help.examples.length).toBeGreaterThan(0);
    expect(help.examples.every((e) => e.code.trim() !== '')).toBe(true);
  });

  it('follows aliases and answers null for an unknown command', async () => {
    expect(value(await h.invoke('pchat:help', { name: 'where' }))?.name).toBe('Where-Object');
    expect(value(await h.invoke('pchat:help', { name: 'Get-Nothing' }))).toBeNull();
    const refused = await h.invoke('pchat:help', { name: 7 });
    expect(refused.ok).toBe(false);
  });
});

describe('pchat:cmdlet:bulk-preview', () => {
  it('checks the values and builds the pipeline without running anything', async () => {
    const before = h.storeBytes();
    const ok = value(await h.invoke('pchat:cmdlet:bulk-preview', { cmdlet: SET, identities: ['site:Redmond', 'site:Dublin'], parameters: { ParticipantUpdateLimit: 90 } }));
    expect(ok).toEqual({
      commandLine: 'Get-CsPersistentChatConfiguration | Where-Object {$_.Identity -in "site:Redmond","site:Dublin"} | Set-CsPersistentChatConfiguration -ParticipantUpdateLimit 90',
      fieldErrors: {},
    });
    const bad = value(await h.invoke('pchat:cmdlet:bulk-preview', { cmdlet: SET, identities: ['site:Redmond', 'site:Dublin'], parameters: { DefaultChatHistory: 'abc' } }));
    expect(bad.fieldErrors.DefaultChatHistory).toContain('Cannot convert value "abc" to type "System.Int16"');
    const one = value(await h.invoke('pchat:cmdlet:bulk-preview', { cmdlet: REMOVE, identities: ['site:Dublin'], parameters: {} }));
    expect(one.commandLine).toBe('Remove-CsPersistentChatConfiguration -Identity "site:Dublin"');
    expect(h.storeBytes().equals(before)).toBe(true);
    expect(h.changes.count).toBe(0);
  });
});
