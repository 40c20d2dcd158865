// Recognises what an administrator brings back from the server and turns it
// into plain objects: CliXML (Export-Clixml), JSON (ConvertTo-Json, or
// pchat-admin's own export), or the list text the shell prints. The bytes'
// encoding is detected first (5.1 writes UTF-16 LE with a BOM; other tools
// and copy-paste give UTF-8 or the ANSI code page).

import crypto from 'node:crypto';
import { sniffText, type FileEncoding } from '../files/encoding';
import { toPSString } from '../shell/convert';
import { Hashtable, PSObject, type Value } from '../shell/values';
import { ClixmlError, parseClixml } from './clixml-read';
import { fromJsonValue, JsonSyntaxError } from './json51';
import { ListTextError, parseListText } from './list-text';

export type InputFormat = 'CliXML' | 'JSON' | 'pchat-admin JSON' | 'List text';

/** One object read from the file: its properties, and its ToString when the format carries one. */
export interface InputObject {
  readonly properties: readonly (readonly [string, Value])[];
}

export interface ReadInput {
  readonly format: InputFormat;
  readonly encoding: FileEncoding;
  readonly sha256: string;
  readonly objects: InputObject[];
  /** The raw parsed JSON of a pchat-admin export (its other sections). */
  readonly own?: Record<string, unknown>;
}

export class InputFormatError extends Error {}

export const OWN_EXPORT_FORMAT = 'pchat-admin-configuration';

function propertiesOf(value: Value): InputObject {
  if (value instanceof PSObject) return { properties: value.entries() };
  if (value instanceof Hashtable) return { properties: value.entries().map(([k, v]) => [toPSString(k), v] as const) };
  throw new InputFormatError(`it holds a value (${toPSString(value).slice(0, 40)}) where an object with properties was expected`);
}

function flatten(values: Value[]): Value[] {
  return values.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

/** Detects the format of `bytes` and reads the objects in it; throws InputFormatError with the reason. */
export function readConfigInput(bytes: Buffer): ReadInput {
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const { text, encoding } = sniffText(bytes);
  if (text.includes('\u0000')) throw new InputFormatError('it is not text (it contains NUL characters)');
  const start = text.replace(/^\uFEFF/, '').trimStart();
  try {
    if (start.startsWith('<')) {
      return { format: 'CliXML', encoding, sha256, objects: flatten(parseClixml(text)).map(propertiesOf) };
    }
    if (start.startsWith('{') || start.startsWith('[')) {
      let raw: unknown;
      try {
        raw = JSON.parse(start);
      } catch (e) {
        throw new InputFormatError(`it looks like JSON but is not valid JSON (${(e as Error).message})`);
      }
      const own = raw as Record<string, unknown> | null;
      if (own && !Array.isArray(own) && own.format === OWN_EXPORT_FORMAT) {
        const collections = Array.isArray(own.collections) ? own.collections : [];
        return { format: 'pchat-admin JSON', encoding, sha256, own, objects: collections.map((c) => propertiesOf(fromJsonValue(c))) };
      }
      return { format: 'JSON', encoding, sha256, objects: flatten([fromJsonValue(raw)]).map(propertiesOf) };
    }
    if (/^[A-Za-z_][\w.-]*\s*:/.test(start) || /^PS [^>]*>/.test(start)) {
      return { format: 'List text', encoding, sha256, objects: parseListText(text).map((o) => ({ properties: o.properties })) };
    }
  } catch (e) {
    if (e instanceof ClixmlError) throw new InputFormatError(`it is not valid CliXML: ${e.message}`);
    if (e instanceof JsonSyntaxError) throw new InputFormatError(`it is not usable JSON: ${e.message}`);
    if (e instanceof ListTextError) throw new InputFormatError(`it is not valid list output: ${e.message}`);
    throw e;
  }
  throw new InputFormatError(
    'its format is not recognised: expected CliXML (Export-Clixml), JSON (ConvertTo-Json or Export-PchatConfiguration) or the list text the Management Shell prints',
  );
}
