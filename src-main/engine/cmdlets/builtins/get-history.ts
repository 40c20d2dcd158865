// Get-History: the command lines entered in this session, as HistoryInfo
// objects shown in PowerShell's Id / CommandLine table.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { ConversionError, toNumber, toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { PSObject, type Value } from '../../shell/values';
import { CORE, param } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('Id', 'Object[]', 'The numbers of the entries to get.', { position: 0, pipeline: ['ByValue'] }),
  param('Count', 'Int32', 'Gets only this many of the most recent entries.', { position: 1 }),
];

export const HISTORY_INFO = 'Microsoft.PowerShell.Commands.HistoryInfo';

export function historyInfo(entry: { id: number; commandLine: string }): PSObject {
  return new PSObject(HISTORY_INFO, [
    ['Id', entry.id],
    ['CommandLine', entry.commandLine],
  ]);
}

/** The entries Get-History returns for -Count (the most recent ones, oldest first). */
export function lastEntries<T>(history: readonly T[], count: number | undefined): T[] {
  if (count === undefined) return [...history];
  return count <= 0 ? [] : history.slice(-count);
}

/** An -Id value as Int64, with the binder's message when it is not a number. */
function entryNumber(raw: Value): number {
  try {
    return Math.trunc(toNumber(raw, 'System.Int64'));
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    throw new TerminatingError(
      errorRecord({
        message: `Cannot bind parameter 'Id'. Cannot convert value "${toPSString(raw)}" to type "System.Int64". Error: "Input string was not in a correct format."`,
        errorId: 'CannotConvertArgumentNoMessage',
        category: 'InvalidArgument',
        exceptionType: 'ParameterBindingException',
      }),
    );
  }
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound, input: { value: Value } | undefined) {
      const history = ctx.session.history();
      const ids = bound.get('Id') ?? (input ? [input.value] : undefined);
      if (ids === undefined) {
        const count = bound.get('Count');
        for (const entry of lastEntries(history, typeof count === 'number' ? count : undefined)) await ctx.emit(historyInfo(entry));
        return;
      }
      for (const raw of Array.isArray(ids) ? ids : [ids]) {
        const id = entryNumber(raw);
        const entry = history.find((h) => h.id === id);
        if (!entry) {
          await ctx.writeError({
            message: `Cannot locate history for Id ${id}.`,
            errorId: 'GetHistoryNoHistoryForId',
            category: 'ObjectNotFound',
            exceptionType: 'ArgumentException',
            target: `${id}:Int64`,
          });
          continue;
        }
        await ctx.emit(historyInfo(entry));
      }
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Lists the command lines entered in this session.',
  description:
    'Get-History returns one entry per command line run in the current session, numbered from 1. -Count ' +
    'limits the list to the most recent entries; -Id gets particular entries.',
  examples: [
    {
      title: 'The whole history',
      code: 'Get-History',
      remarks: 'Shows the number and text of every command line run so far.',
    },
    {
      title: 'The last three command lines',
      code: 'h -Count 3',
      remarks: 'h is an alias of Get-History.',
    },
  ],
  inputs: 'System.Int64\n    Entry numbers can be piped to Get-History.',
  outputs: `${HISTORY_INFO}\n    One object per history entry.`,
};

export const getHistory: CommandDef = {
  name: 'Get-History',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: HELP,
  source: CORE,
  create,
};
