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
    expect(value<ChangesSummaryDto>(await h.invoke('pchat:changes:summary'))).toEqual({ baseline: null, changes: [], script: '' });
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
