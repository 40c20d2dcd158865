// The one source image and every platform icon made from it.
//
//   node build/make-icon.mjs              draws build/icon.png (1024x1024 RGBA: a
//                                         blue rounded square with a white chat
//                                         bubble holding three "configuration"
//                                         lines), then derives the rest
//   node build/make-icon.mjs --keep-source  derives the rest from the build/icon.png
//                                         already there (e.g. a designer's artwork:
//                                         square, 8-bit RGB(A), at least 1024px)
//
// Derived (icon-files.mjs), all from build/icon.png: build/icon.ico (Windows,
// 16–256px), build/icon.icns (macOS, 16–1024px), build/icons/NxN.png (Linux,
// 16–512px). No dependencies: shapes are signed-distance tests, anti-aliased
// by 4x4 supersampling, written as PNG with node:zlib.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng, encodePng, image, platformIcons } from './icon-files.mjs';

const BUILD = dirname(fileURLToPath(import.meta.url));
const SIZE = 1024;
/** The drawing below is in a 512-unit design space, scaled to SIZE. */
const UNIT = SIZE / 512;
const SAMPLES = 4;

/** Signed distance from (x, y) to a rounded rectangle (negative = inside). */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - ((right - left) / 2 - radius);
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** True when (x, y) is inside the triangle a-b-c. */
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const negative = d1 < 0 || d2 < 0 || d3 < 0;
  const positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

const BACKGROUND = [47, 95, 179];
const BUBBLE = [255, 255, 255];
const LINE = [47, 95, 179];

/** The colour at a point, or null for transparent. */
function colourAt(x, y) {
  if (roundedRect(x, y, 16, 16, 496, 496, 104) > 0) return null;
  const lines = [
    [148, 190, 364],
    [148, 246, 330],
    [148, 302, 280],
  ];
  for (const [left, top, right] of lines) {
    if (roundedRect(x, y, left, top - 14, right, top + 14, 14) <= 0) return LINE;
  }
  const inBubble =
    roundedRect(x, y, 96, 112, 416, 372, 56) <= 0 || inTriangle(x, y, [150, 350], [236, 350], [140, 428]);
  return inBubble ? BUBBLE : BACKGROUND;
}

/** The drawing as SIZE x SIZE RGBA pixels. */
function render() {
  const raw = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) / UNIT, (py + (sy + 0.5) / SAMPLES) / UNIT);
          if (colour === null) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const offset = (py * SIZE + px) * 4;
      if (a > 0) {
        raw[offset] = Math.round(r / a);
        raw[offset + 1] = Math.round(g / a);
        raw[offset + 2] = Math.round(b / a);
      }
      raw[offset + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return raw;
}

const keepSource = process.argv.includes('--keep-source');
const sourceFile = `${BUILD}/icon.png`;
if (!keepSource) {
  writeFileSync(sourceFile, encodePng(image(SIZE, SIZE, render())));
  console.log(`drew ${sourceFile} (${SIZE}x${SIZE})`);
}
const { files } = platformIcons(decodePng(readFileSync(sourceFile)));
for (const [name, bytes] of files) {
  const target = `${BUILD}/${name}`;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}
console.log(`wrote ${[...files.keys()].join(', ')} in ${BUILD} from icon.png`);
