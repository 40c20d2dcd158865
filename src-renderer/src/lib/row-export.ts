// Getting rows out of the table: tab-separated text for the clipboard (it
// pastes into a spreadsheet) and CSV as Export-Csv -NoTypeInformation writes
// it (a header line, every field quoted, quotes doubled, $null as empty).

import type { ConfigurationDto } from '../../../src-main/ipc/contract';
import { cellValue } from './find';

function tsvField(value: string | number | null): string {
  // A tab or line break inside a value would split the cell; identities and URLs never hold one, but be safe.
  return value === null ? '' : String(value).replace(/[\t\r\n]+/g, ' ');
}

export function rowsAsTsv(rows: readonly ConfigurationDto[], columns: readonly string[]): string {
  const lines = [columns.join('\t'), ...rows.map((row) => columns.map((c) => tsvField(cellValue(row, c))).join('\t'))];
  return lines.join('\r\n') + '\r\n';
}

function csvField(value: string | number | null): string {
  return `"${value === null ? '' : String(value).replaceAll('"', '""')}"`;
}

export function rowsAsCsv(rows: readonly ConfigurationDto[], columns: readonly string[]): string {
  const lines = [columns.map(csvField).join(','), ...rows.map((row) => columns.map((c) => csvField(cellValue(row, c))).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** Puts `text` on the clipboard; false when the page may not (no focus, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves `text` as a file through the browser's download. In the desktop app
 * the same download asks where to save it (main allows only a .csv, .ps1 or
 * .json blob of the app's own page); in the web preview it lands in the downloads folder.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv', bom = true): void {
  // A byte-order mark, so Excel reads the UTF-8 as UTF-8 (Export-Csv in 5.1 writes one as well with -Encoding UTF8).
  // JSON (the backup) goes without one, as Export-PchatConfiguration writes it.
  const url = URL.createObjectURL(new Blob(bom ? ['\uFEFF', text] : [text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
