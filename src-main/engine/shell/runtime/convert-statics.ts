// [Convert]::ToBase64String / FromBase64String, which scripts use to carry
// text through a command line or a pipe unchanged (pchat-admin's own bootstrap
// does, for the password it sends on standard input). Bytes are arrays of
// numbers 0–255, as Byte[] is in this console.

import { toPSString } from '../convert';
import { enumerate, type Value } from '../values';
import { MethodError } from './methods';

function bytesOf(value: Value): Buffer {
  const list = value === null ? [] : Array.isArray(value) ? value : [...enumerate(value)];
  return Buffer.from(list.map((b) => (typeof b === 'number' ? b & 0xff : 0)));
}

export const BASE64_METHODS: Record<string, (args: readonly Value[]) => Value> = {
  tobase64string: (a) => bytesOf(a[0] ?? null).toString('base64'),
  frombase64string: (a) => {
    if (a[0] === null || a[0] === undefined) throw new MethodError('Exception calling "FromBase64String" with "1" argument(s): "Value cannot be null.\r\nParameter name: s"', 'ArgumentNullException');
    const text = toPSString(a[0]).replace(/\s+/g, '');
    // .NET refuses what is not base64 (wrong length, other characters) rather than decoding part of it.
    if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
      throw new MethodError(
        'Exception calling "FromBase64String" with "1" argument(s): "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters. "',
        'FormatException',
      );
    }
    return [...Buffer.from(text, 'base64')];
  },
};
