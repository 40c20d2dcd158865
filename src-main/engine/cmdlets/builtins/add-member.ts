// Add-Member: adds note properties (and alias properties) to an object, in
// place, as 5.1 does; -PassThru also returns it. A member that exists is an
// error unless -Force replaces it.
//
// ScriptProperty and ScriptMethod need the language to run a scriptblock
// when a member is read or called (with $this); until the interpreter has
// that hook they are refused with a clear message rather than added inert.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { Hashtable, PSObject, type Value } from '../../shell/values';
import { MEMBER_TYPES } from './enums';
import { param, targetText, UTILITY } from './support';

const MEMBER_SET = 'MemberSet';
const NOTE_SINGLE = 'NotePropertySingleMemberSet';
const NOTE_MULTI = 'NotePropertyMultiMemberSet';
const TYPE_NAME_SET = 'TypeNameSet';

const PARAMETERS: readonly ParameterDef[] = [
  param('MemberType', 'Enum', 'The kind of member: NoteProperty (a value) or AliasProperty (another name for a property).', { sets: [MEMBER_SET], mandatory: true, position: 0, enumType: MEMBER_TYPES, aliases: ['Type'] }),
  param('Name', 'String', 'The new member\'s name.', { sets: [MEMBER_SET], mandatory: true, position: 1 }),
  param('Value', 'Object', 'The note property\'s value, or the property an alias stands for.', { sets: [MEMBER_SET], position: 2 }),
  param('SecondValue', 'Object', 'For an AliasProperty, accepted for compatibility (a type to convert to).', { sets: [MEMBER_SET], position: 3 }),
  param('NotePropertyName', 'String', 'The name of a note property to add.', { sets: [NOTE_SINGLE], mandatory: true, position: 0 }),
  param('NotePropertyValue', 'Object', 'Its value.', { sets: [NOTE_SINGLE], mandatory: true, position: 1 }),
  param('NotePropertyMembers', 'Object', 'A hashtable of note property names and values to add.', { sets: [NOTE_MULTI], mandatory: true, position: 0 }),
  param('InputObject', 'Object', 'The object to add members to. Usually supplied through the pipeline.', { mandatory: true, pipeline: ['ByValue'] }),
  param('TypeName', 'String', 'Accepted for compatibility; the type name is not changed.', { sets: [TYPE_NAME_SET, MEMBER_SET, NOTE_SINGLE, NOTE_MULTI] }),
  param('Force', 'SwitchParameter', 'Replaces a member that already exists.'),
  param('PassThru', 'SwitchParameter', 'Returns the object after adding the members.'),
];

function fail(message: string, errorId: string, category: 'InvalidOperation' | 'InvalidArgument' | 'NotImplemented', exceptionType: string, item: Value): TerminatingError {
  return new TerminatingError(errorRecord({ message, errorId, category, exceptionType, target: targetText(item) }));
}

function addNote(target: PSObject, name: string, value: Value, force: boolean): void {
  if (target.has(name) && !force) {
    throw fail(
      `Cannot add a member with the name "${name}" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.`,
      'MemberAlreadyExists',
      'InvalidOperation',
      'InvalidOperationException',
      target,
    );
  }
  try {
    target.set(name, value);
  } catch (e) {
    throw fail((e as Error).message, 'MemberNotAdded', 'InvalidOperation', 'InvalidOperationException', target);
  }
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound, input: { value: Value } | undefined) {
      const target = bound.get('InputObject') ?? input?.value ?? null;
      const force = bound.get('Force') === true;
      if (!(target instanceof PSObject)) {
        throw fail(
          'Add-Member adds members to objects (such as those made by New-Object PSObject, [pscustomobject] or Select-Object); a string, number or collection cannot carry extra members in this console.',
          'CannotAddMemberToValue',
          'InvalidArgument',
          'PSArgumentException',
          target,
        );
      }
      if (bound.has('NotePropertyMembers')) {
        const members = bound.get('NotePropertyMembers');
        if (!(members instanceof Hashtable)) {
          throw fail(`Cannot bind parameter 'NotePropertyMembers'. Cannot convert the "${toPSString(members ?? null)}" value of type "${members === null ? 'null' : 'System.Object'}" to type "System.Collections.IDictionary".`, 'CannotConvertArgumentNoMessage', 'InvalidArgument', 'ParameterBindingException', target);
        }
        for (const [key, value] of members.entries()) addNote(target, toPSString(key), value, force);
      } else if (bound.has('NotePropertyName')) {
        addNote(target, toPSString(bound.get('NotePropertyName')!), bound.get('NotePropertyValue') ?? null, force);
      } else if (bound.has('MemberType')) {
        const kind = bound.get('MemberType') as string;
        const name = toPSString(bound.get('Name') ?? null);
        if (kind === 'NoteProperty') addNote(target, name, bound.get('Value') ?? null, force);
        else if (kind === 'AliasProperty') {
          if (target.has(name) && !force) addNote(target, name, null, false); // the same MemberAlreadyExists error
          target.addAlias(name, toPSString(bound.get('Value') ?? null));
        } else if (kind === 'ScriptProperty' || kind === 'ScriptMethod') {
          throw fail(`Add-Member -MemberType ${kind} is not available in this console yet. Use a NoteProperty holding the value, or a calculated property with Select-Object.`, 'MemberTypeNotSupported', 'NotImplemented', 'PSNotSupportedException', target);
        } else {
          throw fail(`Cannot add a member of type "${kind}". Specify NoteProperty or AliasProperty.`, 'CannotAddMemberType', 'InvalidOperation', 'InvalidOperationException', target);
        }
      }
      if (bound.get('PassThru') === true) await ctx.emit(target);
    },
  };
}

export const addMember: CommandDef = {
  name: 'Add-Member',
  parameters: PARAMETERS,
  sets: [TYPE_NAME_SET, MEMBER_SET, NOTE_SINGLE, NOTE_MULTI],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Adds properties to an object.',
    description:
      'Add-Member adds members to an object in place: note properties holding values (-NotePropertyName/-NotePropertyValue, ' +
      '-NotePropertyMembers @{…}, or -MemberType NoteProperty -Name -Value) and alias properties that are another name for ' +
      'an existing property. Adding a member that exists is an error unless -Force replaces it. The object itself is changed; ' +
      '-PassThru also sends it down the pipeline.',
    examples: [
      {
        title: 'Mark an object',
        code: '$row = New-Object PSObject -Property @{ Identity = "site:Redmond" }\n$row | Add-Member -NotePropertyName Status -NotePropertyValue "Checked"',
        remarks: '$row now has Identity and Status.',
      },
      {
        title: 'Several properties at once',
        code: '$row | Add-Member -NotePropertyMembers @{ Owner = "ops"; Ticket = 4711 } -PassThru',
        remarks: 'Adds two properties and shows the object.',
      },
    ],
    inputs: 'System.Management.Automation.PSObject\n    The object can be piped.',
    outputs: 'None, or the object with -PassThru.',
  },
  source: UTILITY,
  create,
};
