// Text encodings as Windows PowerShell 5.1 names and writes them: the
// FileSystemCmdletProviderEncoding names of Get/Set/Add-Content, the
// ValidateSet names of Out-File, Export-Csv and Export-Clixml, which of them
// write a byte order mark (5.1's UTF8 does), and reading with BOM detection.

export type FileEncoding = 'Unicode' | 'BigEndianUnicode' | 'UTF8' | 'UTF7' | 'UTF32' | 'BigEndianUTF32' | 'Ascii' | 'Default' | 'Oem' | 'Byte';

/** The FileSystemCmdletProviderEncoding enum (Get-Content, Set-Content, Add-Content), in value order. */
export const PROVIDER_ENCODINGS = ['Unknown', 'String', 'Unicode', 'Byte', 'BigEndianUnicode', 'UTF8', 'UTF7', 'UTF32', 'Ascii', 'Default', 'Oem', 'BigEndianUTF32'] as const;

/** Out-File's ValidateSet (lower case, as 5.1 lists it in its message). */
export const OUT_FILE_ENCODINGS = ['unknown', 'string', 'unicode', 'bigendianunicode', 'utf8', 'utf7', 'utf32', 'ascii', 'default', 'oem'] as const;

/** Export-Csv's and Export-Clixml's ValidateSet. */
export const EXPORT_ENCODINGS = ['Unicode', 'UTF7', 'UTF8', 'ASCII', 'UTF32', 'BigEndianUnicode', 'Default', 'OEM'] as const;

/** Maps any accepted name (any case) to the encoding it writes; Unknown and String mean Unicode in 5.1. */
export function encodingFromName(name: string): FileEncoding | undefined {
  switch (name.toLowerCase()) {
    case 'unknown':
    case 'string':
    case 'unicode':
      return 'Unicode';
    case 'bigendianunicode':
      return 'BigEndianUnicode';
    case 'utf8':
      return 'UTF8';
    case 'utf7':
      return 'UTF7';
    case 'utf32':
      return 'UTF32';
    case 'bigendianutf32':
      return 'BigEndianUTF32';
    case 'ascii':
      return 'Ascii';
    case 'default':
      return 'Default';
    case 'oem':
      return 'Oem';
    case 'byte':
      return 'Byte';
    default:
      return undefined;
  }
}

const BOMS: readonly (readonly [FileEncoding, readonly number[]])[] = [
  ['UTF32', [0xff, 0xfe, 0x00, 0x00]],
  ['BigEndianUTF32', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF8', [0xef, 0xbb, 0xbf]],
  ['Unicode', [0xff, 0xfe]],
  ['BigEndianUnicode', [0xfe, 0xff]],
];

function swap16(bytes: Uint8Array): Buffer {
  const out = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return out.swap16();
}

/** Windows-1252's 0x80–0x9F row; the rest of 0xA0–0xFF is Latin-1. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const CP1252_REVERSE = new Map([...CP1252_HIGH].map((c, i) => [c, 0x80 + i]));

function encodeSingleByte(text: string, ansi: boolean): Buffer {
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // .NET's encoders replace what the code page cannot hold with '?'.
    if (code < 0x80) out[n++] = code;
    else if (ansi && code >= 0xa0 && code <= 0xff) out[n++] = code;
    else out[n++] = (ansi ? CP1252_REVERSE.get(ch) : undefined) ?? 0x3f;
  }
  return out.subarray(0, n);
}

function encodeUtf32(text: string, bigEndian: boolean): Buffer {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (bigEndian ? out.writeUInt32BE(p, i * 4) : out.writeUInt32LE(p, i * 4)));
  return out;
}

/** The bytes 5.1 writes for `text` in `encoding`, with the preamble (BOM) when `bom`. Byte and UTF7 are the caller's business. */
export function encodeText(text: string, encoding: FileEncoding, bom = true): Buffer {
  switch (encoding) {
    case 'Unicode':
      return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'BigEndianUnicode':
      return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), swap16(Buffer.from(text, 'utf16le'))]);
    case 'UTF8':
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'UTF32':
      return Buffer.concat([bom ? Buffer.from([0xff, 0xfe, 0, 0]) : Buffer.alloc(0), encodeUtf32(text, false)]);
    case 'BigEndianUTF32':
      return Buffer.concat([bom ? Buffer.from([0, 0, 0xfe, 0xff]) : Buffer.alloc(0), encodeUtf32(text, true)]);
    case 'Ascii':
    case 'Oem':
      return encodeSingleByte(text, false);
    case 'Default':
      return encodeSingleByte(text, true);
    case 'UTF7':
    case 'Byte':
      throw new Error(`The ${encoding} encoding cannot encode text here.`);
  }
}

