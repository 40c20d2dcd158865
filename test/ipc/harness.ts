// The IPC layer under test exactly as main registers it: a real store in a
// temp directory, a real EngineService, and registerIpc() on a registry with
// the shape of ipcMain.handle. Calls go through the registered handlers with
// an event whose senderFrame is the app's own page unless a test says otherwise.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../src-main/app/renderer-files';
import { openRepository } from '../../src-main/engine/store';
import type { ChannelName, Channels, IpcEventLike, IpcReply } from '../../src-main/ipc/contract';
import { EngineService } from '../../src-main/ipc/engine-service';
import { registerIpc, type IpcService } from '../../src-main/ipc/register';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

export const TRUSTED_EVENT: IpcEventLike = { senderFrame: { url: APP_ENTRY_URL } };

export interface Harness {
  readonly dir: string;
  readonly storeFile: string;
  readonly service: EngineService;
  readonly handlers: ReadonlyMap<string, Listener>;
  /** Calls a channel as the trusted page would. */
  invoke<C extends ChannelName>(channel: C, ...args: unknown[]): Promise<IpcReply<Channels[C]['response']>>;
  /** Calls a channel with any event (sender tests). */
  invokeAs(event: unknown, channel: string, ...args: unknown[]): Promise<IpcReply<unknown>>;
  /** The store file's bytes now. */
  storeBytes(): Buffer;
  /** Counts "configuration changed" notifications. */
  readonly changes: { count: number };
  /** Resolves at the next change notification (rejects after `ms`). */
  nextChange(ms?: number): Promise<void>;
  /** Unexpected errors the handlers logged. */
  readonly logged: unknown[];
  cleanup(): void;
}

/** `side`: a second repository over the same file for forms while a console prompt waits, as the session worker has. */
export function createHarness(options: { dir?: string; side?: boolean } = {}): Harness {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-ipc-'));
  const { repository } = openRepository(dir, { watchDebounceMs: 20 });
  const service = new EngineService(repository, options.side ? { openSideRepo: () => openRepository(dir).repository } : {});
  const handlers = new Map<string, Listener>();
  const logged: unknown[] = [];
  registerIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, service, APP_ORIGIN, {
    log: (_message, error) => logged.push(error),
  });
  const changes = { count: 0 };
  service.onConfigurationChanged(() => changes.count++);
  const storeFile = path.join(dir, 'config.json');

  const invokeAs = async (event: unknown, channel: string, ...args: unknown[]): Promise<IpcReply<unknown>> => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return (await listener(event as IpcEventLike, ...args)) as IpcReply<unknown>;
  };

  return {
    dir,
    storeFile,
    service,
    handlers,
    invoke: (channel, ...args) => invokeAs(TRUSTED_EVENT, channel, ...args) as never,
    invokeAs,
    storeBytes: () => fs.readFileSync(storeFile),
    changes,
    nextChange(ms = 5_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`no configuration-changed event within ${ms} ms`));
        }, ms);
        const off = service.onConfigurationChanged(() => {
          clearTimeout(timer);
          off();
          resolve();
        });
      });
    },
    logged,
    cleanup() {
      service.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Unwraps a successful reply (fails the test with the error otherwise). */
export function value<T>(reply: IpcReply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** A service whose every method is a spy that fails the test if the engine is ever reached. */
export function spyService(): IpcService & { calls: () => number } {
  const spies = {
    metadata: vi.fn(),
    runCmdlet: vi.fn(),
    previewCmdlet: vi.fn(),
    runBulk: vi.fn(),
    previewBulk: vi.fn(),
    help: vi.fn(),
    execute: vi.fn(),
    answer: vi.fn(),
    complete: vi.fn(),
    consoleHistory: vi.fn(),
    stop: vi.fn(),
    consoleOutput: vi.fn(),
    listHistory: vi.fn(),
    undoChange: vi.fn(),
  };
  return {
    ...(spies as unknown as IpcService),
    calls: () => Object.values(spies).reduce((n, spy) => n + spy.mock.calls.length, 0),
  };
}
