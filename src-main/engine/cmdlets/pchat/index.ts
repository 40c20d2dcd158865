// pchat-admin's own cmdlets (noun prefix Pchat), registered as data like the others.

import type { CommandDef } from '../../shell/commands';
import { getPchatHistory } from './get-pchat-history';
import { undoPchatChange } from './undo-pchat-change';

export const PCHAT_COMMANDS: readonly CommandDef[] = [getPchatHistory, undoPchatChange];
