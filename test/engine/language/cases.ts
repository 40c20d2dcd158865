// Table-driven language cases: a line, and the console text PowerShell 5.1
// prints for it (errors are matched on their first line only, which carries
// the message; positions are covered by the error-view tests).

export type Case = readonly [input: string, expected: string];

export function firstLines(text: string): string {
  // Keep output lines and the first line of each error record.
  const out: string[] = [];
  let inError = false;
  for (const line of text.split('\n')) {
    if (/^At (line|.*\.ps1):\d+ char:\d+$/.test(line)) {
      inError = true;
      continue;
    }
    if (inError && (line.startsWith('+ ') || line.startsWith('    + ') || line === '+')) continue;
    inError = false;
    if (line.startsWith('    + CategoryInfo') || line.startsWith('    + FullyQualifiedErrorId')) continue;
    out.push(line);
  }
  return out.join('\n').trim();
}
