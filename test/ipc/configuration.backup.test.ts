// The pchat:configuration:backup and :restore channels: the window's Back up
// gets the text Export-PchatConfiguration writes (one builder, one format);
// Restore previews, then restores as Import-PchatConfiguration does (all or
// nothing, the engine's messages), through the real handler table, service and store.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigurationRestoreDto, IpcReply } from '../../src-main/ipc/contract';
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

describe('pchat:configuration:restore', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

  it('previews what a backup changes, changes nothing until applied, then restores the configuration, baseline and topology', async () => {
    const fixture = path.resolve('test/fixtures/server/pchat-config.clixml.xml');
    value(await h.invoke('pchat:console:execute', { input: `Import-PchatBaseline '${fixture}' | Out-Null` }));
    value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 41 } }));
    const backup = value<string>(await h.invoke('pchat:configuration:backup'));
    value(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 12 } }));

    const preview = value<ConfigurationRestoreDto>(await h.invoke('pchat:configuration:restore', { name: 'b.json', content: b64(backup), apply: false }));
    expect(preview).toMatchObject({ ok: true, applied: false, baseline: 'pchat-config.clixml.xml', topology: null });
    expect(preview.changes).toEqual([{ identity: 'Global', action: 'Set', property: 'DefaultChatHistory', baseline: 12, working: 41 }]);
    const now = value<{ objects: { DefaultChatHistory: number }[] }>(await h.invoke('pchat:cmdlet:get', { parameters: { Identity: 'Global' } }));
    expect(now.objects[0]?.DefaultChatHistory).toBe(12);

    const done = value<ConfigurationRestoreDto>(await h.invoke('pchat:configuration:restore', { name: 'b.json', content: b64(backup), apply: true }));
    expect(done).toMatchObject({ ok: true, applied: true });
    const after = value<{ objects: { DefaultChatHistory: number }[] }>(await h.invoke('pchat:cmdlet:get', { parameters: { Identity: 'Global' } }));
    expect(after.objects[0]?.DefaultChatHistory).toBe(41);
  });

  it('refuses what is not a backup, or a newer one, with the engine message, and changes nothing', async () => {
    const before = fs.readFileSync(path.join(h.dir, 'config.json'), 'utf8');
    const server = fs.readFileSync(path.resolve('test/fixtures/server/pchat-config.clixml.xml')).toString('base64');
    const notBackup = value<ConfigurationRestoreDto>(await h.invoke('pchat:configuration:restore', { name: 'server.xml', content: server, apply: true }));
    expect(notBackup).toMatchObject({ ok: false, applied: false });
    expect(notBackup.message).toBe("Cannot restore 'server.xml': it is not a pchat-admin backup (format \"pchat-admin-configuration\"); to import what the server exported, use Import-PchatBaseline. Nothing was changed.");
    const newer = value<ConfigurationRestoreDto>(await h.invoke('pchat:configuration:restore', { name: 'n.json', content: b64(JSON.stringify({ format: 'pchat-admin-configuration', version: 99, collections: [] })), apply: true }));
    expect(newer.message).toBe("Cannot restore 'n.json': it was written by a newer pchat-admin (format version 99). Nothing was changed.");
    const junk = value<ConfigurationRestoreDto>(await h.invoke('pchat:configuration:restore', { name: 'junk.bin', content: b64('hello world'), apply: true }));
    expect(junk.ok).toBe(false);
    expect(junk.message).toMatch(/^Cannot restore 'junk\.bin': .+\. Nothing was changed\.$/);
    expect(fs.readFileSync(path.join(h.dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('validates its request', async () => {
    for (const bad of [undefined, { name: 'a', content: '***', apply: true }, { name: 'a', content: '', apply: 'yes' }, { name: 'a', content: '', apply: true, force: true }]) {
      const reply = (await h.invoke('pchat:configuration:restore', bad)) as IpcReply<unknown>;
      expect(reply.ok).toBe(false);
    }
  });
});
