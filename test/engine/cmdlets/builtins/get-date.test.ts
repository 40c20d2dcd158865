// Get-Date and the DateTime value: .NET and Unix formats, the members and
// methods scripts use, the console's display, and 5.1's errors. Dates are
// given with -Date so no test depends on the clock.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../../helpers/engine-session';
import { DateTimeValue, parseDateTime } from '../../../../src-main/engine/shell/datetime/value';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

const D = 'Get-Date -Date "2026-11-28T09:05:03.250"';

async function text(line: string): Promise<string> {
  return (await t.run(line)).text;
}

describe('Get-Date -Format and -UFormat', () => {
  it('custom .NET formats', async () => {
    expect(await text(`${D} -Format "yyyy-MM-dd HH:mm:ss.fff"`)).toBe('2026-11-28 09:05:03.250');
    expect(await text(`${D} -Format "ddd d MMM yy, h:m:s tt"`)).toBe('Sat 28 Nov 26, 9:5:3 AM');
    expect(await text(`${D} -Format "dddd MMMM 'at' HH\\h"`)).toBe('Saturday November at 09h');
    expect(await text(`${D} -Format yyyyMMdd-HHmm`)).toBe('20261128-0905');
  });

  it('standard .NET formats in en-US', async () => {
    const expected: Record<string, string> = {
      d: '11/28/2026',
      D: 'Saturday, November 28, 2026',
      f: 'Saturday, November 28, 2026 9:05 AM',
      g: '11/28/2026 9:05 AM',
      G: '11/28/2026 9:05:03 AM',
      M: 'November 28',
      s: '2026-11-28T09:05:03',
      t: '9:05 AM',
      T: '9:05:03 AM',
      u: '2026-11-28 09:05:03Z',
      Y: 'November 2026',
      o: '2026-11-28T09:05:03.2500000',
    };
    for (const [format, shown] of Object.entries(expected)) expect(await text(`${D} -Format ${format}`), format).toBe(shown);
  });

  it('-UFormat codes, as 5.1 maps them', async () => {
    expect(await text(`${D} -UFormat "%Y-%m-%d %H:%M:%S"`)).toBe('2026-11-28 09:05:03');
    expect(await text(`${D} -UFormat "%A %a %B %b %e %j %p %y %D %R %T %%"`)).toBe('Saturday Sat November Nov 28 332 AM 26 11/28/26 09:05 09:05:03 %');
    expect(await text(`${D} -UFormat "%u %w %V %W %U"`)).toBe("6 6 48 48 48");
  });

  it('a bad format is .NET\'s FormatException', async () => {
    expect(await text(`${D} -Format "yyyy %"`)).toBe(
      [
        'Get-Date : Input string was not in a correct format.',
        'At line:1 char:1',
        '+ Get-Date -Date "2026-11-28T09:05:03.250" -Format "yyyy %"',
        `+ ${'~'.repeat(57)}`,
        '    + CategoryInfo          : NotSpecified: (:) [Get-Date], FormatException',
        '    + FullyQualifiedErrorId : System.FormatException,Get-Date',
      ].join('\n'),
    );
  });
});

describe('the DateTime value', () => {
  it('shows as the long date and time, or the part -DisplayHint names', async () => {
    expect(await text(D)).toBe('Saturday, November 28, 2026 9:05:03 AM');
    expect(await text(`${D} -DisplayHint Date`)).toBe('Saturday, November 28, 2026');
    expect(await text(`${D} -DisplayHint Time`)).toBe('9:05:03 AM');
  });

  it('has the members scripts read, and converts to text as 5.1 does', async () => {
    expect(await text(`$d = ${D}; $d.Year; $d.Month; $d.Day; $d.DayOfWeek; $d.DayOfYear; $d.Hour; $d.Millisecond; $d.TimeOfDay; $d.Ticks`)).toBe(
      '2026\n11\n28\nSaturday\n332\n9\n250\n09:05:03.2500000\n639314535032500000',
    );
    expect(await text(`$d = ${D}; "$d"; $d.ToString(); $d.ToString("yyyy"); $d.ToShortDateString(); $d.ToLongTimeString()`)).toBe(
      '11/28/2026 09:05:03\n11/28/2026 9:05:03 AM\n2026\n11/28/2026\n9:05:03 AM',
    );
  });

  it('Add* methods, with months clipped to the month\'s end', async () => {
    expect(await text(`$d = ${D}; $d.AddDays(-7).ToString("d"); $d.AddHours(15).ToString("g"); $d.AddMinutes(1.5).ToString("T")`)).toBe('11/21/2026\n11/29/2026 12:05 AM\n9:06:33 AM');
    expect(await text('(Get-Date -Date 2026-01-31).AddMonths(1).ToString("d"); (Get-Date -Date 2024-02-29).AddYears(1).ToString("d")')).toBe('2/28/2026\n2/28/2025');
    expect(await text(`(${D}).AddYears(9000)`)).toContain('Exception calling "AddYears" with "1" argument(s): "The added or subtracted value results in an un-representable DateTime.');
  });

  it('-Year … -Millisecond replace fields; an impossible date is refused', async () => {
    expect(await text(`${D} -Day 1 -Hour 0 -Minute 0 -Second 0 -Format "yyyy-MM-dd HH:mm:ss"`)).toBe('2026-11-01 00:00:00');
    expect(await text(`Get-Date -Date 2026-01-31 -Month 2 -Format d`)).toBe('2/28/2026');
    expect(await text('Get-Date -Date 2026-01-31 -Month 2 -Day 30')).toContain('Get-Date : Year, Month, and Day parameters describe an un-representable DateTime.');
    expect(await text('Get-Date -Month 13')).toContain("Cannot validate argument on parameter 'Month'. The 13 argument is greater than the maximum allowed range of 12.");
  });

  it('-Date takes the forms PowerShell parses, and refuses others', async () => {
    expect(await text('Get-Date -Date "11/28/2026 2:30 PM" -Format s')).toBe('2026-11-28T14:30:00');
    expect(await text('Get-Date -Date "28 Nov 2026" -Format d')).toBe('11/28/2026');
    expect(await text('"2026-11-28" | Get-Date -Format D')).toBe('Saturday, November 28, 2026');
    expect(await text('Get-Date -Date "next tuesday"')).toContain(
      'Get-Date : Cannot bind parameter \'Date\'. Cannot convert value "next tuesday" to type "System.DateTime". Error: "String \'next tuesday\' was not recognized as a valid DateTime."',
    );
  });

  it('shows in tables and lists as the culture\'s general format', async () => {
    expect(await text(`${D} | Select-Object Date, Year`)).toBe(['', 'Date                   Year', '----                   ----', '11/28/2026 12:00:00 AM 2026', ''].join('\n'));
  });

  it('parses ISO dates with a zone as local time and knows its Kind', () => {
    const utc = parseDateTime('2026-11-28T09:00:00Z')!.toUniversal();
    expect(utc.format('o')).toBe('2026-11-28T09:00:00.0000000Z');
    expect(DateTimeValue.fromParts(2026, 2, 30)).toBeUndefined();
  });
});
