// New-Object for the types scripts build results with: PSObject (with
// -Property), ArrayList, List[string] / List[object] and Hashtable, and
// PSCredential (user name, SecureString). Any other type is 5.1's
// TypeNotFound error; -ComObject has nothing to create here.

import type { Bound, CommandContext, CommandDef, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { constructCredential, ConstructorError } from '../../shell/credential';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { ARRAY_LIST, genericListName, ListValue } from '../../shell/list-value';
import { Hashtable, PSObject, type Value } from '../../shell/values';
import { param, UTILITY } from './support';

const NET = 'Net';
const COM = 'Com';
const CUSTOM_OBJECT = 'System.Management.Automation.PSCustomObject';

const PARAMETERS: readonly ParameterDef[] = [
  param('TypeName', 'String', 'The type to create: PSObject, System.Collections.ArrayList, System.Collections.Generic.List[string] (or [object]), hashtable, or System.Management.Automation.PSCredential.', { sets: [NET], mandatory: true, position: 0 }),
  param('ArgumentList', 'Object[]', 'Constructor arguments: for a list, the items to start with; for a PSCredential, the user name and a SecureString.', { sets: [NET], position: 1, aliases: ['Args'] }),
  param('Property', 'Object', 'A hashtable of property names and values to set on the new object.'),
  param('ComObject', 'String', 'A COM object\'s ProgID. There are no COM objects in this console.', { sets: [COM], mandatory: true, position: 0 }),
  param('Strict', 'SwitchParameter', 'Accepted for compatibility.', { sets: [COM] }),
];

/** Type names (lower case, with and without namespaces) → how to make one. */
const FACTORIES = new Map<string, (args: readonly Value[]) => Value>();
function register(names: readonly string[], make: (args: readonly Value[]) => Value): void {
  for (const n of names) FACTORIES.set(n.toLowerCase(), make);
}

/** A list's initial items: a collection argument (an int is a capacity, as in .NET). */
function initialItems(args: readonly Value[]): Value[] {
  const first = args.length === 1 ? args[0]! : args.length > 1 ? [...args] : null;
  return Array.isArray(first) ? first : [];
}

register(['PSObject', 'System.Management.Automation.PSObject', 'System.Object', 'Object'], () => new PSObject(CUSTOM_OBJECT));
register(['System.Collections.ArrayList', 'Collections.ArrayList'], (a) => ListValue.make(ARRAY_LIST, initialItems(a)));
register(['System.Collections.Generic.List[string]', 'Collections.Generic.List[string]', 'System.Collections.Generic.List[System.String]'], (a) =>
  ListValue.make(genericListName('System.String'), initialItems(a), (v) => (v === null ? null : toPSString(v))),
);
register(['System.Collections.Generic.List[object]', 'Collections.Generic.List[object]', 'System.Collections.Generic.List[System.Object]', 'System.Collections.Generic.List[psobject]'], (a) =>
  ListValue.make(genericListName('System.Object'), initialItems(a)),
);
register(['hashtable', 'System.Collections.Hashtable', 'Collections.Hashtable'], () => new Hashtable());
register(['System.Management.Automation.PSCredential', 'Management.Automation.PSCredential', 'PSCredential'], constructCredential);

/** A constructor's failure as New-Object reports it (ConstructorInvokedThrowException either way). */
function constructorFailure(e: ConstructorError, typeName: string): TerminatingError {
  const short = typeName.slice(typeName.lastIndexOf('.') + 1);
  if (e.kind === 'overload') return typeError(`Cannot find an overload for "${short}" and the argument count: "${e.argumentCount}".`, 'ConstructorInvokedThrowException', 'InvalidOperation', 'MethodException');
  return typeError(`Exception calling ".ctor" with "${e.argumentCount}" argument(s): "${e.message}"`, 'ConstructorInvokedThrowException', 'InvalidOperation', 'MethodInvocationException');
}

function typeError(message: string, errorId: string, category: 'InvalidType' | 'InvalidOperation' | 'ObjectNotFound', exceptionType: string): TerminatingError {
  return new TerminatingError(errorRecord({ message, errorId, category, exceptionType }));
}

function setProperties(target: Value, properties: Value): void {
  if (!(properties instanceof Hashtable)) {
    throw typeError(`Cannot bind parameter 'Property'. Cannot convert the "${toPSString(properties)}" value of type "${properties === null ? 'null' : 'System.Object'}" to type "System.Collections.IDictionary".`, 'CannotConvertArgumentNoMessage', 'InvalidType', 'ParameterBindingException');
  }
  for (const [key, value] of properties.entries()) {
    const name = toPSString(key);
    if (target instanceof PSObject) target.set(name, value);
    else if (target instanceof Hashtable) target.set(key, value);
    else {
      throw typeError(`The member "${name}" was not found for the specified .NET object.`, 'InvalidOperationException', 'InvalidOperation', 'InvalidOperationException');
    }
  }
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound) {
      if (bound.has('ComObject')) {
        const id = toPSString(bound.get('ComObject')!);
        throw typeError(`Retrieving the COM class factory for component with CLSID {00000000-0000-0000-0000-000000000000} failed: there are no COM objects in this console ('${id}').`, 'NoCOMClassIdentified', 'ObjectNotFound', 'COMException');
      }
      const typeName = toPSString(bound.get('TypeName') ?? null).trim();
      const key = typeName.replace(/\s+/g, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
      const make = FACTORIES.get(key);
      if (!make) {
        if (key === 'pscustomobject' || key === 'system.management.automation.pscustomobject') {
          throw typeError(`A constructor was not found. Cannot find an appropriate constructor for type ${typeName}.`, 'CannotFindAppropriateCtor', 'ObjectNotFound', 'PSArgumentException');
        }
        throw typeError(`Cannot find type [${typeName}]: verify that the assembly containing this type is loaded.`, 'TypeNotFound', 'InvalidType', 'PSArgumentException');
      }
      let made: Value;
      try {
        made = make((bound.get('ArgumentList') as Value[] | undefined) ?? []);
      } catch (e) {
        if (e instanceof ConstructorError) throw constructorFailure(e, 'PSCredential');
        throw e;
      }
      if (bound.has('Property')) setProperties(made, bound.get('Property')!);
      await ctx.emit(made);
    },
  };
}

