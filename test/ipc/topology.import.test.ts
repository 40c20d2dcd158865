// The pchat:topology:import channel: the window's Import topology… records the
// server's site and pool exports as Import-PchatTopology does (all files
// checked before anything is written), and the summary then lists them for
// the New dialogs.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangesSummaryDto, IpcReply, TopologyImportDto } from '../../src-main/ipc/contract';
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

const FIXTURES = path.resolve('test/fixtures/server');
const file = (name: string) => ({ name, content: fs.readFileSync(path.join(FIXTURES, name)).toString('base64') });

describe('pchat:topology:import', () => {
  it('records the sites and pools; the summary offers them', async () => {
    const done = value<TopologyImportDto>(await h.invoke('pchat:topology:import', { files: [file('sites.clixml.xml'), file('pchat-services.clixml.xml')] }));
    expect(done).toEqual({ ok: true, sites: 2, pools: 2 });
    const summary = value<ChangesSummaryDto>(await h.invoke('pchat:changes:summary'));
    expect(summary.topology.sites).toHaveLength(2);
    expect(summary.topology.pools).toHaveLength(2);
  });

  it('refuses a file it cannot read, and records nothing', async () => {
    const bad = value<TopologyImportDto>(await h.invoke('pchat:topology:import', { files: [file('sites.clixml.xml'), { name: 'junk.bin', content: Buffer.from('hello world').toString('base64') }] }));
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/^Cannot import 'junk\.bin': .+\. Nothing was changed\.$/);
    expect(value<ChangesSummaryDto>(await h.invoke('pchat:changes:summary')).topology).toEqual({ sites: [], pools: [] });
  });

  it('validates its request', async () => {
    const many = Array.from({ length: 5 }, () => ({ name: 'a.xml', content: '' }));
    const big = Array.from({ length: 2 }, () => ({ name: 'a.xml', content: 'A'.repeat(500_000) }));
    for (const bad of [undefined, { files: [] }, { files: many }, { files: big }, { files: [{ name: 'a', content: '***' }] }, { files: [{ name: 'a' }] }, { files: 'x' }]) {
      const reply = (await h.invoke('pchat:topology:import', bad)) as IpcReply<unknown>;
      expect(reply.ok).toBe(false);
    }
  });
});
