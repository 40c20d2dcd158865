// Pieces of PowerShell's CliXML (MS-PSRP 2.2.5, "Serialization") that the
// reader and writer share: the namespace, the primitive element names and
// the _xHHHH_ escaping of characters XML cannot hold.

export const CLIXML_NS = 'http://schemas.microsoft.com/powershell/2004/04';
export const CLIXML_VERSION = '1.1.0.1';

/** Integer elements: name → .NET type (MS-PSRP 2.2.5.1). */
export const INTEGER_ELEMENTS: Readonly<Record<string, string>> = {
  By: 'System.Byte',
  SB: 'System.SByte',
  I16: 'System.Int16',
  U16: 'System.UInt16',
  I32: 'System.Int32',
  U32: 'System.UInt32',
  I64: 'System.Int64',
  U64: 'System.UInt64',
};

/** Floating point and decimal elements. */
export const NUMBER_ELEMENTS = new Set(['Sg', 'Db', 'D']);

/** Elements whose text is kept as a string (dates, GUIDs, URIs, versions, durations, XML, script, secure strings, byte arrays). */
export const TEXT_ELEMENTS = new Set(['S', 'DT', 'G', 'URI', 'Version', 'TS', 'XD', 'SBK', 'SS', 'BA', 'PR']);

/** Collection elements inside an Obj (MS-PSRP 2.2.5.2.6). */
export const LIST_ELEMENTS = new Set(['LST', 'IE', 'QUE', 'STK']);

function needsEscape(code: number): boolean {
  return code < 0x20 || code === 0xfffe || code === 0xffff;
}

/** Encodes a string for an element's text (2.2.5.3.2): controls and unpaired surrogates as _xHHHH_, and a literal "_xHHHH_" keeps its underscore as _x005F_. */
export function encodeClixmlString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const high = c >= 0xd800 && c <= 0xdbff;
    const low = c >= 0xdc00 && c <= 0xdfff;
    if (high && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += text[i]! + text[i + 1]!;
      i++;
    } else if (needsEscape(c) || high || low) {
      out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    } else if (text[i] === '_' && /^_x[0-9A-Fa-f]{4}_/.test(text.slice(i, i + 7))) {
      out += '_x005F_';
    } else out += text[i]!;
  }
  return out;
}

export function decodeClixmlString(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
