// The Electron bootstrap (src-main/app) against a recording fake of the
// `electron` module: startup order, window preferences, navigation and
// permission guards, single-instance behaviour, the store and IPC wiring, the
// menu, and the app:// handler over real files. The engine runs in the real
// session worker (bundled by the vitest global setup) over a temp user-data
// folder. No Electron binary
// is needed (none can run here); what this cannot show is that real Electron
// honours these settings.

import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-main/ipc/channels';
import { MENU_COMMANDS } from '../../src-main/ipc/contract';
import { TEST_SESSION_WORKER } from '../support/session-worker';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Map<string, Listener[]>();
  let resolveReady: () => void = () => {};
  const state = {
    calls,
    listeners,
    userData: '',
    ipcHandlers: new Map<string, Listener>(),
    menuTemplate: [] as Record<string, unknown>[],
    dialogs: [] as Record<string, unknown>[],
    gotLock: true,
    ready: new Promise<void>((resolve) => {
      resolveReady = resolve;
    }),
    resolveReady: () => resolveReady(),
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    privileged: [] as unknown[],
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    windows: [] as {
      options: Record<string, unknown>;
      url?: string;
      minimized: boolean;
      calls: string[];
      sent: unknown[][];
      /** Every listener per event, in registration order; `fire` calls them all. */
      fire: (event: string) => void;
      contentsHandlers: Map<string, Listener>;
    }[],
  };
  const emit = (event: string, ...args: unknown[]): void => {
    for (const listener of listeners.get(event) ?? []) listener(...args);
  };
  class FakeBrowserWindow {
    readonly record: (typeof state.windows)[number];
    private readonly handlers = new Map<string, Listener[]>();
    readonly webContents: { send: (...args: unknown[]) => void; on: (event: string, listener: Listener) => void; isDestroyed: () => boolean };
    constructor(options: Record<string, unknown>) {
      calls.push('new BrowserWindow');
      const fire = (event: string): void => {
        for (const listener of this.handlers.get(event) ?? []) listener();
      };
      this.record = { options, minimized: false, calls: [], sent: [], fire, contentsHandlers: new Map() };
      state.windows.push(this.record);
      const record = this.record;
      this.webContents = {
        send: (...args: unknown[]) => record.sent.push(args),
        on: (event: string, listener: Listener) => record.contentsHandlers.set(event, listener),
        isDestroyed: () => false,
      };
    }
    getNormalBounds(): { x: number; y: number; width: number; height: number } {
      return { x: 40, y: 50, width: 1000, height: 700 };
    }
    isMaximized(): boolean {
      return false;
    }
    maximize(): void {
      this.record.calls.push('maximize');
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener);
    }
    on(event: string, listener: Listener): this {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
      return this;
    }
    loadURL(url: string): Promise<void> {
      this.record.url = url;
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return this.record.minimized;
    }
    restore(): void {
      this.record.calls.push('restore');
    }
    show(): void {
      this.record.calls.push('show');
    }
    focus(): void {
      this.record.calls.push('focus');
    }
  }
  const defaultSession = {
    protocol: {
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
        calls.push(`protocol.handle ${scheme}`);
        state.protocolHandlers.set(scheme, handler);
      },
    },
    setPermissionRequestHandler: (handler: Listener) => {
      calls.push('setPermissionRequestHandler');
      state.permissionRequest = handler;
    },
    setPermissionCheckHandler: (handler: Listener) => {
      calls.push('setPermissionCheckHandler');
      state.permissionCheck = handler;
    },
    setDevicePermissionHandler: () => calls.push('setDevicePermissionHandler'),
    on: (event: string) => calls.push(`session.on ${event}`),
  };
  const electron = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return state.gotLock;
      },
      enableSandbox: () => calls.push('enableSandbox'),
      on: (event: string, listener: Listener) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      },
      whenReady: () => {
        calls.push('whenReady');
        return state.ready;
      },
      quit: () => calls.push('quit'),
      exit: (code: number) => calls.push(`exit ${code}`),
      getPath: (name: string) => {
        if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
        return state.userData;
      },
      getVersion: () => '9.8.7',
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        calls.push(`ipcMain.handle ${channel}`);
        state.ipcHandlers.set(channel, listener);
      },
      // Any other listener (electron-store registered 'electron-store-get-data' with no sender check) shows up here.
      on: (channel: string) => calls.push(`ipcMain.on ${channel}`),
      handleOnce: (channel: string) => calls.push(`ipcMain.handleOnce ${channel}`),
      addListener: (channel: string) => calls.push(`ipcMain.addListener ${channel}`),
    },
    Menu: {
      buildFromTemplate: (template: Record<string, unknown>[]) => {
        state.menuTemplate = template;
        return { template };
      },
      setApplicationMenu: () => calls.push('Menu.setApplicationMenu'),
    },
    dialog: {
      showMessageBox: (...args: unknown[]) => {
        state.dialogs.push(args.at(-1) as Record<string, unknown>);
        return Promise.resolve({ response: 0 });
      },
      showErrorBox: (title: string, content: string) => state.dialogs.push({ title, content }),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.push('registerSchemesAsPrivileged');
        state.privileged.push(...schemes);
      },
    },
    session: { defaultSession },
    BrowserWindow: FakeBrowserWindow,
  };
  return { state, emit, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state, emit } = fake;

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** Waits (briefly) for `done`: startup now waits for the session worker to open the store. */
async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('main-process bootstrap', () => {
  beforeAll(async () => {
    delete process.env['ELECTRON_RENDERER_URL'];
    state.userData = await mkdtemp(path.join(tmpdir(), 'pchat-userdata-'));
    // A damaged store: it must be moved aside, and the user told once the window shows.
    await writeFile(path.join(state.userData, 'config.json'), '{ not json');
    process.env['PCHAT_SESSION_WORKER'] = TEST_SESSION_WORKER;
    await import('../../src-main/app/index');
  });

  afterAll(async () => {
    emit('will-quit');
    await rm(state.userData, { recursive: true, force: true });
  });

  it('does everything that must precede `ready` synchronously, and opens no window yet', () => {
    expect(state.calls).toEqual([
      'requestSingleInstanceLock',
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'whenReady',
    ]);
    expect(state.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect([...state.listeners.keys()].sort()).toEqual(['second-instance', 'web-contents-created', 'window-all-closed']);
  });

  it('after `ready`: hardens the session, serves app://, registers IPC, the menu, then opens one hardened window', async () => {
    state.resolveReady();
    await until(() => state.windows.length > 0);
    expect(state.calls.slice(4)).toEqual([
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'setDevicePermissionHandler',
      'session.on will-download',
      'protocol.handle app',
      ...CHANNELS.map((channel) => `ipcMain.handle ${channel}`),
      'Menu.setApplicationMenu',
      'new BrowserWindow',
    ]);
    expect(state.windows).toHaveLength(1);
    // Every IPC entry point is one of ours, sender-checked: nothing else listens on ipcMain.
    expect(state.calls.filter((c) => c.startsWith('ipcMain.') && !c.startsWith('ipcMain.handle '))).toEqual([]);
    const window = state.windows[0]!;
    expect(window.url).toBe('app://renderer/index.html');
    expect(window.options).toMatchObject({ width: 1200, height: 800, show: false });
    const prefs = window.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: true,
    });
    expect(String(prefs['preload']).endsWith(`${path.sep}preload${path.sep}index.cjs`)).toBe(true);
  });

  it('denies every permission request and check but clipboard writes from the app page', () => {
    const granted: boolean[] = [];
    state.permissionRequest?.({}, 'media', (ok: boolean) => granted.push(ok), { requestingUrl: 'app://renderer/index.html' });
    state.permissionRequest?.({}, 'clipboard-read', (ok: boolean) => granted.push(ok), { requestingUrl: 'app://renderer/index.html' });
    state.permissionRequest?.({}, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok), { requestingUrl: 'https://evil.example/' });
    state.permissionRequest?.({}, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok), { requestingUrl: 'app://renderer/index.html' });
    expect(granted).toEqual([false, false, false, true]);
    expect(state.permissionCheck?.(null, 'notifications', 'app://renderer', {})).toBe(false);
    expect(state.permissionCheck?.(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    expect(state.permissionCheck?.(null, 'clipboard-sanitized-write', 'app://renderer', {})).toBe(true);
  });

  it('guards every new web contents: no windows, no foreign navigation, no webviews', () => {
    const handlers = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    const contents = {
      setWindowOpenHandler: (handler: Listener) => {
        openHandler = handler;
      },
      on: (event: string, listener: Listener) => handlers.set(event, listener),
    };
    emit('web-contents-created', {}, contents);

    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    const navigate = (event: string, url: string): boolean => {
      let prevented = false;
      handlers.get(event)?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(event, 'https://example.com/')).toBe(true);
      expect(navigate(event, 'file:///etc/passwd')).toBe(true);
      expect(navigate(event, 'app://other/index.html')).toBe(true);
      expect(navigate(event, 'app://renderer/index.html')).toBe(false);
    }
    expect(navigate('will-attach-webview', 'app://renderer/index.html')).toBe(true);
  });

  it('a second launch focuses (and restores) the existing window instead of opening another', () => {
    const window = state.windows[0]!;
    window.minimized = true;
    emit('second-instance', {}, ['pchat-admin'], '/', {});
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(state.windows).toHaveLength(1);
  });

  it('reports a store it had to repair in a dialog once the window is shown', () => {
    const window = state.windows[0]!;
    expect(state.dialogs).toEqual([]);
    window.fire('ready-to-show');
    expect(window.calls).toContain('show');
    expect(state.dialogs).toHaveLength(1);
    expect(state.dialogs[0]).toMatchObject({ type: 'warning', message: 'The configuration store needed attention.' });
    expect(state.dialogs[0]!['detail']).toMatch(/could not be used: .*moved aside/);
    window.calls.length = 0;
  });

  it('opens the store (config.json) in the user-data folder and serves it over the registered handlers', async () => {
    const storeFile = path.join(state.userData, 'config.json');
    expect(JSON.parse(readFileSync(storeFile, 'utf8')).schemaVersion).toBe(1);
    const window = state.windows[0]!;
    const trusted = { senderFrame: { url: 'app://renderer/index.html' } };
    const metadata = (await state.ipcHandlers.get('pchat:metadata')!(trusted)) as { ok: boolean; value: { storePath: string } };
    expect(metadata).toMatchObject({ ok: true, value: { storePath: storeFile } });

    const before = readFileSync(storeFile);
    const refused = await state.ipcHandlers.get('pchat:cmdlet:new')!({ senderFrame: { url: 'https://evil.example/' } }, { parameters: { Identity: 'site:X' } });
    expect(refused).toMatchObject({ ok: false, error: { id: 'UntrustedSender' } });
    expect(readFileSync(storeFile).equals(before)).toBe(true);
    expect(window.sent).toEqual([]);

    const created = await state.ipcHandlers.get('pchat:cmdlet:new')!(trusted, { parameters: { Identity: 'site:X' } });
    expect(created).toMatchObject({ ok: true, value: { ok: true, commandLine: 'New-CsPersistentChatConfiguration -Identity "site:X"' } });
    expect(JSON.parse(readFileSync(storeFile, 'utf8')).collections['site:X'].Identity).toBe('site:X');
    // The change reaches the page as the one event, with no payload.
    expect(window.sent).toEqual([['pchat:configuration-changed']]);
  });

  it('installs the menu: File, Edit, View (Toggle Console, zoom), Help (Cmdlet Reference, About with the store path)', () => {
    const window = state.windows[0]!;
    window.sent.length = 0;
    type Item = { label?: string; role?: string; type?: string; accelerator?: string; click?: () => void; submenu?: Item[] };
    const menu = state.menuTemplate as Item[];
    const describeItem = (item: Item): string => item.label ?? item.role ?? item.type ?? '?';
    expect(menu.map((m) => [describeItem(m), (m.submenu ?? []).map(describeItem)])).toEqual([
      ['&File', ['&Connect to Server…', 'P&ull from Server', 'Pu&sh to Server…', 'separator', '&Import from Server Export…', '&Pending Changes and Change Script', '&Back Up Configuration…', '&Restore Configuration…', 'Import &Topology…', 'separator', 'quit']],
      ['&Edit', ['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'delete', 'separator', 'selectAll']],
      ['&View', ['Toggle &Console', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'reload', 'toggleDevTools']],
      ['&Help', ['Cmdlet &Reference', '&Keyboard Shortcuts', 'separator', '&About pchat-admin']],
    ]);
    const view = menu[2]!.submenu!;
    const help = menu[3]!.submenu!;
    expect(view[0]!.accelerator).toBe('CommandOrControl+`');
    view[0]!.click!();
    help[0]!.click!();
    help[1]!.click!();
    for (const i of [4, 5, 6, 7, 8, 0, 1, 2]) menu[0]!.submenu![i]!.click!();
    expect(window.sent).toEqual([
      ['pchat:menu', 'toggle-console'],
      ['pchat:menu', 'show-reference'],
      ['pchat:menu', 'show-shortcuts'],
      ['pchat:menu', 'import-baseline'],
      ['pchat:menu', 'show-changes'],
      ['pchat:menu', 'back-up'],
      ['pchat:menu', 'restore'],
      ['pchat:menu', 'import-topology'],
      ['pchat:menu', 'connect-server'],
      ['pchat:menu', 'pull-server'],
      ['pchat:menu', 'push-server'],
    ]);
    // The preload lets a command through only when it is in this list (a missing one would be dropped in Electron).
    for (const [, command] of window.sent) expect(MENU_COMMANDS).toContain(command);
    help[3]!.click!();
    const about = state.dialogs.at(-1)!;
    expect(about['message']).toBe('pchat-admin 9.8.7');
    expect(about['detail']).toContain(path.join(state.userData, 'config.json'));
  });

  it('remembers the window bounds, and cancels a console prompt when the page reloads', async () => {
    const window = state.windows[0]!;
    window.fire('close');
    expect(JSON.parse(readFileSync(path.join(state.userData, 'window-state.json'), 'utf8'))).toEqual({
      x: 40,
      y: 50,
      width: 1000,
      height: 700,
      maximized: false,
    });
    const trusted = { senderFrame: { url: 'app://renderer/index.html' } };
    const input = 'Set-CsPersistentChatConfiguration -DefaultChatHistory 44 -Confirm';
    const prompted = (await state.ipcHandlers.get('pchat:console:execute')!(trusted, { input })) as { value: { prompt: string | null } };
    expect(prompted.value.prompt).toMatch(/^\[Y\] Yes/);
    window.contentsHandlers.get('did-finish-load')!();
    await flush();
    const next = (await state.ipcHandlers.get('pchat:cmdlet:get')!(trusted, { parameters: { Identity: 'Global' } })) as {
      ok: boolean;
      value: { objects: { DefaultChatHistory: number }[] };
    };
    expect(next.ok).toBe(true);
    expect(next.value.objects[0]!.DefaultChatHistory).toBe(30);
  });
});

