// Converting and validating one argument for one parameter, with the exact
// texts PowerShell uses for ParameterArgumentTransformationError and
// ParameterArgumentValidationError. Ranges and URL rules come from the
// domain metadata attached to the parameter.

import { parseIdentity } from '../domain/identity';
import { rangeProblem, validatePropertyValue } from '../domain/validate';
import type { Extent } from './ast';
import type { ParameterDef } from './commands';
import { ConversionError, toInteger, toPSString } from './convert';
import { errorRecord, TerminatingError } from './errors';
import { DOTNET_TYPE } from '../domain/parameters';
import { PSObject, ScriptBlock, typeNameOf, type Value } from './values';
import { ACTION_PREFERENCE, convertToEnum, EnumConversionError } from './enum-conversion';
import { DATETIME_TYPE, toDateTime } from './datetime/value';

const DOTNET: Record<string, string> = {
  ...DOTNET_TYPE,
  'String[]': 'System.String[]',
  'Object[]': 'System.Object[]',
  ScriptBlock: 'System.Management.Automation.ScriptBlock',
  'Int32[]': 'System.Int32[]',
  DateTime: DATETIME_TYPE,
};

export function dotNetTypeName(def: ParameterDef): string {
  if (def.typeName) return def.typeName;
  if (def.type === 'Enum' && def.enumType) return def.enumType.name;
  return DOTNET[def.type] ?? `System.${def.type}`;
}

/** A script parameter's type constraint, with PowerShell's ArgumentTransformationMetadataException wording. */
function convertScriptArgument(command: string, def: ParameterDef, convert: (v: Value) => Value, value: Value, extent: Extent | undefined): Value {
  try {
    return convert(value);
  } catch (e) {
    if (e instanceof Error && e.name === 'ValidationProblem') throw validationError(command, def, e.message, extent);
    if (!(e instanceof ConversionError)) throw e;
    throw new TerminatingError(
      errorRecord({
        message: `Cannot process argument transformation on parameter '${def.name}'. ${e.message}`,
        errorId: 'ParameterArgumentTransformationError',
        category: 'InvalidData',
        exceptionType: 'ParameterBindingArgumentTransformationException',
        command,
        ...(extent ? { extent } : {}),
      }),
    );
  }
}

/** A numeric string with a kb/mb/… suffix: a number to the parser, but not to .NET's string → integer conversion. */
const MULTIPLIER_STRING = /^\s*[+-]?(?:0x[0-9a-f]+|[\d.]+(?:e[+-]?\d+)?)(?:kb|mb|gb|tb|pb)\s*$/i;

/** One integer argument, converted as 5.1 converts it for an integer parameter. */
function integerArgument(command: string, def: ParameterDef, value: Value, type: 'Int16' | 'Int32' | 'UInt32', extent: Extent | undefined): number {
  const scalar = Array.isArray(value) && value.length === 1 ? value[0]! : value;
  let n: number;
  try {
    if (typeof scalar === 'string' && MULTIPLIER_STRING.test(scalar)) {
      throw new ConversionError(scalar, `System.${type}`, 'Input string was not in a correct format.');
    }
    n = toInteger(value, type);
  } catch (e) {
    if (e instanceof ConversionError) throw transformationError(command, def, e.message, extent);
    throw e;
  }
  if (def.range) {
    const problem = rangeProblem(n, def.range.min, def.range.max);
    if (problem) throw validationError(command, def, problem, extent);
  }
  return n;
}

/** ParameterBinderStrings.CannotConvertArgument: the conversion itself is not supported (an array for a scalar type). */
function cannotConvertArgument(command: string, def: ParameterDef, value: Value, extent: Extent | undefined): TerminatingError {
  return new TerminatingError(
    errorRecord({
      message: `Cannot convert '${typeNameOf(value)}' to the type '${dotNetTypeName(def)}' required by parameter '${def.name}'. Specified method is not supported.`,
      errorId: 'CannotConvertArgument',
      category: 'InvalidArgument',
      exceptionType: 'ParameterBindingException',
      command,
      ...(extent ? { extent } : {}),
    }),
  );
}

function transformationError(command: string, def: ParameterDef, message: string, extent: Extent | undefined, errorId = 'CannotConvertArgumentNoMessage'): TerminatingError {
  return new TerminatingError(
    errorRecord({
      message: `Cannot bind parameter '${def.name}'. ${message}`,
      errorId,
      category: 'InvalidArgument',
      exceptionType: 'ParameterBindingException',
      command,
      ...(extent ? { extent } : {}),
    }),
  );
}

