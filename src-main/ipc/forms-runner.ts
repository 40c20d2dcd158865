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

import { bulkCommandLine, checkBulk, type BulkCmdletName } from '../engine/cmdlets/bulk-line';
import { buildCommandLine, CommandLineError } from '../engine/cmdlets/command-line';
import { CONFIG_COMMANDS } from '../engine/cmdlets/config';
import { checkCmdlet } from '../engine/cmdlets/form-check';
import { CommandRegistry } from '../engine/cmdlets/registry';
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

  constructor(
    private readonly repo: ConfigRepository,
    private readonly queue: StatementQueue,
  ) {
    const registry = new CommandRegistry(CONFIG_COMMANDS.map((def) => this.capturing(def)), new Map());
    this.session = new Session({ repo, registry, host: NON_INTERACTIVE });
  }

  /** Runs the cmdlet for `parameters`; `changed` says whether the store was written. */
  async run(cmdlet: ConfigCmdletName, parameters: CmdletParameters): Promise<CmdletResponse & { readonly changed: boolean }> {
    const commandLine = commandLineFor(cmdlet, parameters);
    return this.queue.run(async () => {
      this.captured = [];
      try {
        const result = await this.session.execute(commandLine);
        return {
          ok: result.success,
          commandLine,
          output: result.lines.map(toOutputLineDto),
          objects: toConfigurationDtos(this.captured),
          changed: result.changed,
        };
      } finally {
        this.captured = [];
      }
    });
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
