// The Electron bootstrap (src-main/app) against a recording fake of the
// `electron` module: startup order, window preferences, navigation and
// permission guards, single-instance behaviour, and the app:// handler over
// real files. No Electron binary is needed (none can run here); what this
// cannot show is that real Electron honours these settings.

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Map<string, Listener[]>();
  let resolveReady: () => void = () => {};
  const state = {
    calls,
    listeners,
    gotLock: true,
    ready: new Promise<void>((resolve) => {
      resolveReady = resolve;
    }),
    resolveReady: () => resolveReady(),
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    privileged: [] as unknown[],
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    windows: [] as { options: Record<string, unknown>; url?: string; minimized: boolean; calls: string[] }[],
  };
  const emit = (event: string, ...args: unknown[]): void => {
    for (const listener of listeners.get(event) ?? []) listener(...args);
  };
  class FakeBrowserWindow {
    readonly record: (typeof state.windows)[number];
    private readonly handlers = new Map<string, Listener>();
    constructor(options: Record<string, unknown>) {
      calls.push('new BrowserWindow');
      this.record = { options, minimized: false, calls: [] };
      state.windows.push(this.record);
    }
    once(event: string, listener: Listener): this {
      this.handlers.set(event, listener);
      return this;
    }
    on(event: string, listener: Listener): this {
      this.handlers.set(event, listener);
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
    },
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

describe('main-process bootstrap', () => {
  beforeAll(async () => {
    delete process.env['ELECTRON_RENDERER_URL'];
    await import('../../src-main/app/index');
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

  it('after `ready`: hardens the session, serves app://, then opens one hardened window', async () => {
    state.resolveReady();
    await flush();
    expect(state.calls.slice(4)).toEqual([
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'setDevicePermissionHandler',
      'session.on will-download',
      'protocol.handle app',
      'new BrowserWindow',
    ]);
    expect(state.windows).toHaveLength(1);
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

  it('denies every permission request and check', () => {
    const granted: boolean[] = [];
    state.permissionRequest?.({}, 'media', (ok: boolean) => granted.push(ok), {});
    state.permissionRequest?.({}, 'clipboard-read', (ok: boolean) => granted.push(ok), {});
    expect(granted).toEqual([false, false]);
    expect(state.permissionCheck?.(null, 'notifications', 'app://renderer', {})).toBe(false);
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
