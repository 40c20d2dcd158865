// Checks a form the way the console would check its equivalent line, without
// running anything: each field through the binder's own conversion and
// validation (so the messages are the console's, word for word), then the
// parameter set and mandatory checks, then, given a repository, the checks the
// cmdlet itself makes (New: Global or an existing identity; Set/Remove/Get: an
// unknown identity) so a form can disable Commit before it is pressed.
//
// Unlike the console, which stops at the first bad argument, every field is
// checked, so a form can mark all of them at once.

import type { ConfigCmdletName } from '../domain/parameters';
import { SessionFiles } from '../files/session-files';
import type { Extent } from '../shell/ast';
import { convertArgument } from '../shell/argument-conversion';
import { bindCommandLine, missingMandatory, missingMandatoryError, resolveSet, type BindState, type NamedArgument } from '../shell/binder';
import type { Bound, CommandContext, CommandDef } from '../shell/commands';
import { TerminatingError } from '../shell/errors';
import type { ConfigRepository } from '../store/types';
import { layoutCommandLine, type FormValues } from './command-line';

/** The shape of the IPC contract's PreviewResponse. */
export interface FormCheckResult {
  /** The equivalent console line for the form as filled in so far. */
  readonly commandLine: string;
  /** The console's message per parameter name, for the fields that would not bind. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** A problem not tied to one field: parameter set, missing mandatory value, or the cmdlet's own check. */
  readonly error?: string;
  /**
   * Values the console would store differently from how they were typed
   * (`12.5` → 12, `1e2` → 100, `0x20` → 32), per parameter; absent when none.
   */
  readonly storedAs?: Readonly<Record<string, number>>;
}

function messageOf(e: unknown): string {
  if (e instanceof TerminatingError) return e.record.message;
  throw e;
}

/**
 * Checks `parameters` for `cmdlet`. Throws CommandLineError (as buildCommandLine
 * does) for a payload no form could produce: an unknown parameter name or a
 * value of the wrong JavaScript type. Never writes to `repo`.
 */
export function checkCmdlet(cmdlet: ConfigCmdletName, parameters: FormValues, repo?: ConfigRepository): FormCheckResult {
  const { cmd, line, args } = layoutCommandLine(cmdlet, parameters);
  const whole: Extent = { start: 0, end: line.length };
  const fieldErrors: Record<string, string> = {};
  const named: NamedArgument[] = [];
  const storedAs: Record<string, number> = {};
  for (const arg of args) {
    const extents = { paramExtent: arg.paramExtent, ...(arg.argExtent ? { argExtent: arg.argExtent } : {}) };
    if (arg.value === undefined) {
      named.push({ def: arg.def, value: undefined, ...extents });
      continue;
    }
    try {
      const converted = convertArgument(cmd.name, arg.def, arg.value, arg.argExtent);
      if (typeof converted === 'number' && String(arg.value).trim() !== String(converted)) storedAs[arg.def.name] = converted;
      named.push({ def: arg.def, value: arg.value, ...extents });
    } catch (e) {
      fieldErrors[arg.def.name] = messageOf(e);
    }
  }

  // Set and mandatory checks see the fields that bound; a field that failed is
  // reported on its own and not again as "missing".
  let error: string | undefined;
  let state: BindState | undefined;
  try {
    state = bindCommandLine(cmd, named, [], whole);
    const set = resolveSet(cmd, state, whole);
    const missing = missingMandatory(cmd, state, set).filter((d) => !(d.name in fieldErrors));
    if (missing.length > 0) error = missingMandatoryError(cmd, missing, whole).record.message;
  } catch (e) {
    error = messageOf(e);
  }

  if (error === undefined && state !== undefined && repo !== undefined && Object.keys(fieldErrors).length === 0) {
    error = cmdletCheck(cmd, state.bound, repo, whole);
  }
  return {
    commandLine: line,
    fieldErrors,
    ...(error !== undefined ? { error } : {}),
    ...(Object.keys(storedAs).length > 0 ? { storedAs } : {}),
  };
}

/** A repository that can be read but refuses every change, so a check cannot write by mistake. */
function readOnly(repo: ConfigRepository): ConfigRepository {
  const refuse = (): never => {
    throw new Error('A form check never writes to the store.');
  };
  return {
    path: repo.path,
    // Re-reading the file is the caller's choice (and its warnings the caller's to show).
    refresh: () => [],
    list: () => repo.list(),
    get: (identity) => repo.get(identity),
    create: refuse,
    update: refuse,
    remove: refuse,
    markRevert: refuse,
    history: repo.history,
    commit: refuse,
    rollback: () => {},
    watch: () => () => {},
  };
}

/**
 * Runs the cmdlet's own process step with every change declined (as -WhatIf
 * would, but silently) and returns the first error it writes. The cmdlets
 * make these checks before their first `await`, so the error is captured
 * synchronously; test/engine/cmdlets/form-check.test.ts pins each message.
 */
function cmdletCheck(cmd: CommandDef, bound: Bound, repo: ConfigRepository, extent: Extent): string | undefined {
  let message: string | undefined;
  const ctx: CommandContext = {
    commandName: cmd.name,
    extent,
    repo: readOnly(repo),
    emit: async () => {},
    writeError: async (record) => {
      message ??= record.message;
    },
    writeWarning: async () => {},
    writeVerbose: async () => {},
    writeDebug: async () => {},
    writeInformation: async () => {},
    writeHost: async () => {},
    writeProgress: async () => {},
    writeWhatIf: () => {},
    clearHost: () => {},
    shouldProcess: async () => false,
    invoke: async () => [],
    session: { commands: () => [], findCommand: () => undefined, aliases: () => new Map(), history: () => [], importedModules: () => new Set(), files: () => new SessionFiles() },
    host: { interactive: false, readLine: async () => null },
    script: { source: '', path: undefined },
    variables: { get: () => null, set: () => {}, exists: () => false, remove: () => false, list: () => [], isReadOnly: () => true },
    sleep: async () => {},
    checkStop: () => {},
  };
  try {
    // A rejection after the first await is not this check's business; keep it from going unhandled.
    cmd.create(ctx).process(bound, undefined).catch(() => {});
  } catch (e) {
    if (e instanceof TerminatingError) message ??= e.record.message;
  }
  return message;
}
