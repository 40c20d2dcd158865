// The pchat:changes:summary channel: the window's view of the baseline and the
// pending changes, through the real handler table, service and store.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangesSummaryDto, IpcReply } from '../../src-main/ipc/contract';
import { createHarness, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.cleanup());

function value<T>(reply: unknown): T {
  const r = reply as IpcReply<T>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('pchat:changes:summary', () => {
  it('reports no baseline, then the baseline, the pending changes and the script', async () => {
    expect(value<ChangesSummaryDto>(await h.invoke('pchat:changes:summary'))).toEqual({ baseline: null, changes: [], script: '', topology: { sites: [], pools: [] } });
    const fixture = path.resolve('test/fixtures/server/pchat-config.clixml.xml');
    value(await h.invoke('pchat:console:execute', { input: `Import-PchatBaseline '${fixture}' | Out-Null` }));
    value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 41 } }));
    const summary = value<ChangesSummaryDto>(await h.invoke('pchat:changes:summary'));
    expect(summary.baseline).toMatchObject({ file: 'pchat-config.clixml.xml', format: 'CliXML', encoding: 'Unicode' });
    expect(summary.changes).toEqual([{ identity: 'Global', action: 'Set', property: 'DefaultChatHistory', baseline: 40, working: 41 }]);
    expect(summary.script).toContain("Set-CsPersistentChatConfiguration -Identity 'Global' -DefaultChatHistory 41 -WhatIf:$WhatIf -Confirm:$false");
    expect(fs.existsSync(path.join(h.dir, 'baseline.json'))).toBe(true);
  });

  it('takes no arguments', async () => {
    const reply = (await h.invoke('pchat:changes:summary', 'x')) as IpcReply<unknown>;
    expect(reply.ok).toBe(false);
  });
});

describe('pchat:baseline:import', () => {
  const fixture = () => fs.readFileSync(path.resolve('test/fixtures/server/pchat-config.clixml.xml')).toString('base64');

  it('previews without changing anything, then imports; local work is kept unless force', async () => {
    const preview = value<{ ok: boolean; applied: boolean; format: string; encoding: string; collections: number; changes: { identity: string; action: string }[]; warnings: string[] }>(
      await h.invoke('pchat:baseline:import', { name: 'server.xml', content: fixture(), apply: false, force: false }),
    );
    expect(preview).toMatchObject({ ok: true, applied: false, format: 'CliXML', encoding: 'Unicode', collections: 3, localPending: 0 });
    expect(preview.changes.filter((c) => c.action === 'New').map((c) => c.identity)).toContain('site:Zürich Nord');
    expect(preview.warnings[0]).toContain('Element');
    expect(fs.existsSync(path.join(h.dir, 'baseline.json'))).toBe(false);

    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:Local' } }));
    const refused = value<{ ok: boolean; message: string }>(await h.invoke('pchat:baseline:import', { name: 'server.xml', content: fixture(), apply: true, force: false }));
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('the working configuration holds settings that no baseline records');
    expect(fs.existsSync(path.join(h.dir, 'baseline.json'))).toBe(false);

    const done = value<{ applied: boolean }>(await h.invoke('pchat:baseline:import', { name: 'server.xml', content: fixture(), apply: true, force: true }));
    expect(done.applied).toBe(true);
    const stored = JSON.parse(fs.readFileSync(path.join(h.dir, 'config.json'), 'utf8')).collections;
    expect(Object.keys(stored)).toEqual(['Global', 'site:Zürich Nord', 'service:PersistentChatServer:pchat01.emea.corp.contoso.com']);
    const summary = value<ChangesSummaryDto>(await h.invoke('pchat:changes:summary'));
    expect(summary.baseline?.file).toBe('server.xml');
    expect(summary.changes).toEqual([]);
  });

  it('refuses a bad file with the reason and refuses a payload that is not base64', async () => {
    const bad = value<{ ok: boolean; message: string }>(await h.invoke('pchat:baseline:import', { name: 'junk.bin', content: Buffer.from('hello world').toString('base64'), apply: true, force: true }));
    expect(bad).toMatchObject({ ok: false });
    expect(bad.message).toMatch(/^Cannot import 'junk\.bin': its format is not recognised/);
    const reply = (await h.invoke('pchat:baseline:import', { name: 'x', content: '<not base64>', apply: false, force: false })) as IpcReply<unknown>;
    expect(reply.ok).toBe(false);
  });
});
