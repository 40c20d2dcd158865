// What the table's copy and export actions produce: file names, and the
// cmdlet line that recreates a collection, built by the engine (the same
// builder as the forms' live "Equivalent cmdlet" line).

import type { ConfigurationDto, PchatApi } from '../../../src-main/ipc/contract';
import { cellValue } from './find';

/** New-… for a site or pool; Global cannot be created, so Set-… -Identity Global gives it the same values. Only values away from their default are written. */
export async function recreateLine(api: PchatApi, row: ConfigurationDto, defaults: Readonly<Record<string, string | number | null>>): Promise<string> {
  const parameters: Record<string, string | number | null> = { Identity: row.Identity };
  for (const [name, value] of Object.entries(defaults)) {
    const current = cellValue(row, name);
    if (current !== value) parameters[name] = current;
  }
  const cmdlet = row.scope === 'Global' ? 'Set-CsPersistentChatConfiguration' : 'New-CsPersistentChatConfiguration';
  return (await api.previewCmdlet(cmdlet, parameters)).commandLine;
}

/** pchat-configurations-20261128-0930.csv (local time). */
export function exportFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `pchat-configurations-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`;
}
