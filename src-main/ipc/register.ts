// The ONE registration module: every channel of the contract gets one handler
// that (1) checks the sender, (2) validates the payload, (3) calls the engine
// service, and (4) replies with plain data — an IpcReply, never a thrown
// exception (Electron would flatten it into a message string).
//
// `registry` has the shape of Electron's ipcMain.handle; the web preview
// passes its own object of the same shape, so both serve this very table.

import type { ConfigCmdletName } from '../engine/domain/parameters';
import { CHANNELS, CMDLET_CHANNELS, type CmdletChannel } from './channels';
import type { ConfigCmdletName as CmdletName } from '../engine/domain/parameters';
import type {
  BaselineImportDto,
  BaselineImportRequest,
  ConfigurationRestoreDto,
  ConfigurationRestoreRequest,
  TopologyImportDto,
  TopologyImportRequest,
  ChangesSummaryDto,
  ConnectionStatusDto,
  ConnectRequest,
  ChannelName,
  Channels,
  BulkRequest,
  BulkResponse,
  CmdletParameters,
  CmdletRequest,
  CmdletResponse,
  CompletionResult,
  ConsoleResult,
  HandlerRegistry,
  HistoryListDto,
  IpcReply,
  HelpData,
  Metadata,
  OutputBatch,
  PreviewResponse,
} from './contract';
import { errorReply, IpcRefusal, okReply } from './errors';
import { assertTrustedSender } from './sender';
import { validatePayload } from './validate-payload';

type MaybePromise<T> = T | Promise<T>;

/**
 * What the handlers need from the service: the session host (engine in a
 * worker) in the app and the preview, an in-process EngineService in some
 * tests, or a spy with this shape.
 */
export interface IpcService {
  metadata(): MaybePromise<Metadata>;
  runCmdlet(cmdlet: CmdletName, parameters: CmdletParameters, expected?: CmdletParameters): Promise<CmdletResponse>;
  previewCmdlet(cmdlet: CmdletName, parameters: CmdletParameters): MaybePromise<PreviewResponse>;
  runBulk(request: BulkRequest): Promise<BulkResponse>;
  previewBulk(request: BulkRequest): MaybePromise<PreviewResponse>;
  help(name: string): MaybePromise<HelpData | null>;
  execute(input: string, width?: number): Promise<ConsoleResult>;
  /** The running console input's next lines (see the contract); empty when nothing streams. */
  consoleOutput(): MaybePromise<OutputBatch>;
  answer(answer: string | null): Promise<ConsoleResult>;
  /** Stops the console input that is running; true when something was stopped. */
  stop(): Promise<boolean>;
  complete(input: string, cursor: number): MaybePromise<CompletionResult>;
  consoleHistory(): MaybePromise<readonly string[]>;
  listHistory(): MaybePromise<HistoryListDto>;
  undoChange(id: number): Promise<CmdletResponse>;
  changesSummary(): MaybePromise<ChangesSummaryDto>;
  importBaseline(request: BaselineImportRequest): Promise<BaselineImportDto>;
  backupConfiguration(): MaybePromise<string>;
  restoreConfiguration(request: ConfigurationRestoreRequest): Promise<ConfigurationRestoreDto>;
  importTopology(request: TopologyImportRequest): Promise<TopologyImportDto>;
  connectionStatus(): MaybePromise<ConnectionStatusDto>;
  previewConnect(request: ConnectRequest): MaybePromise<PreviewResponse>;
}

type Handler<C extends ChannelName> = (request: Channels[C]['request']) => Channels[C]['response'] | Promise<Channels[C]['response']>;
type HandlerTable = { readonly [C in ChannelName]: Handler<C> };

export interface RegisterOptions {
  /** Where unexpected (non-refusal) errors are reported; the renderer only sees a generic InternalError. */
  readonly log?: (message: string, error: unknown) => void;
}

function handlerTable(service: IpcService): HandlerTable {
  const cmdlet = (channel: CmdletChannel): ((request: CmdletRequest) => Promise<CmdletResponse>) => {
    const name: ConfigCmdletName = CMDLET_CHANNELS[channel];
    return (request: CmdletRequest) =>
      request.expected !== undefined ? service.runCmdlet(name, request.parameters, request.expected) : service.runCmdlet(name, request.parameters);
  };
  return {
    'pchat:metadata': () => service.metadata(),
    'pchat:cmdlet:get': cmdlet('pchat:cmdlet:get'),
    'pchat:cmdlet:new': cmdlet('pchat:cmdlet:new'),
    'pchat:cmdlet:set': cmdlet('pchat:cmdlet:set'),
    'pchat:cmdlet:remove': cmdlet('pchat:cmdlet:remove'),
    'pchat:cmdlet:preview': (request) => service.previewCmdlet(request.cmdlet, request.parameters),
    'pchat:cmdlet:bulk': (request) => service.runBulk(request),
    'pchat:cmdlet:bulk-preview': (request) => service.previewBulk(request),
    'pchat:help': (request) => service.help(request.name),
    'pchat:console:execute': (request) => service.execute(request.input, request.width),
    'pchat:console:output': () => service.consoleOutput(),
    'pchat:console:answer': (request) => service.answer(request.answer),
    'pchat:console:stop': () => service.stop(),
    'pchat:console:complete': (request) => service.complete(request.input, request.cursor),
    'pchat:console:history': () => service.consoleHistory(),
    'pchat:history:list': () => service.listHistory(),
    'pchat:history:undo': (request) => service.undoChange(request.id),
    'pchat:changes:summary': () => service.changesSummary(),
    'pchat:baseline:import': (request) => service.importBaseline(request),
    'pchat:configuration:backup': () => service.backupConfiguration(),
    'pchat:configuration:restore': (request) => service.restoreConfiguration(request),
    'pchat:topology:import': (request) => service.importTopology(request),
    'pchat:connection:status': () => service.connectionStatus(),
    'pchat:connection:preview': (request) => service.previewConnect(request),
  };
}

/**
 * Registers every channel on `registry`. `trustedOrigin` is the only origin
 * whose frames may call: app://renderer, or the dev server / preview origin.
 */
export function registerIpc(registry: HandlerRegistry, service: IpcService, trustedOrigin: string, options: RegisterOptions = {}): void {
  const table = handlerTable(service);
  const log = options.log ?? ((message, error) => console.error(message, error));

  function register<C extends ChannelName>(channel: C): void {
    const handler: Handler<C> = table[channel];
    registry.handle(channel, async (event, ...args): Promise<IpcReply<Channels[C]['response']>> => {
      try {
        assertTrustedSender(event, trustedOrigin);
        const request = validatePayload(channel, args);
        return okReply(await handler(request));
      } catch (error) {
        if (!(error instanceof IpcRefusal)) log(`pchat-admin: ${channel} failed`, error);
        return errorReply(error);
      }
    });
  }

  for (const channel of CHANNELS) register(channel);
}
