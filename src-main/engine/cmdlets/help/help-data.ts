// A command's help as data, for the window's Help pane: the same sources
// Get-Help renders as text (the CommandDef's parameters and help, the
// syntax lines, the attribute table), so the pane and the console can never
// disagree. Ranges come from the domain metadata behind a parameter.

import type { CommandDef } from '../../shell/commands';
import { CommandRegistry } from '../registry';
import type { HelpData } from './help-types';
import { acceptsWildcards, defaultText, pipelineText, renderSyntax } from './render-help';

export type { HelpData, HelpParameterData } from './help-types';

let registry: CommandRegistry | undefined;

function rangeText(def: CommandDef['parameters'][number]): string | undefined {
  const property = def.meta?.property;
  if (property === undefined) return undefined;
  if (property.kind === 'integer') return `${property.min}–${property.max}`;
  return 'an absolute http or https URL; empty or $null clears it';
}

/** The help of the command (or alias) `name`, or undefined when there is no such command. */
export function commandHelpData(name: string): HelpData | undefined {
  const def = (registry ??= new CommandRegistry()).find(name);
  if (def === undefined) return undefined;
  const help = def.help;
  return {
    name: def.name,
    synopsis: help.synopsis,
    description: help.description,
    syntax: renderSyntax(def),
    parameters: def.parameters
      .filter((p) => !p.common)
      .map((p) => {
        const range = rangeText(p);
        return {
          name: p.name,
          type: p.type,
          help: p.help,
          required: p.mandatory,
          position: p.position === undefined ? 'named' : String(p.position),
          defaultValue: defaultText(p),
          ...(range !== undefined ? { range } : {}),
          pipeline: pipelineText(p),
          wildcards: acceptsWildcards(def, p),
          aliases: [...p.aliases],
        };
      }),
    commonParameters: def.parameters.filter((p) => p.common).map((p) => p.name),
    examples: help.examples.map((e) => ({ title: e.title, code: e.code, remarks: e.remarks })),
    ...(help.inputs !== undefined ? { inputs: help.inputs } : {}),
    ...(help.outputs !== undefined ? { outputs: help.outputs } : {}),
    ...(help.notes !== undefined ? { notes: help.notes } : {}),
  };
}

/** Every command's name, for the pane's list (cmdlets first, as Get-Command lists them). */
export function helpTopics(): readonly string[] {
  return (registry ??= new CommandRegistry()).all().map((c) => c.name);
}
