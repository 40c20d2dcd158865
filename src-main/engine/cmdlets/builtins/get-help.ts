// Get-Help: shows a command's help (by name or alias), the overview topic,
// or the list of commands a wildcard matches. Parameter sets follow
// PowerShell's: -Full, -Detailed, -Examples and -Parameter exclude each other.

import type { Bound, CommandContext, CommandDef, CommandHelp, ParameterDef } from '../../shell/commands';
import { toPSString } from '../../shell/convert';
import { FormattedText } from '../../shell/values';
import { hasWildcard, wildcardToRegExp } from '../../shell/wildcard';
import { helpNotFound, OVERVIEW_ENTRY, OVERVIEW_TOPIC, renderHelpList, renderOverview } from '../help/overview';
import { renderHelp, renderParameterHelp, type HelpView } from '../help/render-help';
import { commandTypeOf } from './get-command';
import { CORE, param } from './support';

const ALL_USERS = 'AllUsersView';
const PARAMETERS: readonly ParameterDef[] = [
  param('Name', 'String', 'The command, alias or topic to show help for. Wildcards list every match. Without it, an overview is shown.', { position: 0, pipeline: ['ByPropertyName'] }),
  param('Full', 'SwitchParameter', 'Shows everything: parameter details, inputs, outputs, notes and examples.', { sets: [ALL_USERS] }),
  param('Detailed', 'SwitchParameter', 'Adds the parameter descriptions and the examples.', { sets: ['DetailedView'], mandatory: true }),
  param('Examples', 'SwitchParameter', 'Shows only the name, synopsis and examples.', { sets: ['Examples'], mandatory: true }),
  param('Parameter', 'String', 'Shows the details of the named parameter (wildcards allowed).', { sets: ['Parameters'], mandatory: true }),
];

function viewOf(bound: Bound): HelpView {
  if (bound.get('Examples') === true) return 'examples';
  if (bound.get('Detailed') === true) return 'detailed';
  if (bound.get('Full') === true) return 'full';
  return 'default';
}

/** The help lines for one command and the chosen view; undefined when -Parameter matches nothing. */
function commandHelp(def: CommandDef, bound: Bound, width: number): string[] | undefined {
  const parameter = bound.get('Parameter');
  if (parameter !== undefined && parameter !== null) return renderParameterHelp(def, toPSString(parameter), { width });
  return renderHelp(def, viewOf(bound), { width });
}

function create(ctx: CommandContext) {
  // Help is laid out for the console's width, as Get-Help wraps to the host's buffer.
  const width = ctx.session.consoleWidth?.() ?? 120;
  const show = async (def: CommandDef, bound: Bound) => {
    const lines = commandHelp(def, bound, width);
    if (lines) return ctx.emit(new FormattedText(lines));
    return ctx.writeError({
      message: `No parameter matches criteria ${toPSString(bound.get('Parameter') ?? null)}.`,
      errorId: 'NoParmsFound',
      category: 'InvalidArgument',
      exceptionType: 'PSArgumentException',
      target: '',
    });
  };
  const overview = () => ctx.emit(new FormattedText(renderOverview(ctx.session.commands(), ctx.session.aliases(), width)));

  return {
    async process(bound: Bound) {
      const raw = bound.get('Name');
      const name = raw === undefined || raw === null ? '' : toPSString(raw);
      if (name === '') return overview();
      // A command or alias by its exact name first, so `Get-Help ?` shows Where-Object.
      const exact = ctx.session.findCommand(name);
      if (exact) return show(exact, bound);
      if (!hasWildcard(name)) {
        // Every about_ topic leads to the overview: it is the one topic this console has.
        if (name.toLowerCase().startsWith('about_')) return overview();
        return ctx.writeError(helpNotFound(name));
      }
      const re = wildcardToRegExp(name);
      const commands = ctx.session.commands().filter((d) => re.test(d.name));
      const topic = re.test(OVERVIEW_TOPIC);
      if (commands.length === 1 && !topic) return show(commands[0]!, bound);
      if (commands.length === 0 && topic) return overview();
      if (commands.length === 0) return ctx.writeError(helpNotFound(name));
      const entries = commands
        .map((d) => ({ name: d.name, category: commandTypeOf(d), module: d.source, synopsis: d.help.synopsis }))
        .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
      await ctx.emit(new FormattedText(renderHelpList(topic ? [...entries, OVERVIEW_ENTRY] : entries, width)));
    },
  };
}

const HELP: CommandHelp = {
  synopsis: 'Shows help for the commands of this console.',
  description:
    'Get-Help shows what a command does and how to call it: its synopsis, the syntax of each parameter set ' +
    '(generated from the command\'s parameters), and a description. -Detailed adds the parameters and the ' +
    'examples, -Full adds each parameter\'s attributes (required, position, default, pipeline input, ' +
    'wildcards) and the inputs, outputs and notes. -Examples shows only the examples; -Parameter one parameter.\n\n' +
    'Aliases work as names (Get-Help gcm). A wildcard that matches several commands lists them. Without a ' +
    'name, Get-Help shows an overview of the console.',
  examples: [
    {
      title: 'Help for a cmdlet',
      code: 'Get-Help Set-CsPersistentChatConfiguration',
      remarks: 'Shows the synopsis, syntax and description.',
    },
    {
      title: 'Only the examples',
      code: 'Get-Help New-CsPersistentChatConfiguration -Examples',
      remarks: 'Shows every example with an explanation.',
    },
    {
      title: 'One parameter',
      code: 'help Get-CsPersistentChatConfiguration -Parameter Filter',
      remarks: 'help is an alias of Get-Help. Shows what -Filter does, and that it accepts wildcards.',
    },
    {
      title: 'Find commands by name',
      code: 'Get-Help *-CsPersistentChat*',
      remarks: 'Lists the four configuration cmdlets with their synopses.',
    },
  ],
  inputs: 'None\n    Nothing is read from the pipeline except a Name property.',
  outputs: 'Format data\n    The help text.',
};

export const getHelp: CommandDef = {
  name: 'Get-Help',
  parameters: PARAMETERS,
  sets: [ALL_USERS, 'DetailedView', 'Examples', 'Parameters'],
  supportsShouldProcess: false,
  help: HELP,
  source: CORE,
  create,
};
