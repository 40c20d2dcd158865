// The icon file formats electron-builder wants, made from one RGBA image with
// no dependencies: PNG (read and write), area-average downscaling, Windows
// .ico and macOS .icns. Used by make-icon.mjs and by test/packaging.

import { deflateSync, inflateSync } from 'node:zlib';

/** An RGBA image: `data` holds width*height*4 bytes, rows top to bottom, straight (not premultiplied) alpha. */
export function image(width, height, data = Buffer.alloc(width * height * 4)) {
  return { width, height, data };
}

/** Sizes of the Linux icon set (build/icons/NxN.png). */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** Sizes in build/icon.ico: Explorer, taskbar, Start, and the installer all pick from these. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** build/icon.icns entries: type → pixel size (all PNG-encoded, macOS 10.7+). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

// ---------------------------------------------------------------- PNG

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG, no filtering (icons compress well enough without). */
export function encodePng({ width, height, data }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rowBytes = width * 4 + 1;
  const raw = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) data.copy(raw, y * rowBytes + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Reads an 8-bit, non-interlaced RGB or RGBA PNG (what image editors export for icons) into RGBA. */
export function decodePng(png) {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colour !== 6 && colour !== 2) || interlace !== 0) {
        throw new Error(`unsupported PNG (bit depth ${depth}, colour type ${colour}, interlace ${interlace}): save it as 8-bit RGBA, not interlaced`);
      }
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      pixels[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  if (channels === 4) return image(width, height, pixels);
  const rgba = Buffer.alloc(width * height * 4, 0xff);
  for (let i = 0; i < width * height; i++) pixels.copy(rgba, i * 4, i * 3, i * 3 + 3);
  return image(width, height, rgba);
}

// ---------------------------------------------------------------- resizing

/**
 * Shrinks a square image to `size` by area averaging (each source pixel counts
 * by how much of it falls in the target pixel), in premultiplied alpha so
 * transparent edges do not darken.
 */
export function resize(source, size) {
  if (source.width !== source.height) throw new Error(`the source icon must be square, not ${source.width}x${source.height}`);
  if (size > source.width) throw new Error(`the source icon (${source.width}px) is smaller than ${size}px`);
  const scale = source.width / size;
  const out = image(size, size);
  // For each target column/row: the source pixels it covers and by how much.
  const spans = Array.from({ length: size }, (_, i) => {
    const start = i * scale;
    const end = start + scale;
    const span = [];
    for (let s = Math.floor(start); s < Math.ceil(end - 1e-9); s++) span.push([s, Math.min(end, s + 1) - Math.max(start, s)]);
    return span;
  });
  const src = source.data;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [sy, wy] of spans[y]) {
        for (const [sx, wx] of spans[x]) {
          const i = (sy * source.width + sx) * 4;
          const w = wx * wy * src[i + 3];
          r += src[i] * w;
          g += src[i + 1] * w;
          b += src[i + 2] * w;
          a += w;
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) {
        out.data[o] = Math.round(r / a);
        out.data[o + 1] = Math.round(g / a);
        out.data[o + 2] = Math.round(b / a);
      }
      out.data[o + 3] = Math.round(a / (scale * scale));
    }
  }
  return out;
}

// ---------------------------------------------------------------- ICO and ICNS

/** A 32-bit BMP icon entry (BITMAPINFOHEADER, rows bottom-up in BGRA, then the 1-bit AND mask). */
function icoBitmap({ width, height, data }) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12); // planes
  header.writeUInt16LE(32, 14); // bits per pixel
  const pixels = Buffer.alloc(width * height * 4);
  const maskStride = Math.ceil(width / 32) * 4;
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const o = (row * width + x) * 4;
      pixels[o] = data[i + 2];
      pixels[o + 1] = data[i + 1];
      pixels[o + 2] = data[i];
      pixels[o + 3] = data[i + 3];
      if (data[i + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  header.writeUInt32LE(pixels.length + mask.length, 20);
  return Buffer.concat([header, pixels, mask]);
}

/** A Windows .ico: BMP entries below 256px (any Windows, and NSIS, reads them), PNG at 256px. */
export function encodeIco(images) {
  const entries = images.map((img) => (img.width >= 256 ? encodePng(img) : icoBitmap(img)));
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach((img, i) => {
    const at = 6 + 16 * i;
    directory[at] = img.width >= 256 ? 0 : img.width; // 0 means 256
    directory[at + 1] = img.height >= 256 ? 0 : img.height;
    directory.writeUInt16LE(1, at + 4); // planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(entries[i].length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += entries[i].length;
  });
  return Buffer.concat([directory, ...entries]);
}

/** The entries of an .ico: size and the bytes of each image (BMP or PNG). */
export function readIco(ico) {
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i;
    const size = ico[at] === 0 ? 256 : ico[at];
    const length = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    return { size, bytes: ico.subarray(offset, offset + length) };
  });
}

/** Decodes one .ico entry (as written by encodeIco) back to RGBA. */
export function decodeIcoEntry({ size, bytes }) {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return decodePng(bytes);
  const out = image(size, size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = 40 + ((size - 1 - y) * size + x) * 4;
      const o = (y * size + x) * 4;
      out.data[o] = bytes[i + 2];
      out.data[o + 1] = bytes[i + 1];
      out.data[o + 2] = bytes[i];
      out.data[o + 3] = bytes[i + 3];
    }
  }
  return out;
}

/** A macOS .icns of PNG entries: `entries` is [type, png][]. */
export function encodeIcns(entries) {
  const blocks = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + blocks.reduce((sum, block) => sum + block.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

/** The entries of an .icns: [type, bytes][]. */
export function readIcns(icns) {
  if (icns.toString('ascii', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) throw new Error('not an icns file');
  const entries = [];
  for (let offset = 8; offset < icns.length; ) {
    const length = icns.readUInt32BE(offset + 4);
    entries.push([icns.toString('ascii', offset, offset + 4), icns.subarray(offset + 8, offset + length)]);
    offset += length;
  }
  return entries;
}

/**
 * Every platform icon from one square source image (at least 1024px):
 * a map from file name (relative to build/) to its bytes.
 */
export function platformIcons(source) {
  const sizes = new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)]);
  const scaled = new Map([...sizes].map((size) => [size, size === source.width ? source : resize(source, size)]));
  const png = new Map([...scaled].map(([size, img]) => [size, encodePng(img)]));
  const files = new Map();
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, png.get(size));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => scaled.get(size))));
  files.set('icon.icns', encodeIcns(ICNS_TYPES.map(([type, size]) => [type, png.get(size)])));
  return { files, scaled };
}
