// Form actions: a form's values become the equivalent console line
// (buildCommandLine), which runs in a Session of its own over the SAME
// repository as the console — so a form and a typed cmdlet cannot disagree —
// and through the same StatementQueue, so it never interleaves with a
// console statement.
//
// The forms session knows only the four configuration cmdlets (a form line
// is always exactly one of them), each wrapped so that the objects it emits
// are captured for the reply as well as formatted for the transcript. It has
// no one to ask: a prompt (-Confirm) fails with the engine's non-interactive
// error; forms confirm in their own dialogs before they send.
//
// An Edit form also sends the values it started from: its Set runs over a
// view of the repository that adds them as expected values to the update of
// that collection, so the store refuses the change if another process (or
// the console) changed those values meanwhile. The console line stays the
// one an administrator would type. The History pane's undo runs here too, as
// `Undo-PchatChange -Id <n>`.

import { bulkCommandLine, checkBulk, type BulkCmdletName } from '../engine/cmdlets/bulk-line';
import { buildCommandLine, CommandLineError } from '../engine/cmdlets/command-line';
import { CONFIG_COMMANDS } from '../engine/cmdlets/config';
import { checkCmdlet } from '../engine/cmdlets/form-check';
import { CommandRegistry } from '../engine/cmdlets/registry';
import { undoPchatChange } from '../engine/cmdlets/pchat/undo-pchat-change';
import { CHANGE_SOURCE } from '../engine/changes/sources';
import { identityKey } from '../engine/domain/identity';
import type { PropertyValues } from '../engine/domain/properties';
import type { ConfigCmdletName } from '../engine/domain/parameters';
import { NON_INTERACTIVE, Session } from '../engine/session';
import type { CommandDef } from '../engine/shell/commands';
import type { Value } from '../engine/shell/values';
import type { ConfigRepository } from '../engine/store/types';
import type { BulkItemResult, BulkResponse, CmdletParameters, CmdletResponse, PreviewResponse } from './contract';
import { toConfigurationDtos, toOutputLineDto } from './dto';
import { refuse } from './errors';
import type { StatementQueue } from './statement-queue';

export class FormsRunner {
  private readonly session: Session;
  /** Objects emitted by the cmdlet of the statement in flight. */
  private captured: Value[] = [];
  /** The Set in flight: its collection and the values its editor started from. */
  private expected: { readonly key: string; readonly values: Partial<PropertyValues> } | undefined;

  constructor(
    private readonly repo: ConfigRepository,
    private readonly queue: StatementQueue,
  ) {
    const registry = new CommandRegistry([...CONFIG_COMMANDS.map((def) => this.capturing(def)), undoPchatChange], new Map());
    this.session = new Session({ repo: this.expecting(repo), registry, host: NON_INTERACTIVE, source: CHANGE_SOURCE.form });
  }

  /**
   * Runs the cmdlet for `parameters`; `changed` says whether the store was
   * written. `expected` (Set only): the values the editor started from.
   */
  async run(cmdlet: ConfigCmdletName, parameters: CmdletParameters, expected?: CmdletParameters): Promise<CmdletResponse & { readonly changed: boolean }> {
    const commandLine = commandLineFor(cmdlet, parameters);
    const identity = parameters['Identity'];
    const key = identityKey(typeof identity === 'string' ? identity.trim() : 'Global');
    return this.runLine(commandLine, CHANGE_SOURCE.form, expected && { key, values: expected as Partial<PropertyValues> });
  }

  /** The History pane's Undo / Revert: `Undo-PchatChange -Id <id>`. */
  undo(id: number): Promise<CmdletResponse & { readonly changed: boolean }> {
    return this.runLine(`Undo-PchatChange -Id ${id}`, CHANGE_SOURCE.history, undefined);
  }

