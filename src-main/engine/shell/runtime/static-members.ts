// Static members scripts reach with `::`: [math]::Round, [int]::MaxValue,
// [string]::IsNullOrEmpty, [regex]::Escape, [Environment]::NewLine,
// [System.IO.Path]::Combine, [guid]::NewGuid(), [type]::new(). A member the
// console does not have is PowerShell's "does not contain a method" error.

import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { toInteger, toNumber, toPSString } from '../convert';
import { compositeFormat } from '../dotnet-format';
import { enumerate, Hashtable, ScriptBlock, type Value } from '../values';
import { parse } from '../parse';
import { DateTimeValue, toDateTime } from '../datetime/value';
import { MethodError } from './methods';
import { BASE64_METHODS } from './convert-statics';
import { CONSOLE_METHODS, CONSOLE_PROPERTIES, ENCODING_PROPERTIES, setConsoleProperty } from './console-statics';
import { constructCredential, ConstructorError, PSCREDENTIAL_TYPE } from '../credential';
import type { TypeInfo } from './types';

type StaticMethod = (args: readonly Value[]) => Value;

function num(args: readonly Value[], i: number): number {
  return toNumber(args[i] ?? null);
}

/** Math.Round: half to even by default, as .NET does; an optional number of digits. */
function round(args: readonly Value[]): number {
  const n = num(args, 0);
  const digits = args.length > 1 && typeof args[1] === 'number' ? args[1] : 0;
  const away = args.some((a) => typeof a === 'string' && a.toLowerCase() === 'awayfromzero');
  const f = 10 ** digits;
  const x = n * f;
  const r = Math.round(x);
  const half = Math.abs(x % 1) === 0.5;
  const result = half ? (away ? Math.sign(x) * Math.ceil(Math.abs(x)) : r % 2 !== 0 ? r - 1 : r) : r;
  return result / f;
}

const INTEGER_LIMITS: Record<string, [number, number]> = {
  'System.Int32': [-2147483648, 2147483647],
  'System.Int16': [-32768, 32767],
  'System.UInt32': [0, 4294967295],
  'System.Int64': [-9223372036854775808, 9223372036854775807],
  'System.Byte': [0, 255],
};

const PROPERTIES: Record<string, Record<string, () => Value>> = {
  'System.Math': { pi: () => Math.PI, e: () => Math.E },
  'System.String': { empty: () => '' },
  'System.Environment': {
    newline: () => (process.platform === 'win32' ? '\r\n' : '\n'),
    machinename: () => os.hostname(),
    username: () => os.userInfo().username,
    currentdirectory: () => process.cwd(),
    processorcount: () => os.cpus().length,
  },
  'System.IO.Path': { directoryseparatorchar: () => path.sep, pathseparator: () => path.delimiter },
  'System.DateTime': {
    now: () => DateTimeValue.now(),
    utcnow: () => DateTimeValue.now().toUniversal(),
    today: () => {
      const d = new Date();
      return DateTimeValue.fromParts(d.getFullYear(), d.getMonth() + 1, d.getDate(), 0, 0, 0, 0, 'Local') ?? null;
    },
  },
  'System.Double': { maxvalue: () => Number.MAX_VALUE, minvalue: () => -Number.MAX_VALUE, nan: () => NaN },
  'System.Console': CONSOLE_PROPERTIES,
  'System.Text.Encoding': ENCODING_PROPERTIES,
};

