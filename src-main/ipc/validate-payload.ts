// Strict validation of every channel's payload, before anything reaches the
// engine. A payload passes only when it has exactly the expected shape:
// the right number of arguments, plain objects with known keys only (no
// __proto__ / constructor / prototype, no getters), strings within limits,
// finite numbers, and — for cmdlet calls — only parameter names the engine's
// own table (PARAMETERS) lists for that cmdlet, each with a value of a type
// a form can send. What passes is copied into fresh frozen objects, so the
// engine never sees the caller's objects.
//
// Value *meaning* (ranges, URL rules, identities) is left to the engine: it
// reports those as ordinary cmdlet errors, exactly as in the console.

import { BULK_CMDLETS, type BulkCmdletName } from '../engine/cmdlets/bulk-line';
import { CONFIG_CMDLETS, PARAMETERS, type ConfigCmdletName, type ParameterMeta } from '../engine/domain/parameters';
import { PROPERTIES } from '../engine/domain/properties';
import { CONSOLE_WIDTH_RANGE, type BulkRequest, type ChannelName, type Channels, type CmdletParameters, type CmdletRequest } from './contract';
import { MAX_IMPORT_CONTENT, MAX_TOPOLOGY_FILES } from './contract';
import { refuse } from './errors';

/** Console input: far more than any realistic script pasted into the console. */
export const MAX_CONSOLE_INPUT = 100_000;
/** An answer to a prompt (a Confirm choice, or a value such as `Identity: `). */
export const MAX_ANSWER_LENGTH = 10_000;
/** One form value: identities and URLs are far shorter. */
export const MAX_PARAMETER_STRING = 8_192;
/** Collections in one bulk change: far more than any real topology has. */
export const MAX_BULK_IDENTITIES = 10_000;
/** A command name for the Help pane. */
export const MAX_HELP_NAME = 256;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function invalid(message: string): never {
  return refuse('InvalidPayload', message);
}

function expectArgs(args: readonly unknown[], count: number, channel: string): void {
  if (args.length !== count) invalid(`${channel} takes ${count === 0 ? 'no arguments' : 'one argument'}; got ${args.length}.`);
}

/**
 * Checks that `value` is a plain data object whose own keys are all in
 * `allowed`, and returns its entries. Accessors are refused so that reading
 * a value cannot run code or change between check and use.
 */
function plainEntries(value: unknown, what: string, allowed: (key: string) => boolean): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(`${what} must be an object.`);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) invalid(`${what} must be a plain object.`);
  const entries: [string, unknown][] = [];
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') invalid(`${what} has a symbol key.`);
    if (FORBIDDEN_KEYS.has(key)) invalid(`${what} has a forbidden key '${key}'.`);
    if (!allowed(key)) invalid(`${what} has an unknown key '${key.slice(0, 64)}'.`);
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if (!('value' in descriptor)) invalid(`${what}.${key} must be a data property.`);
    entries.push([key, descriptor.value]);
  }
  return entries;
}

function record(value: unknown, what: string, keys: readonly string[], required: readonly string[] = keys): Map<string, unknown> {
  const entries = new Map(plainEntries(value, what, (key) => keys.includes(key)));
  for (const key of required) if (!entries.has(key)) invalid(`${what}.${key} is missing.`);
  return entries;
}

function string(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') invalid(`${what} must be a string.`);
  if (value.length > max) invalid(`${what} is too long (${value.length} characters; the limit is ${max}).`);
  return value;
}

/** Parameters a form can send for each cmdlet, by exact name; -Instance takes an object, which JSON cannot carry. */
const FORM_PARAMETERS: ReadonlyMap<ConfigCmdletName, ReadonlyMap<string, ParameterMeta>> = new Map(
  CONFIG_CMDLETS.map((cmdlet) => [
    cmdlet,
    new Map(PARAMETERS.filter((p) => p.usage[cmdlet] !== undefined && p.type !== 'PSObject').map((p) => [p.name, p])),
  ]),
);

