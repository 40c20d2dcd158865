// Help that is not about one command: the overview topic (`Get-Help` with
// no name, or an about_ topic), the list shown when a wildcard matches
// several commands, and the "help not found" error.

import type { CommandDef } from '../../shell/commands';
import type { ErrorRecordData } from '../../shell/errors';
import { renderTable } from '../../shell/format/table-view';
import { paragraphs, wrapText } from './render-help';

export const OVERVIEW_TOPIC = 'about_Persistent_Chat_Console';

const INTRO =
  'This console manages the Persistent Chat configuration of Lync Server 2013 and Skype for Business Server. ' +
  'It understands a subset of the Windows PowerShell 5.1 language: pipelines, variables, the comparison ' +
  'and logical operators, scriptblocks, arrays and hashtables. Commands, parameter names and operators ' +
  'are not case-sensitive, and parameter names may be shortened to any unambiguous prefix.\n\n' +
  'exit ends the input being run; nothing after it runs. In the headless shell it also ends the shell, ' +
  'and exit <n> sets the shell\'s exit code (exit alone gives 0). In the window\'s console it ends only ' +
  'the current input and closes nothing: it prints nothing, and $LASTEXITCODE holds the code.';

const MORE_HELP: readonly [string, string][] = [
  ['Get-Help <command>', 'what the command does and how to call it'],
  ['Get-Help <command> -Examples', 'examples only'],
  ['Get-Help <command> -Full', 'everything, including each parameter\'s details'],
  ['Get-Help <command> -Parameter <name>', 'one parameter'],
  ['Get-Command', 'every command and alias'],
];

/** "label  text" rows with the text wrapped under itself, so long synopses stay within the width. */
function rows(items: readonly (readonly [string, string])[], width: number): string[] {
  const labelWidth = Math.max(...items.map(([label]) => label.length)) + 2;
  return items.flatMap(([label, text]) => {
    const wrapped = wrapText(text, 4 + labelWidth, width);
    const first = wrapped[0]?.trimStart() ?? '';
    return [`    ${label.padEnd(labelWidth)}${first}`.trimEnd(), ...wrapped.slice(1)];
  });
}

function commandItems(defs: readonly CommandDef[], aliases: ReadonlyMap<string, string>): [string, string][] {
  const aliasesOf = (name: string) => [...aliases].filter(([, t]) => t.toLowerCase() === name.toLowerCase()).map(([a]) => a);
  return defs.map((d) => {
    const short = aliasesOf(d.name);
    return [short.length > 0 ? `${d.name} (${short.join(', ')})` : d.name, d.help.synopsis];
  });
}

/** The overview topic: what the console is and the commands it offers. */
export function renderOverview(defs: readonly CommandDef[], aliases: ReadonlyMap<string, string>, width = 120): string[] {
  const config = defs.filter((d) => d.name.includes('PersistentChat'));
  const others = defs.filter((d) => !d.name.includes('PersistentChat'));
  return [
    'TOPIC',
    `    ${OVERVIEW_TOPIC}`,
    '',
    'SHORT DESCRIPTION',
    '    What this console is, and the commands it offers.',
    '',
    'LONG DESCRIPTION',
    ...paragraphs(INTRO, 4, width),
    '',
    '  PERSISTENT CHAT CONFIGURATION',
    ...rows(commandItems(config, aliases), width),
    '',
    '  OTHER COMMANDS',
    ...rows(commandItems(others, aliases), width),
    '',
    '  MORE HELP',
    ...rows(MORE_HELP, width),
    '',
  ];
}

export interface HelpListEntry {
  readonly name: string;
  readonly category: string;
  readonly module: string;
  readonly synopsis: string;
}

/** What Get-Help shows when a pattern matches several topics: a Name/Category/Module/Synopsis table. */
export function renderHelpList(entries: readonly HelpListEntry[], width = 120): string[] {
  return renderTable(
    [
      { header: 'Name', align: 'left' },
      { header: 'Category', align: 'left' },
      { header: 'Module', align: 'left' },
      { header: 'Synopsis', align: 'left' },
    ],
    entries.map((e) => [e.name, e.category, e.module, e.synopsis]),
    { width },
  );
}

/** The overview as a help entry, for the list. */
export const OVERVIEW_ENTRY: HelpListEntry = {
  name: OVERVIEW_TOPIC,
  category: 'HelpFile',
  module: '',
  synopsis: 'What this console is, and the commands it offers.',
};

/**
 * PowerShell's "help not found" error. Its usual advice (Update-Help, the
 * TechNet library) does not apply to this console, so the advice points at
 * what does exist here.
 */
export function helpNotFound(name: string): Omit<ErrorRecordData, 'command' | 'extent'> {
  return {
    message: `Get-Help could not find ${name} in a help file in this session. To see the commands this console offers, type: "Get-Command". For an overview, type: "Get-Help".`,
    errorId: 'HelpNotFound',
    category: 'ResourceUnavailable',
    exceptionType: 'HelpNotFoundException',
    target: '',
  };
}

