// Reads PowerShell's CliXML (Import-Clixml) with fast-xml-parser: checks the
// document is well-formed XML whose root is <Objs> in PowerShell's namespace,
// then rebuilds each object. As in PowerShell, objects come back with
// "Deserialized." type names, <Ref> reuses an earlier object, <TNRef> an
// earlier type name list, and a <ToString> is kept as the object's text.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Hashtable, PSObject, type Value } from '../shell/values';
import { CLIXML_NS, decodeClixmlString, INTEGER_ELEMENTS, LIST_ELEMENTS, NUMBER_ELEMENTS, TEXT_ELEMENTS } from './clixml-names';

/** A document that is not CliXML; the message says why and where. */
export class ClixmlError extends Error {}

type Node = Record<string, unknown>;

/** Nesting deeper than this is refused: real exports are a few levels deep, and a crafted file must not exhaust the stack. */
const MAX_NESTING = 64;

function tagOf(node: Node): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function children(node: Node): Node[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function attr(node: Node, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, string> | undefined;
  return attrs?.[name];
}

function text(node: Node): string {
  return children(node)
    .map((c) => (typeof c['#text'] === 'string' ? (c['#text'] as string) : ''))
    .join('');
}

function elements(node: Node): Node[] {
  return children(node).filter((c) => tagOf(c) !== '#text');
}

function firstChild(node: Node, tag: string): Node | undefined {
  return elements(node).find((c) => tagOf(c) === tag);
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

class Reader {
  private readonly objects = new Map<string, Value>();
  private readonly typeNames = new Map<string, string[]>();

  value(node: Node, nesting: number): Value {
    if (nesting > MAX_NESTING) throw new ClixmlError(`The objects are nested more than ${MAX_NESTING} levels deep.`);
    const tag = tagOf(node)!;
    if (tag === 'Nil') return null;
    if (tag === 'B') return text(node).trim().toLowerCase() === 'true';
    if (tag in INTEGER_ELEMENTS || NUMBER_ELEMENTS.has(tag)) {
      const n = Number(text(node).trim());
      if (text(node).trim() === '' || Number.isNaN(n)) throw new ClixmlError(`The value '${text(node)}' of a <${tag}> element is not a number.`);
      return n;
    }
    if (tag === 'C') return String.fromCharCode(Number(text(node)));
    if (TEXT_ELEMENTS.has(tag)) return decodeClixmlString(text(node));
    if (tag === 'Ref') {
      const id = attr(node, 'RefId') ?? '';
      if (!this.objects.has(id)) throw new ClixmlError(`A <Ref> points to RefId '${id}', which no earlier object has.`);
      return this.objects.get(id)!;
    }
    if (tag === 'Obj') return this.obj(node, nesting);
    throw new ClixmlError(`<${tag}> is not an element PowerShell's serializer writes.`);
  }

  private types(node: Node): string[] {
    const tn = firstChild(node, 'TN');
    if (tn) {
      const names = elements(tn)
        .filter((t) => tagOf(t) === 'T')
        .map((t) => decodeClixmlString(text(t)));
      const id = attr(tn, 'RefId');
      if (id !== undefined) this.typeNames.set(id, names);
      return names;
    }
    const ref = firstChild(node, 'TNRef');
    if (ref) {
      const id = attr(ref, 'RefId') ?? '';
      const names = this.typeNames.get(id);
      if (!names) throw new ClixmlError(`A <TNRef> points to RefId '${id}', which no earlier <TN> has.`);
      return names;
    }
    return [];
  }

  private obj(node: Node, nesting: number): Value {
    const types = this.types(node);
    const typeName = types.length > 0 ? `Deserialized.${types[0]}` : 'Deserialized.System.Object';
    let result: Value | undefined;
    const properties: [string, Value][] = [];
    let toString: string | undefined;
    for (const child of elements(node)) {
      const tag = tagOf(child)!;
      if (tag === 'TN' || tag === 'TNRef') continue;
      if (tag === 'ToString') toString = decodeClixmlString(text(child));
      else if (tag === 'Props' || tag === 'MS') {
        for (const p of elements(child)) properties.push([decodeClixmlString(attr(p, 'N') ?? ''), this.value(p, nesting + 1)]);
      } else if (LIST_ELEMENTS.has(tag)) result = elements(child).map((c) => this.value(c, nesting + 1));
      else if (tag === 'DCT') {
        const table = new Hashtable();
        for (const en of elements(child)) {
          const parts = elements(en);
          const key = parts.find((p) => attr(p, 'N') === 'Key');
          const value = parts.find((p) => attr(p, 'N') === 'Value');
          if (!key) throw new ClixmlError('A dictionary entry (<En>) has no Key.');
          table.set(this.value(key, nesting + 1), value ? this.value(value, nesting + 1) : null);
        }
        result = table;
      } else result = this.value(child, nesting + 1); // an enum's or an extended primitive's value
    }
    if (result === undefined) {
      const obj = new PSObject(typeName, properties);
      if (toString !== undefined) obj.text = toString;
      result = obj;
    }
    const id = attr(node, 'RefId');
    if (id !== undefined) this.objects.set(id, result);
    return result;
  }
}

/** The objects in a CliXML document; throws ClixmlError for anything else. */
export function parseClixml(xml: string): Value[] {
  const body = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(body.slice(0, 4096))) {
    throw new ClixmlError('For security reasons DTD is prohibited in this XML document.');
  }
  const check = XMLValidator.validate(body);
  if (check !== true) {
    throw new ClixmlError(`${check.err.msg} Line ${check.err.line}, position ${check.err.col}.`);
  }
  let parsed: Node[];
  try {
    parsed = parser.parse(body) as Node[];
  } catch (e) {
    throw new ClixmlError(`${(e as Error).message}.`);
  }
  const roots = parsed.filter((n) => tagOf(n) !== '#text' && tagOf(n) !== '?xml');
  const root = roots[0];
  if (!root || tagOf(root) !== 'Objs' || attr(root, 'xmlns') !== CLIXML_NS) {
    throw new ClixmlError(`Element 'Objs' with namespace name '${CLIXML_NS}' was not found. Line 1, position 2.`);
  }
  const reader = new Reader();
  return elements(root).map((n) => reader.value(n, 0));
}
