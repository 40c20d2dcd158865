// The parameter binder, in PowerShell's stages: named parameters (exact name,
// alias, then unambiguous prefix), positional arguments by position within
// the still-possible parameter sets, then per pipeline item by value and by
// property name, and finally parameter-set resolution and mandatory checks.

import type { Extent } from './ast';
import { convertArgument, dotNetTypeName } from './argument-conversion';
import type { CommandDef, ParameterDef } from './commands';
import { toPSString } from './convert';
import { bindingError, TerminatingError } from './errors';
import { PSObject, type Value } from './values';

export interface NamedArgument {
  readonly def: ParameterDef;
  /** undefined for a switch used without a value. */
  readonly value: Value | undefined;
  readonly paramExtent: Extent;
  readonly argExtent?: Extent;
}

export interface PositionalArgument {
  readonly value: Value;
  readonly extent: Extent;
}

/** State of one command invocation after its command-line arguments are bound. */
export interface BindState {
  readonly bound: Map<string, Value>;
  /** Parameter sets still possible. */
  candidates: string[];
}

function setsOf(cmd: CommandDef, def: ParameterDef): readonly string[] {
  return def.sets ?? cmd.sets;
}

/** The ShouldProcess parameters, like the common ones, are not the command's own (5.1 binds them with a separate binder). */
const SHOULD_PROCESS = new Set(['whatif', 'confirm']);

function isDeclared(def: ParameterDef): boolean {
  return !def.common && !SHOULD_PROCESS.has(def.name.toLowerCase());
}

/** Finds a parameter by exact name or alias, then by unambiguous prefix. */
export function resolveParameter(cmd: CommandDef, typed: string, extent: Extent): ParameterDef {
  const lower = typed.toLowerCase();
  const exact = cmd.parameters.find((p) => p.name.toLowerCase() === lower || p.aliases.some((a) => a.toLowerCase() === lower));
  if (exact) return exact;
  const matches = cmd.parameters.filter((p) => p.name.toLowerCase().startsWith(lower) || p.aliases.some((a) => a.toLowerCase().startsWith(lower)));
  if (matches.length === 1) return matches[0]!;
  // 5.1's MergedCommandParameterMetadata.GetMatchingParameter: when a prefix is ambiguous, the
  // command's own parameters win over the common ones (-D is -DefaultChatHistory, not -Debug);
  // still ambiguous, the message lists every match.
  const declared = matches.filter(isDeclared);
  if (declared.length === 1) return declared[0]!;
  if (matches.length > 1) {
    throw bindingError(
      cmd.name,
      'AmbiguousParameter',
      `Parameter cannot be processed because the parameter name '${typed}' is ambiguous. Possible matches include: ${matches.map((m) => `-${m.name}`).join(' ')}.`,
      extent,
    );
  }
  throw bindingError(cmd.name, 'NamedParameterNotFound', `A parameter cannot be found that matches parameter name '${typed}'.`, extent);
}

export function missingArgumentError(cmd: CommandDef, def: ParameterDef, extent: Extent): TerminatingError {
  return bindingError(
    cmd.name,
    'MissingArgument',
    `Missing an argument for parameter '${def.name}'. Specify a parameter of type '${dotNetTypeName(def)}' and try again.`,
    extent,
  );
}

function narrow(cmd: CommandDef, state: BindState, def: ParameterDef, extent: Extent | undefined): void {
  const sets = setsOf(cmd, def);
  const next = state.candidates.filter((s) => sets.includes(s));
  if (next.length === 0) {
    throw bindingError(cmd.name, 'AmbiguousParameterSet', 'Parameter set cannot be resolved using the specified named parameters.', extent);
  }
  state.candidates = next;
}