  private runLine(commandLine: string, source: string, expected: FormsRunner['expected']): Promise<CmdletResponse & { readonly changed: boolean }> {
    return this.queue.run(async () => {
      this.captured = [];
      this.expected = expected;
      try {
        const result = await this.session.execute(commandLine, { source });
        return {
          ok: result.success,
          commandLine,
          output: result.lines.map(toOutputLineDto),
          objects: toConfigurationDtos(this.captured),
          changed: result.changed,
        };
      } finally {
        this.captured = [];
        this.expected = undefined;
      }
    });
  }

  /** The repository as the forms session sees it: the Set in flight carries its editor's expected values. */
  private expecting(repo: ConfigRepository): ConfigRepository {
    return {
      path: repo.path,
      history: repo.history,
      refresh: (force) => repo.refresh(force),
      list: () => repo.list(),
      get: (identity) => repo.get(identity),
      create: (record) => repo.create(record),
      update: (identity, values, expected) => {
        const form = this.expected;
        const mine = form !== undefined && identityKey(identity.trim()) === form.key ? form.values : undefined;
        repo.update(identity, values, expected ?? mine);
      },
      remove: (identity, expected) => repo.remove(identity, expected),
      markRevert: (id) => repo.markRevert(id),
      commit: (info) => repo.commit(info),
      rollback: () => repo.rollback(),
      watch: (onChange) => repo.watch(onChange),
    };
  }

  /**
   * Runs `cmdlet` once per identity, each as its own statement (so one
   * collection's failure is reported as its own and does not stop the
   * others), all in one turn of the queue: no console statement runs between
   * them. The reply carries the equivalent pipeline and a result per identity.
   */
  async runBulk(cmdlet: BulkCmdletName, identities: readonly string[], parameters: CmdletParameters): Promise<BulkResponse & { readonly changed: boolean }> {
    const commandLine = lineOrRefusal(() => bulkCommandLine(cmdlet, identities, parameters));
    const lines = identities.map((Identity) => lineOrRefusal(() => buildCommandLine(cmdlet, { Identity, ...parameters })));
    return this.queue.run(async () => {
      const results: BulkItemResult[] = [];
      let changed = false;
      for (const [i, line] of lines.entries()) {
        this.captured = [];
        try {
          const result = await this.session.execute(line);
          changed ||= result.changed;
          results.push({ identity: identities[i]!, ok: result.success, commandLine: line, output: result.lines.map(toOutputLineDto) });
        } finally {
          this.captured = [];
        }
      }
      return { ok: results.every((r) => r.ok), commandLine, results, changed };
    });
  }

  /**
   * Checks a form without running it. The repository is consulted (does the
   * identity exist?) only while no statement is in flight: a suspended
   * console statement's uncommitted changes are not the store's state.
   */
  preview(cmdlet: ConfigCmdletName, parameters: CmdletParameters): PreviewResponse {
    try {
      return checkCmdlet(cmdlet, parameters, this.queue.busy ? undefined : this.repo);
    } catch (e) {
      if (e instanceof CommandLineError) refuse('InvalidPayload', e.message);
      throw e;
    }
  }

  /** Checks a bulk change as `preview` checks a form (the store is consulted only between statements). */
  previewBulk(cmdlet: BulkCmdletName, identities: readonly string[], parameters: CmdletParameters): PreviewResponse {
    try {
      return checkBulk(cmdlet, identities, parameters, this.queue.busy ? undefined : this.repo);
    } catch (e) {
      if (e instanceof CommandLineError) refuse('InvalidPayload', e.message);
      throw e;
    }
  }

  private capturing(def: CommandDef): CommandDef {
    return {
      ...def,
      create: (ctx) =>
        def.create({
          ...ctx,
          emit: async (value) => {
            this.captured.push(value);
            await ctx.emit(value);
          },
        }),
    };
  }
}

function commandLineFor(cmdlet: ConfigCmdletName, parameters: CmdletParameters): string {
  return lineOrRefusal(() => buildCommandLine(cmdlet, parameters));
}

function lineOrRefusal(build: () => string): string {
  try {
    return build();
  } catch (e) {
    // validate-payload.ts admits only what the line builder accepts; this is a second guard.
    if (e instanceof CommandLineError) refuse('InvalidPayload', e.message);
    throw e;
  }
}
