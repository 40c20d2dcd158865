// The configuration object the cmdlets return: a PSObject whose properties
// convert and validate on assignment like the typed .NET settings object
// ($x.DefaultChatHistory = 'abc' fails the same way binding would).

import { findProperty, PROPERTIES, type ConfigRecord, type PropertyValues } from '../../domain/properties';
import { validatePropertyValue } from '../../domain/validate';
import { ConversionError, toInteger, toPSString } from '../../shell/convert';
import { PSObject, type Value } from '../../shell/values';

export const CONFIG_TYPE_NAME = 'Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat.PersistentChatConfiguration';

export class PropertySetError extends Error {}

function convertProperty(name: string, value: Value): Value {
  if (name === 'Identity') throw new PropertySetError(`'Identity' is a ReadOnly property.`);
  const meta = findProperty(name)!;
  let converted: number | string | null;
  try {
    if (meta.kind === 'integer') converted = toInteger(Array.isArray(value) && value.length === 1 ? value[0]! : value, meta.type);
    else converted = value === null || value === '' ? null : toPSString(value);
  } catch (e) {
    if (e instanceof ConversionError) throw new PropertySetError(`Exception setting "${meta.name}": "${e.message}"`);
    throw e;
  }
  const problem = validatePropertyValue(meta, converted);
  if (problem) throw new PropertySetError(`Exception setting "${meta.name}": "${problem}"`);
  return converted;
}

/** Identity, then the properties in display order. */
const NAMES: readonly string[] = ['Identity', ...PROPERTIES.map((p) => p.name)];

export function toConfigObject(record: ConfigRecord, inMemory = false): PSObject {
  const values: Value[] = [record.Identity];
  for (const p of PROPERTIES) values.push(record[p.name as keyof PropertyValues]);
  return PSObject.fromNames(CONFIG_TYPE_NAME, NAMES, values, convertProperty, inMemory);
}

export function isConfigObject(value: Value): value is PSObject {
  return value instanceof PSObject && value.typeName === CONFIG_TYPE_NAME;
}

/** Reads the property values back out of a configuration object. */
export function valuesOf(obj: PSObject): PropertyValues {
  const values: Record<string, Value> = {};
  for (const p of PROPERTIES) values[p.name] = obj.get(p.name) ?? p.default;
  return values as unknown as PropertyValues;
}
