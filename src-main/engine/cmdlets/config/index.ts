// The four configuration cmdlets, in verb order.

import type { CommandDef } from '../../shell/commands';
import { getConfiguration } from './get';
import { newConfiguration } from './new';
import { removeConfiguration } from './remove';
import { setConfiguration } from './set';

export const CONFIG_COMMANDS: readonly CommandDef[] = [getConfiguration, newConfiguration, removeConfiguration, setConfiguration];
