// The web preview's implementation of `PchatApi` (development and tests only):
// the same calls as the preload's `window.pchat`, sent to the preview server
// as `POST /ipc/<channel>` with the per-run token, and the change event read
// from `GET /events` (Server-Sent Events). The server runs the very same
// handler table as Electron's main process, so replies have the same shape.
//
// Type-only imports from src-main: the channel names are spelled here and
// checked against the contract's types, so no main-process code is bundled
// into the renderer.

import type {
  ChannelName,
  Channels,
  CmdletParameters,
  ErrorData,
  IpcReply,
  PchatApi,
} from '../../../src-main/ipc/contract';

/** Name of the SSE event the preview server sends when the store changed. */
const CHANGE_EVENT = 'configuration-changed';

function failure(id: string, message: string): ErrorData {
  return { id, message, category: 'ConnectionError' };
}

export function createWebClient(baseUrl: string, token: string): PchatApi {
  const base = baseUrl.replace(/\/+$/, '');

  async function call<C extends ChannelName>(channel: C, ...args: unknown[]): Promise<Channels[C]['response']> {
    let response: Response;
    try {
      response = await fetch(`${base}/ipc/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Pchat-Token': token },
        body: JSON.stringify({ args }),
      });
    } catch (e) {
      throw failure('PreviewUnreachable', `The web preview server did not answer: ${(e as Error).message}`);
    }
    if (!response.ok) {
      throw failure('PreviewRefused', `The web preview server refused the call (HTTP ${response.status}); reopen the URL it printed.`);
    }
    let reply: IpcReply<Channels[C]['response']>;
    try {
      reply = (await response.json()) as IpcReply<Channels[C]['response']>;
    } catch {
      throw failure('PreviewBadReply', `The web preview server answered ${response.status} without a valid reply.`);
    }
    if (reply.ok) return reply.value;
    throw reply.error;
  }

  // One EventSource for all listeners, opened with the first and closed with the last.
  const listeners = new Set<() => void>();
  let source: EventSource | null = null;
  const dispatch = (): void => {
    for (const listener of [...listeners]) listener();
  };

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    if (source === null) {
      source = new EventSource(`${base}/events?token=${encodeURIComponent(token)}`);
      source.addEventListener(CHANGE_EVENT, dispatch);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source !== null) {
        source.close();
        source = null;
      }
    };
  }

  const cmdlet = (channel: 'pchat:cmdlet:get' | 'pchat:cmdlet:new' | 'pchat:cmdlet:set' | 'pchat:cmdlet:remove') =>
    (parameters: CmdletParameters = {}) => call(channel, { parameters });

  return Object.freeze({
    version: 'web-preview',
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
    onConfigurationChanged: subscribe,
    // The preview has no application menu: nothing ever arrives.
    onMenuCommand: () => () => {},
  } satisfies PchatApi);
}
