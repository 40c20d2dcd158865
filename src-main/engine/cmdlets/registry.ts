// Every command the console knows, with PowerShell's common parameters
// appended to each, and the alias table; lookups ignore case.

import type { CommandDef } from '../shell/commands';
import type { CommandLookup } from '../shell/runtime/interpreter';
import { BUILTIN_ALIASES, BUILTIN_COMMANDS } from './builtins';
import { commonParameterDefs } from './config-params';
import { CONFIG_COMMANDS } from './config';
import { FILE_ALIASES, FILE_COMMANDS } from './files';
import { PCHAT_COMMANDS } from './pchat';

function withCommonParameters(def: CommandDef): CommandDef {
  const own = new Set(def.parameters.map((p) => p.name.toLowerCase()));
  const extra = commonParameterDefs().filter((p) => !own.has(p.name.toLowerCase()));
  return { ...def, parameters: [...def.parameters, ...extra] };
}

export class CommandRegistry implements CommandLookup {
  private readonly commands: readonly CommandDef[];
  private readonly byName: Map<string, CommandDef>;

  constructor(defs: readonly CommandDef[] = [...CONFIG_COMMANDS, ...PCHAT_COMMANDS, ...BUILTIN_COMMANDS, ...FILE_COMMANDS], private readonly aliasTable: ReadonlyMap<string, string> = new Map([...BUILTIN_ALIASES, ...FILE_ALIASES])) {
    this.commands = defs.map(withCommonParameters);
    this.byName = new Map(this.commands.map((c) => [c.name.toLowerCase(), c]));
  }

  find(name: string): CommandDef | undefined {
    const key = name.toLowerCase();
    const target = this.aliasTable.get(key);
    return this.byName.get(target ? target.toLowerCase() : key);
  }

  all(): readonly CommandDef[] {
    return this.commands;
  }

  aliases(): ReadonlyMap<string, string> {
    return this.aliasTable;
  }
}
