// What the Pchat history cmdlets share: their module name, the history as
// the store has it (warnings passed on), and an entry as a console object.

import type { HistoryChange, HistoryEntry } from '../../store/history-file';
import { showValue } from '../../store/journal';
import { PROPERTIES } from '../../domain/properties';
import type { CommandContext } from '../../shell/commands';
import { PSObject } from '../../shell/values';
import { undoneBy } from '../../changes/undo';

/** Get-Command's Source column for pchat-admin's own cmdlets. */
export const PCHAT_SOURCE = 'PchatAdmin';
export const HISTORY_ENTRY_TYPE = 'PchatAdmin.ChangeHistoryEntry';

/** The history's entries, oldest first; a history that had to be moved aside is reported as a warning. */
export async function readHistory(ctx: CommandContext): Promise<readonly HistoryEntry[]> {
  const { entries, warnings } = ctx.repo.history.read();
  for (const w of warnings) await ctx.writeWarning(w.message);
  return entries;
}

/** One line per collection: "site:Redmond: DefaultChatHistory 30 -> 60", "site:Paris: created", … */
export function describeChange(change: HistoryChange, arrow = '->'): string {
  if (change.before === null) return `${change.identity}: created`;
  if (change.after === null) return `${change.identity}: removed`;
  const before = change.before as unknown as Record<string, unknown>;
  const after = change.after as unknown as Record<string, unknown>;
  const fields = PROPERTIES.filter((p) => before[p.name] !== after[p.name]).map(
    (p) => `${p.name} ${showValue(before[p.name])} ${arrow} ${showValue(after[p.name])}`,
  );
  return `${change.identity}: ${fields.join(', ')}`;
}

/** Local time as yyyy-MM-dd HH:mm:ss, the way an administrator reads a log. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** An entry as Get-PchatHistory writes it. */
export function historyObject(entry: HistoryEntry, undone: ReadonlyMap<number, number>): PSObject {
  return new PSObject(HISTORY_ENTRY_TYPE, [
    ['Id', entry.id],
    ['Time', localTime(entry.time)],
    ['Source', entry.source],
    ['User', entry.user ?? null],
    ['CommandLine', entry.commandLine],
    ['Changes', entry.changes.map((c) => describeChange(c))],
    ['Undoes', entry.revertOf ?? null],
    ['Undone', undone.has(entry.id)],
  ]);
}

export { undoneBy };
