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
  /**
   * PowerShell's GroupBy: each run of consecutive objects with the same value
   * gets its own table under a `   Label: value` heading.
   */
  readonly groupBy?: { readonly label: string; readonly value: (item: PSObject) => Value };
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

/** What Get-Member writes. */
export const MEMBER_DEFINITION_TYPE = 'Microsoft.PowerShell.Commands.MemberDefinition';

/** Get-Member's view: AutoSize columns (no fixed widths), grouped by the member's type. */
const MEMBER_DEFINITION: TableView = {
  name: 'MemberDefinition',
  columns: [
    { header: 'Name', value: prop('Name'), align: 'left' },
    { header: 'MemberType', value: prop('MemberType'), align: 'left' },
    { header: 'Definition', value: prop('Definition'), align: 'left' },
  ],
  groupBy: { label: 'TypeName', value: prop('TypeName') },
};

/** Group-Object's results: Count right-aligned in 5, Name in 25, Group the rest (5.1's GroupInfo view). */
const GROUP_INFO: TableView = {
  name: 'GroupInfo',
  columns: [
    { header: 'Count', value: prop('Count'), width: 5, align: 'right' },
    { header: 'Name', value: prop('Name'), width: 25, align: 'left' },
    { header: 'Group', value: prop('Group'), align: 'left' },
  ],
};

const GROUP_INFO_NO_ELEMENT: TableView = {
  name: 'GroupInfoNoElement',
  columns: [
    { header: 'Count', value: prop('Count'), width: 5, align: 'right' },
    { header: 'Name', value: prop('Name'), align: 'left' },
  ],
};

/** Get-Variable's PSVariable view. */
const PS_VARIABLE: TableView = {
  name: 'PSVariable',
  columns: [
    { header: 'Name', value: prop('Name'), width: 30, align: 'left' },
    { header: 'Value', value: prop('Value'), align: 'left' },
  ],
};

/** Get-Module's view. */
const MODULE_INFO: TableView = {
  name: 'PSModuleInfo',
  columns: [
    { header: 'ModuleType', value: prop('ModuleType'), width: 10, align: 'left' },
    { header: 'Version', value: prop('Version'), width: 10, align: 'left' },
    { header: 'Name', value: prop('Name'), width: 35, align: 'left' },
    { header: 'ExportedCommands', value: prop('ExportedCommands'), align: 'left' },
  ],
};

const VIEWS: ReadonlyMap<string, TableView> = new Map([
  ['Microsoft.PowerShell.Commands.GroupInfo', GROUP_INFO],
  ['Microsoft.PowerShell.Commands.GroupInfoNoElement', GROUP_INFO_NO_ELEMENT],
  ['System.Management.Automation.PSVariable', PS_VARIABLE],
  ['System.Management.Automation.PSModuleInfo', MODULE_INFO],
  ['System.Management.Automation.CmdletInfo', COMMAND_INFO],
  ['System.Management.Automation.AliasInfo', COMMAND_INFO],
  ['System.Management.Automation.FunctionInfo', COMMAND_INFO],
  ['Microsoft.PowerShell.Commands.HistoryInfo', HISTORY_INFO],
  [MEMBER_DEFINITION_TYPE, MEMBER_DEFINITION],
  // Get-PchatChange: one row per changed property.
  [
    'PchatAdmin.PendingChange',
    {
      name: 'PendingChange',
      columns: ['Identity', 'Action', 'Property', 'Baseline', 'Working'].map((h) => ({ header: h, value: prop(h), align: 'left' as const })),
    },
  ],
  // PSCredential.GetNetworkCredential(): 5.1's default display set is UserName and Domain, not the password.
  ['System.Net.NetworkCredential', { name: 'NetworkCredential', columns: ['UserName', 'Domain'].map((h) => ({ header: h, value: prop(h) })) }],
  // Get-Location: PathInfo's view shows only the path.
  ['System.Management.Automation.PathInfo', { name: 'PathInfo', columns: [{ header: 'Path', value: prop('Path') }] }],
]);

/** The Name/Value view of a hashtable's entries. */
export const HASHTABLE_COLUMNS = { nameWidth: 30 } as const;

/** The registered table view for an object's type, if it has one. */
export function tableViewFor(value: Value): TableView | undefined {
  return value instanceof PSObject ? VIEWS.get(value.typeName) : undefined;
}
