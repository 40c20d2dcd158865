// Get-Member: the properties and methods of the pipeline objects, as
// MemberDefinition objects (TypeName, Name, MemberType, Definition) — one
// set per distinct type — which Out-Default shows PowerShell's way: a
// "TypeName: X" heading over a Name/MemberType/Definition table per type
// (the view in format/views.ts). The configuration object's properties
// carry their .NET types from the domain metadata (int16 DefaultChatHistory {get;set;}).

import { DOTNET_TYPE } from '../../domain/parameters';
import { findProperty } from '../../domain/properties';
import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { isConfigurationObject } from '../../shell/format/out-default';
import { MEMBER_DEFINITION_TYPE } from '../../shell/format/views';
import { memberPropertyNames, getMemberProperty } from '../../shell/members';
import { hasReadOnlyProperties, typeMethods } from '../../shell/type-members';
import { PSObject, typeNameOf, type Value } from '../../shell/values';
import { wildcardToRegExp, type WildcardPattern } from '../../shell/wildcard';
import { CATEGORY_CLOSE_ERROR, inputOf, param, stringList, UTILITY } from './support';

const PARAMETERS: readonly ParameterDef[] = [
  param('Name', 'String[]', 'Lists only the members with these names (wildcards allowed).', { position: 0 }),
  param('MemberType', 'String[]', 'Lists only members of these kinds: Property, NoteProperty, Method.', { aliases: ['Type'] }),
  param('InputObject', 'Object', 'The object whose members are listed. Usually supplied through the pipeline.', { pipeline: ['ByValue'] }),
];

export interface MemberInfo {
  readonly name: string;
  readonly memberType: 'Method' | 'NoteProperty' | 'Property';
  readonly definition: string;
}

/** PowerShell's short names for the types its definitions mention. */
const SHORT_TYPE: Record<string, string> = {
  'System.Int32': 'int',
  'System.Int64': 'long',
  'System.Double': 'double',
  'System.String': 'string',
  'System.Boolean': 'bool',
  'System.Object[]': 'Object[]',
  'System.Collections.Hashtable': 'hashtable',
  'System.Management.Automation.ScriptBlock': 'scriptblock',
  'System.Security.SecureString': 'securestring',
  'null': 'object',
};

const DOMAIN_TYPE: Record<string, string> = { Int16: 'int16', Int32: 'int', UInt32: 'uint32', String: 'string' };

/**
 * Identity is an XdsIdentity, the type the binder converts -Identity to.
 * PowerShell writes a type without a short alias (as int16 is) by its full name.
 */
const IDENTITY_TYPE = DOTNET_TYPE.XdsIdentity;

function shortType(value: Value): string {
  const full = typeNameOf(value);
  return SHORT_TYPE[full] ?? full;
}

const OBJECT_METHODS: readonly MemberInfo[] = [
  { name: 'Equals', memberType: 'Method', definition: 'bool Equals(System.Object obj)' },
  { name: 'GetHashCode', memberType: 'Method', definition: 'int GetHashCode()' },
  { name: 'GetType', memberType: 'Method', definition: 'type GetType()' },
  { name: 'ToString', memberType: 'Method', definition: 'string ToString()' },
];

/** The members Get-Member lists for one object, sorted as PowerShell sorts them. */
export function membersOf(value: Value): MemberInfo[] {
  const members: MemberInfo[] = [...OBJECT_METHODS, ...typeMethods(value).map((m): MemberInfo => ({ name: m.name, memberType: 'Method', definition: m.definition }))];
  const readOnly = hasReadOnlyProperties(value);
  const custom = value instanceof PSObject && (value.typeName === 'System.Management.Automation.PSCustomObject' || value.typeName.startsWith('Selected.'));
  const config = isConfigurationObject(value);
  for (const name of memberPropertyNames(value)) {
    const v = getMemberProperty(value, name).value;
    if (custom) {
      members.push({ name, memberType: 'NoteProperty', definition: `${shortType(v)} ${name}=${v === null ? 'null' : toPSString(v)}` });
      continue;
    }
    const meta = config ? findProperty(name) : undefined;
    const type = meta ? DOMAIN_TYPE[meta.type]! : config && name === 'Identity' ? IDENTITY_TYPE : shortType(v);
    const access = (config && name === 'Identity') || readOnly ? '{get;}' : value instanceof PSObject ? '{get;set;}' : '{get;}';
    members.push({ name, memberType: 'Property', definition: `${type} ${name} ${access}` });
  }
  return members.sort(
    (a, b) => a.memberType.localeCompare(b.memberType, 'en', { sensitivity: 'base' }) || a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
  );
}

/** One member as the MemberDefinition object Get-Member writes; its string form is the definition. */
function memberDefinition(typeName: string, m: MemberInfo): PSObject {
  const obj = new PSObject(MEMBER_DEFINITION_TYPE, [
    ['TypeName', typeName],
    ['Name', m.name],
    ['MemberType', m.memberType],
    ['Definition', m.definition],
  ]);
  obj.text = m.definition;
  return obj;
}

function create(ctx: CommandContext) {
  const groups = new Map<string, { typeName: string; members: MemberInfo[] }>();
  let names: WildcardPattern[] = [];
  let kinds: string[] = [];
  return {
    async begin(bound: Bound) {
      names = stringList(bound.get('Name')).map((n) => wildcardToRegExp(n));
      kinds = stringList(bound.get('MemberType')).map((k) => k.toLowerCase());
    },
    async process(bound: Bound, input: { value: Value } | undefined) {
      const current = inputOf(bound, input);
      if (!current || current.value === null) return;
      const typeName = typeNameOf(current.value);
      if (groups.has(typeName)) return;
      const members = membersOf(current.value).filter(
        (m) => (names.length === 0 || names.some((re) => re.test(m.name))) && (kinds.length === 0 || kinds.includes(m.memberType.toLowerCase()) || (kinds.includes('properties') && m.memberType !== 'Method')),
      );
      groups.set(typeName, { typeName, members });
    },
    async end() {
      if (groups.size === 0) {
        throw new TerminatingError(
          errorRecord({ message: 'You must specify an object for the Get-Member cmdlet.', errorId: 'NoObjectInGetMember', category: CATEGORY_CLOSE_ERROR, exceptionType: 'InvalidOperationException' }),
        );
      }
      for (const g of groups.values()) for (const m of g.members) await ctx.emit(memberDefinition(g.typeName, m));
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Lists the properties and methods of objects.',
  description:
    'Get-Member shows, for each distinct type of object that reaches it, the type name and a table of its ' +
    'members: name, kind (Property, NoteProperty, Method) and definition. For a configuration object the ' +
    'definition gives each property\'s type, such as int16 for DefaultChatHistory and uint32 for MaxFileSizeKB.',
  examples: [
    {
      title: 'See what a configuration object holds',
      code: 'Get-CsPersistentChatConfiguration -Identity Global | Get-Member',
      remarks: 'Lists Identity and the six settings with their types.',
    },
    {
      title: 'Only the properties whose names end in Url',
      code: 'Get-CsPersistentChatConfiguration | gm *Url',
      remarks: 'gm is an alias of Get-Member; the name is a wildcard pattern.',
    },
  ],
  inputs: 'System.Object\n    Any object can be piped to Get-Member.',
  outputs:
    'Microsoft.PowerShell.Commands.MemberDefinition\n    One object per member, with TypeName, Name, MemberType and Definition; ' +
    'the console shows them as a table per type.',
};

export const getMember: CommandDef = {
  name: 'Get-Member',
  parameters: PARAMETERS,
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: HELP,
  source: UTILITY,
  create,
};
