// Write-Progress as one line of text, for a console that draws no bar (and
// for the terminal's updating status line): "Activity: Status [ooo   ] 40%".

import type { ProgressLine } from '../commands';

const BAR = 20;

export function progressText(record: Omit<ProgressLine, 'kind' | 'text'>): string {
  const parts = [`${record.activity}${record.status ? `: ${record.status}` : ''}`];
  if (record.percent >= 0) {
    const filled = Math.round((Math.min(record.percent, 100) / 100) * BAR);
    parts.push(`[${'o'.repeat(filled)}${' '.repeat(BAR - filled)}] ${record.percent}%`);
  }
  if (record.secondsRemaining !== undefined && record.secondsRemaining >= 0) parts.push(`${record.secondsRemaining}s remaining`);
  if (record.currentOperation) parts.push(record.currentOperation);
  return parts.join(' ');
}
