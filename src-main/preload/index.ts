// Preload (sandboxed, context-isolated, built as one CommonJS file): exposes
// one frozen, typed object as `window.pchat` — the contract's PchatApi.
//
// Each method invokes ONE fixed channel; there is no generic "invoke any
// channel" and no raw ipcRenderer on the page. Replies arrive as IpcReply
// envelopes and are unwrapped here: a refusal rejects with the ErrorData
// itself (plain data crosses contextBridge intact; an Error's own fields
// would be dropped). Event listeners get no IpcRendererEvent (it would hand
// the page `event.sender`, i.e. ipcRenderer).

import { contextBridge, ipcRenderer } from 'electron';
import {
  CONFIGURATION_CHANGED,
  MENU_COMMAND,
  MENU_COMMANDS,
  type ChannelName,
  type Channels,
  type CmdletParameters,
  type ErrorData,
  type IpcReply,
  type MenuCommand,
  type PchatApi,
} from '../ipc/contract';

declare const __PCHAT_VERSION__: string;

// The one list in contract.ts: a command added to the menu cannot be dropped here by a forgotten copy.
const MENU_COMMAND_SET: ReadonlySet<string> = new Set<string>(MENU_COMMANDS);

async function call<C extends ChannelName>(channel: C, ...args: unknown[]): Promise<Channels[C]['response']> {
  let reply: IpcReply<Channels[C]['response']>;
  try {
    reply = (await ipcRenderer.invoke(channel, ...args)) as IpcReply<Channels[C]['response']>;
  } catch (e) {
    const error: ErrorData = { id: 'IpcFailed', message: String((e as Error)?.message ?? e), category: 'NotSpecified' };
    throw error;
  }
  if (reply.ok) return reply.value;
  throw reply.error;
}

function expectFunction(listener: unknown): asserts listener is (...args: never[]) => unknown {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
}

function onConfigurationChanged(listener: () => void): () => void {
  expectFunction(listener);
  const wrapped = (): void => listener();
  ipcRenderer.on(CONFIGURATION_CHANGED, wrapped);
  return () => void ipcRenderer.removeListener(CONFIGURATION_CHANGED, wrapped);
}

function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  expectFunction(listener);
  const wrapped = (_event: unknown, command: unknown): void => {
    if (typeof command === 'string' && MENU_COMMAND_SET.has(command)) listener(command as MenuCommand);
  };
  ipcRenderer.on(MENU_COMMAND, wrapped);
  return () => void ipcRenderer.removeListener(MENU_COMMAND, wrapped);
}

const cmdlet =
  (channel: 'pchat:cmdlet:get' | 'pchat:cmdlet:new' | 'pchat:cmdlet:set' | 'pchat:cmdlet:remove') =>
  (parameters: CmdletParameters = {}) =>
    call(channel, { parameters });

const api: PchatApi = Object.freeze({
  version: __PCHAT_VERSION__,
  metadata: () => call('pchat:metadata'),
  getConfiguration: cmdlet('pchat:cmdlet:get'),
  newConfiguration: cmdlet('pchat:cmdlet:new'),
  setConfiguration: (parameters: CmdletParameters, expected?: CmdletParameters) =>
    call('pchat:cmdlet:set', expected === undefined ? { parameters } : { parameters, expected }),
  removeConfiguration: cmdlet('pchat:cmdlet:remove'),
  previewCmdlet: (name, parameters) => call('pchat:cmdlet:preview', { cmdlet: name, parameters }),
    runBulk: (request) => call('pchat:cmdlet:bulk', request),
    previewBulk: (request) => call('pchat:cmdlet:bulk-preview', request),
    help: (name) => call('pchat:help', { name }),
    changesSummary: () => call('pchat:changes:summary'),
    importBaseline: (request) => call('pchat:baseline:import', request),
    backupConfiguration: () => call('pchat:configuration:backup'),
    restoreConfiguration: (request) => call('pchat:configuration:restore', request),
    importTopology: (request) => call('pchat:topology:import', request),
    connectionStatus: () => call('pchat:connection:status'),
    previewConnect: (request) => call('pchat:connection:preview', request),
  console: Object.freeze({
    execute: (input: string, width?: number) => call('pchat:console:execute', width === undefined ? { input } : { input, width }),
    output: () => call('pchat:console:output'),
    answer: (answer: string | null) => call('pchat:console:answer', { answer }),
    stop: () => call('pchat:console:stop'),
    complete: (input: string, cursor: number) => call('pchat:console:complete', { input, cursor }),
    history: () => call('pchat:console:history'),
  }),
  history: Object.freeze({
    list: () => call('pchat:history:list'),
    undo: (id: number) => call('pchat:history:undo', { id }),
  }),
  onConfigurationChanged,
  onMenuCommand,
} satisfies PchatApi);

contextBridge.exposeInMainWorld('pchat', api);
