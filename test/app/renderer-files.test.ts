// The app:// protocol's URL → file mapping and its path-traversal guard, and
// the origin check used by the navigation guard. Plain Node, no Electron.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSameOrigin } from '../../src-main/app/origin';
import { resolveRendererFile } from '../../src-main/app/renderer-files';

const ROOT = '/opt/pchat-admin/resources/app.asar/out/renderer';

function served(url: string): string | undefined {
  const result = resolveRendererFile(url, ROOT, path.posix);
  return result.ok ? result.filePath : undefined;
}

describe('resolveRendererFile', () => {
  it('serves files inside the renderer directory with their content type', () => {
    expect(resolveRendererFile('app://renderer/index.html', ROOT, path.posix)).toEqual({
      ok: true,
      filePath: `${ROOT}/index.html`,
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererFile('app://renderer/assets/index-abc.js', ROOT, path.posix)).toEqual({
      ok: true,
      filePath: `${ROOT}/assets/index-abc.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(served('app://renderer/assets/index-abc.css?v=1#x')).toBe(`${ROOT}/assets/index-abc.css`);
    expect(served('app://renderer/assets/a%20b.svg')).toBe(`${ROOT}/assets/a b.svg`);
  });

  it('keeps dot segments the URL parser collapses, and leading slashes, inside the directory', () => {
    expect(served('app://renderer/../../../etc/secret.json')).toBe(`${ROOT}/etc/secret.json`);
    expect(served('app://renderer/%2e%2e/%2e%2e/etc/secret.json')).toBe(`${ROOT}/etc/secret.json`);
    expect(served('app://renderer/%2F%2Fetc%2Fsecret.json')).toBe(`${ROOT}/etc/secret.json`);
  });

  it('maps the bare origin to index.html', () => {
    expect(served('app://renderer/')).toBe(`${ROOT}/index.html`);
    expect(served('app://renderer')).toBe(`${ROOT}/index.html`);
  });

  it.each([
    'app://renderer/..%2f..%2f..%2fsecret.json',
    'app://renderer/assets/..%2F..%2F..%2Fsecret.json',
    'app://renderer/index.html%00.png',
    'app://renderer/%E0%A4%A',
  ])('refuses %s', (url) => {
    const result = resolveRendererFile(url, ROOT, path.posix);
    expect(result.ok).toBe(false);
  });

  it('reports traversal as 400 and unknown things as 404', () => {
    expect(resolveRendererFile('app://renderer/..%2f..%2fx.json', ROOT, path.posix)).toMatchObject({ status: 400 });
    expect(resolveRendererFile('app://renderer/missing.exe', ROOT, path.posix)).toMatchObject({ status: 404 });
    expect(resolveRendererFile('app://renderer/assets', ROOT, path.posix)).toMatchObject({ status: 404 });
  });

  it('serves only the app://renderer origin', () => {
    expect(served('app://other/index.html')).toBeUndefined();
    expect(served('app://renderer:8080/index.html')).toBeUndefined();
    expect(served('file:///opt/pchat-admin/resources/app.asar/out/renderer/index.html')).toBeUndefined();
    expect(served('https://renderer/index.html')).toBeUndefined();
    expect(served('not a url')).toBeUndefined();
  });

  describe('with Windows path rules', () => {
    const WIN_ROOT = 'C:\\Program Files\\pchat-admin\\resources\\app.asar\\out\\renderer';
    const winServed = (url: string): string | undefined => {
      const result = resolveRendererFile(url, WIN_ROOT, path.win32);
      return result.ok ? result.filePath : undefined;
    };

    it('serves files inside the directory', () => {
      expect(winServed('app://renderer/assets/index.js')).toBe(`${WIN_ROOT}\\assets\\index.js`);
      // Leading separators are stripped, so a UNC-looking path stays inside.
      expect(winServed('app://renderer/%5c%5cserver%5cshare%5cx.json')).toBe(`${WIN_ROOT}\\server\\share\\x.json`);
    });

    it.each([
      'app://renderer/..%5c..%5c..%5csecret.json',
      'app://renderer/assets%5c..%5c..%5csecret.json',
      'app://renderer/C:%5cWindows%5cwin.ini.txt',
      'app://renderer/C:/Windows/win.ini.txt',
      'app://renderer/D:x.json',
    ])('refuses %s', (url) => {
      expect(winServed(url)).toBeUndefined();
    });
  });
});

describe('isSameOrigin', () => {
  it('compares scheme and host for app:// (whose URL.origin is "null" in Node)', () => {
    expect(isSameOrigin('app://renderer/index.html', 'app://renderer')).toBe(true);
    expect(isSameOrigin('app://renderer/other.html#x', 'app://renderer')).toBe(true);
    expect(isSameOrigin('app://evil/index.html', 'app://renderer')).toBe(false);
    expect(isSameOrigin('app://renderer.evil/index.html', 'app://renderer')).toBe(false);
    expect(isSameOrigin('app://user@renderer/index.html', 'app://renderer')).toBe(false);
  });

  it('compares port for the dev server', () => {
    expect(isSameOrigin('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isSameOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isSameOrigin('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
    expect(isSameOrigin('https://example.com/', 'app://renderer')).toBe(false);
  });

  it('rejects what does not parse', () => {
    expect(isSameOrigin('', 'app://renderer')).toBe(false);
    expect(isSameOrigin('javascript:alert(1)', 'app://renderer')).toBe(false);
  });
});
