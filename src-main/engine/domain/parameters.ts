// Parameter metadata of the four configuration cmdlets. The binder, Get-Help's
// syntax and parameter sections, completion and the forms are all derived
// from this table; property parameters take type, range and default from
// PROPERTIES so no rule is written twice.

import { PROPERTIES, type PropertyMeta } from './properties';

export const CONFIG_CMDLETS = [
  'New-CsPersistentChatConfiguration',
  'Get-CsPersistentChatConfiguration',
  'Set-CsPersistentChatConfiguration',
  'Remove-CsPersistentChatConfiguration',
] as const;
export type ConfigCmdletName = (typeof CONFIG_CMDLETS)[number];

/** The .NET types the binder knows how to convert to. */
export type ParamTypeName =
  | 'Int16'
  | 'Int32'
  | 'UInt32'
  | 'String'
  | 'XdsIdentity'
  | 'PSObject'
  | 'SwitchParameter'
  | 'ActionPreference'
  | 'Object';

export type PipelineBinding = 'ByValue' | 'ByPropertyName';

export interface ParameterUsage {
  /** Parameter sets this parameter belongs to; omitted means every set. */
  readonly sets?: readonly string[];
  readonly mandatory?: boolean;
  /** 0-based position for positional binding. */
  readonly position?: number;
  readonly pipeline?: readonly PipelineBinding[];
}

export interface ParameterMeta {
  readonly name: string;
  readonly type: ParamTypeName;
  readonly aliases?: readonly string[];
  readonly help: string;
  /** Set when the parameter writes a configuration property. */
  readonly property?: PropertyMeta;
  /** For ActionPreference and similar closed sets. */
  readonly values?: readonly string[];
  /** Common parameters are listed as [<CommonParameters>] in syntax. */
  readonly common?: boolean;
  readonly usage: Partial<Record<ConfigCmdletName, ParameterUsage>>;
}

export const DOTNET_TYPE: Readonly<Record<ParamTypeName, string>> = {
  Int16: 'System.Int16',
  Int32: 'System.Int32',
  UInt32: 'System.UInt32',
  String: 'System.String',
  XdsIdentity: 'Microsoft.Rtc.Management.Xds.XdsIdentity',
  PSObject: 'System.Management.Automation.PSObject',
  SwitchParameter: 'System.Management.Automation.SwitchParameter',
  ActionPreference: 'System.Management.Automation.ActionPreference',
  Object: 'System.Object',
};

const NEW = 'New-CsPersistentChatConfiguration';
const GET = 'Get-CsPersistentChatConfiguration';
const SET = 'Set-CsPersistentChatConfiguration';
const REMOVE = 'Remove-CsPersistentChatConfiguration';

const IDENTITY_SET = 'Identity';
const INSTANCE_SET = 'Instance';
const FILTER_SET = 'Filter';

const propertyParameters: ParameterMeta[] = PROPERTIES.map((p) => ({
  name: p.name,
  type: p.type,
  help: p.help,
  property: p,
  usage: { [NEW]: {}, [SET]: {} },
}));

const mutating = { [NEW]: {}, [SET]: {}, [REMOVE]: {} };

export const PARAMETERS: readonly ParameterMeta[] = [
  {
    name: 'Identity',
    type: 'XdsIdentity',
    help:
      'The collection to work on: Global, site:<site name>, or service:PersistentChatServer:<pool FQDN>. ' +
      'Scope words are not case-sensitive. Wildcards are not accepted here; use -Filter.',
    usage: {
      [NEW]: { mandatory: true, position: 0 },
      [GET]: { sets: [IDENTITY_SET], position: 0, pipeline: ['ByPropertyName'] },
      [SET]: { sets: [IDENTITY_SET], position: 0, pipeline: ['ByPropertyName'] },
      [REMOVE]: { mandatory: true, position: 0, pipeline: ['ByPropertyName'] },
    },
  },
  {
    name: 'Filter',
    type: 'String',
    help:
      'Returns the collections whose Identity matches this wildcard pattern (* any run of characters, ' +
      '? one character, [a-z] one of a range). Matching ignores case; no match is not an error.',
    usage: { [GET]: { sets: [FILTER_SET] } },
  },
  {
    name: 'Instance',
    type: 'PSObject',
    help:
      'A configuration object, usually one returned by Get- or by New- -InMemory. New- copies its ' +
      'values; Set- writes them to the collection named by its Identity (creating an -InMemory ' +
      'collection that does not exist yet). Explicit property parameters win over the object.',
    usage: {
      [NEW]: {},
      [SET]: { sets: [INSTANCE_SET], pipeline: ['ByValue'] },
    },
  },
  ...propertyParameters,
  {
    name: 'InMemory',
    type: 'SwitchParameter',
    help:
      'Returns the new object without saving it. Change it, then save it with ' +
      'Set-CsPersistentChatConfiguration -Instance.',
    usage: { [NEW]: {} },
  },
  {
    name: 'LocalStore',
    type: 'SwitchParameter',
    help: 'Reads the collections straight from the store file on disk, ignoring anything held in memory.',
    usage: { [GET]: {} },
  },
  {
    name: 'Force',
    type: 'SwitchParameter',
    help: 'Skips confirmation prompts and suppresses non-fatal warnings.',
    usage: mutating,
  },
  {
    name: 'WhatIf',
    type: 'SwitchParameter',
    aliases: ['wi'],
    help: 'Describes what the command would change, and changes nothing.',
    usage: mutating,
  },
  {
    name: 'Confirm',
    type: 'SwitchParameter',
    aliases: ['cf'],
    help: 'Asks for confirmation before each change.',
    usage: mutating,
  },
];

