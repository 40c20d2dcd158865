// The *-Variable commands' view of the session's variables, over the public
// API of Variables (scope.ts): what a read finds, what an assignment writes,
// removal from the scope it is found in, and the visible variables.

import type { VariableAccess } from '../commands';
import type { Variables } from './scope';

/** Names the runtime keeps itself: they exist always and cannot be set or removed by Set-/Remove-Variable. */
const AUTOMATIC = new Set(['true', 'false', 'null', '_', 'psitem', '?']);

const SCOPE_MODIFIER = /^(?:global|script|local|private):(?=.)/i;

function keyOf(name: string): string {
  return name.replace(SCOPE_MODIFIER, '').toLowerCase();
}

export function variableAccess(variables: Variables): VariableAccess {
  return {
    get: (name) => variables.get(name),
    set: (name, value) => variables.set(name, value),
    exists: (name) => variables.has(name),
    remove: (name) => (AUTOMATIC.has(keyOf(name)) ? false : variables.remove(name)),
    list: () => {
      const automatic = [
        { name: '?', value: variables.get('?') },
        { name: 'false', value: false },
        { name: 'null', value: null },
        { name: 'true', value: true },
      ];
      const seen = new Set<string>();
      const own: { name: string; value: ReturnType<Variables['get']> }[] = [];
      for (const scope of variables.chain()) {
        for (const [key, entry] of scope.vars) {
          if (seen.has(key)) continue;
          seen.add(key);
          own.push({ name: entry.name, value: entry.value });
        }
      }
      return [...automatic, ...own];
    },
    isReadOnly: (name) => AUTOMATIC.has(keyOf(name)),
  };
}
