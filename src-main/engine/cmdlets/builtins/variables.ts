// Get-Variable, Set-Variable, New-Variable, Remove-Variable and
// Clear-Variable over the session's variables, with 5.1's errors for names
// that do not exist (or already do) and for the constants ($true, $null, …).
// -Scope takes Global, Local, Script or 0: the console has one scope, so they
// all name the same variables (see runtime/scope.ts).

import type { Bound, CommandContext, CommandDef, VariableAccess } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { errorRecord, TerminatingError } from '../../shell/errors';
import { collapse, PSObject, type Value } from '../../shell/values';
import { hasWildcard, wildcardToRegExp } from '../../shell/wildcard';
import { param, shouldProcessParams, stringList, UTILITY } from './support';

export const PS_VARIABLE = 'System.Management.Automation.PSVariable';

const NAME_HELP = 'Variable names, without $. Wildcards are allowed';
const scopeParam = param('Scope', 'String', 'Global, Local, Script or 0. The console has a single scope, so all of them reach the same variables.');
const includeParam = param('Include', 'String[]', 'Only names that match one of these patterns.');
const excludeParam = param('Exclude', 'String[]', 'Leaves out names that match one of these patterns.');

function variableObject(name: string, value: Value, readOnly: boolean): PSObject {
  return new PSObject(PS_VARIABLE, [
    ['Name', name],
    ['Description', ''],
    ['Value', value],
    ['Visibility', 'Public'],
    ['Module', null],
    ['ModuleName', ''],
    ['Options', readOnly ? 'Constant, AllScope' : 'None'],
    ['Attributes', []],
  ]);
}

function checkScope(bound: Bound): void {
  if (!bound.has('Scope')) return;
  const scope = toPSString(bound.get('Scope')!).trim();
  if (/^(global|local|script|private)$/i.test(scope) || scope === '0') return;
  if (/^\d+$/.test(scope)) {
    throw new TerminatingError(errorRecord({ message: `The scope number '${scope}' exceeds the number of active scopes.\r\nParameter name: ScopeID\r\nActual value was ${scope}.`, errorId: 'ArgumentOutOfRange', category: 'InvalidArgument', exceptionType: 'ArgumentOutOfRangeException' }));
  }
  throw new TerminatingError(errorRecord({ message: `The scope "${scope}" is not valid. Use Global, Local, Script, Private or a number.`, errorId: 'Argument', category: 'InvalidArgument', exceptionType: 'ArgumentException' }));
}

function patternTest(patterns: readonly string[], whenEmpty: boolean): (name: string) => boolean {
  const res = patterns.map((p) => wildcardToRegExp(p));
  return (name) => (res.length === 0 ? whenEmpty : res.some((re) => re.test(name)));
}

/** The existing variables a -Name list selects, in name order, with the errors for plain names that match nothing. */
async function select(ctx: CommandContext, bound: Bound, notFound: 'VariableNotFound' | 'none'): Promise<{ name: string; value: Value }[]> {
  const all = ctx.variables.list().sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  const include = patternTest(stringList(bound.get('Include')), true);
  const exclude = patternTest(stringList(bound.get('Exclude')), false);
  const names = bound.has('Name') ? stringList(bound.get('Name')) : ['*'];
  const found: { name: string; value: Value }[] = [];
  for (const pattern of names) {
    const re = wildcardToRegExp(pattern);
    const hits = all.filter((v) => re.test(v.name) && include(v.name) && !exclude(v.name));
    if (hits.length === 0 && !hasWildcard(pattern) && notFound !== 'none') await writeNotFound(ctx, pattern);
    for (const h of hits) if (!found.includes(h)) found.push(h);
  }
  return found;
}

function writeNotFound(ctx: CommandContext, name: string): Promise<void> {
  return ctx.writeError({ message: `Cannot find a variable with the name '${name}'.`, errorId: 'VariableNotFound', category: 'ObjectNotFound', exceptionType: 'ItemNotFoundException', target: `${name}:String` });
}

function writeNotWritable(ctx: CommandContext, name: string): Promise<void> {
  return ctx.writeError({ message: `Cannot overwrite variable ${name} because it is read-only or constant.`, errorId: 'VariableNotWritable', category: 'WriteError', exceptionType: 'SessionStateUnauthorizedAccessException', target: `${name}:String` });
}

