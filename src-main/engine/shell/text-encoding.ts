// System.Text.Encoding objects as 5.1 (.NET Framework 4.x, en-US Windows)
// shows them: [Text.Encoding]::UTF8 and friends. They describe an encoding;
// the console always writes UTF-8 whatever a script sets.

import { PSObject, readOnlyProperties, type Value } from './values';

interface EncodingFacts {
  readonly type: string;
  readonly bodyName: string;
  readonly encodingName: string;
  readonly headerName: string;
  readonly webName: string;
  readonly windowsCodePage: number;
  /** IsBrowserDisplay, IsBrowserSave, IsMailNewsDisplay, IsMailNewsSave. */
  readonly flags: readonly [boolean, boolean, boolean, boolean];
  readonly singleByte: boolean;
  readonly codePage: number;
}

const FACTS: Record<'utf8' | 'unicode' | 'ascii' | 'default', EncodingFacts> = {
  utf8: { type: 'System.Text.UTF8Encoding', bodyName: 'utf-8', encodingName: 'Unicode (UTF-8)', headerName: 'utf-8', webName: 'utf-8', windowsCodePage: 1200, flags: [true, true, true, true], singleByte: false, codePage: 65001 },
  unicode: { type: 'System.Text.UnicodeEncoding', bodyName: 'utf-16', encodingName: 'Unicode', headerName: 'utf-16', webName: 'utf-16', windowsCodePage: 1200, flags: [false, true, false, false], singleByte: false, codePage: 1200 },
  ascii: { type: 'System.Text.ASCIIEncoding', bodyName: 'us-ascii', encodingName: 'US-ASCII', headerName: 'us-ascii', webName: 'us-ascii', windowsCodePage: 1252, flags: [false, false, true, true], singleByte: true, codePage: 20127 },
  // Encoding.Default is the system's ANSI code page: Windows-1252 on an en-US Windows.
  default: { type: 'System.Text.SBCSCodePageEncoding', bodyName: 'iso-8859-1', encodingName: 'Western European (Windows)', headerName: 'Windows-1252', webName: 'Windows-1252', windowsCodePage: 1252, flags: [true, true, true, true], singleByte: true, codePage: 1252 },
};

export type EncodingName = keyof typeof FACTS;

/** The concrete encoding types, all readable as System.Text.Encoding. */
export const ENCODING_TYPES: readonly string[] = [...new Set(Object.values(FACTS).map((f) => f.type))];

/** A new encoding object, with the properties 5.1's Format-List shows, in its order. */
export function encodingObject(name: EncodingName): PSObject {
  const f = FACTS[name];
  const encoding = new PSObject(
    f.type,
    [
      ['BodyName', f.bodyName],
      ['EncodingName', f.encodingName],
      ['HeaderName', f.headerName],
      ['WebName', f.webName],
      ['WindowsCodePage', f.windowsCodePage],
      ['IsBrowserDisplay', f.flags[0]],
      ['IsBrowserSave', f.flags[1]],
      ['IsMailNewsDisplay', f.flags[2]],
      ['IsMailNewsSave', f.flags[3]],
      ['IsSingleByte', f.singleByte],
      ['EncoderFallback', 'System.Text.EncoderReplacementFallback'],
      ['DecoderFallback', 'System.Text.DecoderReplacementFallback'],
      ['IsReadOnly', true],
      ['CodePage', f.codePage],
    ],
    readOnlyProperties,
  );
  encoding.text = f.type;
  return encoding;
}

export function isEncoding(value: Value): value is PSObject {
  return value instanceof PSObject && ENCODING_TYPES.includes(value.typeName);
}

/** Node's name for an encoding object's bytes (by its code page). */
function bufferEncoding(encoding: PSObject): 'utf8' | 'utf16le' | 'ascii' | 'latin1' {
  const page = encoding.get('CodePage');
  return page === 65001 ? 'utf8' : page === 1200 ? 'utf16le' : page === 20127 ? 'ascii' : 'latin1';
}

/** Encoding.GetBytes(s). */
export function encodeWith(encoding: PSObject, text: string): Buffer {
  return Buffer.from(text, bufferEncoding(encoding));
}

/** Encoding.GetString(bytes): bytes are numbers 0–255 (Byte[]). */
export function decodeWith(encoding: PSObject, bytes: Value): string {
  const list = bytes === null ? [] : Array.isArray(bytes) ? bytes : [bytes];
  const buffer = Buffer.from(list.map((b) => (typeof b === 'number' ? b & 0xff : 0)));
  return buffer.toString(bufferEncoding(encoding));
}
