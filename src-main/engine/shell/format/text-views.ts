// Types the console shows as one line of text rather than as a table or a
// list: a DateTime (its DateTime property, narrowed by DisplayHint) and the
// types whose 5.1 view prints their ToString() (MatchInfo from text input,
// SecureString).

import { DateTimeValue } from '../datetime/value';
import { PSObject, type Value } from '../values';

const TO_STRING_VIEWS = new Set(['Microsoft.PowerShell.Commands.MatchInfo', 'System.Security.SecureString']);

/** The text the console shows for `value`, when its type is shown as text. */
export function textView(value: Value): string | undefined {
  if (value instanceof DateTimeValue) return value.display();
  if (value instanceof PSObject && value.text !== undefined && TO_STRING_VIEWS.has(value.typeName)) return value.text;
  return undefined;
}
