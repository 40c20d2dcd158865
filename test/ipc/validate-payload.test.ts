// Malformed payloads are refused with an ErrorData (InvalidPayload) before
// anything reaches the engine: the service is never called and the store
// file stays byte-for-byte the same.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../src-main/app/renderer-files';
import type { IpcEventLike } from '../../src-main/ipc/contract';
import { registerIpc } from '../../src-main/ipc/register';
import { validatePayload } from '../../src-main/ipc/validate-payload';
import { createHarness, spyService, TRUSTED_EVENT, type Harness } from './harness';

const big = (n: number): string => 'x'.repeat(n);
const withGetter = (): object => Object.defineProperty({}, 'Identity', { get: () => 'site:a', enumerable: true });
class Params {
  Identity = 'site:a';
}

/** [label, channel, args] — each must be refused. */
const MALFORMED: [string, string, unknown[]][] = [
  ['metadata with an argument', 'pchat:metadata', [{}]],
  ['history with an argument', 'pchat:console:history', ['x']],
  ['cmdlet without request', 'pchat:cmdlet:new', []],
  ['cmdlet with two arguments', 'pchat:cmdlet:new', [{ parameters: {} }, {}]],
  ['request null', 'pchat:cmdlet:new', [null]],
  ['request an array', 'pchat:cmdlet:new', [[]]],
  ['request a string', 'pchat:cmdlet:new', ['New-CsPersistentChatConfiguration -Identity site:a']],
  ['request a number', 'pchat:cmdlet:set', [42]],
  ['parameters missing', 'pchat:cmdlet:set', [{}]],
  ['parameters null', 'pchat:cmdlet:set', [{ parameters: null }]],
  ['parameters an array', 'pchat:cmdlet:set', [{ parameters: [['Identity', 'Global']] }]],
  ['extra request key', 'pchat:cmdlet:new', [{ parameters: { Identity: 'site:a' }, force: true }]],
  ['unknown parameter', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', Foo: 1 } }]],
  ['parameter of another cmdlet', 'pchat:cmdlet:get', [{ parameters: { DefaultChatHistory: 40 } }]],
  ['parameter name in other case', 'pchat:cmdlet:new', [{ parameters: { identity: 'site:a' } }]],
  ['parameter alias', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', wi: true } }]],
  ['common parameter', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', ErrorAction: 'Stop' } }]],
  ['-Instance (an object)', 'pchat:cmdlet:set', [{ parameters: { Instance: 'Global' } }]],
  ['boolean for a value parameter', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', DefaultChatHistory: true } }]],
  ['string for a switch', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', WhatIf: 'yes' } }]],
  ['null for a switch', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', Force: null } }]],
  ['NaN', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', DefaultChatHistory: Number.NaN } }]],
  ['Infinity', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', MaxFileSizeKB: Number.POSITIVE_INFINITY } }]],
  ['object value', 'pchat:cmdlet:set', [{ parameters: { Identity: { toString: 'Global' } } }]],
  ['array value', 'pchat:cmdlet:set', [{ parameters: { Identity: ['Global'] } }]],
  ['undefined value', 'pchat:cmdlet:set', [{ parameters: { Identity: undefined } }]],
  ['bigint value', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', MaxFileSizeKB: 5n } }]],
  ['huge parameter string', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', FileServiceUrl: `https://a/${big(9000)}` } }]],
  ['__proto__ parameter (JSON)', 'pchat:cmdlet:set', [JSON.parse('{"parameters":{"Identity":"Global","__proto__":{"polluted":1}}}')]],
  ['__proto__ request key (JSON)', 'pchat:cmdlet:set', [JSON.parse('{"parameters":{"Identity":"Global"},"__proto__":{"polluted":1}}')]],
  ['constructor parameter', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', constructor: 'x' } }]],
  ['prototype parameter', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global', prototype: 'x' } }]],
  ['parameters with a prototype', 'pchat:cmdlet:new', [{ parameters: Object.create({ Identity: 'site:a' }) }]],
  ['parameters a class instance', 'pchat:cmdlet:new', [{ parameters: new Params() }]],
  ['getter property', 'pchat:cmdlet:new', [{ parameters: withGetter() }]],
  ['symbol key', 'pchat:cmdlet:new', [{ parameters: { Identity: 'site:a', [Symbol('x')]: 1 } }]],
  ['preview of an unknown cmdlet', 'pchat:cmdlet:preview', [{ cmdlet: 'Remove-Item', parameters: {} }]],
  ['preview without cmdlet', 'pchat:cmdlet:preview', [{ parameters: {} }]],
  ['preview with unknown parameter', 'pchat:cmdlet:preview', [{ cmdlet: 'Get-CsPersistentChatConfiguration', parameters: { Path: '/' } }]],
  ['expected values on New', 'pchat:cmdlet:new', [{ parameters: { Identity: 'site:a' }, expected: { DefaultChatHistory: 30 } }]],
  ['expected values on Remove', 'pchat:cmdlet:remove', [{ parameters: { Identity: 'site:a' }, expected: {} }]],
  ['expected value of no property', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global' }, expected: { Identity: 'Global' } }]],
  ['expected value a boolean', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global' }, expected: { DefaultChatHistory: true } }]],
  ['expected values null', 'pchat:cmdlet:set', [{ parameters: { Identity: 'Global' }, expected: null }]],
  ['expected __proto__ (JSON)', 'pchat:cmdlet:set', [JSON.parse('{"parameters":{"Identity":"Global"},"expected":{"__proto__":{"x":1}}}')]],
  ['history list with an argument', 'pchat:history:list', [{}]],
  ['undo without id', 'pchat:history:undo', [{}]],
  ['undo id a string', 'pchat:history:undo', [{ id: '3' }]],
  ['undo id a fraction', 'pchat:history:undo', [{ id: 1.5 }]],
  ['undo id zero', 'pchat:history:undo', [{ id: 0 }]],
  ['console input a number', 'pchat:console:execute', [{ input: 42 }]],
  ['console input missing', 'pchat:console:execute', [{}]],
  ['console input too long', 'pchat:console:execute', [{ input: big(100_001) }]],
  ['console input bare string', 'pchat:console:execute', ['Get-CsPersistentChatConfiguration']],
  ['console extra key', 'pchat:console:execute', [{ input: 'x', cwd: '/' }]],
  ['answer missing', 'pchat:console:answer', [{}]],
  ['answer a boolean', 'pchat:console:answer', [{ answer: true }]],
  ['answer too long', 'pchat:console:answer', [{ answer: big(10_001) }]],
  ['complete cursor negative', 'pchat:console:complete', [{ input: 'Get', cursor: -1 }]],
  ['complete cursor fractional', 'pchat:console:complete', [{ input: 'Get', cursor: 1.5 }]],
  ['complete cursor past the end', 'pchat:console:complete', [{ input: 'Get', cursor: 4 }]],
  ['complete cursor a string', 'pchat:console:complete', [{ input: 'Get', cursor: '3' }]],
  ['complete input too long', 'pchat:console:complete', [{ input: big(100_001), cursor: 0 }]],
];

describe('malformed payloads', () => {
  it('are refused on the handler with InvalidPayload and never call the service', async () => {
    const service = spyService();
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    registerIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, service, APP_ORIGIN);
    for (const [label, channel, args] of MALFORMED) {
      const reply = (await handlers.get(channel)!(TRUSTED_EVENT, ...args)) as { ok: boolean; error?: { id: string; category: string; message: string } };
      expect([label, reply.ok, reply.error?.id, reply.error?.category]).toEqual([label, false, 'InvalidPayload', 'InvalidArgument']);
      expect(typeof reply.error?.message).toBe('string');
    }
    expect(service.calls()).toBe(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('say what is wrong', () => {
    const message = (channel: string, args: unknown[]): string => {
      try {
        validatePayload(channel as never, args);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(message('pchat:cmdlet:set', [{ parameters: { Identity: 'Global', Foo: 1 } }])).toBe("parameters has an unknown key 'Foo'.");
    expect(message('pchat:cmdlet:set', [JSON.parse('{"parameters":{"__proto__":{}}}')])).toBe("parameters has a forbidden key '__proto__'.");
    expect(message('pchat:console:execute', [{ input: big(100_001) }])).toBe('input is too long (100001 characters; the limit is 100000).');
    expect(message('pchat:metadata', [1])).toBe('pchat:metadata takes no arguments; got 1.');
    expect(message('pchat:cmdlet:set', [{ parameters: { WhatIf: 1 } }])).toBe('parameters.WhatIf is a switch: it must be true or false.');
  });

  it('well-formed payloads come back as frozen copies', () => {
    const parameters = { Identity: 'site:a', DefaultChatHistory: 40, FileServiceUrl: null, WhatIf: true };
    const request = validatePayload('pchat:cmdlet:new', [{ parameters }]);
    expect(request).toEqual({ parameters });
    expect(request.parameters).not.toBe(parameters);
    expect(Object.isFrozen(request) && Object.isFrozen(request.parameters)).toBe(true);
    expect(validatePayload('pchat:console:answer', [{ answer: null }])).toEqual({ answer: null });
    expect(validatePayload('pchat:console:complete', [{ input: 'Get', cursor: 3 }])).toEqual({ input: 'Get', cursor: 3 });
    expect(validatePayload('pchat:console:execute', [{ input: big(100_000) }]).input).toHaveLength(100_000);
  });
});

describe('malformed payloads against the real engine', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness();
  });
  afterAll(() => h.cleanup());

  it('leave the store file byte-for-byte unchanged', async () => {
    const before = h.storeBytes();
    for (const [label, channel, args] of MALFORMED) {
      const reply = await h.invokeAs(TRUSTED_EVENT, channel, ...args);
      expect([label, reply.ok]).toEqual([label, false]);
    }
    expect(h.storeBytes().equals(before)).toBe(true);
    expect(h.changes.count).toBe(0);
    expect(h.service.consoleHistory()).toEqual([]);
    expect(h.logged).toEqual([]);
  });
});
