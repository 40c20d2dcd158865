// A console -Confirm waiting for its answer no longer holds the forms
// hostage: with the second repository the session worker gives the service,
// form reads see the committed store (not the console's pending change) and
// form commits are written at once; the console's statement, answered later,
// lays its own change over them without losing theirs — and a change that no
// longer applies is reported, never silently dropped.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRaw } from '../helpers/store-fixtures';
import { createHarness, value, type Harness } from './harness';

const SET_GLOBAL = 'Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41 -Confirm';

let h: Harness;
beforeEach(async () => {
  h = createHarness({ side: true });
  value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:Redmond' } }));
});
afterEach(() => h.cleanup());

const stored = () => readRaw(h.dir).collections;

async function promptPending(input = SET_GLOBAL): Promise<void> {
  const step = value(await h.invoke('pchat:console:execute', { input }));
  expect(step.prompt).toContain('[Y] Yes');
}

describe('forms while a console -Confirm waits', () => {
  it('reads the committed store, not the console statement\'s uncommitted change', async () => {
    // One statement: Global's change is made (answered Y) but not committed while site:Redmond's prompt waits.
    await promptPending(`'Global', 'site:Redmond' | ForEach-Object { Set-CsPersistentChatConfiguration -Identity $_ -DefaultChatHistory 41 -Confirm }`);
    expect(value(await h.invoke('pchat:console:answer', { answer: 'Y' })).prompt).toContain('[Y] Yes');
    const read = value(await h.invoke('pchat:cmdlet:get', { parameters: {} }));
    expect(read.objects.map((o) => [o.Identity, o.DefaultChatHistory])).toEqual([
      ['Global', 30],
      ['site:Redmond', 30],
    ]);
    const filtered = value(await h.invoke('pchat:cmdlet:get', { parameters: { Filter: 'site:*' } }));
    expect(filtered.objects.map((o) => o.Identity)).toEqual(['site:Redmond']);
  });

  it('commits a form at once; the answered statement keeps it and adds its own change', async () => {
    await promptPending();
    const set = value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'site:Redmond', ParticipantUpdateLimit: 200 } }));
    expect(set.ok).toBe(true);
    expect(stored()['site:Redmond']!.ParticipantUpdateLimit).toBe(200);
    expect(stored()['Global']!.DefaultChatHistory).toBe(30);
    const created = value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:Dublin', DefaultChatHistory: 7 } }));
    expect(created.ok).toBe(true);

    const end = value(await h.invoke('pchat:console:answer', { answer: 'Y' }));
    expect(end).toMatchObject({ prompt: null, success: true, changed: true });
    expect(stored()['Global']!.DefaultChatHistory).toBe(41);
    expect(stored()['site:Redmond']!.ParticipantUpdateLimit).toBe(200);
    expect(stored()['site:Dublin']!.DefaultChatHistory).toBe(7);
  });

  it('a form removing what the console is changing: the console statement reports it, nothing else is lost', async () => {
    await promptPending('Set-CsPersistentChatConfiguration -Identity site:Redmond -DefaultChatHistory 42 -Confirm');
    expect(value(await h.invoke('pchat:cmdlet:remove', { parameters: { Identity: 'site:Redmond' } })).ok).toBe(true);
    expect(stored()['site:Redmond']).toBeUndefined();
    const end = value(await h.invoke('pchat:console:answer', { answer: 'Y' }));
    expect(end.success).toBe(false);
    expect(end.output.map((l) => l.text).join('\n')).toContain('Cannot change site:Redmond: another process removed it.');
    expect(stored()['site:Redmond']).toBeUndefined();
    expect(Object.keys(stored())).toEqual(['Global']);
  });

  it('checks a form against the committed store', async () => {
    // One statement: site:Paris is created but not committed while the prompt waits.
    await promptPending('New-CsPersistentChatConfiguration -Identity site:Paris | ForEach-Object { Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41 -Confirm }');
    const missing = value(await h.invoke('pchat:cmdlet:preview', { cmdlet: 'Set-CsPersistentChatConfiguration', parameters: { Identity: 'site:Paris', DefaultChatHistory: 5 } }));
    expect(missing.error).toBeDefined();
    const there = value(await h.invoke('pchat:cmdlet:preview', { cmdlet: 'Set-CsPersistentChatConfiguration', parameters: { Identity: 'site:Redmond', DefaultChatHistory: 5 } }));
    expect(there.error).toBeUndefined();
  });

  it('without a second repository, forms are still refused with a clear reason (the in-process service)', async () => {
    const plain = createHarness();
    try {
      value(await plain.invoke('pchat:console:execute', { input: SET_GLOBAL }));
      const refused = await plain.invoke('pchat:cmdlet:get', { parameters: {} });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.id).toBe('ConsoleAwaitingAnswer');
    } finally {
      plain.cleanup();
    }
  });
});
