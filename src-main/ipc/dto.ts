// Engine values → the contract's plain DTOs. Output lines keep their text;
// error lines add the one-line summary and the span to underline, taken from
// the error record (the record itself stays in main). Configuration objects
// become ConfigurationDto with the scope their identity names.

import { isConfigObject, valuesOf } from '../engine/cmdlets/config/config-object';
import { parseIdentity } from '../engine/domain/identity';
import type { OutputLine } from '../engine/shell/commands';
import { formatErrorSummary } from '../engine/shell/format/error-view';
import type { Value } from '../engine/shell/values';
import type { ConfigurationDto, OutputLineDto } from './contract';

export function toOutputLineDto(line: OutputLine): OutputLineDto {
  if (line.kind === 'progress') {
    const { activity, status, percent, id, completed } = line;
    return { kind: 'progress', text: '', progress: { activity, status, percent, id, completed } };
  }
  const record = line.kind === 'error' ? line.record : undefined;
  if (record === undefined) return { kind: line.kind, text: line.text };
  return {
    kind: 'error',
    text: line.text,
    summary: formatErrorSummary(record),
    ...(record.extent ? { span: { start: record.extent.start, end: record.extent.end } } : {}),
  };
}

/** The configuration objects among `values` (other values are ignored), as DTOs. */
export function toConfigurationDtos(values: readonly Value[]): ConfigurationDto[] {
  const out: ConfigurationDto[] = [];
  for (const value of values) {
    if (!isConfigObject(value)) continue;
    const identity = String(value.get('Identity'));
    const parsed = parseIdentity(identity);
    out.push({
      Identity: identity,
      scope: parsed.ok ? parsed.identity.scope : 'Global',
      ...valuesOf(value),
    });
  }
  return out;
}
