// The change script for the Lync Server / Skype for Business Server
// Management Shell: exactly the pending changes, nothing else. It starts with
// a header comment, param([switch]$WhatIf) and $ErrorActionPreference =
// 'Stop'; a drift check then compares every collection it touches with the
// baseline and throws before anything changes; then New, Set and Remove
// lines, each with -WhatIf:$WhatIf. Every value is a single-quoted literal
// (quotes doubled, including the typographic ones PowerShell also treats as
// quotes), so no value can be read as code; unset URLs are $null.

import { findProperty, PROPERTIES, type ConfigRecord, type PropertyName } from '../domain/properties';
import { quoteValue } from '../shell/completion';
import type { CollectionChange } from '../changes/diff';

const CMDLET: Record<CollectionChange['action'], string> = {
  New: 'New-CsPersistentChatConfiguration',
  Set: 'Set-CsPersistentChatConfiguration',
  Remove: 'Remove-CsPersistentChatConfiguration',
};

export interface ScriptSource {
  readonly file: string;
  readonly sha256: string;
  readonly importedAt: string;
}

/** A PowerShell single-quoted literal of `text`. */
export function psQuote(text: string): string {
  return quoteValue(text, "'");
}

/** A value as a literal: integers bare, text quoted, $null for unset. */
export function psLiteral(value: number | string | null): string {
  if (value === null) return '$null';
  if (typeof value === 'number') return String(value);
  return psQuote(value);
}

/** Text safe on one comment line: no line breaks or other control characters. */
function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

function propertyArgs(record: ConfigRecord, names: readonly PropertyName[]): string {
  return names.map((n) => ` -${n} ${psLiteral(record[n])}`).join('');
}

/** The value the server must hold, as a check that throws otherwise. */
function propertyCheck(identity: string, name: PropertyName, expected: number | string | null): string {
  const meta = findProperty(name)!;
  const shown = expected === null ? 'not set' : String(expected);
  const message = psQuote(`Drift: ${identity} ${name} on the server differs from the baseline (${shown}). Nothing was changed; import the server's configuration again.`);
  // Compared as text, case-sensitively for URLs: a URL that differs only in case is still a drift.
  const actual = `"$($current.${name})"`;
  const op = meta.kind === 'url' ? '-cne' : '-ne';
  return `if (${actual} ${op} ${psQuote(expected === null ? '' : String(expected))}) { throw ${message} }`;
}

function driftCheck(change: CollectionChange): string[] {
  const id = psQuote(change.identity);
  const lines = [`$current = @(Get-CsPersistentChatConfiguration -Filter ${id})`];
  if (change.action === 'New') {
    lines.push(`if ($current.Count -ne 0) { throw ${psQuote(`Drift: ${change.identity} already exists on the server, but not in the baseline. Nothing was changed; import the server's configuration again.`)} }`);
    return lines;
  }
  lines.push(`if ($current.Count -ne 1) { throw ${psQuote(`Drift: ${change.identity} is not on the server, but was in the baseline. Nothing was changed; import the server's configuration again.`)} }`);
  lines.push('$current = $current[0]');
  // Every property of a touched collection is checked, not just the changed ones: a Set must not undo a change made on the server meanwhile.
  const baseline = change.baseline!;
  for (const name of PROPERTIES.map((p) => p.name as PropertyName)) lines.push(propertyCheck(change.identity, name, baseline[name]));
  return lines;
}

function changeLine(change: CollectionChange): string {
  const id = psQuote(change.identity);
  const common = ' -WhatIf:$WhatIf -Confirm:$false';
  if (change.action === 'Remove') return `${CMDLET.Remove} -Identity ${id}${common}`;
  return `${CMDLET[change.action]} -Identity ${id}${propertyArgs(change.working!, change.properties)}${common}`;
}

/** The whole script, lines joined with CR LF as Windows tools expect. */
export function changeScript(changes: readonly CollectionChange[], source: ScriptSource, generatedAt: Date): string {
  const count = (a: CollectionChange['action']) => changes.filter((c) => c.action === a).length;
  const lines = [
    '# Persistent Chat configuration changes, prepared in pchat-admin.',
    `# Baseline: ${commentText(source.file)} (SHA-256 ${source.sha256}), imported ${source.importedAt}.`,
    `# Generated: ${generatedAt.toISOString()}. ${count('New')} new, ${count('Set')} changed, ${count('Remove')} removed.`,
    '# Run it in the Lync Server / Skype for Business Server Management Shell:',
    '#   .\\<this script>.ps1 -WhatIf   shows what would change and changes nothing;',
    '#   .\\<this script>.ps1           applies the changes.',
    '# It first checks that every collection it touches still holds the baseline values and stops before any change if not.',
    'param([switch]$WhatIf)',
    '',
    "$ErrorActionPreference = 'Stop'",
    '',
    '# Drift check',
    ...changes.flatMap(driftCheck),
    '',
    '# Changes: new collections, then changed ones, then removed ones',
    ...changes.map(changeLine),
  ];
  if (changes.length === 0) lines.push('# There are no pending changes.');
  return lines.map((l) => `${l}\r\n`).join('');
}
