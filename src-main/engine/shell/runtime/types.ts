// .NET types as the console language knows them: the names a script writes
// between brackets ([int], [System.Int32], [string[]], [pscustomobject]),
// what a cast to each does (PowerShell's LanguagePrimitives conversions),
// what `-is` tests, and the type object `[int]` or `.GetType()` gives, whose
// Name and FullName are the real .NET names.

import { ConversionError, toBoolean, toNumber, toPSString } from '../convert';
import { Hashtable, PSObject, ScriptBlock, typeNameOf, type Value } from '../values';
import { DateTimeValue, toDateTime } from '../datetime/value';
import { PROPERTIES } from '../../domain/properties';
import { isCredential, PSCREDENTIAL_TYPE } from '../credential';
import { isSecureString, SECURE_STRING_TYPE } from '../secure-string';
import { isEncoding } from '../text-encoding';

export interface TypeInfo {
  /** Short .NET name: Int32, String, Object[]. */
  readonly name: string;
  /** Full .NET name: System.Int32. */
  readonly fullName: string;
  readonly baseType: string;
  /** The cast; throws ConversionError. Absent: the type cannot be converted to (e.g. [math]). */
  readonly convert?: (value: Value) => Value;
  /** `-is`: is the value of this type? */
  readonly is: (value: Value) => boolean;
}

const INTEGER_RANGES: Record<string, [number, number]> = {
  SByte: [-128, 127],
  Byte: [0, 255],
  Int16: [-32768, 32767],
  UInt16: [0, 65535],
  Int32: [-2147483648, 2147483647],
  UInt32: [0, 4294967295],
  Int64: [-9223372036854775808, 9223372036854775807],
  UInt64: [0, 18446744073709551615],
};

