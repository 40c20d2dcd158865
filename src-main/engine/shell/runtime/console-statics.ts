// [Console] and [Text.Encoding]'s static members: ReadLine() from standard
// input, and OutputEncoding / InputEncoding, which a script may set (the
// bootstrap sets UTF-8) but which change nothing here: output is always UTF-8.

import { quoteValue } from '../convert';
import { readStandardInputLine } from '../standard-input';
import { encodingObject, isEncoding } from '../text-encoding';
import { typeNameOf, type Value } from '../values';
import { MethodError } from './methods';

/** Console.OutputEncoding / InputEncoding as last set; what this console really uses until then. */
const consoleEncodings = new Map<string, Value>();

function consoleEncoding(key: 'outputencoding' | 'inputencoding'): Value {
  return consoleEncodings.get(key) ?? encodingObject('utf8');
}

export const CONSOLE_PROPERTIES: Record<string, () => Value> = {
  outputencoding: () => consoleEncoding('outputencoding'),
  inputencoding: () => consoleEncoding('inputencoding'),
};

export const ENCODING_PROPERTIES: Record<string, () => Value> = {
  utf8: () => encodingObject('utf8'),
  unicode: () => encodingObject('unicode'),
  ascii: () => encodingObject('ascii'),
  default: () => encodingObject('default'),
};

export const CONSOLE_METHODS: Record<string, (args: readonly Value[]) => Value> = {
  readline: () => readStandardInputLine(),
};

/** .NET's setter failure, as PowerShell wraps it: Exception setting "Name": "inner". */
function settingError(name: string, inner: string): MethodError {
  return new MethodError(`Exception setting "${name}": "${inner}"`, 'ExceptionWhenSetting', '', 'NotSpecified', 'SetValueInvocationException');
}

/** The settable static properties: Console's two encodings. Returns false for any other name. */
export function setConsoleProperty(name: string, value: Value): boolean {
  const key = name.toLowerCase();
  if (key !== 'outputencoding' && key !== 'inputencoding') return false;
  const spelt = key === 'outputencoding' ? 'OutputEncoding' : 'InputEncoding';
  if (value === null) throw settingError(spelt, 'Value cannot be null.\nParameter name: value');
  if (!isEncoding(value)) {
    throw settingError(spelt, `Cannot convert the "${quoteValue(value)}" value of type "${typeNameOf(value)}" to type "System.Text.Encoding".`);
  }
  consoleEncodings.set(key, value);
  return true;
}
