// The icons in build/: one source image (build/icon.png) and the Windows,
// macOS and Linux icons build/make-icon.mjs derives from it. The derived files
// are committed; this checks they are still what the source gives (compared
// as pixels: PNG bytes may differ between zlib versions), that each format is
// well formed with the sizes its platform asks for, and that
// electron-builder.yml points each platform at its file.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeIcoEntry,
  decodePng,
  ICNS_TYPES,
  ICO_SIZES,
  LINUX_SIZES,
  platformIcons,
  readIco,
  readIcns,
  type RgbaImage,
} from '../../build/icon-files.mjs';
import { ROOT } from '../../scripts/build-tools.mjs';
import { loadBuilderConfig, type BuilderConfig } from '../../scripts/check-package.mjs';

const build = (name: string): string => path.join(ROOT, 'build', name);
const source = decodePng(readFileSync(build('icon.png')));
let derived: Map<number, RgbaImage>;
let config: BuilderConfig;

beforeAll(async () => {
  derived = platformIcons(source).scaled;
  config = await loadBuilderConfig(ROOT);
});

/** Same size and same pixels (the whole buffer, so a failure does not print a megabyte). */
function expectSameImage(actual: RgbaImage, expected: RgbaImage, what: string): void {
  expect([actual.width, actual.height], what).toEqual([expected.width, expected.height]);
  expect(actual.data.equals(expected.data), `${what}: pixels differ from what build/make-icon.mjs derives from build/icon.png (run npm run icons)`).toBe(true);
}

describe('build/icon.png, the one source image', () => {
  it('is square, 1024px, with a transparent corner and an opaque middle', () => {
    expect([source.width, source.height]).toEqual([1024, 1024]);
    expect(source.data[3]).toBe(0);
    expect(source.data[(512 * 1024 + 512) * 4 + 3]).toBe(255);
  });
});

describe('derived icons', () => {
  it('Linux: build/icons/NxN.png for 16 to 512 px', () => {
    for (const size of LINUX_SIZES) {
      const file = build(`icons/${size}x${size}.png`);
      expect(existsSync(file), file).toBe(true);
      expectSameImage(decodePng(readFileSync(file)), derived.get(size)!, file);
    }
  });

  it('Windows: build/icon.ico holds 16 to 256 px (BMP below 256, PNG at 256)', () => {
    const entries = readIco(readFileSync(build('icon.ico')));
    expect(entries.map((entry) => entry.size)).toEqual([...ICO_SIZES]);
    expect(entries.map((entry) => (entry.bytes.readUInt32BE(0) === 0x89504e47 ? 'png' : 'bmp'))).toEqual(['bmp', 'bmp', 'bmp', 'bmp', 'bmp', 'bmp', 'png']);
    for (const entry of entries) expectSameImage(decodeIcoEntry(entry), derived.get(entry.size)!, `icon.ico ${entry.size}px`);
  });

  it('macOS: build/icon.icns holds 16 to 1024 px, Retina variants included', () => {
    const entries = readIcns(readFileSync(build('icon.icns')));
    expect(entries.map(([type]) => type)).toEqual(ICNS_TYPES.map(([type]) => type));
    for (const [type, bytes] of entries) {
      const size = ICNS_TYPES.find(([t]) => t === type)![1];
      expectSameImage(decodePng(bytes), derived.get(size)!, `icon.icns ${type}`);
    }
  });
});

describe('electron-builder.yml', () => {
  it('points each platform at its icon, and the files exist', () => {
    expect([config.win?.icon, config.mac?.icon, config.linux?.icon]).toEqual(['build/icon.ico', 'build/icon.icns', 'build/icons']);
    for (const file of ['icon.ico', 'icon.icns', 'icons']) expect(existsSync(build(file)), file).toBe(true);
  });

});
