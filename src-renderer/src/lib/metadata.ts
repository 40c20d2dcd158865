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

export function formatValue(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? '$null' : String(value);
}

/** "Int16, 1–500, default 30" or "String, http/https URL, default $null". */
export function hintText(p: PropertyParameter): string {
  const { kind, min, max } = p.property;
  const range = kind === 'integer' && min !== undefined && max !== undefined ? `${min}–${max}` : 'http/https URL';
  return `${p.type}, ${range}, default ${formatValue(p.property.default)}`;
}

/** The defaults as the form's starting values. */
export function defaultValues(properties: readonly PropertyParameter[]): Record<string, number | string | null> {
  return Object.fromEntries(properties.map((p) => [p.name, p.property.default]));
}
