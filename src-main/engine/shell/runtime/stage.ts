// One command in a running pipeline: its bound command line, its processor,
// and the CommandContext it sees (errors with -ErrorAction, warnings,
// -Verbose, -WhatIf / -Confirm / -Force, -OutVariable / -ErrorVariable /
// -WarningVariable / -InformationVariable / -PipelineVariable).

import type { CommandAst, Extent } from '../ast';
import { bindPipelineItem, INPUT_NOT_BOUND, missingMandatory, missingMandatoryError, resolveSet, type BindState } from '../binder';
import { convertArgument } from '../argument-conversion';
import type { CommandContext, CommandDef, CommandProcessor } from '../commands';
import { ActionPreferenceStopError, errorRecord, TerminatingError, type ErrorRecordData } from '../errors';
import { targetText } from '../convert';
import type { Value } from '../values';
import type { Emit, Interpreter } from './interpreter';
import { CommandPreferences } from './preferences';
import { progressText } from './progress-text';
import { sleepUnlessStopped } from './sleep';
import { variableAccess } from './variable-access';
import { sessionFilesOf } from '../../files/session-files';

const CONFIRM_CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): ';
const CONFIRM_HELP = [
  'Y - Continue with only the next step of the operation.',
  'A - Continue with all the steps of the operation.',
  'N - Skip this operation and proceed with the next operation.',
  'L - Skip this operation and all subsequent operations.',
];

/** Where a command's error and warning streams go (`2>$null`, `2>&1`, `*>&1`). */
export interface StreamRedirection {
  readonly errors: 'show' | 'null' | 'output';
  readonly warnings: 'show' | 'null' | 'output';
}

const NO_REDIRECTION: StreamRedirection = { errors: 'show', warnings: 'show' };

/** Import-Module's record, per session (the interpreter is the session's). */
const IMPORTED_MODULES = new WeakMap<object, Set<string>>();

function importedModulesOf(owner: object): Set<string> {
  let found = IMPORTED_MODULES.get(owner);
  if (!found) IMPORTED_MODULES.set(owner, (found = new Set()));
  return found;
}

export class Stage {
  downstream: Emit = async () => {};
  private readonly processor: CommandProcessor;
  private readonly ctx: CommandContext;
  /** "Yes to All" / "No to All" answered for this invocation. */
  private confirmAll: boolean | undefined;
  private readonly outVariable: Value[] = [];
  private readonly errorVariable: Value[] = [];
  private readonly warningVariable: Value[] = [];
  private readonly informationVariable: Value[] = [];
  /** -ErrorAction, -WhatIf, … as given, else from the preference variables. */
  private readonly prefs: CommandPreferences;

  constructor(
    private readonly interp: Interpreter,
    readonly cmd: CommandDef,
    readonly ast: CommandAst,
    private readonly state: BindState,
    private readonly streams: StreamRedirection = NO_REDIRECTION,
  ) {
    this.prefs = new CommandPreferences(state.bound, interp.variables, cmd);
    this.ctx = this.makeContext();
    this.processor = cmd.create(this.ctx);
  }

  /** A common parameter as given (-OutVariable, -Force, …); the preference-backed ones are in `prefs`. */
  private pref(name: string): Value | undefined {
    return this.state.bound.get(name);
  }

  /** -WarningAction / -Verbose Stop: the message is written, then the command stops (MshCommandRuntime.WriteHelper). */
  private stoppedBy(variable: string, text: string): ActionPreferenceStopError {
    return new ActionPreferenceStopError(
      errorRecord({
        message: `The running command stopped because the preference variable "${variable}" or common parameter is set to Stop: ${text}`,
        errorId: 'ActionPreferenceStop',
        category: 'OperationStopped',
        exceptionType: 'ActionPreferenceStopException',
        command: this.cmd.name,
        extent: this.ast.extent,
      }),
    );
  }

