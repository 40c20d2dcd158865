// Reading the engine's parameter metadata for forms: which parameters are
// configuration properties, in display order, and how to describe them.

import type { Metadata, ParameterInfo } from '../../../src-main/ipc/contract';

export type PropertyParameter = ParameterInfo & { readonly property: NonNullable<ParameterInfo['property']> };

/** The configuration properties, in the engine's display order. */
export function propertyParameters(metadata: Metadata): PropertyParameter[] {
  const byName = new Map(metadata.parameters.map((p) => [p.name, p]));
  return metadata.properties.flatMap((name) => {
    const p = byName.get(name);
    return p?.property === undefined ? [] : [p as PropertyParameter];
  });
}

/** A property name cut at its camel-case humps, where a narrow column may break it ("Participant", "Update", "Limit"). */
export function humps(name: string): string[] {
  return name.split(/(?<=[a-z])(?=[A-Z])/);
}

export function formatValue(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? '$null' : String(value);
}

const number = new Intl.NumberFormat('en-US');

/** "Whole number, 1–500 · default 30" or "http or https URL · empty: not set (the default)". */
export function hintText(p: PropertyParameter): string {
  const { kind, min, max } = p.property;
  if (kind === 'url') return p.property.default === null ? 'http or https URL · empty: not set (the default)' : `http or https URL · default ${p.property.default}`;
  const range = min !== undefined && max !== undefined ? `, ${number.format(min)}–${number.format(max)}` : '';
  return `Whole number${range} · default ${formatValue(p.property.default)}`;
}

/**
 * The plain first line of a field's error (the engine's PowerShell message
 * follows it): "Must be a whole number from 1 to 500."
 */
export function plainError(p: PropertyParameter): string {
  const { kind, min, max } = p.property;
  if (kind === 'url') return 'Must be an absolute http or https URL, or empty to leave it not set.';
  return min !== undefined && max !== undefined ? `Must be a whole number from ${number.format(min)} to ${number.format(max)}.` : 'Must be a whole number.';
}

/** The defaults as the form's starting values. */
export function defaultValues(properties: readonly PropertyParameter[]): Record<string, number | string | null> {
  return Object.fromEntries(properties.map((p) => [p.name, p.property.default]));
}
