// Get-Alias: the aliases of this console (5.1's own, for the commands it
// has), by name or by the command they stand for, as AliasInfo objects.

import type { Bound, CommandContext, CommandDef } from '../../shell/commands';
import { hasWildcard, wildcardToRegExp } from '../../shell/wildcard';
import { allEntries, commandInfo } from './get-command';
import { param, stringList, UTILITY } from './support';

function tests(patterns: readonly string[]): ((name: string) => boolean)[] {
  return patterns.map((p) => {
    const re = wildcardToRegExp(p);
    return (name: string) => re.test(name);
  });
}

function create(ctx: CommandContext) {
  return {
    async process(bound: Bound) {
      const aliases = allEntries(ctx.session.commands(), ctx.session.aliases()).filter((e) => e.type === 'Alias');
      const excluded = tests(stringList(bound.get('Exclude')));
      const keep = (name: string) => !excluded.some((t) => t(name));
      if (bound.has('Definition')) {
        const byTarget = tests(stringList(bound.get('Definition')));
        for (const e of aliases) if (byTarget.some((t) => t(e.target!.name)) && keep(e.name)) await ctx.emit(commandInfo(e));
        return;
      }
      const names = bound.has('Name') ? stringList(bound.get('Name')) : ['*'];
      const shown = new Set<string>();
      for (const pattern of names) {
        const test = tests([pattern])[0]!;
        const hits = aliases.filter((e) => test(e.name) && keep(e.name));
        if (hits.length === 0 && !hasWildcard(pattern)) {
          await ctx.writeError({
            message: `This command cannot find a matching alias because an alias with the name '${pattern}' does not exist.`,
            errorId: 'ItemNotFoundException',
            category: 'ObjectNotFound',
            exceptionType: 'ItemNotFoundException',
            target: `${pattern}:String`,
          });
        }
        for (const e of hits) {
          if (shown.has(e.name)) continue;
          shown.add(e.name);
          await ctx.emit(commandInfo(e));
        }
      }
    },
  };
}

export const getAlias: CommandDef = {
  name: 'Get-Alias',
  parameters: [
    param('Name', 'String[]', 'Alias names or wildcard patterns; without it, every alias. A name without wildcards that is no alias is an error.', { sets: ['Default'], position: 0, pipeline: ['ByValue', 'ByPropertyName'] }),
    param('Definition', 'String[]', 'Gets the aliases of these commands (wildcards allowed).', { sets: ['Definition'] }),
    param('Exclude', 'String[]', 'Leaves out aliases whose names match.'),
    param('Scope', 'String', 'Accepted for compatibility: the console has one scope.'),
  ],
  sets: ['Default', 'Definition'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Lists aliases and the commands they stand for.',
    description: 'Get-Alias lists this console\'s aliases (the short names Windows PowerShell defines, such as ? for Where-Object and gcm for Get-Command), by alias name or, with -Definition, by the command they stand for.',
    examples: [
      { title: 'What does % mean?', code: 'Get-Alias %', remarks: 'Shows % -> ForEach-Object.' },
      { title: 'The aliases of a command', code: 'Get-Alias -Definition Where-Object', remarks: '? and where.' },
    ],
    inputs: 'System.String\n    Alias names can be piped.',
    outputs: 'System.Management.Automation.AliasInfo',
  },
  source: UTILITY,
  create,
};
