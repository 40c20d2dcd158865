// JSON as Windows PowerShell 5.1 writes and reads it. ConvertTo-Json there is
// JavaScriptSerializer (which escapes ' < > & as \u0027 …) followed by 5.1's
// own indenter: four spaces a level, two spaces after the colon, and nested
// values lined up under the column where their key's value starts. Objects
// deeper than -Depth (default 2) become their string form. ConvertFrom-Json
// gives PSCustomObjects, and a top-level array as one object.

import { numberToString, toPSString } from '../shell/convert';
import { FormattedText, Hashtable, PSObject, ScriptBlock, type Value } from '../shell/values';

export const PSCUSTOM_TYPE = 'System.Management.Automation.PSCustomObject';
export const DEFAULT_JSON_DEPTH = 2;

/** JavaScriptSerializer's string quoting. */
export function quoteJsonString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || ch === "'" || ch === '<' || ch === '>' || ch === '&') out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return quoteJsonString(numberToString(n));
  return Number.isInteger(n) ? String(n) : numberToString(n);
}

function members(value: PSObject | Hashtable): [string, Value][] {
  return value instanceof Hashtable ? value.entries().map(([k, v]) => [toPSString(k), v]) : value.entries();
}

/** The compact text (-Compress), with values deeper than `maxDepth` written as strings. */
export function toCompactJson(value: Value, maxDepth: number, depth = 0): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteJsonString(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof ScriptBlock) return quoteJsonString(value.text);
  if (value instanceof FormattedText) return quoteJsonString(value.lines.join('\r\n'));
  if (depth > maxDepth) return quoteJsonString(toPSString(value));
  if (Array.isArray(value)) return `[${value.map((v) => toCompactJson(v, maxDepth, depth + 1)).join(',')}]`;
  return `{${members(value)
    .map(([k, v]) => `${quoteJsonString(k)}:${toCompactJson(v, maxDepth, depth + 1)}`)
    .join(',')}}`;
}

/** Index of the closing quote of the string whose opening quote is at `start`. */
function stringEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i++) {
    if (json[i] === '\\') i++;
    else if (json[i] === '"') return i;
  }
  return json.length - 1;
}

const NL = '\r\n';
const INDENT = '    ';

/** 5.1's ConvertToPrettyJsonString, step for step (its odd alignment included). */
export function prettyJson(json: string): string {
  const out: string[] = [];
  const list = (index: number, pad: string, spaces: number): number => {
    out.push(NL);
    const inner = pad + ' '.repeat(spaces) + INDENT;
    let head = true;
    for (let i = index; i < json.length; i++) {
      const c = json[i]!;
      if (c === '{' || c === '[') {
        out.push(inner, c);
        i = c === '{' ? dict(i + 1, inner, 0) : list(i + 1, inner, 0);
        head = false;
      } else if (c === ']') {
        out.push(NL, pad, ' '.repeat(spaces), c);
        return i;
      } else if (c === '"') {
        if (head) out.push(inner);
        const end = stringEnd(json, i);
        out.push(json.slice(i, end + 1));
        i = end;
        head = false;
      } else if (c === ',') {
        out.push(c, NL);
        head = true;
      } else {
        if (head) out.push(inner);
        out.push(c);
        head = false;
      }
    }
    return json.length;
  };
  const dict = (index: number, pad: string, spaces: number): number => {
    out.push(NL);
    const inner = pad + ' '.repeat(spaces) + INDENT;
    let beforeKey = true;
    let next = 0;
    for (let i = index; i < json.length; i++) {
      const c = json[i]!;
      if (c === '{' || c === '[') {
        out.push(c);
        i = c === '{' ? dict(i + 1, inner, next) : list(i + 1, inner, next);
      } else if (c === '}') {
        out.push(NL, pad, ' '.repeat(spaces), c);
        return i;
      } else if (c === '"') {
        const end = stringEnd(json, i);
        if (beforeKey) {
          out.push(inner);
          next = end - i + 1;
        }
        out.push(json.slice(i, end + 1));
        i = end;
        beforeKey = false;
      } else if (c === ':') {
        out.push(':  ');
        next += 3;
      } else if (c === ',') {
        out.push(c, NL);
        beforeKey = true;
      } else out.push(c);
    }
    return json.length;
  };
  if (json.startsWith('{')) {
    out.push('{');
    dict(1, '', 0);
  } else if (json.startsWith('[')) {
    out.push('[');
    list(1, '', 0);
  } else return json;
  return out.join('');
}

export function toJson51(value: Value, options: { depth?: number; compress?: boolean } = {}): string {
  const compact = toCompactJson(value, options.depth ?? DEFAULT_JSON_DEPTH);
  return options.compress ? compact : prettyJson(compact);
}

/** Deeper JSON is refused: JavaScriptSerializer has a recursion limit too, and the stack must never run out. */
export const MAX_JSON_NESTING = 1024;

/** A parsed JSON value as the console's values: objects become PSCustomObjects (property order kept). */
export function fromJsonValue(raw: unknown, depth = 0): Value {
  if (raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (depth >= MAX_JSON_NESTING) throw new JsonSyntaxError(`RecursionLimit exceeded: the JSON is nested more than ${MAX_JSON_NESTING} levels deep.`);
  if (Array.isArray(raw)) return raw.map((v) => fromJsonValue(v, depth + 1));
  return new PSObject(
    PSCUSTOM_TYPE,
    Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, fromJsonValue(v, depth + 1)] as const),
  );
}

/** Thrown for text that is not JSON; the message is JavaScriptSerializer's style, with where it failed. */
export class JsonSyntaxError extends Error {}

export function parseJson(text: string): Value {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new JsonSyntaxError(`Invalid JSON primitive: ${(e as Error).message}`);
  }
  return fromJsonValue(raw);
}