/** Common parameters every cmdlet accepts, in PowerShell's order; shown as [<CommonParameters>]. */
export const COMMON_PARAMETERS: readonly ParameterMeta[] = [
  {
    name: 'Verbose',
    type: 'SwitchParameter',
    aliases: ['vb'],
    common: true,
    help: 'Writes a VERBOSE line describing each operation.',
    usage: {},
  },
  {
    name: 'Debug',
    type: 'SwitchParameter',
    aliases: ['db'],
    common: true,
    help: 'Accepted for compatibility. These commands write no debug messages, so it changes nothing.',
    usage: {},
  },
  {
    name: 'ErrorAction',
    type: 'ActionPreference',
    aliases: ['ea'],
    common: true,
    values: ['Continue', 'SilentlyContinue', 'Stop', 'Ignore'],
    help: 'What to do on a non-terminating error: Continue (show it), SilentlyContinue, Ignore, or Stop.',
    usage: {},
  },
  {
    name: 'WarningAction',
    type: 'ActionPreference',
    aliases: ['wa'],
    common: true,
    values: ['Continue', 'SilentlyContinue', 'Stop', 'Ignore'],
    help: 'What to do with warnings: Continue (show them), SilentlyContinue, Ignore, or Stop.',
    usage: {},
  },
  {
    name: 'InformationAction',
    type: 'ActionPreference',
    aliases: ['infa'],
    common: true,
    values: ['Continue', 'SilentlyContinue', 'Stop', 'Ignore'],
    help: 'Accepted for compatibility. These commands write nothing to the information stream.',
    usage: {},
  },
  {
    name: 'ErrorVariable',
    type: 'String',
    aliases: ['ev'],
    common: true,
    help: 'Also stores the command\'s errors in the named variable (prefix the name with + to append).',
    usage: {},
  },
  {
    name: 'WarningVariable',
    type: 'String',
    aliases: ['wv'],
    common: true,
    help: "Also stores the command's warnings in the named variable (prefix the name with + to append).",
    usage: {},
  },
  {
    name: 'InformationVariable',
    type: 'String',
    aliases: ['iv'],
    common: true,
    help: 'Accepted for compatibility. These commands write nothing to the information stream, so the variable is set to an empty list.',
    usage: {},
  },
  {
    name: 'OutVariable',
    type: 'String',
    aliases: ['ov'],
    common: true,
    help: 'Also stores the command\'s output in the named variable.',
    usage: {},
  },
  {
    name: 'OutBuffer',
    type: 'Int32',
    aliases: ['ob'],
    common: true,
    help: 'Accepted for compatibility. Output is always passed on one object at a time here.',
    usage: {},
  },
  {
    name: 'PipelineVariable',
    type: 'String',
    aliases: ['pv'],
    common: true,
    help: 'Stores each object this command writes in the named variable, so later commands in the pipeline can use it.',
    usage: {},
  },
];

/** Parameter-set names of a cmdlet; the first is the default. */
export const PARAMETER_SETS: Readonly<Record<ConfigCmdletName, readonly string[]>> = {
  [NEW]: ['__AllParameterSets'],
  [GET]: [IDENTITY_SET, FILTER_SET],
  [SET]: [IDENTITY_SET, INSTANCE_SET],
  [REMOVE]: ['__AllParameterSets'],
};