  private makeContext(): CommandContext {
    const interp = this.interp;
    return {
      commandName: this.cmd.name,
      extent: this.ast.extent,
      repo: interp.repo,
      session: {
        commands: () => interp.commands.all(),
        findCommand: (name) => interp.commands.find(name),
        aliases: () => interp.commands.aliases(),
        history: () => interp.history(),
        importedModules: () => importedModulesOf(interp),
        consoleWidth: () => interp.consoleWidth,
        files: () => sessionFilesOf(interp),
        afterCommit: (work) => void interp.afterCommit.push(work),
      },
      emit: async (value) => {
        if (this.pref('OutVariable') !== undefined) this.outVariable.push(value);
        const pipelineVariable = this.pref('PipelineVariable');
        if (typeof pipelineVariable === 'string') interp.variables.set(pipelineVariable, value);
        await this.downstream(value);
      },
      writeError: async (partial) => this.writeError({ ...partial, command: this.cmd.name, extent: partial.extent ?? this.ast.extent }),
      writeWarning: async (text) => {
        const action = this.prefs.warningAction;
        if (action !== 'Ignore' && this.pref('WarningVariable') !== undefined) this.warningVariable.push(text);
        if (action === 'SilentlyContinue' || action === 'Ignore' || this.streams.warnings === 'null') return;
        if (this.streams.warnings === 'output') await this.downstream(text);
        else interp.sink.line({ kind: 'warning', text: `WARNING: ${text}` });
        if (action === 'Stop') throw this.stoppedBy('WarningPreference', text);
      },
      writeVerbose: async (text) => {
        const action = this.prefs.verboseAction;
        if (action === 'SilentlyContinue' || action === 'Ignore') return;
        interp.sink.line({ kind: 'verbose', text: `VERBOSE: ${text}` });
        if (action === 'Stop') throw this.stoppedBy('VerbosePreference', text);
      },
      writeDebug: async (text) => {
        const action = this.prefs.debugAction;
        if (action === 'SilentlyContinue' || action === 'Ignore') return;
        interp.sink.line({ kind: 'debug', text: `DEBUG: ${text}` });
        if (action === 'Stop') throw this.stoppedBy('DebugPreference', text);
      },
      writeInformation: async (text) => {
        const action = this.prefs.informationAction;
        if (action === 'Ignore') return;
        if (this.pref('InformationVariable') !== undefined) this.informationVariable.push(text);
        if (action === 'SilentlyContinue') return;
        interp.sink.line({ kind: 'information', text });
        if (action === 'Stop') throw this.stoppedBy('InformationPreference', text);
      },
      writeHost: async (line) => {
        const action = this.prefs.hostAction;
        if (action === 'Ignore') return;
        if (this.pref('InformationVariable') !== undefined) this.informationVariable.push(line.text);
        interp.sink.line({ ...line, kind: 'host' });
        if (action === 'Stop') throw this.stoppedBy('InformationPreference', line.text);
      },
      writeProgress: async (record) => {
        const action = this.prefs.progressAction;
        if (action === 'SilentlyContinue' || action === 'Ignore') return;
        const line = { ...record, kind: 'progress' as const, text: progressText(record) };
        interp.sink.line(line);
        if (action === 'Stop') throw this.stoppedBy('ProgressPreference', line.text);
      },
      writeWhatIf: (text) => interp.sink.line({ kind: 'whatif', text }),
      clearHost: () => interp.sink.line({ kind: 'clear', text: '' }),
      shouldProcess: (target, action) => this.shouldProcess(target, action ?? this.cmd.name),
      invoke: (block, input, args) => interp.invokeBlock(block, input, args),
      get host() {
        return interp.host;
      },
      get script() {
        return { source: interp.source, path: interp.scriptPath };
      },
      variables: variableAccess(interp.variables),
      sleep: (ms) => sleepUnlessStopped(ms, () => interp.checkStop()),
      checkStop: () => interp.checkStop(),
    };
  }

