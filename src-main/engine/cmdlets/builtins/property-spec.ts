// -Property arguments of Select-Object, Sort-Object and the Format-* commands:
// names (wildcards allowed) or calculated properties written as hashtables,
// e.g. @{Name='History'; Expression={$_.DefaultChatHistory * 2}}. Keys may be
// shortened to any unambiguous prefix, as PowerShell allows (@{n=…; e=…}).

import { toBoolean, toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { getMemberProperty, resolvePropertyNames } from '../../shell/members';
import { collapse, Hashtable, ScriptBlock, type Value } from '../../shell/values';

export type PropertySpec =
  | { readonly kind: 'name'; readonly pattern: string }
  | {
      readonly kind: 'calculated';
      readonly label: string;
      readonly expression: string | ScriptBlock;
      readonly descending?: boolean;
      readonly width?: number;
    };

/** Which hashtable keys a command accepts; the first name is the canonical one. */
export const SELECT_KEYS = ['Name', 'Label', 'Expression'] as const;
export const SORT_KEYS = ['Expression', 'Ascending', 'Descending'] as const;
export const FORMAT_KEYS = ['Name', 'Label', 'Expression', 'Width', 'Alignment', 'FormatString'] as const;

function badKey(command: string, message: string, errorId: string): TerminatingError {
  return new TerminatingError(
    errorRecord({ message, errorId, category: 'InvalidArgument', exceptionType: 'NotSupportedException', command }),
  );
}

function canonicalKey(command: string, typed: string, allowed: readonly string[]): string {
  const lower = typed.toLowerCase();
  const matches = allowed.filter((k) => k.toLowerCase().startsWith(lower));
  const exact = allowed.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw badKey(command, `The "${typed}" key is ambiguous. Possible matches include: ${matches.join(', ')}.`, 'DictionaryKeyAmbiguous');
  throw badKey(command, `The "${typed}" key is not valid.`, 'DictionaryKeyUnknownKey');
}

function calculated(command: string, table: Hashtable, allowed: readonly string[]): PropertySpec {
  const fields = new Map<string, Value>();
  for (const [key, value] of table.entries()) fields.set(canonicalKey(command, toPSString(key), allowed), value);
  const expr = fields.get('Expression');
  if (expr === undefined || expr === null) {
    throw badKey(command, 'The "Expression" key has a type, System.Object, that is not valid; expected types are {System.String, System.Management.Automation.ScriptBlock}.', 'DictionaryKeyIllegalValue2');
  }
  const expression = expr instanceof ScriptBlock ? expr : toPSString(expr);
  const name = fields.get('Name') ?? fields.get('Label');
  const label = name !== undefined && name !== null ? toPSString(name) : typeof expression === 'string' ? expression : expression.text;
  const width = fields.get('Width');
  return {
    kind: 'calculated',
    label,
    expression,
    ...(fields.has('Descending') ? { descending: toBoolean(fields.get('Descending')!) } : {}),
    ...(fields.has('Ascending') ? { descending: !toBoolean(fields.get('Ascending')!) } : {}),
    ...(typeof width === 'number' ? { width } : {}),
  };
}

/** Parses a bound -Property value; throws a terminating error for a malformed hashtable. */
export function parsePropertySpecs(command: string, value: Value | undefined, allowed: readonly string[]): PropertySpec[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => {
    if (v instanceof Hashtable) return calculated(command, v, allowed);
    if (v instanceof ScriptBlock) return { kind: 'calculated', label: v.text, expression: v };
    return { kind: 'name', pattern: toPSString(v) };
  });
}

/** Runs a scriptblock for one object and returns its output as one value. */
export type Evaluate = (block: ScriptBlock, item: Value) => Promise<Value[]>;

/** The value of a calculated property for one object. */
export async function evaluateExpression(expression: string | ScriptBlock, item: Value, evaluate: Evaluate): Promise<Value> {
  if (typeof expression === 'string') return getMemberProperty(item, expression).value;
  return collapse(await evaluate(expression, item));
}

/**
 * The name/value pairs the specs select from one object: a wildcard gives
 * every matching property, a plain name always gives a column (with $null
 * when the object lacks it), a calculated property its own label.
 */
export async function selectPairs(item: Value, specs: readonly PropertySpec[], evaluate: Evaluate): Promise<[string, Value][]> {
  const pairs: [string, Value][] = [];
  const seen = new Set<string>();
  const add = (name: string, value: Value) => {
    if (seen.has(name.toLowerCase())) return;
    seen.add(name.toLowerCase());
    pairs.push([name, value]);
  };
  for (const spec of specs) {
    if (spec.kind === 'name') {
      for (const name of resolvePropertyNames(item, spec.pattern)) add(name, getMemberProperty(item, name).value);
    } else {
      add(spec.label, await evaluateExpression(spec.expression, item, evaluate));
    }
  }
  return pairs;
}
