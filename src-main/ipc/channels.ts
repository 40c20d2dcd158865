// The fixed list of invoke channels, derived from the contract's `Channels`
// map. Registration iterates it, so a channel added to the contract without a
// handler fails to compile (`satisfies` demands every key and no other).

import type { ConfigCmdletName } from '../engine/domain/parameters';
import type { ChannelName } from './contract';

const CHANNEL_TABLE = {
  'pchat:metadata': true,
  'pchat:cmdlet:get': true,
  'pchat:cmdlet:new': true,
  'pchat:cmdlet:set': true,
  'pchat:cmdlet:remove': true,
  'pchat:cmdlet:preview': true,
  'pchat:cmdlet:bulk': true,
  'pchat:cmdlet:bulk-preview': true,
  'pchat:help': true,
  'pchat:console:execute': true,
  'pchat:console:output': true,
  'pchat:console:answer': true,
  'pchat:console:stop': true,
  'pchat:console:complete': true,
  'pchat:console:history': true,
  'pchat:history:list': true,
  'pchat:history:undo': true,
  'pchat:changes:summary': true,
  'pchat:baseline:import': true,
  'pchat:configuration:backup': true,
  'pchat:configuration:restore': true,
  'pchat:topology:import': true,
  'pchat:connection:status': true,
  'pchat:connection:preview': true,
} as const satisfies Record<ChannelName, true>;

export const CHANNELS: readonly ChannelName[] = Object.freeze(Object.keys(CHANNEL_TABLE) as ChannelName[]);

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(CHANNEL_TABLE, name);
}

/** The four cmdlet channels and the cmdlet each one runs. */
export const CMDLET_CHANNELS = Object.freeze({
  'pchat:cmdlet:get': 'Get-CsPersistentChatConfiguration',
  'pchat:cmdlet:new': 'New-CsPersistentChatConfiguration',
  'pchat:cmdlet:set': 'Set-CsPersistentChatConfiguration',
  'pchat:cmdlet:remove': 'Remove-CsPersistentChatConfiguration',
} as const satisfies Partial<Record<ChannelName, ConfigCmdletName>>);

export type CmdletChannel = keyof typeof CMDLET_CHANNELS;