function decodeUtf32(bytes: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const p = view.getUint32(i, !bigEndian);
    out += p <= 0x10ffff ? String.fromCodePoint(p) : '\ufffd';
  }
  return out;
}

/** The encoding named by a byte order mark at the start of `bytes`, and the mark's length. */
export function detectBom(bytes: Uint8Array): { encoding: FileEncoding; length: number } | undefined {
  for (const [encoding, mark] of BOMS) {
    if (bytes.length >= mark.length && mark.every((b, i) => bytes[i] === b)) return { encoding, length: mark.length };
  }
  return undefined;
}

/** Decodes bytes without a BOM in the given encoding. */
export function decodeBytes(bytes: Uint8Array, encoding: FileEncoding): string {
  switch (encoding) {
    case 'Unicode':
      return new TextDecoder('utf-16le').decode(bytes);
    case 'BigEndianUnicode':
      return new TextDecoder('utf-16be').decode(bytes);
    case 'UTF32':
    case 'BigEndianUTF32':
      return decodeUtf32(bytes, encoding === 'BigEndianUTF32');
    case 'UTF8':
      return new TextDecoder('utf-8').decode(bytes);
    case 'Ascii':
      return [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
    default:
      return decodeWindows1252(bytes);
  }
}

/**
 * Windows-1252 by table: Node's own TextDecoder('windows-1252') reads it as
 * Latin-1 (0x80 gives U+0080, not €), so the 0x80–0x9F row is mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/**
 * Reads text the way 5.1's StreamReader does: a byte order mark decides;
 * without one, `fallback` (5.1's "Default", the ANSI code page, unless the
 * caller asked for another). An explicit encoding still lets a BOM win.
 */
export function decodeText(bytes: Uint8Array, fallback: FileEncoding = 'Default'): { text: string; encoding: FileEncoding; bom: boolean } {
  const bom = detectBom(bytes);
  if (bom) return { text: decodeBytes(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, bom: true };
  return { text: decodeBytes(bytes, fallback), encoding: fallback, bom: false };
}

/**
 * Reads text whose encoding nobody names (a server export carried by hand):
 * a BOM; else UTF-16 recognised by its zero bytes; else UTF-8 when the bytes
 * are valid UTF-8; else the ANSI code page.
 */
export function sniffText(bytes: Uint8Array): { text: string; encoding: FileEncoding; bom: boolean } {
  const bom = detectBom(bytes);
  if (bom) return decodeText(bytes);
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenZeros++ : oddZeros++);
  const half = sample.length / 2;
  if (half > 0 && oddZeros > half * 0.4 && evenZeros === 0) return { text: decodeBytes(bytes, 'Unicode'), encoding: 'Unicode', bom: false };
  if (half > 0 && evenZeros > half * 0.4 && oddZeros === 0) return { text: decodeBytes(bytes, 'BigEndianUnicode'), encoding: 'BigEndianUnicode', bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF8', bom: false };
  } catch {
    return { text: decodeBytes(bytes, 'Default'), encoding: 'Default', bom: false };
  }
}
