// Writes values as PowerShell's CliXML (Export-Clixml), built with
// fast-xml-parser's XMLBuilder: <Objs Version="1.1.0.1" xmlns=…>, one element
// per object, type names (<TN>, reused through <TNRef>), <ToString>, adapted
// properties in <Props> and note properties in <MS>, typed primitives, and
// objects deeper than -Depth (default 2) reduced to their <ToString>.

import { XMLBuilder } from 'fast-xml-parser';
import { findProperty } from '../domain/properties';
import { toPSString } from '../shell/convert';
import { FormattedText, Hashtable, PSObject, ScriptBlock, type Value } from '../shell/values';
import { CLIXML_NS, CLIXML_VERSION, encodeClixmlString } from './clixml-names';
import { PSCUSTOM_TYPE } from './json51';

export const DEFAULT_CLIXML_DEPTH = 2;

type XmlNode = Record<string, unknown>;

const CONFIG_SUFFIX = 'PersistentChatConfiguration';
const XDS_IDENTITY = 'Microsoft.Rtc.Management.Xds.XdsIdentity';
const ELEMENT_OF: Readonly<Record<string, string>> = { Int16: 'I16', Int32: 'I32', UInt32: 'U32' };

function el(tag: string, children: XmlNode[] | string, attrs?: Record<string, string>): XmlNode {
  const node: XmlNode = { [tag]: typeof children === 'string' ? [{ '#text': children }] : children };
  if (attrs) node[':@'] = attrs;
  return node;
}

function named(name: string | undefined, extra: Record<string, string> = {}): Record<string, string> | undefined {
  const attrs = name === undefined ? { ...extra } : { N: name, ...extra };
  return Object.keys(attrs).length > 0 ? attrs : undefined;
}

class Writer {
  private refId = 0;
  private readonly typeRefs = new Map<string, number>();

  constructor(private readonly maxDepth: number) {}

  private typeNames(names: readonly string[]): XmlNode {
    const key = names.join('\u0000');
    const known = this.typeRefs.get(key);
    if (known !== undefined) return el('TNRef', [], { RefId: String(known) });
    const id = this.typeRefs.size;
    this.typeRefs.set(key, id);
    return el('TN', names.map((t) => el('T', t)), { RefId: String(id) });
  }

  /** An <Obj>: its RefId and type names are taken before its body is built, as PowerShell numbers them. */
  private obj(name: string | undefined, names: readonly string[], body: () => XmlNode[]): XmlNode {
    const attrs = named(name, { RefId: String(this.refId++) });
    const tn = this.typeNames(names);
    return el('Obj', [tn, ...body()], attrs);
  }

  value(value: Value, name: string | undefined, depth: number): XmlNode {
    if (value === null) return el('Nil', [], named(name));
    if (typeof value === 'string') return el('S', encodeClixmlString(value), named(name));
    if (typeof value === 'boolean') return el('B', value ? 'true' : 'false', named(name));
    if (typeof value === 'number') {
      const tag = !Number.isInteger(value) ? 'Db' : Math.abs(value) <= 2147483647 ? 'I32' : 'I64';
      return el(tag, toPSString(value), named(name));
    }
    if (value instanceof ScriptBlock) return el('SBK', encodeClixmlString(value.text), named(name));
    if (value instanceof FormattedText) return el('S', encodeClixmlString(value.lines.join('\r\n')), named(name));
    const typeNames = Array.isArray(value)
      ? ['System.Object[]', 'System.Array', 'System.Object']
      : value instanceof Hashtable
        ? ['System.Collections.Hashtable', 'System.Object']
        : [value.typeName, 'System.Object'];
    if (depth > this.maxDepth) return this.obj(name, typeNames, () => [el('ToString', encodeClixmlString(toPSString(value)))]);
    if (Array.isArray(value)) return this.obj(name, typeNames, () => [el('LST', value.map((v) => this.value(v, undefined, depth + 1)))]);
    if (value instanceof Hashtable) {
      return this.obj(name, typeNames, () => [el('DCT', value.entries().map(([k, v]) => el('En', [this.value(k, 'Key', depth + 1), this.value(v, 'Value', depth + 1)])))]);
    }
    return this.object(value, name, typeNames, depth);
  }

  private object(value: PSObject, name: string | undefined, typeNames: string[], depth: number): XmlNode {
    const isCustom = value.typeName === PSCUSTOM_TYPE || value.typeName.startsWith('Selected.');
    const isConfig = value.typeName.endsWith(CONFIG_SUFFIX) && !isCustom;
    return this.obj(name, typeNames, () => {
      const body: XmlNode[] = [];
      if (!isCustom) body.push(el('ToString', encodeClixmlString(toPSString(value))));
      body.push(el(isCustom ? 'MS' : 'Props', value.entries().map(([k, v]) => (isConfig ? this.configProperty(k, v, depth) : this.value(v, k, depth + 1)))));
      return body;
    });
  }

  /** The configuration object's properties with the server's types: Int16/Int32/UInt32 and an XdsIdentity. */
  private configProperty(name: string, value: Value, depth: number): XmlNode {
    if (name === 'Identity' && typeof value === 'string') {
      return this.obj(name, [XDS_IDENTITY, 'System.Object'], () => [el('ToString', encodeClixmlString(value)), el('Props', [])]);
    }
    const meta = findProperty(name);
    if (meta && meta.kind === 'integer' && typeof value === 'number') return el(ELEMENT_OF[meta.type]!, String(value), { N: name });
    return this.value(value, name, depth + 1);
  }
}

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

/** The whole CliXML document for `values`, with CRLF line ends as 5.1 writes it (no XML declaration). */
export function toClixml(values: readonly Value[], depth = DEFAULT_CLIXML_DEPTH): string {
  const writer = new Writer(depth);
  const objs = el('Objs', values.map((v) => writer.value(v, undefined, 1)), { Version: CLIXML_VERSION, xmlns: CLIXML_NS });
  const xml = (builder.build([objs]) as string).replace(/^\s+/, '').replace(/\s+$/, '');
  // 5.1 writes empty elements as <Nil N="x" />.
  return xml.replace(/"\/>/g, '" />').replace(/<(\w+)\/>/g, '<$1 />').replace(/\r?\n/g, '\r\n');
}
