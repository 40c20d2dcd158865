// Types for icon-files.mjs, which the packaging tests import.
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}
export function image(width: number, height: number, data?: Buffer): RgbaImage;
export const LINUX_SIZES: readonly number[];
export const ICO_SIZES: readonly number[];
export const ICNS_TYPES: readonly (readonly [string, number])[];
export function encodePng(image: RgbaImage): Buffer;
export function decodePng(png: Buffer): RgbaImage;
export function resize(source: RgbaImage, size: number): RgbaImage;
export function encodeIco(images: readonly RgbaImage[]): Buffer;
export function readIco(ico: Buffer): { size: number; bytes: Buffer }[];
export function decodeIcoEntry(entry: { size: number; bytes: Buffer }): RgbaImage;
export function encodeIcns(entries: readonly (readonly [string, Buffer])[]): Buffer;
export function readIcns(icns: Buffer): [string, Buffer][];
export function platformIcons(source: RgbaImage): { files: Map<string, Buffer>; scaled: Map<number, RgbaImage> };