function spelled(variables: VariableAccess, name: string): string {
  return variables.list().find((v) => v.name.toLowerCase() === name.toLowerCase())?.name ?? name;
}

const commonHelp = (synopsis: string, description: string, examples: CommandDef['help']['examples']): CommandDef['help'] => ({ synopsis, description, examples });

export const getVariable: CommandDef = {
  name: 'Get-Variable',
  parameters: [
    param('Name', 'String[]', `${NAME_HELP}; without it, every variable.`, { position: 0, pipeline: ['ByValue', 'ByPropertyName'] }),
    param('ValueOnly', 'SwitchParameter', 'Returns the values instead of the variable objects.'),
    includeParam,
    excludeParam,
    scopeParam,
  ],
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: commonHelp(
    'Gets the variables of the session.',
    'Get-Variable lists variables with their values (a Name/Value table), by name or wildcard pattern. A name without ' +
      'wildcards that matches no variable is an error. -ValueOnly returns just the values.',
    [
      { title: 'Variables that start with site', code: 'Get-Variable site*', remarks: 'Every variable whose name starts with site.' },
      { title: 'Just the value', code: 'Get-Variable ErrorActionPreference -ValueOnly', remarks: 'Continue, unless it was changed.' },
    ],
  ),
  source: UTILITY,
  create: (ctx) => ({
    async process(bound) {
      checkScope(bound);
      for (const v of await select(ctx, bound, 'VariableNotFound')) {
        await ctx.emit(bound.get('ValueOnly') === true ? v.value : variableObject(v.name, v.value, ctx.variables.isReadOnly(v.name)));
      }
    },
  }),
};

export const setVariable: CommandDef = {
  name: 'Set-Variable',
  parameters: [
    param('Name', 'String[]', 'The variables to set, without $; created when they do not exist.', { mandatory: true, position: 0, pipeline: ['ByPropertyName'] }),
    param('Value', 'Object', 'The value. Piped objects are collected: one becomes the value, several an array.', { position: 1, pipeline: ['ByValue', 'ByPropertyName'] }),
    param('PassThru', 'SwitchParameter', 'Returns the variable object.'),
    param('Description', 'String', 'Accepted for compatibility; not kept.'),
    param('Force', 'SwitchParameter', 'Accepted for compatibility.'),
    includeParam,
    excludeParam,
    scopeParam,
    ...shouldProcessParams(),
  ],
  sets: ['__AllParameterSets'],
  supportsShouldProcess: true,
  help: commonHelp(
    'Sets the value of a variable, creating it if needed.',
    'Set-Variable gives the named variables a value: the same as $name = value, but the name can come from another variable ' +
      'or the pipeline. Piped values are collected, so "1,2 | Set-Variable x" sets $x to 1,2. $true, $false, $null and the ' +
      'other constants cannot be set.',
    [{ title: 'A variable whose name is in another variable', code: '$name = "site"; Set-Variable -Name $name -Value "site:Redmond"; $site', remarks: 'Prints site:Redmond.' }],
  ),
  source: UTILITY,
  create: (ctx) => {
    const piped: Value[] = [];
    let state: Bound = new Map();
    let sawInput = false;
    const apply = async (bound: Bound, value: Value) => {
      for (const name of stringList(bound.get('Name'))) {
        if (ctx.variables.isReadOnly(name)) {
          await writeNotWritable(ctx, name);
          continue;
        }
        if (!(await ctx.shouldProcess(`Name: ${name} Value: ${toPSString(value)}`, 'Set variable'))) continue;
        ctx.variables.set(name, value);
        if (bound.get('PassThru') === true) await ctx.emit(variableObject(spelled(ctx.variables, name), value, false));
      }
    };
    return {
      async begin(bound) {
        checkScope(bound);
        state = bound;
      },
      async process(bound, input) {
        if (input === undefined) return apply(bound, bound.get('Value') ?? null);
        sawInput = true;
        piped.push(bound.get('Value') ?? input.value);
      },
      async end() {
        if (sawInput) await apply(state, collapse(piped));
      },
    };
  },
};