export function validateCmdletParameters(cmdlet: ConfigCmdletName, value: unknown): CmdletParameters {
  const known = FORM_PARAMETERS.get(cmdlet)!;
  const out: Record<string, string | number | boolean | null> = Object.create(null);
  for (const [name, v] of plainEntries(value, 'parameters', (key) => known.has(key))) {
    const what = `parameters.${name}`;
    if (known.get(name)!.type === 'SwitchParameter') {
      if (typeof v !== 'boolean') invalid(`${what} is a switch: it must be true or false.`);
      out[name] = v;
    } else if (v === null) {
      out[name] = null;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) invalid(`${what} must be a finite number.`);
      out[name] = v;
    } else if (typeof v === 'string') {
      out[name] = string(v, what, MAX_PARAMETER_STRING);
    } else {
      invalid(`${what} must be a string, a number or null.`);
    }
  }
  return Object.freeze(out);
}

const PROPERTY_NAMES: ReadonlySet<string> = new Set(PROPERTIES.map((p) => p.name));

/** A Set's expected values: property names only (exact spelling), each a number, a string or null. */
export function validateExpected(value: unknown): CmdletParameters {
  const out: Record<string, string | number | null> = Object.create(null);
  for (const [name, v] of plainEntries(value, 'expected', (key) => PROPERTY_NAMES.has(key))) {
    const what = `expected.${name}`;
    if (v === null) out[name] = null;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) invalid(`${what} must be a finite number.`);
      out[name] = v;
    } else if (typeof v === 'string') out[name] = string(v, what, MAX_PARAMETER_STRING);
    else invalid(`${what} must be a string, a number or null.`);
  }
  return Object.freeze(out);
}

function cmdletName(value: unknown): ConfigCmdletName {
  if (typeof value !== 'string' || !(CONFIG_CMDLETS as readonly string[]).includes(value)) {
    invalid(`cmdlet must be one of ${CONFIG_CMDLETS.join(', ')}.`);
  }
  return value as ConfigCmdletName;
}

type Request<C extends ChannelName> = Channels[C]['request'];
type Validator<C extends ChannelName> = (args: readonly unknown[]) => Request<C>;

function cmdletRequest(cmdlet: ConfigCmdletName, channel: ChannelName): (args: readonly unknown[]) => CmdletRequest {
  // Only Set changes existing values, so only Set takes the values the editor started from.
  const keys = cmdlet === 'Set-CsPersistentChatConfiguration' ? ['parameters', 'expected'] : ['parameters'];
  return (args) => {
    expectArgs(args, 1, channel);
    const fields = record(args[0], 'request', keys, ['parameters']);
    const parameters = validateCmdletParameters(cmdlet, fields.get('parameters'));
    if (!fields.has('expected')) return Object.freeze({ parameters });
    return Object.freeze({ parameters, expected: validateExpected(fields.get('expected')) });
  };
}

function bulkRequest(channel: 'pchat:cmdlet:bulk' | 'pchat:cmdlet:bulk-preview'): (args: readonly unknown[]) => BulkRequest {
  return (args) => bulkPayload(args, channel);
}

function bulkPayload(args: readonly unknown[], channel: string): BulkRequest {
  expectArgs(args, 1, channel);
  const fields = record(args[0], 'request', ['cmdlet', 'identities', 'parameters']);
  const cmdlet = fields.get('cmdlet');
  if (typeof cmdlet !== 'string' || !(BULK_CMDLETS as readonly string[]).includes(cmdlet)) invalid(`cmdlet must be one of ${BULK_CMDLETS.join(', ')}.`);
  const list = fields.get('identities');
  if (!Array.isArray(list) || Object.getPrototypeOf(list) !== Array.prototype) invalid('identities must be an array.');
  if (list.length === 0 || list.length > MAX_BULK_IDENTITIES) invalid(`identities must hold 1 to ${MAX_BULK_IDENTITIES} identities; got ${list.length}.`);
  const identities: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const descriptor = Object.getOwnPropertyDescriptor(list, i);
    if (descriptor === undefined || !('value' in descriptor)) invalid(`identities[${i}] must be a data element.`);
    identities.push(string(descriptor.value, `identities[${i}]`, MAX_PARAMETER_STRING));
  }
  const parameters = validateCmdletParameters(cmdlet as BulkCmdletName, fields.get('parameters'));
  if ('Identity' in parameters) invalid('parameters.Identity is not allowed: the identities are the list.');
  return Object.freeze({ cmdlet: cmdlet as BulkCmdletName, identities: Object.freeze(identities), parameters });
}