describe('app:// handler', () => {
  let root: string;
  let handler: (request: Request) => Response | Promise<Response>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pchat-renderer-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(path.join(root, 'assets', 'index.js'), 'export {};');
    await writeFile(path.join(path.dirname(root), 'pchat-secret.json'), '{"secret":true}');
    const { serveRenderer } = await import('../../src-main/app/protocol');
    const handlers = new Map<string, typeof handler>();
    const ses = { protocol: { handle: (scheme: string, h: typeof handler) => handlers.set(scheme, h) } };
    serveRenderer(ses as never, root);
    handler = handlers.get('app')!;
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(path.join(path.dirname(root), 'pchat-secret.json'), { force: true });
  });

  beforeEach(() => {
    expect(handler).toBeTypeOf('function');
  });

  const get = async (url: string, method = 'GET'): Promise<Response> => handler(new Request(url, { method }));

  it('serves files with their type and the CSP header', async () => {
    const response = await get('app://renderer/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>t</title>');

    const script = await get('app://renderer/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal, other hosts, missing files and non-GET methods, always with the CSP header', async () => {
    const secret = `app://renderer/..%2f${path.basename(root)}%2f..%2fpchat-secret.json`;
    const cases: [string, string, number][] = [
      [secret, 'GET', 400],
      ['app://renderer/..%2fpchat-secret.json', 'GET', 400],
      ['app://other/index.html', 'GET', 404],
      ['app://renderer/missing.js', 'GET', 404],
      ['app://renderer/index.html', 'POST', 405],
    ];
    for (const [url, method, status] of cases) {
      const response = await get(url, method);
      expect([url, response.status]).toEqual([url, status]);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://renderer/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('single-instance lock refused', () => {
  it('quits without registering anything or opening a window', async () => {
    vi.resetModules();
    state.calls.length = 0;
    state.listeners.clear();
    state.gotLock = false;
    const windowsBefore = state.windows.length;
    await import('../../src-main/app/index');
    await flush();
    expect(state.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(state.listeners.size).toBe(0);
    expect(state.windows).toHaveLength(windowsBefore);
  });
});
