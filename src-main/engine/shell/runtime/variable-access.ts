// The *-Variable commands' view of the session's variables, over the public
// API of Variables (scope.ts). Variables has no "remove" and no "exists" of
// its own yet; until it has (the lead owns scope.ts), they are read from its
// table here, in this one place, so nothing else depends on its insides.

import type { VariableAccess } from '../commands';
import type { Value } from '../values';
import type { Variables } from './scope';

/** Names the runtime keeps itself: they exist always and cannot be set or removed by Set-/Remove-Variable. */
const AUTOMATIC = new Set(['true', 'false', 'null', '_', 'psitem', '?']);

interface VariableTable {
  readonly vars: Map<string, { name: string; value: Value }>;
}

const SCOPE_MODIFIER = /^(?:global|script|local|private):(?=.)/i;

function keyOf(name: string): string {
  return name.replace(SCOPE_MODIFIER, '').toLowerCase();
}

export function variableAccess(variables: Variables): VariableAccess {
  // Read through the table only where the public API has no equivalent (see the header).
  const table = (variables as unknown as VariableTable).vars;
  const hasTable = table instanceof Map;
  return {
    get: (name) => variables.get(name),
    set: (name, value) => variables.set(name, value),
    exists: (name) => AUTOMATIC.has(keyOf(name)) || (hasTable ? table.has(keyOf(name)) : variables.names().some((n) => n.toLowerCase() === keyOf(name))),
    remove: (name) => (AUTOMATIC.has(keyOf(name)) || !hasTable ? false : table.delete(keyOf(name))),
    list: () => {
      const automatic = [
        { name: '?', value: variables.get('?') },
        { name: 'false', value: false },
        { name: 'null', value: null },
        { name: 'true', value: true },
      ];
      const own = hasTable ? [...table.values()].map((v) => ({ name: v.name, value: v.value })) : [];
      return [...automatic, ...own];
    },
    isReadOnly: (name) => AUTOMATIC.has(keyOf(name)),
  };
}
