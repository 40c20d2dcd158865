// The console's text of a run as a person sees it: Write-Host -NoNewline
// pieces joined with what follows, progress records left out (a console draws
// them apart from the text).

import type { OutputLine } from '../../src-main/engine/shell/commands';

export function consoleText(lines: readonly OutputLine[]): string {
  let out = '';
  for (const line of lines) {
    if (line.kind === 'progress') continue;
    out += line.text + (line.noNewline ? '' : '\n');
  }
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}