const METHODS: Record<string, Record<string, StaticMethod>> = {
  'System.Math': {
    round,
    floor: (a) => Math.floor(num(a, 0)),
    ceiling: (a) => Math.ceil(num(a, 0)),
    truncate: (a) => Math.trunc(num(a, 0)),
    abs: (a) => Math.abs(num(a, 0)),
    max: (a) => Math.max(num(a, 0), num(a, 1)),
    min: (a) => Math.min(num(a, 0), num(a, 1)),
    pow: (a) => num(a, 0) ** num(a, 1),
    sqrt: (a) => Math.sqrt(num(a, 0)),
    log: (a) => (a.length > 1 ? Math.log(num(a, 0)) / Math.log(num(a, 1)) : Math.log(num(a, 0))),
    log10: (a) => Math.log10(num(a, 0)),
    sign: (a) => Math.sign(num(a, 0)),
  },
  'System.String': {
    isnullorempty: (a) => a[0] === null || a[0] === undefined || toPSString(a[0]) === '',
    isnullorwhitespace: (a) => a[0] === null || a[0] === undefined || toPSString(a[0]).trim() === '',
    join: (a) => (a.length === 2 ? enumerate(a[1]!) : a.slice(1)).map(toPSString).join(toPSString(a[0] ?? null)),
    concat: (a) => a.flatMap((v) => enumerate(v)).map(toPSString).join(''),
    format: (a) => compositeFormat(toPSString(a[0] ?? null), a.length === 2 && Array.isArray(a[1]) ? a[1] : a.slice(1)),
    equals: (a) => toPSString(a[0] ?? null) === toPSString(a[1] ?? null),
    compare: (a) => {
      const [x, y] = [toPSString(a[0] ?? null), toPSString(a[1] ?? null)];
      const ignore = a[2] === true;
      const [p, q] = ignore ? [x.toLowerCase(), y.toLowerCase()] : [x, y];
      return p < q ? -1 : p > q ? 1 : 0;
    },
  },
  'System.Text.RegularExpressions.Regex': {
    escape: (a) => toPSString(a[0] ?? null).replace(/[\\^$.|?*+()[\]{}#\s-]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === ' ' ? '\\ ' : '\\' + c)),
    ismatch: (a) => new RegExp(toPSString(a[1] ?? null)).test(toPSString(a[0] ?? null)),
    replace: (a) => toPSString(a[0] ?? null).replace(new RegExp(toPSString(a[1] ?? null), 'g'), toPSString(a[2] ?? null)),
    split: (a) => toPSString(a[0] ?? null).split(new RegExp(toPSString(a[1] ?? null))),
  },
  'System.Guid': { newguid: () => randomUUID() },
  'System.Console': CONSOLE_METHODS,
  'System.Convert': BASE64_METHODS,
  'System.DateTime': {
    parse: (a) => toDateTime(toPSString(a[0] ?? null)),
    daysinmonth: (a) => new Date(num(a, 0), num(a, 1), 0).getDate(),
    isleapyear: (a) => {
      const y = num(a, 0);
      return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    },
  },
  'System.IO.Path': {
    combine: (a) => a.map(toPSString).reduce((acc, p) => (acc === '' ? p : /^([A-Za-z]:)?[\\/]/.test(p) ? p : acc.replace(/[\\/]$/, '') + (process.platform === 'win32' ? '\\' : '/') + p), ''),
    getfilename: (a) => toPSString(a[0] ?? null).split(/[\\/]/).pop() ?? '',
    getextension: (a) => /\.[^.\\/]*$/.exec(toPSString(a[0] ?? null))?.[0] ?? '',
    getfilenamewithoutextension: (a) => (toPSString(a[0] ?? null).split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, ''),
    getdirectoryname: (a) => toPSString(a[0] ?? null).replace(/[\\/][^\\/]*$/, ''),
    gettempfilename: () => path.join(os.tmpdir(), `tmp${randomUUID().slice(0, 8)}.tmp`),
    gettemppath: () => os.tmpdir() + path.sep,
  },
  'System.Environment': {
    getenvironmentvariable: (a) => process.env[toPSString(a[0] ?? null)] ?? null,
  },
  'System.Management.Automation.ScriptBlock': {
    create: (a) => {
      const text = toPSString(a[0] ?? null);
      const parsed = parse(text);
      if (!parsed.ok) throw new MethodError(`Exception calling "Create" with "1" argument(s): "${parsed.errors[0]!.message}"`, 'ParseException', '', 'NotSpecified', 'MethodInvocationException');
      return new ScriptBlock({ type: 'ScriptBlock', body: parsed.script, text, extent: { start: 0, end: text.length } }, { text });
    },
  },
};

function integerStatics(full: string): Record<string, StaticMethod> {
  const type = full.slice(7) as 'Int32';
  return {
    parse: (a) => toInteger(toPSString(a[0] ?? null), ['Int16', 'Int32', 'UInt32'].includes(type) ? type : 'Int32'),
  };
}

/** `[type]::Name`. */
export function getStaticProperty(type: TypeInfo, name: string): Value {
  const key = name.toLowerCase();
  const limits = INTEGER_LIMITS[type.fullName];
  if (limits && (key === 'maxvalue' || key === 'minvalue')) return key === 'maxvalue' ? limits[1] : limits[0];
  const getter = PROPERTIES[type.fullName]?.[key];
  if (getter) return getter();
  // PowerShell gives $null for a static property that does not exist (strict mode off).
  return null;
}

/**
 * `[type]::Name = value`: only [Console]'s OutputEncoding and InputEncoding
 * can be set; another property the type has is 5.1's ReadOnly error, and a
 * name it does not have is its "cannot be found" error.
 */
export function setStaticProperty(type: TypeInfo, name: string, value: Value): void {
  if (type.fullName === 'System.Console' && setConsoleProperty(name, value)) return;
  const key = name.toLowerCase();
  const known = PROPERTIES[type.fullName]?.[key] !== undefined || (INTEGER_LIMITS[type.fullName] !== undefined && (key === 'maxvalue' || key === 'minvalue'));
  if (known) throw new MethodError(`'${name}' is a ReadOnly property.`, 'PropertyAssignmentException');
  throw new MethodError(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`, 'PropertyAssignmentException');
}

/** `[pscredential]::new(…)`: a constructor failure as a method call reports it. */
function construct(args: readonly Value[]): Value {
  try {
    return constructCredential(args);
  } catch (e) {
    if (!(e instanceof ConstructorError)) throw e;
    if (e.kind === 'overload') throw new MethodError(`Cannot find an overload for "new" and the argument count: "${args.length}".`, 'MethodCountCouldNotFindBest', '', 'NotSpecified', 'MethodException');
    throw new MethodError(`Exception calling ".ctor" with "${args.length}" argument(s): "${e.message}"`, e.innerType, '', 'NotSpecified', 'MethodInvocationException');
  }
}

/** `[type]::Method(args)`; `::new(…)` constructs the collection types and PSCredential. */
export function invokeStatic(type: TypeInfo, name: string, args: readonly Value[]): Value {
  const key = name.toLowerCase();
  if (key === 'new') {
    if (type.fullName === PSCREDENTIAL_TYPE) return construct(args);
    if (type.name === 'Hashtable' || type.name === 'OrderedDictionary') return new Hashtable();
    if (type.convert && args.length === 1) return type.convert(args[0]!);
  }
  const method = (INTEGER_LIMITS[type.fullName] ? integerStatics(type.fullName) : METHODS[type.fullName])?.[key];
  if (!method) {
    throw new MethodError(`Method invocation failed because [${type.fullName}] does not contain a method named '${name}'.`, 'MethodNotFound', `${name}:String`);
  }
  return method(args);
}
