// Get-Help's views of one command, laid out as Windows PowerShell 5.1 shows
// a cmdlet's help: NAME, SYNOPSIS, SYNTAX (generated from the ParameterDefs,
// one line per parameter set), DESCRIPTION, then per view PARAMETERS,
// INPUTS / OUTPUTS / NOTES, the example blocks, and REMARKS.

import type { CommandDef, ParameterDef } from '../../shell/commands';
import { wildcardToRegExp } from '../../shell/wildcard';

export type HelpView = 'default' | 'detailed' | 'full' | 'examples';

export interface HelpOptions {
  /** Console width the text is wrapped to. Default 120. */
  readonly width?: number;
}

const DEFAULT_WIDTH = 120;

/** Parameters that take wildcard patterns, per command (PowerShell's SupportsWildcards). */
const WILDCARD_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  'Get-CsPersistentChatConfiguration': ['Filter'],
  'Get-Command': ['Name', 'Verb', 'Noun'],
  'Get-Help': ['Name', 'Parameter'],
  'Get-Member': ['Name'],
  'Select-Object': ['Property', 'ExcludeProperty'],
  'Sort-Object': ['Property'],
  'Measure-Object': ['Property'],
  'Format-List': ['Property'],
  'Format-Table': ['Property'],
};

/** Word-wraps `text` to lines of at most `width` characters, each starting with `indent` spaces. */
export function wrapText(text: string, indent: number, width: number): string[] {
  const pad = ' '.repeat(indent);
  const room = Math.max(20, width - indent);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(pad + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(pad + line);
  return lines;
}

/** Paragraphs (separated by blank lines in the source text), wrapped, with a blank line between. */
export function paragraphs(text: string, indent: number, width: number): string[] {
  const out: string[] = [];
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .forEach((p, i) => {
      if (i > 0) out.push('');
      out.push(...wrapText(p, indent, width));
    });
  return out;
}

/** Text kept line by line (type names above their explanation), each line wrapped at its own indent. */
function preformatted(text: string, indent: number, width: number): string[] {
  return text.split('\n').flatMap((line) => {
    const extra = line.length - line.trimStart().length;
    return line.trim() === '' ? [''] : wrapText(line, indent + extra, width);
  });
}

function inSet(p: ParameterDef, set: string): boolean {
  return p.sets === undefined || p.sets.includes(set);
}

/** The type as help shows it: an enum by its own short name (ConsoleColor), the rest by the binder's name. */
function typeLabel(p: ParameterDef): string {
  if (p.type === 'Enum' && p.enumType) return p.enumType.name.slice(p.enumType.name.lastIndexOf('.') + 1);
  return p.type;
}

function syntaxItem(p: ParameterDef): string {
  if (p.type === 'SwitchParameter') return p.mandatory ? `-${p.name}` : `[-${p.name}]`;
  const type = typeLabel(p);
  if (p.position !== undefined) return p.mandatory ? `[-${p.name}] <${type}>` : `[[-${p.name}] <${type}>]`;
  return p.mandatory ? `-${p.name} <${type}>` : `[-${p.name} <${type}>]`;
}

/**
 * One syntax line for one parameter set, in PowerShell's display order:
 * positional parameters by position, then mandatory named ones, then the
 * rest, and the common parameters folded into [<CommonParameters>].
 */
export function syntaxLine(def: CommandDef, set: string): string {
  const params = def.parameters.filter((p) => !p.common && inSet(p, set));
  const positional = params.filter((p) => p.position !== undefined).sort((a, b) => a.position! - b.position!);
  const named = params.filter((p) => p.position === undefined);
  const ordered = [...positional, ...named.filter((p) => p.mandatory), ...named.filter((p) => !p.mandatory)];
  return [def.name, ...ordered.map(syntaxItem), '[<CommonParameters>]'].join(' ');
}

/** The SYNTAX section's lines: one per parameter set, the default set first. */
export function renderSyntax(def: CommandDef): string[] {
  const sets = def.sets.length > 0 ? def.sets : ['__AllParameterSets'];
  return sets.map((s) => syntaxLine(def, s));
}

export function pipelineText(p: ParameterDef): string {
  return p.pipeline.length === 0 ? 'false' : `true (${p.pipeline.join(', ')})`;
}

export function defaultText(p: ParameterDef): string {
  if (p.type === 'SwitchParameter') return 'False';
  const property = p.meta?.property;
  if (property && property.default !== null) return String(property.default);
  return 'None';
}

export function acceptsWildcards(def: CommandDef, p: ParameterDef): boolean {
  return WILDCARD_PARAMETERS[def.name]?.includes(p.name) ?? false;
}

/** A parameter's block: `-Name <Type>`, its help and (for -Full and -Parameter) the attribute table. */
function parameterBlock(def: CommandDef, p: ParameterDef, indent: number, withAttributes: boolean, width: number): string[] {
  const pad = ' '.repeat(indent);
  const head = p.type === 'SwitchParameter' ? `${pad}-${p.name} [<SwitchParameter>]` : `${pad}-${p.name} <${typeLabel(p)}>`;
  const lines = [head, ...paragraphs(p.help, indent + 4, width), ''];
  if (!withAttributes) return lines;
  const row = (label: string, value: string) => `${pad}    ${label.padEnd(29)}${value}`.trimEnd();
  lines.push(
    row('Required?', p.mandatory ? 'true' : 'false'),
    row('Position?', p.position === undefined ? 'named' : String(p.position)),
    row('Default value', defaultText(p)),
    row('Accept pipeline input?', pipelineText(p)),
    row('Accept wildcard characters?', acceptsWildcards(def, p) ? 'true' : 'false'),
    '',
  );
  return lines;
}

function commonParametersBlock(def: CommandDef, width: number): string[] {
  const names = def.parameters.filter((p) => p.common).map((p) => p.name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}` : (names[0] ?? 'none');
  return [
    '    <CommonParameters>',
    ...wrapText(`This cmdlet supports the common parameters: ${list}.`, 8, width),
    '',
  ];
}

function exampleBlocks(def: CommandDef, width: number): string[] {
  return def.help.examples.flatMap((ex, i) => [
    `    -------------------------- Example ${i + 1} --------------------------`,
    '',
    ...ex.code.split('\n').map((l) => `    ${l}`.trimEnd()),
    '',
    ...(ex.title ? [...wrapText(ex.title.endsWith('.') ? ex.title : `${ex.title}.`, 4, width), ''] : []),
    ...(ex.remarks ? [...paragraphs(ex.remarks, 4, width), ''] : []),
    '',
  ]);
}

function section(title: string, body: readonly string[], after: number): string[] {
  return [title, ...body, ...Array<string>(after).fill('')];
}

function remarks(def: CommandDef): string[] {
  const name = def.name;
  return section(
    'REMARKS',
    [
      `    To see the examples, type: "get-help ${name} -examples".`,
      `    For more information, type: "get-help ${name} -detailed".`,
      `    For technical information, type: "get-help ${name} -full".`,
    ],
    1,
  );
}

/** The whole help of one command in the chosen view. */
export function renderHelp(def: CommandDef, view: HelpView, options: HelpOptions = {}): string[] {
  const width = options.width ?? DEFAULT_WIDTH;
  const help = def.help;
  const out: string[] = ['', ...section('NAME', [`    ${def.name}`], 1), ...section('SYNOPSIS', wrapText(help.synopsis, 4, width), 1)];
  if (view === 'examples') return [...out, '', ...exampleBlocks(def, width)];
  out.push('');
  out.push(...section('SYNTAX', renderSyntax(def).flatMap((line) => [...wrapText(line, 4, width), '']), 1));
  out.push(...section('DESCRIPTION', paragraphs(help.description, 4, width), 2));
  if (view === 'default') return [...out, ...remarks(def)];
  const own = def.parameters.filter((p) => !p.common);
  out.push(...section('PARAMETERS', [...own.flatMap((p) => parameterBlock(def, p, 4, view === 'full', width)), ...commonParametersBlock(def, width)], 0));
  if (view === 'full') {
    if (help.inputs) out.push(...section('INPUTS', preformatted(help.inputs, 4, width), 2));
    if (help.outputs) out.push(...section('OUTPUTS', preformatted(help.outputs, 4, width), 2));
    if (help.notes) out.push(...section('NOTES', ['', ...paragraphs(help.notes, 8, width)], 2));
  }
  out.push(...exampleBlocks(def, width));
  return view === 'detailed' ? [...out, ...remarks(def)] : out;
}

/** Get-Help -Parameter: the blocks of the parameters matching `pattern` (wildcards allowed); undefined when none match. */
export function renderParameterHelp(def: CommandDef, pattern: string, options: HelpOptions = {}): string[] | undefined {
  const width = options.width ?? DEFAULT_WIDTH;
  const re = wildcardToRegExp(pattern);
  const matches = def.parameters.filter((p) => !p.common && re.test(p.name));
  if (matches.length === 0) return undefined;
  return ['', ...matches.flatMap((p) => [...parameterBlock(def, p, 0, true, width), ''])];
}