export function validationError(command: string, def: ParameterDef, message: string, extent: Extent | undefined): TerminatingError {
  return new TerminatingError(
    errorRecord({
      message: `Cannot validate argument on parameter '${def.name}'. ${message}`,
      errorId: 'ParameterArgumentValidationError',
      category: 'InvalidData',
      exceptionType: 'ParameterBindingValidationException',
      command,
      ...(extent ? { extent } : {}),
    }),
  );
}

function objectForm(value: Value, target: string): string {
  const shown = Array.isArray(value) ? typeNameOf(value) : toPSString(value);
  return `Cannot convert the "${shown}" value of type "${typeNameOf(value)}" to type "${target}".`;
}

/**
 * Converts `value` to the parameter's type and validates it; throws a
 * TerminatingError carrying PowerShell's binding message.
 */
export function convertArgument(command: string, def: ParameterDef, value: Value, extent: Extent | undefined): Value {
  if (def.convert) return convertScriptArgument(command, def, def.convert, value, extent);
  const target = dotNetTypeName(def);
  switch (def.type) {
    case 'Int16':
    case 'Int32':
    case 'UInt32': {
      if (Array.isArray(value) && value.length !== 1) throw transformationError(command, def, objectForm(value, target), extent);
      return validated(command, def, integerArgument(command, def, value, def.type, extent), extent);
    }
    case 'Int32[]':
      return (Array.isArray(value) ? value : [value]).map((v) => integerArgument(command, def, v, 'Int32', extent));
    case 'DateTime':
      try {
        return toDateTime(value);
      } catch (e) {
        if (e instanceof ConversionError) throw transformationError(command, def, e.message, extent);
        throw e;
      }
    case 'Enum': {
      try {
        return convertToEnum(def.enumType!, value);
      } catch (e) {
        if (e instanceof EnumConversionError) throw transformationError(command, def, e.message, extent);
        throw e;
      }
    }
    case 'String': {
      if (value === null) return validated(command, def, null, extent);
      if (Array.isArray(value) && value.length === 1) value = value[0]!;
      return validated(command, def, toPSString(value), extent);
    }
    case 'String[]':
      return (Array.isArray(value) ? value : [value]).map((v) => toPSString(v));
    case 'Object':
    case 'PSObject':
      return value;
    case 'Object[]':
      return Array.isArray(value) ? value : [value];
    case 'SwitchParameter': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      if (value === null) return false;
      throw transformationError(
        command,
        def,
        `Cannot convert value "${typeNameOf(value)}" to type "${target}". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
        extent,
      );
    }
    case 'ScriptBlock':
      if (value instanceof ScriptBlock) return value;
      throw transformationError(command, def, objectForm(value, target), extent);
    case 'XdsIdentity': {
      if (Array.isArray(value) && value.length !== 1) throw cannotConvertArgument(command, def, value, extent);
      const text = value instanceof PSObject && value.has('Identity') ? toPSString(value.get('Identity')!) : toPSString(Array.isArray(value) && value.length === 1 ? value[0]! : value);
      if (value === null || text === '') {
        throw new TerminatingError(
          errorRecord({
            message: `Cannot bind argument to parameter '${def.name}' because it is ${value === null ? 'null' : 'an empty string'}.`,
            errorId: value === null ? 'ParameterArgumentValidationErrorNullNotAllowed' : 'ParameterArgumentValidationErrorEmptyStringNotAllowed',
            category: 'InvalidData',
            exceptionType: 'ParameterBindingValidationException',
            command,
            ...(extent ? { extent } : {}),
          }),
        );
      }
      const parsed = parseIdentity(text);
      if (!parsed.ok) {
        throw transformationError(command, def, `Cannot convert value "${text}" to type "${target}". Error: "${parsed.message}"`, extent);
      }
      return parsed.identity.canonical;
    }
    case 'ActionPreference': {
      // Names in any case, the enum's numbers (-ea 0) and unambiguous prefixes (-ea Sil), as in PowerShell.
      let found: string;
      try {
        found = convertToEnum(ACTION_PREFERENCE, value);
      } catch (e) {
        if (e instanceof EnumConversionError) throw transformationError(command, def, e.message, extent);
        throw e;
      }
      if (def.meta?.values && !def.meta.values.includes(found)) {
        throw validationError(command, def, `The value ${found} is not supported for an ActionPreference variable. The provided value should be used only as a value for a preference variable. Supported values here: ${def.meta.values.join(', ')}.`, extent);
      }
      return found;
    }
  }
}

function validated(command: string, def: ParameterDef, value: number | string | null, extent: Extent | undefined): Value {
  const property = def.meta?.property;
  if (!property) return value;
  const problem = validatePropertyValue(property, value);
  if (problem) throw validationError(command, def, problem, extent);
  return property.kind === 'url' && value === '' ? null : value;
}