export const newVariable: CommandDef = {
  name: 'New-Variable',
  parameters: [
    param('Name', 'String', 'The new variable\'s name, without $.', { mandatory: true, position: 0, pipeline: ['ByPropertyName'] }),
    param('Value', 'Object', 'Its value.', { position: 1, pipeline: ['ByValue', 'ByPropertyName'] }),
    param('PassThru', 'SwitchParameter', 'Returns the variable object.'),
    param('Description', 'String', 'Accepted for compatibility; not kept.'),
    param('Force', 'SwitchParameter', 'Replaces a variable that already exists instead of failing.'),
    scopeParam,
    ...shouldProcessParams(),
  ],
  sets: ['__AllParameterSets'],
  supportsShouldProcess: true,
  help: commonHelp(
    'Creates a variable.',
    'New-Variable creates a variable with a value. Unlike Set-Variable it fails when the variable already exists, unless ' +
      '-Force is given, so a script cannot overwrite a variable by mistake.',
    [{ title: 'Create a variable', code: 'New-Variable -Name targets -Value @("site:A", "site:B")', remarks: '$targets now holds the two identities.' }],
  ),
  source: UTILITY,
  create: (ctx) => ({
    async begin(bound) {
      checkScope(bound);
    },
    async process(bound, input) {
      const name = toPSString(bound.get('Name') ?? null);
      const value = bound.get('Value') ?? input?.value ?? null;
      if (ctx.variables.exists(name) && (bound.get('Force') !== true || ctx.variables.isReadOnly(name))) {
        await ctx.writeError({ message: `A variable with name '${name}' already exists.`, errorId: 'VariableAlreadyExists', category: 'ResourceExists', exceptionType: 'SessionStateException', target: `${name}:String` });
        return;
      }
      if (!(await ctx.shouldProcess(`Name: ${name} Value: ${toPSString(value)}`, 'New variable'))) return;
      ctx.variables.set(name, value);
      if (bound.get('PassThru') === true) await ctx.emit(variableObject(name, value, false));
    },
  }),
};

function nameAction(name: string, verb: 'Remove' | 'Clear', description: string, example: { title: string; code: string; remarks: string }): CommandDef {
  return {
    name,
    parameters: [
      param('Name', 'String[]', `${NAME_HELP}.`, { mandatory: true, position: 0, pipeline: ['ByPropertyName'] }),
      ...(verb === 'Clear' ? [param('PassThru', 'SwitchParameter', 'Returns the cleared variable objects.')] : []),
      param('Force', 'SwitchParameter', 'Accepted for compatibility.'),
      includeParam,
      excludeParam,
      scopeParam,
      ...shouldProcessParams(),
    ],
    sets: ['__AllParameterSets'],
    supportsShouldProcess: true,
    help: commonHelp(verb === 'Remove' ? 'Deletes variables.' : 'Empties variables (sets them to $null).', description, [example]),
    source: UTILITY,
    create: (ctx) => ({
      async begin(bound) {
        checkScope(bound);
      },
      async process(bound) {
        for (const v of await select(ctx, bound, 'VariableNotFound')) {
          if (ctx.variables.isReadOnly(v.name)) {
            const message =
              verb === 'Remove'
                ? `Cannot remove variable ${v.name} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.`
                : `Cannot overwrite variable ${v.name} because it is read-only or constant.`;
            await ctx.writeError({ message, errorId: verb === 'Remove' ? 'VariableNotRemovable' : 'VariableNotWritable', category: 'WriteError', exceptionType: 'SessionStateUnauthorizedAccessException', target: `${v.name}:String` });
            continue;
          }
          if (!(await ctx.shouldProcess(`Name: ${v.name}`, `${verb} variable`))) continue;
          if (verb === 'Remove') ctx.variables.remove(v.name);
          else {
            ctx.variables.set(v.name, null);
            if (bound.get('PassThru') === true) await ctx.emit(variableObject(v.name, null, false));
          }
        }
      },
    }),
  };
}

export const removeVariable = nameAction('Remove-Variable', 'Remove', 'Remove-Variable deletes the named variables (wildcards allowed); afterwards they read as $null and Get-Variable no longer lists them. A name without wildcards that matches nothing is an error.', {
  title: 'Tidy up after a script',
  code: 'Remove-Variable site*',
  remarks: 'Deletes every variable whose name starts with site.',
});

export const clearVariable = nameAction('Clear-Variable', 'Clear', 'Clear-Variable sets the named variables to $null but keeps them (wildcards allowed). A name without wildcards that matches nothing is an error.', {
  title: 'Empty a variable',
  code: 'Clear-Variable targets',
  remarks: '$targets is now $null; Get-Variable targets still lists it.',
});
