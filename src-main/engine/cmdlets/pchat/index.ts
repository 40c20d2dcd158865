import type { CommandDef } from '../../shell/commands';
export const PCHAT_COMMANDS: readonly CommandDef[] = [];
