// Completion for the new built-ins comes from their parameter metadata:
// enum parameters offer the enum's names, and the commands and their
// parameters are offered like any other.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

const at = (line: string) => t.session.complete(line, line.length).matches;

describe('completion of the built-ins', () => {
  it('offers an enum parameter\'s names', () => {
    expect(at('Write-Host x -ForegroundColor Dark')).toEqual(['DarkBlue', 'DarkCyan', 'DarkGray', 'DarkGreen', 'DarkMagenta', 'DarkRed', 'DarkYellow']);
    expect(at('Write-Error x -Category ObjectN')).toEqual(['ObjectNotFound']);
    expect(at('Get-Date -DisplayHint ')).toEqual(['Date', 'DateTime', 'Time']);
  });

  it('offers the new commands and their parameters', () => {
    expect(at('Get-Var')).toEqual(['Get-Variable']);
    expect(at('Select-String x -Simple')).toEqual(['-SimpleMatch']);
    expect(at('Measure-Object -Ch')).toEqual(['-Character']);
  });
});

describe('Sort-Object on dates', () => {
  it('orders DateTime values by time, not by their text', async () => {
    expect((await t.run('"2026-12-01","2026-02-15","2025-12-31" | Get-Date | Sort-Object | % { $_.ToString("yyyy-MM-dd") }')).text).toBe('2025-12-31\n2026-02-15\n2026-12-01');
  });
});
