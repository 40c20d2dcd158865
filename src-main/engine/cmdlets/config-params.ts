// Turns the domain parameter table into the binder's ParameterDefs for one
// configuration cmdlet, so binding, Get-Help and completion share one source.

import { COMMON_PARAMETERS, PARAMETERS, type ConfigCmdletName, type ParameterMeta } from '../domain/parameters';
import type { ParameterDef } from '../shell/commands';

function toDef(meta: ParameterMeta, cmdlet: ConfigCmdletName): ParameterDef {
  const usage = meta.usage[cmdlet] ?? {};
  return {
    name: meta.name,
    type: meta.type === 'SwitchParameter' ? 'SwitchParameter' : meta.type,
    aliases: meta.aliases ?? [],
    ...(usage.sets ? { sets: usage.sets } : {}),
    mandatory: usage.mandatory ?? false,
    ...(usage.position !== undefined ? { position: usage.position } : {}),
    pipeline: usage.pipeline ?? [],
    help: meta.help,
    ...(meta.common ? { common: true } : {}),
    meta,
  };
}

/** The cmdlet's own parameters; the registry appends the common parameters to every command. */
export function configParameterDefs(cmdlet: ConfigCmdletName): ParameterDef[] {
  return PARAMETERS.filter((p) => p.usage[cmdlet] !== undefined).map((p) => toDef(p, cmdlet));
}

/** Common parameters (-Verbose, -ErrorAction, …) as ParameterDefs. */
export function commonParameterDefs(): ParameterDef[] {
  return COMMON_PARAMETERS.map((p) => toDef(p, 'Get-CsPersistentChatConfiguration'));
}

/** -WhatIf and -Confirm, for any command that supports ShouldProcess (the file and Pchat cmdlets). */
export function shouldProcessParameterDefs(): ParameterDef[] {
  return PARAMETERS.filter((p) => p.name === 'WhatIf' || p.name === 'Confirm').map((p) => toDef(p, 'Set-CsPersistentChatConfiguration'));
}
