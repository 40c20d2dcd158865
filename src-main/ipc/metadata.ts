// The Metadata the renderer builds its forms, hints and help from, derived
// from the engine's own tables (PARAMETERS, PROPERTIES, the cmdlets' help) so
// there is no second copy of any rule. Common parameters (-Verbose,
// -ErrorAction, …) are console matters and are left out; so is -Instance,
// which takes an object a form cannot send.

import { CONFIG_HELP } from '../engine/cmdlets/help/config-help';
import { CONFIG_CMDLETS, DOTNET_TYPE, PARAMETERS, type ConfigCmdletName, type ParameterMeta } from '../engine/domain/parameters';
import { PROPERTIES } from '../engine/domain/properties';
import type { Metadata, ParameterInfo } from './contract';

type CmdletUsage = ParameterInfo['cmdlets'][ConfigCmdletName];

function parameterInfo(meta: ParameterMeta): ParameterInfo {
  const cmdlets: Partial<Record<ConfigCmdletName, CmdletUsage>> = {};
  for (const cmdlet of CONFIG_CMDLETS) {
    const usage = meta.usage[cmdlet];
    if (usage === undefined) continue;
    cmdlets[cmdlet] = {
      mandatory: usage.mandatory ?? false,
      ...(usage.position !== undefined ? { position: usage.position } : {}),
      ...(usage.sets ? { sets: [...usage.sets] } : {}),
    };
  }
  const p = meta.property;
  return {
    name: meta.name,
    type: meta.type,
    dotNetType: DOTNET_TYPE[meta.type],
    help: meta.help,
    aliases: [...(meta.aliases ?? [])],
    ...(p
      ? {
          property:
            p.kind === 'integer'
              ? { kind: 'integer' as const, min: p.min, max: p.max, default: p.default }
              : { kind: 'url' as const, default: p.default },
        }
      : {}),
    cmdlets,
  };
}

/** Metadata for the store at `storePath`. */
export function buildMetadata(storePath: string): Metadata {
  return {
    cmdlets: CONFIG_CMDLETS.map((name) => ({ name, synopsis: CONFIG_HELP[name].synopsis })),
    properties: PROPERTIES.map((p) => p.name),
    parameters: PARAMETERS.filter((p) => p.type !== 'PSObject').map(parameterInfo),
    storePath,
  };
}