const VALIDATORS: { readonly [C in ChannelName]: Validator<C> } = {
  'pchat:metadata': (args) => expectArgs(args, 0, 'pchat:metadata'),
  'pchat:console:history': (args) => expectArgs(args, 0, 'pchat:console:history'),
  'pchat:changes:summary': (args) => expectArgs(args, 0, 'pchat:changes:summary'),
  'pchat:connection:status': (args) => expectArgs(args, 0, 'pchat:connection:status'),
  'pchat:connection:preview': (args) => {
    expectArgs(args, 1, 'pchat:connection:preview');
    const keys = ['powerShellPath', 'mode', 'module', 'connectionUri', 'userName', 'timeoutSeconds'] as const;
    const fields = record(args[0], 'request', keys);
    const mode = fields.get('mode');
    if (mode !== 'Local' && mode !== 'Remote') invalid('mode must be Local or Remote.');
    const module = fields.get('module');
    if (module !== 'Auto' && module !== 'SkypeForBusiness' && module !== 'Lync') invalid('module must be Auto, SkypeForBusiness or Lync.');
    const text = (key: (typeof keys)[number], max: number): string => string(fields.get(key), key, max);
    return Object.freeze({
      powerShellPath: text('powerShellPath', 4096),
      mode: mode as 'Local' | 'Remote',
      module: module as 'Auto' | 'SkypeForBusiness' | 'Lync',
      connectionUri: text('connectionUri', 4096),
      userName: text('userName', 512),
      timeoutSeconds: text('timeoutSeconds', 32),
    });
  },
  'pchat:configuration:backup': (args) => expectArgs(args, 0, 'pchat:configuration:backup'),
  'pchat:topology:import': (args) => {
    expectArgs(args, 1, 'pchat:topology:import');
    const fields = record(args[0], 'request', ['files']);
    const list = fields.get('files');
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_TOPOLOGY_FILES) invalid(`files must be a list of 1 to ${MAX_TOPOLOGY_FILES} files.`);
    const files = (list as unknown[]).map((item, i) => {
      const file = record(item, `files[${i}]`, ['name', 'content']);
      const content = string(file.get('content'), 'content', MAX_IMPORT_CONTENT);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) invalid('content must be base64.');
      return Object.freeze({ name: string(file.get('name'), 'name', 255), content });
    });
    // The same cap as one import file, for all of them together.
    if (files.reduce((n, f) => n + f.content.length, 0) > MAX_IMPORT_CONTENT) invalid(`the files together must be at most ${MAX_IMPORT_CONTENT} base64 characters.`);
    return Object.freeze({ files: Object.freeze(files) });
  },
  'pchat:configuration:restore': (args) => {
    expectArgs(args, 1, 'pchat:configuration:restore');
    const fields = record(args[0], 'request', ['name', 'content', 'apply']);
    const content = string(fields.get('content'), 'content', MAX_IMPORT_CONTENT);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) invalid('content must be base64.');
    const apply = fields.get('apply');
    if (typeof apply !== 'boolean') invalid('apply must be true or false.');
    return Object.freeze({ name: string(fields.get('name'), 'name', 255), content, apply: apply as boolean });
  },
  'pchat:baseline:import': (args) => {
    expectArgs(args, 1, 'pchat:baseline:import');
    const fields = record(args[0], 'request', ['name', 'content', 'apply', 'force']);
    const content = string(fields.get('content'), 'content', MAX_IMPORT_CONTENT);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) invalid('content must be base64.');
    const flag = (key: string): boolean => {
      const v = fields.get(key);
      if (typeof v !== 'boolean') invalid(`${key} must be true or false.`);
      return v as boolean;
    };
    return Object.freeze({ name: string(fields.get('name'), 'name', 255), content, apply: flag('apply'), force: flag('force') });
  },
  'pchat:console:stop': (args) => expectArgs(args, 0, 'pchat:console:stop'),
  'pchat:console:output': (args) => expectArgs(args, 0, 'pchat:console:output'),
  'pchat:history:list': (args) => expectArgs(args, 0, 'pchat:history:list'),
  'pchat:history:undo': (args) => {
    expectArgs(args, 1, 'pchat:history:undo');
    const id = record(args[0], 'request', ['id']).get('id');
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) invalid('id must be a whole number from 1 to 2147483647.');
    return Object.freeze({ id });
  },
  'pchat:cmdlet:get': cmdletRequest('Get-CsPersistentChatConfiguration', 'pchat:cmdlet:get'),
  'pchat:cmdlet:new': cmdletRequest('New-CsPersistentChatConfiguration', 'pchat:cmdlet:new'),
  'pchat:cmdlet:set': cmdletRequest('Set-CsPersistentChatConfiguration', 'pchat:cmdlet:set'),
  'pchat:cmdlet:remove': cmdletRequest('Remove-CsPersistentChatConfiguration', 'pchat:cmdlet:remove'),
  'pchat:cmdlet:preview': (args) => {
    expectArgs(args, 1, 'pchat:cmdlet:preview');
    const fields = record(args[0], 'request', ['cmdlet', 'parameters']);
    const cmdlet = cmdletName(fields.get('cmdlet'));
    return Object.freeze({ cmdlet, parameters: validateCmdletParameters(cmdlet, fields.get('parameters')) });
  },
  'pchat:cmdlet:bulk': bulkRequest('pchat:cmdlet:bulk'),
  'pchat:cmdlet:bulk-preview': bulkRequest('pchat:cmdlet:bulk-preview'),
  'pchat:help': (args) => {
    expectArgs(args, 1, 'pchat:help');
    return Object.freeze({ name: string(record(args[0], 'request', ['name']).get('name'), 'name', MAX_HELP_NAME) });
  },
  'pchat:console:execute': (args) => {
    expectArgs(args, 1, 'pchat:console:execute');
    const fields = record(args[0], 'request', ['input', 'width'], ['input']);
    const input = string(fields.get('input'), 'input', MAX_CONSOLE_INPUT);
    if (!fields.has('width')) return Object.freeze({ input });
    const width = fields.get('width');
    const { min, max } = CONSOLE_WIDTH_RANGE;
    if (typeof width !== 'number' || !Number.isInteger(width) || width < min || width > max) {
      invalid(`width must be a whole number of characters from ${min} to ${max}.`);
    }
    return Object.freeze({ input, width });
  },
  'pchat:console:answer': (args) => {
    expectArgs(args, 1, 'pchat:console:answer');
    const answer = record(args[0], 'request', ['answer']).get('answer');
    return Object.freeze({ answer: answer === null ? null : string(answer, 'answer', MAX_ANSWER_LENGTH) });
  },
  'pchat:console:complete': (args) => {
    expectArgs(args, 1, 'pchat:console:complete');
    const fields = record(args[0], 'request', ['input', 'cursor']);
    const input = string(fields.get('input'), 'input', MAX_CONSOLE_INPUT);
    const cursor = fields.get('cursor');
    if (typeof cursor !== 'number' || !Number.isInteger(cursor) || cursor < 0 || cursor > input.length) {
      invalid('cursor must be a whole number from 0 to the length of input.');
    }
    return Object.freeze({ input, cursor });
  },
};

/** Validates the arguments of one call on `channel`; throws an IpcRefusal (InvalidPayload) when they do not fit. */
export function validatePayload<C extends ChannelName>(channel: C, args: readonly unknown[]): Request<C> {
  return VALIDATORS[channel](args);
}
