// Get-Date: the current date and time, or the one given by -Date, with any
// of its fields replaced (-Year … -Millisecond), as a DateTime value, or as
// text with -Format (.NET format strings) or -UFormat (Unix-style %-codes).

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { DateFormatError } from '../../shell/datetime/format';
import { daysInMonth } from '../../shell/datetime/parts';
import { uformat } from '../../shell/datetime/uformat';
import { DateTimeValue, type DisplayHint } from '../../shell/datetime/value';
import { errorRecord, TerminatingError } from '../../shell/errors';
import type { Value } from '../../shell/values';
import { DISPLAY_HINT } from './enums';
import { param, UTILITY } from './support';

const NET = 'net';
const UNIX = 'UFormat';

const FIELDS = [
  ['Year', 1, 9999],
  ['Month', 1, 12],
  ['Day', 1, 31],
  ['Hour', 0, 23],
  ['Minute', 0, 59],
  ['Second', 0, 59],
  ['Millisecond', 0, 999],
] as const;

const PARAMETERS: readonly ParameterDef[] = [
  param('Date', 'DateTime', 'The date to start from instead of now: a DateTime, or text such as 2026-11-28 or "11/28/2026 14:30".', { position: 0, pipeline: ['ByValue', 'ByPropertyName'], aliases: ['LastWriteTime'] }),
  ...FIELDS.map(([name, min, max]) => param(name, 'Int32', `Replaces the ${name.toLowerCase()} (${min} to ${max}).`, { range: { min, max } })),
  param('DisplayHint', 'Enum', 'Which part the console shows: Date, Time or DateTime (the default). The value itself is the same.', { enumType: DISPLAY_HINT }),
  param('Format', 'String', 'Returns text in this .NET format: a standard format (d, D, g, G, s, u, o, …) or a custom one such as yyyy-MM-dd HH:mm.', { sets: [NET] }),
  param('UFormat', 'String', 'Returns text in a Unix-style format such as "%Y-%m-%d %H:%M" (%Y year, %m month, %d day, %H hour, %M minute, %S second, %A weekday, …).', { sets: [UNIX] }),
];

function replaceFields(date: DateTimeValue, bound: Bound): DateTimeValue {
  const p = date.parts;
  const get = (name: string, current: number) => (bound.has(name) ? (bound.get(name) as number) : current);
  const year = get('Year', p.year);
  const month = get('Month', p.month);
  // As 5.1: a day past the month's end is clipped only when -Day was not given; a given one must fit.
  const day = bound.has('Day') ? (bound.get('Day') as number) : Math.min(p.day, daysInMonth(year, month));
  const made = DateTimeValue.fromParts(year, month, day, get('Hour', p.hour), get('Minute', p.minute), get('Second', p.second), get('Millisecond', p.millisecond), date.kind);
  if (!made) {
    throw new TerminatingError(
      errorRecord({
        message: 'Year, Month, and Day parameters describe an un-representable DateTime.',
        errorId: 'System.ArgumentOutOfRangeException',
        category: 'NotSpecified',
        exceptionType: 'ArgumentOutOfRangeException',
      }),
    );
  }
  return made;
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound, input: { value: Value } | undefined) {
      void input;
      const start = bound.has('Date') ? (bound.get('Date') as DateTimeValue) : DateTimeValue.now();
      const date = replaceFields(start, bound);
      if (bound.has('UFormat')) return ctx.emit(uformat(date, toPSString(bound.get('UFormat')!)));
      if (bound.has('Format')) {
        const format = bound.get('Format');
        try {
          return await ctx.emit(date.format(format === null ? '' : toPSString(format!)));
        } catch (e) {
          if (!(e instanceof DateFormatError)) throw e;
          throw new TerminatingError(
            errorRecord({ message: e.message, errorId: 'System.FormatException', category: 'NotSpecified', exceptionType: 'FormatException' }),
          );
        }
      }
      await ctx.emit(date.withHint((bound.get('DisplayHint') as DisplayHint | undefined) ?? 'DateTime'));
    },
  };
}

export const getDate: CommandDef = {
  name: 'Get-Date',
  parameters: PARAMETERS,
  sets: [NET, UNIX],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Gets the current date and time, or formats a date.',
    description:
      'Get-Date returns a DateTime: now, or the -Date given, with any of -Year, -Month, -Day, -Hour, -Minute, -Second ' +
      'and -Millisecond replaced. Its properties (Year, Month, Day, DayOfWeek, …) and methods (AddDays, ToString("yyyy-MM-dd"), ' +
      '…) work as in Windows PowerShell. -Format and -UFormat return text instead: -Format takes .NET format strings, -UFormat ' +
      'Unix-style %-codes. Dates are shown the way an en-US system shows them.',
    examples: [
      { title: 'A time stamp for a file name', code: 'Get-Date -Format yyyyMMdd-HHmm', remarks: 'Returns text such as 20261128-0930.' },
      { title: 'The same with Unix codes', code: 'Get-Date -UFormat "%Y-%m-%d %H:%M"', remarks: 'Returns text such as 2026-11-28 09:30.' },
      { title: 'A week ago', code: '(Get-Date).AddDays(-7)', remarks: 'Returns the DateTime seven days before now.' },
      { title: 'The first of this month', code: 'Get-Date -Day 1 -Hour 0 -Minute 0 -Second 0', remarks: 'Today\'s date with the day and time replaced.' },
    ],
    inputs: 'System.DateTime\n    A date can be piped to -Date.',
    outputs: 'System.DateTime, System.String\n    A DateTime, or text with -Format / -UFormat.',
  },
  source: UTILITY,
  create,
};