  private async writeError(record: ErrorRecordData): Promise<void> {
    const action = this.prefs.errorAction;
    if (action === 'Stop') throw new ActionPreferenceStopError(record);
    if (action === 'Ignore') {
      // Not shown, not kept in $Error, but the command still failed ($? is false).
      this.interp.statementFailed = true;
      return;
    }
    const obj = this.interp.recordError(record, action !== 'SilentlyContinue' && this.streams.errors === 'show');
    if (this.pref('ErrorVariable') !== undefined) this.errorVariable.push(obj);
    // `2>&1`: the error record goes down the pipeline with the output (shown as an error at the end).
    if (this.streams.errors === 'output' && action !== 'SilentlyContinue') await this.downstream(obj);
  }

  /**
   * MshCommandRuntime.DoShouldProcess: -WhatIf (or $WhatIfPreference) describes and declines; a
   * confirm level at or below the command's impact asks (-Force skips it); otherwise the change goes
   * ahead, and only an explicit -Verbose (not $VerbosePreference) writes the operation as a verbose line.
   */
  private async shouldProcess(target: string, action: string): Promise<boolean> {
    const message = `Performing the operation "${action}" on target "${target}".`;
    if (this.prefs.whatIf) {
      this.ctx.writeWhatIf(`What if: ${message}`);
      return false;
    }
    if (this.prefs.confirm && this.pref('Force') !== true) {
      if (this.confirmAll !== undefined) return this.confirmAll;
      const answer = await this.askConfirmation(message);
      if (answer === 'A' || answer === 'L') this.confirmAll = answer === 'A';
      return answer === 'Y' || answer === 'A';
    }
    if (this.pref('Verbose') === true) await this.ctx.writeVerbose(message);
    return true;
  }

  private async askConfirmation(message: string): Promise<'Y' | 'A' | 'N' | 'L'> {
    const host = this.interp.host;
    if (!host.interactive) {
      throw new TerminatingError(
        errorRecord({
          message:
            'This shell is not interactive, so it cannot ask for confirmation. Run the command in an interactive session, or add -Confirm:$false or -Force to go ahead without asking.',
          errorId: 'HostNotInteractive',
          category: 'InvalidOperation',
          exceptionType: 'HostException',
          command: this.cmd.name,
          extent: this.ast.extent,
        }),
      );
    }
    for (const text of ['', 'Confirm', 'Are you sure you want to perform this action?', message]) {
      this.interp.sink.line({ kind: 'prompt', text });
    }
    for (;;) {
      const reply = await host.readLine(CONFIRM_CHOICES);
      if (reply === null) {
        throw new TerminatingError(
          errorRecord({
            message: 'No answer was given to the confirmation prompt; the operation was not performed.',
            errorId: 'ConfirmationNotAnswered',
            category: 'OperationStopped',
            exceptionType: 'HostException',
            command: this.cmd.name,
            extent: this.ast.extent,
          }),
        );
      }
      const choice = reply.trim().toUpperCase();
      if (choice === '' || choice === 'Y' || choice === 'YES') return 'Y';
      if (choice === 'A' || choice === 'N' || choice === 'L') return choice;
      if (choice === '?') for (const text of CONFIRM_HELP) this.interp.sink.line({ kind: 'prompt', text });
    }
  }

  /** Adds the command name and position to errors raised without them. */
  private attribute(e: unknown): unknown {
    if (e instanceof TerminatingError && !this.cmd.isScript && (!e.record.command || !e.record.extent)) {
      const record = { ...e.record, command: e.record.command || this.cmd.name, extent: e.record.extent ?? this.ast.extent };
      return e instanceof ActionPreferenceStopError ? new ActionPreferenceStopError(record) : new TerminatingError(record);
    }
    return e;
  }