function roundHalfEven(n: number): number {
  const r = Math.round(n);
  return Math.abs(n % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function integerType(name: string): TypeInfo {
  const [min, max] = INTEGER_RANGES[name]!;
  const fullName = `System.${name}`;
  return {
    name,
    fullName,
    baseType: 'System.ValueType',
    convert: (value) => {
      if (typeof value === 'string' && value.trim() === '') return 0;
      const n = toNumber(unwrapSingle(value, fullName), fullName);
      const text = typeof value === 'string' ? value : toPSString(value);
      const article = /^[AEIOU]/.test(name) ? 'an' : 'a';
      if (!Number.isFinite(n)) throw new ConversionError(text, fullName, `Value was either too large or too small for ${article} ${name}.`);
      const r = roundHalfEven(n);
      if (r < min || r > max) throw new ConversionError(text, fullName, `Value was either too large or too small for ${article} ${name}.`);
      return r;
    },
    is: (v) => typeof v === 'number' && Number.isInteger(v) && (name === 'Int32' ? v >= min && v <= max : name === 'Int64' ? v < -2147483648 || v > 2147483647 : false),
  };
}

/** A one-element array converts as its element; a longer one is the object-form error. */
function unwrapSingle(value: Value, target: string): Value {
  if (Array.isArray(value)) {
    if (value.length === 1) return value[0]!;
    throw new ConversionError(typeNameOf(value), target, '', true, typeNameOf(value));
  }
  return value;
}

function floatType(name: string): TypeInfo {
  const fullName = `System.${name}`;
  return {
    name,
    fullName,
    baseType: 'System.ValueType',
    convert: (value) => toNumber(unwrapSingle(value, fullName), fullName),
    is: (v) => typeof v === 'number' && (name === 'Double' ? !Number.isInteger(v) || !Number.isSafeInteger(v) : false),
  };
}

/** A cast to a type only its own objects (or $null) convert to, such as [securestring]. */
function exactly(fullName: string, is: (v: Value) => boolean): (value: Value) => Value {
  return (value) => {
    if (value === null || is(value)) return value;
    throw new ConversionError(toPSString(value), fullName, '', true, typeNameOf(value));
  };
}

/** `[pscustomobject]@{…}`: a custom object with the hashtable's keys as properties, in order. */
function toCustomObject(value: Value): Value {
  if (value instanceof Hashtable) return new PSObject('System.Management.Automation.PSCustomObject', value.entries().map(([k, v]) => [toPSString(k), v] as const));
  return value;
}

function toChar(value: Value): Value {
  const v = unwrapSingle(value, 'System.Char');
  if (typeof v === 'string') {
    if (v.length === 1) return v;
    throw new ConversionError(v, 'System.Char', 'String must be exactly one character long.');
  }
  const n = toNumber(v, 'System.Char');
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new ConversionError(toPSString(v), 'System.Char', 'Value was either too large or too small for a character.');
  return String.fromCharCode(n);
}

function toHashtable(value: Value): Value {
  if (value instanceof Hashtable) return value;
  if (value === null) return new Hashtable();
  throw new ConversionError(typeNameOf(value), 'System.Collections.Hashtable', '', true, typeNameOf(value));
}

function stringType(): TypeInfo {
  return {
    name: 'String',
    fullName: 'System.String',
    baseType: 'System.Object',
    convert: (v) => (v === null ? '' : toPSString(v)),
    is: (v) => typeof v === 'string',
  };
}

const BASE: Record<string, TypeInfo> = {
  int: integerType('Int32'),
  int32: integerType('Int32'),
  int16: integerType('Int16'),
  short: integerType('Int16'),
  uint16: integerType('UInt16'),
  ushort: integerType('UInt16'),
  uint32: integerType('UInt32'),
  uint: integerType('UInt32'),
  long: integerType('Int64'),
  int64: integerType('Int64'),
  uint64: integerType('UInt64'),
  ulong: integerType('UInt64'),
  byte: integerType('Byte'),
  sbyte: integerType('SByte'),
  double: floatType('Double'),
  float: floatType('Single'),
  single: floatType('Single'),
  decimal: floatType('Decimal'),
  string: stringType(),
  char: { name: 'Char', fullName: 'System.Char', baseType: 'System.ValueType', convert: toChar, is: () => false },
  bool: { name: 'Boolean', fullName: 'System.Boolean', baseType: 'System.ValueType', convert: (v) => toBoolean(v), is: (v) => typeof v === 'boolean' },
  boolean: { name: 'Boolean', fullName: 'System.Boolean', baseType: 'System.ValueType', convert: (v) => toBoolean(v), is: (v) => typeof v === 'boolean' },
  switch: { name: 'SwitchParameter', fullName: 'System.Management.Automation.SwitchParameter', baseType: 'System.ValueType', convert: (v) => toBoolean(v), is: (v) => typeof v === 'boolean' },
  object: { name: 'Object', fullName: 'System.Object', baseType: '', convert: (v) => v, is: (v) => v !== null },
  psobject: { name: 'PSObject', fullName: 'System.Management.Automation.PSObject', baseType: 'System.Object', convert: (v) => v, is: (v) => v !== null },
  pscustomobject: { name: 'PSCustomObject', fullName: 'System.Management.Automation.PSCustomObject', baseType: 'System.Object', convert: toCustomObject, is: (v) => v instanceof PSObject },
  array: { name: 'Array', fullName: 'System.Array', baseType: 'System.Object', convert: (v) => (Array.isArray(v) ? v : v === null ? [] : [v]), is: Array.isArray },
  hashtable: { name: 'Hashtable', fullName: 'System.Collections.Hashtable', baseType: 'System.Object', convert: toHashtable, is: (v) => v instanceof Hashtable },
  ordered: { name: 'OrderedDictionary', fullName: 'System.Collections.Specialized.OrderedDictionary', baseType: 'System.Object', convert: toHashtable, is: (v) => v instanceof Hashtable },
  scriptblock: { name: 'ScriptBlock', fullName: 'System.Management.Automation.ScriptBlock', baseType: 'System.Object', is: (v) => v instanceof ScriptBlock },
  datetime: { name: 'DateTime', fullName: 'System.DateTime', baseType: 'System.ValueType', convert: (v) => toDateTime(v), is: (v) => v instanceof DateTimeValue },
  void: { name: 'Void', fullName: 'System.Void', baseType: 'System.ValueType', convert: () => null, is: () => false },
  math: { name: 'Math', fullName: 'System.Math', baseType: 'System.Object', is: () => false },
  regex: { name: 'Regex', fullName: 'System.Text.RegularExpressions.Regex', baseType: 'System.Object', convert: (v) => toPSString(v), is: () => false },
  type: { name: 'Type', fullName: 'System.Type', baseType: 'System.Reflection.MemberInfo', is: (v) => v instanceof TypeObject },
  guid: { name: 'Guid', fullName: 'System.Guid', baseType: 'System.ValueType', convert: (v) => toPSString(v), is: () => false },
  environment: { name: 'Environment', fullName: 'System.Environment', baseType: 'System.Object', is: () => false },
  'io.path': { name: 'Path', fullName: 'System.IO.Path', baseType: 'System.Object', is: () => false },
  console: { name: 'Console', fullName: 'System.Console', baseType: 'System.Object', is: () => false },
  convert: { name: 'Convert', fullName: 'System.Convert', baseType: 'System.Object', is: () => false },
  'text.encoding': { name: 'Encoding', fullName: 'System.Text.Encoding', baseType: 'System.Object', convert: exactly('System.Text.Encoding', isEncoding), is: isEncoding },
  securestring: { name: 'SecureString', fullName: SECURE_STRING_TYPE, baseType: 'System.Object', convert: exactly(SECURE_STRING_TYPE, isSecureString), is: isSecureString },
  pscredential: { name: 'PSCredential', fullName: PSCREDENTIAL_TYPE, baseType: 'System.Object', convert: exactly(PSCREDENTIAL_TYPE, isCredential), is: isCredential },
  errorrecord: { name: 'ErrorRecord', fullName: 'System.Management.Automation.ErrorRecord', baseType: 'System.Object', is: (v) => v instanceof PSObject && v.typeName === 'System.Management.Automation.ErrorRecord' },
};

/** Type names a value's own type is known under, for `-is` against a .NET type the console maps to its own values. */
const ALIASES: Record<string, string> = {
  'system.int32': 'int',
  'system.int16': 'int16',
  'system.uint16': 'uint16',
  'system.uint32': 'uint32',
  'system.int64': 'long',
  'system.uint64': 'uint64',
  'system.byte': 'byte',
  'system.sbyte': 'sbyte',
  'system.double': 'double',
  'system.single': 'single',
  'system.decimal': 'decimal',
  'system.string': 'string',
  'system.char': 'char',
  'system.boolean': 'bool',
  'system.object': 'object',
  'system.array': 'array',
  'system.object[]': 'object[]',
  'system.collections.hashtable': 'hashtable',
  'system.collections.specialized.ordereddictionary': 'ordered',
  'system.management.automation.pscustomobject': 'pscustomobject',
  'system.management.automation.psobject': 'psobject',
  'system.management.automation.scriptblock': 'scriptblock',
  'system.management.automation.switchparameter': 'switch',
  'system.management.automation.errorrecord': 'errorrecord',
  'system.void': 'void',
  'system.datetime': 'datetime',
  'system.math': 'math',
  'system.text.regularexpressions.regex': 'regex',
  'system.type': 'type',
  'system.guid': 'guid',
  'system.environment': 'environment',
  'system.io.path': 'io.path',
  'system.console': 'console',
  'system.text.encoding': 'text.encoding',
  'system.security.securestring': 'securestring',
  'security.securestring': 'securestring',
  'system.management.automation.pscredential': 'pscredential',
  'management.automation.pscredential': 'pscredential',
};

/** Resolves a type name as written; null when the console does not know the type. */
export function resolveType(written: string): TypeInfo | null {
  let key = written.toLowerCase();
  if (key.startsWith('system.') && !(key in ALIASES)) key = key.slice(7);
  key = ALIASES[key] ?? key;
  if (key.endsWith('[]')) {
    const element = resolveType(written.slice(0, -2));
    if (element === null) return null;
    return arrayOf(element);
  }
  return BASE[key] ?? null;
}

function arrayOf(element: TypeInfo): TypeInfo {
  return {
    name: `${element.name}[]`,
    fullName: `${element.fullName}[]`,
    baseType: 'System.Array',
    convert: (v) => (v === null ? [] : (Array.isArray(v) ? v : [v]).map((e) => (element.convert ? element.convert(e) : e))),
    is: (v) => Array.isArray(v) && (element.name === 'Object' || v.every((e) => element.is(e))),
  };
}

/** The type a value reports from .GetType(), by its runtime type name. */
export function typeOfValue(value: Value): TypeInfo {
  const full = typeNameOf(value);
  const found = resolveType(full);
  if (found && found.fullName === full) return found;
  const dot = full.lastIndexOf('.');
  return { name: dot >= 0 ? full.slice(dot + 1) : full, fullName: full, baseType: 'System.Object', is: (v) => v instanceof PSObject && v.typeName === full };
}

/** A type as a value: what `[int]` and `.GetType()` give. Displays as PowerShell shows a RuntimeType. */
export class TypeObject extends PSObject {
  constructor(readonly info: TypeInfo) {
    super('System.RuntimeType', [
      ['IsPublic', true],
      ['IsSerial', info.baseType !== 'System.Object' || info.name.endsWith('[]') || ['String', 'Hashtable', 'Object'].includes(info.name)],
      ['Name', info.name],
      ['BaseType', info.baseType === '' ? null : info.baseType],
    ]);
    this.text = info.fullName;
  }

  override has(name: string): boolean {
    return super.has(name) || ['fullname', 'namespace'].includes(name.toLowerCase());
  }

  override get(name: string): Value | undefined {
    const key = name.toLowerCase();
    if (key === 'fullname') return this.info.fullName;
    if (key === 'namespace') return this.info.fullName.slice(0, Math.max(0, this.info.fullName.lastIndexOf('.')));
    return super.get(name);
  }
}

/** PowerShell's message for a type name it cannot find. */
export function typeNotFoundMessage(name: string): string {
  return `Unable to find type [${name}].`;
}

const XDS_IDENTITY: TypeInfo = { name: 'XdsIdentity', fullName: 'Microsoft.Rtc.Management.Xds.XdsIdentity', baseType: 'System.Object', is: () => false };

/** The declared type of a configuration object's property, as the Lync module's object reports it. */
export function declaredPropertyType(owner: Value, property: string): TypeInfo | null {
  if (!(owner instanceof PSObject) || !owner.typeName.endsWith('PersistentChatConfiguration') || owner.typeName.startsWith('Selected.')) return null;
  const key = property.toLowerCase();
  if (key === 'identity') return XDS_IDENTITY;
  const meta = PROPERTIES.find((p) => p.name.toLowerCase() === key);
  if (!meta) return null;
  return resolveType(meta.type);
}
