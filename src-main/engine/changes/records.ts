// Turns objects read from a server export into configuration collections,
// with the same rules the cmdlets apply (identity syntax, types, ranges,
// URLs). Liberal in what it reads: any type names, Identity as text or as a
// serialized XdsIdentity (its ToString), numbers as text; properties it does
// not know are reported, never silently dropped. Strict in what it accepts:
// one bad value or a duplicate identity refuses the whole file.

import { compareIdentities, parseIdentity, type ParsedIdentity } from '../domain/identity';
import { defaultValues, findProperty, PROPERTIES, type ConfigRecord } from '../domain/properties';
import { validatePropertyValue } from '../domain/validate';
import { ConversionError, toInteger, toPSString } from '../shell/convert';
import { PSObject, type Value } from '../shell/values';
import type { InputObject } from '../formats/config-input';

export class RecordError extends Error {}

export interface ReadRecords {
  readonly records: ConfigRecord[];
  /** Sentences for WARNING: lines. */
  readonly warnings: string[];
}

/** The text of an Identity value: a string, or a serialized XdsIdentity's ToString (or its scope fields). */
export function identityText(value: Value): string {
  if (value instanceof PSObject) {
    if (value.text !== undefined) return value.text;
    const scope = toPSString(value.get('ScopeClass') ?? '').toLowerCase();
    if (scope === 'global' || scope === '0') return 'Global';
    if (scope === 'site' || scope === '1') return `site:${toPSString(value.get('SiteId') ?? value.get('Name') ?? '')}`;
    if (scope === 'service' || scope === '2') return `service:${toPSString(value.get('ServiceId') ?? '')}`;
    return toPSString(value);
  }
  return toPSString(value);
}

function propertyValue(identity: string, name: string, value: Value): number | string | null {
  const meta = findProperty(name)!;
  let converted: number | string | null;
  const single = Array.isArray(value) && value.length === 1 ? value[0]! : value;
  if (meta.kind === 'integer') {
    try {
      converted = toInteger(typeof single === 'string' ? single.trim() : single, meta.type);
    } catch (e) {
      if (e instanceof ConversionError) throw new RecordError(`${identity}: ${meta.name}: ${e.message}`);
      throw e;
    }
  } else converted = single === null || single === '' ? null : toPSString(single);
  const problem = validatePropertyValue(meta, converted);
  if (problem) throw new RecordError(`${identity}: ${meta.name}: ${problem}`);
  return converted;
}

/** Validates and converts every object; throws RecordError naming the collection and the rule it breaks. */
/** What PowerShell remoting adds to every object a remote session returns: where it came from, not configuration. */
const REMOTING_NOTES = new Set(['pscomputername', 'runspaceid', 'psshowcomputername']);

export function toConfigRecords(objects: readonly InputObject[]): ReadRecords {
  if (objects.length === 0) throw new RecordError('it holds no Persistent Chat configuration');
  const unknown = new Set<string>();
  const defaulted = new Set<string>();
  const byKey = new Map<string, { parsed: ParsedIdentity; record: ConfigRecord }>();
  objects.forEach((obj, index) => {
    const identityEntry = obj.properties.find(([n]) => n.toLowerCase() === 'identity');
    if (!identityEntry || identityEntry[1] === null) throw new RecordError(`object ${index + 1} has no Identity`);
    const parsed = parseIdentity(identityText(identityEntry[1]));
    if (!parsed.ok) throw new RecordError(`object ${index + 1}: ${parsed.message}`);
    const identity = parsed.identity.canonical;
    if (byKey.has(parsed.identity.key)) throw new RecordError(`the identity ${identity} appears more than once`);
    const record: ConfigRecord = { Identity: identity, ...defaultValues() };
    const seen = new Set<string>();
    for (const [name, value] of obj.properties) {
      if (name.toLowerCase() === 'identity' || REMOTING_NOTES.has(name.toLowerCase())) continue;
      const meta = findProperty(name);
      if (!meta) {
        unknown.add(name);
        continue;
      }
      (record as unknown as Record<string, unknown>)[meta.name] = propertyValue(identity, meta.name, value);
      seen.add(meta.name);
    }
    for (const p of PROPERTIES) if (!seen.has(p.name)) defaulted.add(p.name);
    byKey.set(parsed.identity.key, { parsed: parsed.identity, record });
  });
  const warnings: string[] = [];
  if (unknown.size > 0) {
    warnings.push(`The file has properties pchat-admin does not manage; they were read but not imported: ${[...unknown].sort().join(', ')}.`);
  }
  if (defaulted.size > 0) warnings.push(`Some collections in the file lack properties; those took their default values: ${[...defaulted].join(', ')}.`);
  if (![...byKey.values()].some((e) => e.parsed.scope === 'Global')) {
    const parsed = parseIdentity('Global');
    if (parsed.ok) byKey.set(parsed.identity.key, { parsed: parsed.identity, record: { Identity: 'Global', ...defaultValues() } });
    warnings.push('The file has no Global collection; Global takes its default values.');
  }
  const records = [...byKey.values()].sort((a, b) => compareIdentities(a.parsed, b.parsed)).map((e) => e.record);
  return { records, warnings };
}
