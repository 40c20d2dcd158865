// Every channel refuses a call whose sender frame is not the app's own page,
// before the payload is looked at, and nothing reaches the engine or the store.

import { afterEach, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../src-main/app/renderer-files';
import { CHANNELS } from '../../src-main/ipc/channels';
import type { IpcEventLike } from '../../src-main/ipc/contract';
import { registerIpc } from '../../src-main/ipc/register';
import { isTrustedSender } from '../../src-main/ipc/sender';
import { createHarness, spyService, type Harness } from './harness';

const UNTRUSTED: [string, unknown][] = [
  ['no event', undefined],
  ['null event', null],
  ['no senderFrame', {}],
  ['destroyed frame (senderFrame null)', { senderFrame: null }],
  ['frame without url', { senderFrame: {} }],
  ['url not a string', { senderFrame: { url: 42 } }],
  ['remote page', { senderFrame: { url: 'https://evil.example/index.html' } }],
  ['file:// page', { senderFrame: { url: 'file:///tmp/index.html' } }],
  ['other app:// host', { senderFrame: { url: 'app://other/index.html' } }],
  ['look-alike host', { senderFrame: { url: 'app://renderer.evil.example/index.html' } }],
  ['credentials in url', { senderFrame: { url: 'app://user:pw@renderer/index.html' } }],
  ['dev server origin when not trusted', { senderFrame: { url: 'http://localhost:5173/' } }],
  ['about:blank', { senderFrame: { url: 'about:blank' } }],
  ['malformed url', { senderFrame: { url: 'not a url' } }],
];

/** A valid payload for each channel, so only the sender can be the reason for refusal. */
const VALID_ARGS: Record<string, unknown[]> = {
  'pchat:metadata': [],
  'pchat:cmdlet:get': [{ parameters: {} }],
  'pchat:cmdlet:new': [{ parameters: { Identity: 'site:Redmond' } }],
  'pchat:cmdlet:set': [{ parameters: { Identity: 'Global', DefaultChatHistory: 42 } }],
  'pchat:cmdlet:remove': [{ parameters: { Identity: 'Global' } }],
  'pchat:cmdlet:preview': [{ cmdlet: 'Get-CsPersistentChatConfiguration', parameters: {} }],
  'pchat:cmdlet:bulk': [{ cmdlet: 'Set-CsPersistentChatConfiguration', identities: ['Global'], parameters: { DefaultChatHistory: 42 } }],
  'pchat:cmdlet:bulk-preview': [{ cmdlet: 'Set-CsPersistentChatConfiguration', identities: ['Global'], parameters: { DefaultChatHistory: 42 } }],
  'pchat:help': [{ name: 'Get-Help' }],
  'pchat:console:execute': [{ input: 'Set-CsPersistentChatConfiguration -DefaultChatHistory 99' }],
  'pchat:console:answer': [{ answer: 'Y' }],
  'pchat:console:complete': [{ input: 'Get-Cs', cursor: 6 }],
  'pchat:console:history': [],
  'pchat:changes:summary': [],
  'pchat:connection:status': [],
  'pchat:connection:preview': [{ powerShellPath: 'pwsh', mode: 'Local', module: 'Auto', connectionUri: '', userName: '', timeoutSeconds: '600' }],
  'pchat:baseline:import': [{ name: 'x.xml', content: '', apply: false, force: false }],
  'pchat:configuration:backup': [],
  'pchat:configuration:restore': [{ name: 'x.json', content: '', apply: false }],
  'pchat:topology:import': [{ files: [{ name: 'sites.xml', content: '' }] }],
  'pchat:console:stop': [],
  'pchat:console:output': [],
  'pchat:history:list': [],
  'pchat:history:undo': [{ id: 1 }],
};

describe('isTrustedSender', () => {
  it('accepts only frames of the trusted origin', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://renderer/index.html' } }, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'APP://RENDERER/x/y.html#z' } }, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'http://localhost:5173/' } }, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'http://localhost:5174/' } }, 'http://localhost:5173')).toBe(false);
    for (const [, event] of UNTRUSTED) expect(isTrustedSender(event, APP_ORIGIN)).toBe(false);
  });
});

describe('wrong sender', () => {
  it('is refused on every channel without calling the service', async () => {
    const service = spyService();
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    registerIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, service, APP_ORIGIN);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      for (const [label, event] of UNTRUSTED) {
        const reply = await handlers.get(channel)!(event as IpcEventLike, ...VALID_ARGS[channel]!);
        expect([channel, label, reply]).toEqual([
          channel,
          label,
          {
            ok: false,
            error: {
              id: 'UntrustedSender',
              message: 'The request did not come from the pchat-admin window and was refused.',
              category: 'PermissionDenied',
            },
          },
        ]);
      }
    }
    expect(service.calls()).toBe(0);
  });

  describe('with the real engine', () => {
    let h: Harness;
    afterEach(() => h.cleanup());

    it('never reaches the store', async () => {
      h = createHarness();
      const before = h.storeBytes();
      const event = { senderFrame: { url: 'https://evil.example/' } };
      for (const channel of CHANNELS) {
        const reply = await h.invokeAs(event, channel, ...VALID_ARGS[channel]!);
        expect(reply.ok).toBe(false);
      }
      expect(h.storeBytes().equals(before)).toBe(true);
      expect(h.changes.count).toBe(0);
      expect(h.service.consoleHistory()).toEqual([]);
      // The same calls from the app's page do go through.
      const ok = await h.invoke('pchat:cmdlet:new', ...VALID_ARGS['pchat:cmdlet:new']!);
      expect(ok.ok && ok.value.ok).toBe(true);
      expect(h.storeBytes().equals(before)).toBe(false);
    });
  });
});
