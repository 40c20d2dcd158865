// The change history and stale-edit refusals through the session host (the
// real worker, a real store file), as the window and the headless shell use
// it, with another process writing the same store.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkCmdlet } from '../../src-main/engine/cmdlets/form-check';
import { SessionHost } from '../../src-main/host/session-host';
import { bundleChild, startChild } from '../helpers/child-bundle';
import { TEST_SESSION_WORKER } from '../support/session-worker';

const hosts: SessionHost[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

let bundle: { file: string; dispose: () => void };
beforeAll(async () => {
  bundle = await bundleChild('test/helpers/store-child.ts');
});
afterAll(() => bundle?.dispose());

async function open(): Promise<{ host: SessionHost; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-history-'));
  dirs.push(dir);
  const host = await SessionHost.open({ storeDir: dir, workerFile: TEST_SESSION_WORKER, checkForm: checkCmdlet });
  hosts.push(host);
  return { host, dir };
}

const stored = (dir: string): Record<string, Record<string, unknown>> => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).collections;

describe('through the session host', () => {
  it('records each source, and lists entries newest first with their inverse lines', async () => {
    const { host } = await open();
    await host.runScript('New-CsPersistentChatConfiguration site:Redmond | Out-Null', {}, () => {});
    await host.runCmdlet('Set-CsPersistentChatConfiguration', { Identity: 'site:Redmond', DefaultChatHistory: 60 }, { DefaultChatHistory: 30 });
    await host.execute('Set-CsPersistentChatConfiguration -MaxFileSizeKB 999');
    const list = await host.listHistory();
    expect(list.entries.map((e) => [e.id, e.source, e.commandLine])).toEqual([
      [3, 'window console', 'Set-CsPersistentChatConfiguration -MaxFileSizeKB 999'],
      [2, 'window form', 'Set-CsPersistentChatConfiguration -Identity "site:Redmond" -DefaultChatHistory 60'],
      [1, 'headless shell', 'New-CsPersistentChatConfiguration site:Redmond | Out-Null'],
    ]);
    expect(list.entries[1]).toMatchObject({
      changes: [{ identity: 'site:Redmond', kind: 'changed', fields: [{ name: 'DefaultChatHistory', before: 30, after: 60 }] }],
      inverse: ['Set-CsPersistentChatConfiguration -Identity "site:Redmond" -DefaultChatHistory 30'],
      blocked: null,
    });
    expect(list.entries[2]?.blocked).toContain('later changes conflict with it (site:Redmond: DefaultChatHistory is now 60, not 30)');
    expect(list).toMatchObject({ total: 3, undoable: 3, warnings: [] });

    const undo = await host.undoChange(2);
    expect(undo).toMatchObject({ ok: true, commandLine: 'Undo-PchatChange -Id 2' });
    const after = await host.listHistory();
    expect(after.entries[0]).toMatchObject({ id: 4, source: 'window history', revertOf: 2 });
    expect(after.entries.find((e) => e.id === 2)).toMatchObject({ undoneBy: 4, blocked: 'Change 2 has already been undone by change 4. To redo it, revert change 4.' });
  });

  it('refuses a form Set whose expected values another process changed, and keeps that process\'s value', async () => {
    const { host, dir } = await open();
    const other = startChild(bundle.file, 'set', { dir, value: 33 }); // Global DefaultChatHistory 30 → 33, from another process
    expect((await other.finished).code).toBe(0);
    const response = await host.runCmdlet('Set-CsPersistentChatConfiguration', { Identity: 'Global', DefaultChatHistory: 60 }, { DefaultChatHistory: 30 });
    expect(response.ok).toBe(false);
    expect(response.commandLine).toBe('Set-CsPersistentChatConfiguration -Identity "Global" -DefaultChatHistory 60');
    expect(response.output.map((l) => l.summary ?? l.text)).toEqual([
      expect.stringContaining('Cannot change Global: it was changed elsewhere after its values were read (DefaultChatHistory 30 → 33). Nothing was changed.'),
    ]);
    expect(stored(dir)['Global']).toMatchObject({ DefaultChatHistory: 33 });
    // With the values it now holds as the expected ones, the same change goes in.
    expect((await host.runCmdlet('Set-CsPersistentChatConfiguration', { Identity: 'Global', DefaultChatHistory: 60 }, { DefaultChatHistory: 33 })).ok).toBe(true);
    expect(stored(dir)['Global']).toMatchObject({ DefaultChatHistory: 60 });
    // A console Set (no expected values) is unaffected: last writer wins, as in the Management Shell.
    expect((await host.execute('Set-CsPersistentChatConfiguration -DefaultChatHistory 61')).success).toBe(true);
  });
});
