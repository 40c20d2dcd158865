// Get-Command: lists the commands and aliases this console knows, by name
// (wildcards allowed), verb or noun, as CmdletInfo / AliasInfo objects shown
// in PowerShell's CommandType / Name / Version / Source table.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { PSObject } from '../../shell/values';
import { hasWildcard, wildcardToRegExp } from '../../shell/wildcard';
import { renderSyntax } from '../help/render-help';
import { modulesOfSource } from './modules';
import { CORE, param, stringList } from './support';

const CMDLET_SET = 'CmdletSet';
const ALL_SET = 'AllCommandSet';

const PARAMETERS: readonly ParameterDef[] = [
  param('Name', 'String[]', 'Names of commands or aliases to get. Wildcards are allowed; a name without wildcards that matches nothing is an error.', {
    sets: [ALL_SET],
    position: 0,
    pipeline: ['ByPropertyName'],
  }),
  param('Verb', 'String[]', 'Gets the commands whose verb (the part before the dash) matches. Wildcards are allowed.', { sets: [CMDLET_SET], pipeline: ['ByPropertyName'] }),
  param('Noun', 'String[]', 'Gets the commands whose noun (the part after the dash) matches. Wildcards are allowed.', { sets: [CMDLET_SET], pipeline: ['ByPropertyName'] }),
  param('CommandType', 'String[]', 'Gets only commands of these types: Alias, Function, Cmdlet.', { sets: [ALL_SET], aliases: ['Type'] }),
  param('Module', 'String[]', 'Gets the commands of these modules (wildcards allowed): SkypeForBusiness or Lync for the configuration cmdlets, Microsoft.PowerShell.Utility, Microsoft.PowerShell.Core.', { aliases: ['PSSnapin'], pipeline: ['ByPropertyName'] }),
  param('TotalCount', 'Int32', 'Gets at most this many commands.'),
  param('Syntax', 'SwitchParameter', 'Shows the syntax of each command instead of the command object; for an alias, the command it stands for.'),
];

/** Built-ins that Windows PowerShell implements as functions rather than cmdlets. */
const FUNCTIONS = new Set(['clear-host']);

/** Module versions as Windows PowerShell 5.1 and Skype for Business Server report them. */
const MODULE_VERSIONS: Record<string, string> = {
  'Microsoft.PowerShell.Core': '3.0.0.0',
  'Microsoft.PowerShell.Utility': '3.1.0.0',
  SkypeForBusiness: '7.0.0.0',
  Lync: '5.0.0.0',
};

type CommandType = 'Alias' | 'Function' | 'Cmdlet';
const TYPE_ORDER: Record<CommandType, number> = { Alias: 0, Function: 1, Cmdlet: 2 };

export interface CommandEntry {
  readonly type: CommandType;
  readonly name: string;
  /** The command an alias stands for. */
  readonly target?: CommandDef;
  readonly def?: CommandDef;
}

export function commandTypeOf(def: CommandDef): CommandType {
  return FUNCTIONS.has(def.name.toLowerCase()) ? 'Function' : 'Cmdlet';
}

/** Every command and alias, in Get-Command's order: aliases, functions, cmdlets, each by name. */
export function allEntries(commands: readonly CommandDef[], aliases: ReadonlyMap<string, string>): CommandEntry[] {
  const byName = new Map(commands.map((c) => [c.name.toLowerCase(), c]));
  const entries: CommandEntry[] = commands.map((def) => ({ type: commandTypeOf(def), name: def.name, def }));
  for (const [alias, target] of aliases) {
    const def = byName.get(target.toLowerCase());
    if (def) entries.push({ type: 'Alias', name: alias, target: def });
  }
  return entries.sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}

export function commandInfo(entry: CommandEntry): PSObject {
  if (entry.type === 'Alias') {
    return new PSObject('System.Management.Automation.AliasInfo', [
      ['CommandType', 'Alias'],
      ['Name', entry.name],
      ['DisplayName', `${entry.name} -> ${entry.target!.name}`],
      ['Definition', entry.target!.name],
      ['Version', ''],
      ['Source', ''],
    ]);
  }
  const def = entry.def!;
  const typeName = entry.type === 'Function' ? 'System.Management.Automation.FunctionInfo' : 'System.Management.Automation.CmdletInfo';
  return new PSObject(typeName, [
    ['CommandType', entry.type],
    ['Name', def.name],
    ['Version', entry.type === 'Function' ? '' : (MODULE_VERSIONS[def.source] ?? '')],
    ['Source', entry.type === 'Function' ? '' : def.source],
  ]);
}