/** Binds the command line: named first, then positional. Throws on any binding error. */
export function bindCommandLine(
  cmd: CommandDef,
  named: readonly NamedArgument[],
  positional: readonly PositionalArgument[],
  commandExtent: Extent,
  /** A simple function's $args: positional arguments no parameter takes go here instead of failing. */
  overflow?: PositionalArgument[],
): BindState {
  const state: BindState = { bound: new Map(), candidates: [...cmd.sets] };
  for (const arg of named) {
    if (state.bound.has(arg.def.name)) {
      throw bindingError(
        cmd.name,
        'ParameterAlreadyBound',
        `Cannot bind parameter because parameter '${arg.def.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
        arg.paramExtent,
      );
    }
    const value = arg.value === undefined ? true : convertArgument(cmd.name, arg.def, arg.value, arg.argExtent ?? arg.paramExtent);
    state.bound.set(arg.def.name, value);
    narrow(cmd, state, arg.def, commandExtent); // PowerShell points at the whole command
  }

  const remaining: Value[] = [];
  for (const arg of positional) {
    const def = nextPositional(cmd, state);
    if (!def && overflow) {
      overflow.push(arg);
      continue;
    }
    if (!def) {
      throw bindingError(
        cmd.name,
        'PositionalParameterNotFound',
        `A positional parameter cannot be found that accepts argument '${toPSString(arg.value)}'.`,
        arg.extent,
      );
    }
    if (def.remaining) {
      remaining.push(...(Array.isArray(arg.value) ? arg.value : [arg.value]));
      state.bound.set(def.name, convertArgument(cmd.name, def, remaining, arg.extent));
      continue;
    }
    state.bound.set(def.name, convertArgument(cmd.name, def, arg.value, arg.extent));
    narrow(cmd, state, def, commandExtent);
  }
  return state;
}

/** The unbound positional parameter with the lowest position among the candidate sets (default set wins ties). */
function nextPositional(cmd: CommandDef, state: BindState): ParameterDef | undefined {
  const preferred = state.candidates.includes(cmd.sets[0]!) ? cmd.sets[0]! : state.candidates[0]!;
  let best: ParameterDef | undefined;
  for (const def of cmd.parameters) {
    if (def.position === undefined) continue;
    if (state.bound.has(def.name) && !def.remaining) continue;
    const sets = setsOf(cmd, def);
    if (!state.candidates.some((s) => sets.includes(s))) continue;
    if (
      !best ||
      def.position < best.position! ||
      (def.position === best.position && sets.includes(preferred) && !setsOf(cmd, best).includes(preferred))
    ) {
      best = def;
    }
  }
  return best;
}

/** True when some parameter of the candidate sets takes pipeline input. */
export function takesPipelineInput(cmd: CommandDef, state: BindState): boolean {
  return cmd.parameters.some((d) => d.pipeline.length > 0 && !state.bound.has(d.name) && state.candidates.some((s) => setsOf(cmd, d).includes(s)));
}

/**
 * Binds one pipeline item onto a copy of the command-line state: by value
 * first, then by property name. Returns undefined when nothing could take it.
 */
/** The parameters that take pipeline input, split by kind; computed once per command (10,000 items bind each). */
const PIPELINE_PARAMETERS = new WeakMap<CommandDef, { byValue: ParameterDef[]; byName: ParameterDef[] }>();

function pipelineParameters(cmd: CommandDef): { byValue: ParameterDef[]; byName: ParameterDef[] } {
  let found = PIPELINE_PARAMETERS.get(cmd);
  if (!found) {
    found = {
      byValue: cmd.parameters.filter((d) => d.pipeline.includes('ByValue')),
      byName: cmd.parameters.filter((d) => d.pipeline.includes('ByPropertyName')),
    };
    PIPELINE_PARAMETERS.set(cmd, found);
  }
  return found;
}

export function bindPipelineItem(cmd: CommandDef, base: BindState, item: Value): BindState | undefined {
  const state: BindState = { bound: new Map(base.bound), candidates: [...base.candidates] };
  let any = false;
  const eligible = (d: ParameterDef) => !state.bound.has(d.name) && state.candidates.some((s) => setsOf(cmd, d).includes(s));
  const { byValue, byName } = pipelineParameters(cmd);

  for (const def of byValue) {
    if (!eligible(def)) continue;
    if (def.type === 'PSObject' && !(item instanceof PSObject)) continue;
    try {
      state.bound.set(def.name, convertArgument(cmd.name, def, item, undefined));
    } catch {
      continue;
    }
    state.candidates = state.candidates.filter((s) => setsOf(cmd, def).includes(s));
    any = true;
  }
  if (item instanceof PSObject) {
    for (const def of byName) {
      if (!eligible(def)) continue;
      const name = [def.name, ...def.aliases].find((n) => item.has(n));
      if (name === undefined) continue;
      state.bound.set(def.name, convertArgument(cmd.name, def, item.get(name)!, undefined));
      state.candidates = state.candidates.filter((s) => setsOf(cmd, def).includes(s));
      any = true;
    }
  }
  return any ? state : undefined;
}

export const INPUT_NOT_BOUND =
  'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.';

/** Picks the final parameter set: the default when still possible, else the only one left. */
export function resolveSet(cmd: CommandDef, state: BindState, extent: Extent): string {
  if (state.candidates.includes(cmd.sets[0]!)) return cmd.sets[0]!;
  if (state.candidates.length === 1) return state.candidates[0]!;
  throw bindingError(cmd.name, 'AmbiguousParameterSet', 'Parameter set cannot be resolved using the specified named parameters.', extent);
}

/** Mandatory parameters of `set` that are still unbound. */
export function missingMandatory(cmd: CommandDef, state: BindState, set: string): ParameterDef[] {
  return cmd.parameters.filter((d) => d.mandatory && setsOf(cmd, d).includes(set) && !state.bound.has(d.name));
}

export function missingMandatoryError(cmd: CommandDef, missing: readonly ParameterDef[], extent: Extent): TerminatingError {
  return bindingError(
    cmd.name,
    'MissingMandatoryParameter',
    `Cannot process command because of one or more missing mandatory parameters: ${missing.map((m) => m.name).join(' ')}.`,
    extent,
  );
}
