// The pchat:configuration:backup channel: the window's Back up gets the text
// Export-PchatConfiguration writes (one builder, one format), through the real
// handler table, service and store.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcReply } from '../../src-main/ipc/contract';
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

const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "<time>"');

describe('pchat:configuration:backup', () => {
  it('returns the text Export-PchatConfiguration writes: the working configuration, the baseline and the topology', async () => {
    const fixture = path.resolve('test/fixtures/server/pchat-config.clixml.xml');
    value(await h.invoke('pchat:console:execute', { input: `Import-PchatBaseline '${fixture}' | Out-Null` }));
    value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 41 } }));
    const text = value<string>(await h.invoke('pchat:configuration:backup'));
    const data = JSON.parse(text) as { format: string; version: number; collections: { Identity: string; DefaultChatHistory: number }[]; baseline: { source: { file: string } } | null };
    expect(data).toMatchObject({ format: 'pchat-admin-configuration', version: 1 });
    expect(data.collections.find((c) => c.Identity === 'Global')?.DefaultChatHistory).toBe(41);
    expect(data.baseline?.source.file).toBe('pchat-config.clixml.xml');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);

    const file = path.join(h.dir, 'backup.json');
    value(await h.invoke('pchat:console:execute', { input: `Export-PchatConfiguration '${file}'` }));
    expect(withoutTime(text)).toBe(withoutTime(fs.readFileSync(file, 'utf8')));
  });

  it('takes no arguments', async () => {
    const reply = (await h.invoke('pchat:configuration:backup', 'x')) as IpcReply<unknown>;
    expect(reply.ok).toBe(false);
  });
});
