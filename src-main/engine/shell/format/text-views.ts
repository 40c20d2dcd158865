// Types the console shows as one line of text rather than as a table or a
// list: a DateTime (its DateTime property, narrowed by DisplayHint) and the
// types whose 5.1 view prints their ToString() (MatchInfo from text input,
// SecureString).

import { DateTimeValue } from '../datetime/value';
import { PSObject, type Value } from '../values';

const MATCH_INFO = 'Microsoft.PowerShell.Commands.MatchInfo';
const TO_STRING_VIEWS = new Set([MATCH_INFO, 'System.Security.SecureString']);

/** Types whose run of objects 5.1 frames with a blank line before and two after (its custom view's frame). */
export function isFramedTextView(value: Value): boolean {
  return value instanceof PSObject && value.typeName === MATCH_INFO;
}

/** The text the console shows for `value`, when its type is shown as text. */
export function textView(value: Value): string | undefined {
  if (value instanceof DateTimeValue) return value.display();
  if (value instanceof PSObject && value.text !== undefined && TO_STRING_VIEWS.has(value.typeName)) return value.text;
  return undefined;
}