/** Matches names against patterns; a pattern without wildcards is a plain case-insensitive name. */
function matcher(patterns: readonly string[]): (text: string) => boolean {
  const tests = patterns.map((p) => {
    if (hasWildcard(p)) {
      const re = wildcardToRegExp(p);
      return (t: string) => re.test(t);
    }
    return (t: string) => t.toLowerCase() === p.toLowerCase();
  });
  return (text) => tests.length === 0 || tests.some((test) => test(text));
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound) {
      const entries = allEntries(ctx.session.commands(), ctx.session.aliases());
      const types = stringList(bound.get('CommandType')).map((t) => t.toLowerCase());
      const typeOk = (e: CommandEntry) => types.length === 0 || types.includes('all') || types.includes(e.type.toLowerCase());
      const found: CommandEntry[] = [];
      const add = (e: CommandEntry) => {
        if (!found.includes(e) && typeOk(e)) found.push(e);
      };
      const names = stringList(bound.get('Name'));
      if (names.length > 0) {
        for (const name of names) {
          const test = matcher([name]);
          const hits = entries.filter((e) => test(e.name));
          if (hits.length === 0 && !hasWildcard(name)) {
            await ctx.writeError({
              message: `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
              errorId: 'CommandNotFoundException',
              category: 'ObjectNotFound',
              exceptionType: 'CommandNotFoundException',
              target: `${name}:String`,
            });
          }
          hits.forEach(add);
        }
      } else {
        const verb = matcher(stringList(bound.get('Verb')));
        const noun = matcher(stringList(bound.get('Noun')));
        const filtered = bound.has('Verb') || bound.has('Noun');
        for (const e of entries) {
          if (filtered && e.type === 'Alias') continue;
          const [v = '', n = ''] = e.name.split('-', 2);
          if (verb(v) && noun(n)) add(e);
        }
      }
      const limit = bound.get('TotalCount');
      const modules = stringList(bound.get('Module'));
      const inModule = matcher(modules);
      // An alias belongs to no module here, so -Module keeps only commands.
      const fromModules = modules.length === 0 ? found : found.filter((e) => e.def !== undefined && [e.def.source, ...modulesOfSource(e.def.source)].some(inModule));
      const shown = typeof limit === 'number' && limit >= 0 ? fromModules.slice(0, limit) : fromModules;
      for (const e of shown) {
        if (bound.get('Syntax') === true) {
          await ctx.emit(e.type === 'Alias' ? e.target!.name : ['', ...renderSyntax(e.def!).flatMap((s) => [s, ''])].join('\n'));
        } else {
          await ctx.emit(commandInfo(e));
        }
      }
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Lists the commands and aliases of this console.',
  description:
    'Get-Command returns an object for each command and alias: its type (Cmdlet, Function or Alias), name, ' +
    'version and source module. -Name takes names or wildcard patterns; -Verb and -Noun match the two halves ' +
    'of a command name. -Syntax shows how each command is called.',
  examples: [
    {
      title: 'The Persistent Chat cmdlets',
      code: 'Get-Command *PersistentChat*',
      remarks: 'Lists the four configuration cmdlets.',
    },
    {
      title: 'Every command that gets something',
      code: 'Get-Command -Verb Get',
      remarks: 'Matches Get-CsPersistentChatConfiguration, Get-Command, Get-Help, Get-History and Get-Member.',
    },
    {
      title: 'How to call a cmdlet',
      code: 'gcm Set-CsPersistentChatConfiguration -Syntax',
      remarks: 'gcm is an alias of Get-Command. Shows one line per parameter set.',
    },
  ],
  inputs: 'System.String\n    Names can be piped to Get-Command by property name.',
  outputs: 'System.Management.Automation.CmdletInfo, System.Management.Automation.AliasInfo\n    One object per command or alias found.',
};

export const getCommand: CommandDef = {
  name: 'Get-Command',
  parameters: PARAMETERS,
  sets: [CMDLET_SET, ALL_SET],
  supportsShouldProcess: false,
  help: HELP,
  source: CORE,
  create,
};