  private async guarded(run: () => Promise<void>): Promise<void> {
    // `2>$null` on a function or script quiets every error written while it runs.
    const silence = this.streams.errors === 'null';
    if (silence) this.interp.silencedErrors++;
    try {
      await run();
    } catch (e) {
      throw this.attribute(e);
    } finally {
      if (silence) this.interp.silencedErrors--;
    }
  }

  begin(): Promise<void> {
    return this.guarded(async () => this.processor.begin?.(this.state.bound));
  }

  end(): Promise<void> {
    return this.guarded(async () => {
      await this.processor.end?.();
      this.publishVariables();
    });
  }

  private publishVariables(): void {
    const out = this.pref('OutVariable');
    if (typeof out === 'string') this.interp.variables.set(out, this.outVariable);
    this.publish('ErrorVariable', this.errorVariable);
    this.publish('WarningVariable', this.warningVariable);
    this.publish('InformationVariable', this.informationVariable);
  }

  /** -ErrorVariable style: a name, or +name to append to what the variable holds. */
  private publish(parameter: string, items: Value[]): void {
    const spec = this.pref(parameter);
    if (typeof spec !== 'string') return;
    const append = spec.startsWith('+');
    const name = append ? spec.slice(1) : spec;
    const previous = append ? this.interp.variables.get(name) : [];
    this.interp.variables.set(name, [...(Array.isArray(previous) ? previous : previous === null ? [] : [previous]), ...items]);
  }

  /** The command is first in its pipeline: process runs once, with no input. */
  runFirst(): Promise<void> {
    return this.guarded(async () => {
      const set = resolveSet(this.cmd, this.state, this.ast.extent);
      const missing = missingMandatory(this.cmd, this.state, set);
      if (missing.length > 0) await this.promptForMandatory(missing);
      await this.processor.process(this.state.bound, undefined);
    });
  }

  private async promptForMandatory(missing: ReturnType<typeof missingMandatory>): Promise<void> {
    const host = this.interp.host;
    if (!host.interactive) throw missingMandatoryError(this.cmd, missing, this.ast.extent);
    this.interp.sink.line({ kind: 'prompt', text: `cmdlet ${this.cmd.name} at command pipeline position 1` });
    this.interp.sink.line({ kind: 'prompt', text: 'Supply values for the following parameters:' });
    for (const def of missing) {
      const reply = await host.readLine(`${def.name}: `);
      if (reply === null) throw missingMandatoryError(this.cmd, missing, this.ast.extent);
      this.state.bound.set(def.name, convertArgument(this.cmd.name, def, reply, this.ast.extent));
    }
  }

  /** One pipeline item: bind it, resolve the set, then process. Binding problems are per-item errors. */
  receive(item: Value): Promise<void> {
    this.interp.checkStop();
    return this.guarded(async () => {
      let state: BindState | undefined;
      let set: string;
      try {
        state = bindPipelineItem(this.cmd, this.state, item);
        // A function takes any input: what no parameter binds is still its $_ / $input.
        if (!state && this.cmd.isScript) state = { bound: new Map(this.state.bound), candidates: [...this.state.candidates] };
        if (!state) {
          return this.ctx.writeError({
            message: INPUT_NOT_BOUND,
            errorId: 'InputObjectNotBound',
            category: 'InvalidArgument',
            exceptionType: 'ParameterBindingException',
            target: targetText(item),
          });
        }
        set = resolveSet(this.cmd, state, this.ast.extent);
        const missing = missingMandatory(this.cmd, state, set);
        if (missing.length > 0) throw missingMandatoryError(this.cmd, missing, this.ast.extent);
      } catch (e) {
        if (e instanceof TerminatingError && !(e instanceof ActionPreferenceStopError)) return this.writeError({ ...e.record, command: this.cmd.name, extent: e.record.extent ?? this.ast.extent });
        throw e;
      }
      await this.processor.process(state.bound, { value: item });
    });
  }
}

export type { Extent };
