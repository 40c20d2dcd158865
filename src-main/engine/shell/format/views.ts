// Table views registered for known object types, as Windows PowerShell's
// *.format.ps1xml files define them: which columns, how wide, and which
// property fills each. Types without a view fall back to the 4-property rule.

import { getMemberProperty } from '../members';
import { PSObject, type Value } from '../values';
import type { Alignment } from './table-view';

export interface ViewColumn {
  readonly header: string;
  readonly value: (item: PSObject) => Value;
  readonly width?: number;
  readonly align?: Alignment;
}

function prop(name: string): (item: PSObject) => Value {
  return (item) => getMemberProperty(item, name).value;
}

/** A table view; objects of different types sharing a view share one table. */
export interface TableView {
  readonly name: string;
  readonly columns: readonly ViewColumn[];
}

const COMMAND_INFO_COLUMNS: readonly ViewColumn[] = [
  { header: 'CommandType', value: prop('CommandType'), width: 15 },
  // An alias shows as "gcm -> Get-Command".
  { header: 'Name', value: (item) => (item.has('DisplayName') ? item.get('DisplayName')! : prop('Name')(item)), width: 50 },
  { header: 'Version', value: prop('Version'), width: 10 },
  { header: 'Source', value: prop('Source') },
];

const COMMAND_INFO: TableView = { name: 'CommandInfo', columns: COMMAND_INFO_COLUMNS };

const HISTORY_INFO: TableView = {
  name: 'HistoryInfo',
  columns: [
    { header: 'Id', value: prop('Id'), width: 4, align: 'right' },
    { header: 'CommandLine', value: prop('CommandLine') },
  ],
};

const VIEWS: ReadonlyMap<string, TableView> = new Map([
  ['System.Management.Automation.CmdletInfo', COMMAND_INFO],
  ['System.Management.Automation.AliasInfo', COMMAND_INFO],
  ['System.Management.Automation.FunctionInfo', COMMAND_INFO],
  ['Microsoft.PowerShell.Commands.HistoryInfo', HISTORY_INFO],
]);

/** The Name/Value view of a hashtable's entries. */
export const HASHTABLE_COLUMNS = { nameWidth: 30 } as const;

/** The registered table view for an object's type, if it has one. */
export function tableViewFor(value: Value): TableView | undefined {
  return value instanceof PSObject ? VIEWS.get(value.typeName) : undefined;
}
