// Validation of a property value that already has the right type: the range
// of an integer property, the URL rule of a URL property. The sentence is
// PowerShell's ValidateRange wording; callers prefix it with the parameter.

import type { PropertyMeta } from './properties';

/** C0 and C1 control characters and DEL: terminal escape sequences start with them. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export function isAbsoluteHttpUrl(text: string): boolean {
  if (/\s/.test(text) || CONTROL_CHARACTERS.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

/** ValidateRange's sentence for a value outside [min, max]; undefined when inside. */
export function rangeProblem(value: number, min: number, max: number): string | undefined {
  if (value > max) {
    return `The ${value} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`;
  }
  if (value < min) {
    return `The ${value} argument is less than the minimum allowed range of ${min}. Supply an argument that is greater than or equal to ${min} and then try the command again.`;
  }
  return undefined;
}

/** Returns undefined when valid, else the reason (without the parameter name). */
export function validatePropertyValue(property: PropertyMeta, value: number | string | null): string | undefined {
  if (property.kind === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return `The argument "${String(value)}" is not an integer.`;
    return rangeProblem(value, property.min, property.max);
  }
  if (value === null || value === '') return undefined;
  if (typeof value === 'string' && CONTROL_CHARACTERS.test(value)) {
    // Not quoted: the value itself could be a terminal escape sequence.
    return 'The argument contains control characters (such as ESC), which a URL cannot hold. Supply a URL such as https://chat.contoso.com/files, or $null to clear the setting, and then try the command again.';
  }
  if (typeof value !== 'string' || !isAbsoluteHttpUrl(value)) {
    return `The argument "${String(value)}" is not an absolute http or https URL. Supply a URL such as https://chat.contoso.com/files, or $null to clear the setting, and then try the command again.`;
  }
  return undefined;
}
