// Keeping pending changes across a new baseline: replayed property by
// property onto the server's state; a clash on the same property, a change to
// a collection the server removed, or a new collection the server created
// differently is a conflict, named.

import { describe, expect, it } from 'vitest';
import { defaultValues, type ConfigRecord } from '../../../src-main/engine/domain/properties';
import { rebaseChanges } from '../../../src-main/engine/changes/rebase';

const rec = (Identity: string, over: Partial<ConfigRecord> = {}): ConfigRecord => ({ Identity, ...defaultValues(), ...over }) as ConfigRecord;
const byId = (list: readonly ConfigRecord[]) => Object.fromEntries(list.map((r) => [r.Identity, r]));

describe('rebaseChanges', () => {
  const base = [rec('Global'), rec('site:A'), rec('site:B')];

  it('replays sets, news and removes onto what the server changed elsewhere', () => {
    const working = [rec('Global', { DefaultChatHistory: 41 }), rec('site:A'), rec('site:C', { MaxFileSizeKB: 7 })];
    const server = [rec('Global', { MaxFileSizeKB: 999 }), rec('site:A', { ParticipantUpdateLimit: 100 }), rec('site:B'), rec('site:D')];
    const r = rebaseChanges(base, working, server);
    expect(r.ok).toBe(true);
    const out = byId(r.ok ? r.working : []);
    expect(Object.keys(out).sort()).toEqual(['Global', 'site:A', 'site:C', 'site:D']);
    expect(out.Global).toMatchObject({ DefaultChatHistory: 41, MaxFileSizeKB: 999 });
    expect(out['site:A']).toMatchObject({ ParticipantUpdateLimit: 100 });
    expect(out['site:C']).toMatchObject({ MaxFileSizeKB: 7 });
  });

  it('a change the server already holds is no conflict (a push that stopped half way)', () => {
    const working = [rec('Global', { DefaultChatHistory: 41 }), rec('site:A'), rec('site:B'), rec('site:C', { MaxFileSizeKB: 7 })];
    const server = [rec('Global', { DefaultChatHistory: 41 }), rec('site:A'), rec('site:B'), rec('site:C', { MaxFileSizeKB: 7 })];
    const r = rebaseChanges(base, working, server);
    expect(r).toEqual({ ok: true, working: server });
  });

  it('names every conflict', () => {
    const working = [rec('Global', { DefaultChatHistory: 41 }), rec('site:A', { MaxFileSizeKB: 5 }), rec('site:B'), rec('site:C', { MaxFileSizeKB: 7 })];
    const server = [rec('Global', { DefaultChatHistory: 42 }), rec('site:B'), rec('site:C', { MaxFileSizeKB: 8 })];
    const r = rebaseChanges(base, working, server);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.conflicts.map((c) => `${c.identity} ${c.property ?? '-'}: ${c.reason}`)).toEqual([
      'site:C -: created here, and created on the server meanwhile with other values',
      `Global DefaultChatHistory: changed here from ${defaultValues().DefaultChatHistory} to 41, and on the server to 42`,
      'site:A -: changed here, and removed on the server meanwhile',
    ]);
  });
});