export const newObject: CommandDef = {
  name: 'New-Object',
  parameters: PARAMETERS,
  sets: [NET, COM],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Creates an object or a collection.',
    description:
      'New-Object creates a PSObject (give it properties with -Property @{Name=value; …}), a growable list ' +
      '(System.Collections.ArrayList, System.Collections.Generic.List[string] or List[object], with Add, Remove, Insert, ' +
      'Clear, Contains, …), a hashtable, or a PSCredential from a user name and a SecureString. ArrayList.Add returns the new item\'s index, which is printed unless discarded ' +
      '([void]$list.Add(x) or $list.Add(x) | Out-Null); List[string].Add returns nothing.',
    examples: [
      {
        title: 'A report row',
        code: 'New-Object PSObject -Property @{ Identity = "site:Redmond"; Status = "OK" }',
        remarks: 'An object with Identity and Status properties.',
      },
      {
        title: 'A credential for a cmdlet that takes one',
        code: '$secure = ConvertTo-SecureString -String "example only" -AsPlainText -Force\n$credential = New-Object System.Management.Automation.PSCredential -ArgumentList "CONTOSO\\admin", $secure\n$credential.UserName',
        remarks: 'A PSCredential whose Password is the SecureString; prints CONTOSO\\admin. Read-Host -AsSecureString gives a SecureString too.',
      },
      {
        title: 'Collect results in a loop',
        code: '$failed = New-Object System.Collections.Generic.List[string]\n$failed.Add("site:Paris")\n$failed.Count',
        remarks: 'Prints 1.',
      },
    ],
    outputs: 'System.Object\n    The new object.',
  },
  source: UTILITY,
  create,
};
