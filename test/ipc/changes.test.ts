// The "configuration changed" event: after a console statement that wrote,
// after a form action that wrote, never after a read, and when ANOTHER
// process (here: a second repository and session on the same directory, as
// the headless shell would be) writes the store file.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../src-main/engine/session';
import { openRepository } from '../../src-main/engine/store';
import { createHarness, value, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.service.start();
});
afterEach(() => h.cleanup());

const settle = (ms = 200): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('configuration changed', () => {
  it('fires once after a console write, and not after reads or failed writes', async () => {
    value(await h.invoke('pchat:console:execute', { input: 'Get-CsPersistentChatConfiguration' }));
    value(await h.invoke('pchat:console:execute', { input: 'Set-CsPersistentChatConfiguration -DefaultChatHistory 9999' }));
    expect(h.changes.count).toBe(0);
    const changed = h.nextChange();
    value(await h.invoke('pchat:console:execute', { input: 'Set-CsPersistentChatConfiguration -DefaultChatHistory 99' }));
    await changed;
    await settle(); // our own write must not come back through the file watcher
    expect(h.changes.count).toBe(1);
  });

  it('fires after a form write', async () => {
    const changed = h.nextChange();
    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:Oslo' } }));
    await changed;
    await settle();
    expect(h.changes.count).toBe(1);
  });

  it('fires when another process writes the store, and the next call sees the change', async () => {
    const other = openRepository(h.dir).repository;
    const shell = new Session({ repo: other });
    const changed = h.nextChange();
    const result = await shell.execute('New-CsPersistentChatConfiguration -Identity site:FromShell | Out-Null');
    expect(result).toMatchObject({ success: true, changed: true });
    await changed;
    const reply = value(await h.invoke('pchat:cmdlet:get', { parameters: { Identity: 'site:FromShell' } }));
    expect(reply.objects.map((o) => o.Identity)).toEqual(['site:FromShell']);
  });

  it('stops after dispose', async () => {
    h.service.dispose();
    const other = openRepository(h.dir).repository;
    await new Session({ repo: other }).execute('Set-CsPersistentChatConfiguration -DefaultChatHistory 77');
    await settle();
    expect(h.changes.count).toBe(0);
  });
});
