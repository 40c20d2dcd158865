// The history channels and Set's expected values through the registered
// handler table (as Electron and the web preview call them).

import { afterEach, expect, it } from 'vitest';
import { createHarness, value, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.cleanup());

it('Set with the values the editor started from: applied when current, refused (store untouched) when not', async () => {
  h = createHarness();
  const ok = value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 40 }, expected: { DefaultChatHistory: 30 } }));
  expect(ok.ok).toBe(true);
  const bytes = h.storeBytes();
  const stale = value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 50 }, expected: { DefaultChatHistory: 30 } }));
  expect(stale.ok).toBe(false);
  expect(stale.output[0]?.summary).toContain('(DefaultChatHistory 30 → 40)');
  expect(h.storeBytes().equals(bytes)).toBe(true);
});

it('lists the history and undoes an entry, which notifies the window', async () => {
  h = createHarness();
  value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 40 } }));
  const list = value(await h.invoke('pchat:history:list'));
  expect(list.entries.map((e) => [e.id, e.source, e.inverse])).toEqual([[1, 'window form', ['Set-CsPersistentChatConfiguration -Identity "Global" -DefaultChatHistory 30']]]);
  const changes = h.changes.count;
  const undo = value(await h.invoke('pchat:history:undo', { id: 1 }));
  expect(undo).toMatchObject({ ok: true, commandLine: 'Undo-PchatChange -Id 1' });
  expect(h.changes.count).toBe(changes + 1);
  const refused = value(await h.invoke('pchat:history:undo', { id: 1 }));
  expect(refused.ok).toBe(false);
  expect(refused.output[0]?.summary).toContain('Change 1 has already been undone by change 2.');
});
