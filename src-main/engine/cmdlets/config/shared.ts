// Pieces the four configuration cmdlets share: building their CommandDef from
// the metadata, reading explicit property parameters, and their error records.

import { parseIdentity } from '../../domain/identity';
import { PROPERTIES, type PropertyValues } from '../../domain/properties';
import { PARAMETER_SETS, type ConfigCmdletName } from '../../domain/parameters';
import type { Bound, CommandContext, CommandDef, CommandProcessor } from '../../shell/commands';
import { CONFIG_HELP } from '../help/config-help';
import { configParameterDefs } from '../config-params';

export const OBJECT_NAME = 'PersistentChatConfiguration';
export const SOURCE = 'SkypeForBusiness';

export function configCommand(name: ConfigCmdletName, create: (ctx: CommandContext) => CommandProcessor): CommandDef {
  return {
    name,
    parameters: configParameterDefs(name),
    sets: PARAMETER_SETS[name],
    supportsShouldProcess: name !== 'Get-CsPersistentChatConfiguration',
    // Medium for New, Set and Remove alike, as the Management Shell behaves: with the default
    // $ConfirmPreference (High) none of them asks, so `Get-… | Remove-…` runs unprompted;
    // $ConfirmPreference = 'Medium' (or -Confirm) makes all three ask.
    confirmImpact: 'Medium',
    help: CONFIG_HELP[name],
    source: SOURCE,
    create,
  };
}

/** The property values given explicitly as parameters. */
export function explicitValues(bound: Bound): Partial<PropertyValues> {
  const values: Record<string, unknown> = {};
  for (const p of PROPERTIES) if (bound.has(p.name)) values[p.name] = bound.get(p.name);
  return values as Partial<PropertyValues>;
}

export function isGlobal(identity: string): boolean {
  const parsed = parseIdentity(identity);
  return parsed.ok && parsed.identity.scope === 'Global';
}

export function notFound(ctx: CommandContext, identity: string): Promise<void> {
  return ctx.writeError({
    message: `Cannot find "${OBJECT_NAME}" "${identity}" because it does not exist.`,
    errorId: 'ConfigurationNotFound',
    category: 'ObjectNotFound',
    exceptionType: 'ItemNotFoundException',
    target: `${identity}:XdsIdentity`,
  });
}

export function notAConfiguration(ctx: CommandContext): Promise<void> {
  return ctx.writeError({
    message: `The object passed to -Instance is not a ${OBJECT_NAME}. Pass an object returned by Get-CsPersistentChatConfiguration or New-CsPersistentChatConfiguration -InMemory.`,
    errorId: 'InvalidInstance',
    category: 'InvalidArgument',
    exceptionType: 'ArgumentException',
    target: '',
  });
}
