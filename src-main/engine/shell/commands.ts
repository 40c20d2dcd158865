// What a command is to the runtime: parameter definitions for the binder,
// help for Get-Help, and a processor factory with PowerShell's
// begin/process/end shape. Cmdlets and built-ins are registered as data.

import type { ParameterMeta, PipelineBinding } from '../domain/parameters';
import type { ConfigRepository } from '../store/types';
import type { SessionFiles } from '../files/session-files';
import type { Extent } from './ast';
import type { EnumType } from './enum-conversion';
import type { ErrorRecordData } from './errors';
import type { ScriptBlock, Value } from './values';

export type BindType =
  | 'Int16'
  | 'Int32'
  | 'UInt32'
  | 'String'
  | 'String[]'
  | 'Object'
  | 'Object[]'
  | 'PSObject'
  | 'SwitchParameter'
  | 'ScriptBlock'
  | 'XdsIdentity'
  | 'ActionPreference'
  | 'Int32[]'
  | 'DateTime'
  /** A .NET enum: `enumType` names it and its values. */
  | 'Enum';

export interface ParameterDef {
  readonly name: string;
  readonly type: BindType;
  readonly aliases: readonly string[];
  /** Parameter sets; undefined means all sets. */
  readonly sets?: readonly string[];
  readonly mandatory: boolean;
  readonly position?: number;
  readonly pipeline: readonly PipelineBinding[];
  /** Takes every extra positional argument (Write-Output). */
  readonly remaining?: boolean;
  readonly help: string;
  readonly common?: boolean;
  /** The domain metadata behind it, when there is one (ranges, URL rule, default). */
  readonly meta?: ParameterMeta;
  /** A script parameter's type constraint (`[int]$Count`): converts the argument or throws ConversionError. */
  readonly convert?: (value: Value) => Value;
  /** The .NET type name the constraint shows in messages and help. */
  readonly typeName?: string;
  /** For type 'Enum'. */
  readonly enumType?: EnumType;
  /** [ValidateRange(min, max)] on an integer parameter (each element of an array). */
  readonly range?: { readonly min: number; readonly max: number };
}

export interface HelpExample {
  readonly title: string;
  readonly code: string;
  readonly remarks: string;
}

export interface CommandHelp {
  readonly synopsis: string;
  readonly description: string;
  readonly examples: readonly HelpExample[];
  readonly inputs?: string;
  readonly outputs?: string;
  readonly notes?: string;
}

/** A pending confirmation or parameter prompt, answered by the host. */
export interface Host {
  /** False for scripted runs: prompts then fail with a clear error instead of waiting. */
  readonly interactive: boolean;
  /**
   * Shows `prompt` (no newline) and returns the typed line, or null when input ended.
   * `secret` (Read-Host -AsSecureString): a host that can should not echo what is typed.
   */
  readLine(prompt: string, options?: { readonly secret?: boolean }): Promise<string | null>;
}

/**
 * 'host' is Write-Host, 'information' Write-Information, 'debug' Write-Debug;
 * 'progress' is a ProgressLine (Write-Progress), which a console draws as a
 * bar that each new record for its Id replaces.
 */
export type OutputKind = 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information' | 'host' | 'whatif' | 'prompt' | 'clear';

/** PowerShell's ConsoleColor names, as Write-Host -ForegroundColor takes them. */
export type ConsoleColor =
  | 'Black' | 'DarkBlue' | 'DarkGreen' | 'DarkCyan' | 'DarkRed' | 'DarkMagenta' | 'DarkYellow' | 'Gray'
  | 'DarkGray' | 'Blue' | 'Green' | 'Cyan' | 'Red' | 'Magenta' | 'Yellow' | 'White';

export interface TextLine {
  readonly kind: OutputKind;
  readonly text: string;
  /** For kind 'error': the full record, so a console can show it on demand. */
  readonly record?: ErrorRecordData;
  /** Write-Host -NoNewline: the next line continues this one. */
  readonly noNewline?: boolean;
  /** Write-Host colours. */
  readonly foreground?: ConsoleColor;
  readonly background?: ConsoleColor;
}

/** One Write-Progress record. `text` is a one-line rendering for consoles that draw no bar. */
export interface ProgressLine {
  readonly kind: 'progress';
  readonly text: string;
  readonly activity: string;
  readonly status: string;
  /** -1 when unknown. */
  readonly percent: number;
  readonly id: number;
  readonly completed: boolean;
  readonly currentOperation?: string;
  /** -1 when unknown. */
  readonly secondsRemaining?: number;
  readonly record?: undefined;
}

export type OutputLine = TextLine | ProgressLine;

export type ShouldProcessAnswer = boolean;

/** What a running command may do; the runtime supplies one per invocation. */
export interface CommandContext {
  readonly commandName: string;
  /** Extent of the whole command in the statement, for error positions. */
  readonly extent: Extent;
  readonly repo: ConfigRepository;
  emit(value: Value): Promise<void>;
  writeError(record: Omit<ErrorRecordData, 'command' | 'extent'> & { extent?: Extent }): Promise<void>;
  writeWarning(text: string): Promise<void>;
  writeVerbose(text: string): Promise<void>;
  /** Write-Debug's stream: $DebugPreference / -Debug decide whether it shows. */
  writeDebug(text: string): Promise<void>;
  /** Write-Information's stream: $InformationPreference / -InformationAction decide. */
  writeInformation(text: string): Promise<void>;
  /** Write-Host: always shown unless -InformationAction Ignore (5.1 sends it to the information stream, tagged PSHOST). */
  writeHost(line: Omit<TextLine, 'kind'>): Promise<void>;
  /** Write-Progress: shown unless $ProgressPreference says otherwise. */
  writeProgress(line: Omit<ProgressLine, 'kind' | 'text'>): Promise<void>;
  writeWhatIf(text: string): void;
  /** Clear-Host: tells the host to clear its screen. */
  clearHost(): void;
  /** -WhatIf / -Confirm / -Force handling; true when the change should go ahead. */
  shouldProcess(target: string, action?: string): Promise<ShouldProcessAnswer>;
  /** Runs a scriptblock with $_ set to `input`; returns its output. */
  invoke(block: ScriptBlock, input: Value, args?: readonly Value[]): Promise<Value[]>;
  /** Session services for the utility commands. */
  readonly session: SessionServices;
  /** The input being run: its text, and the script file's path when it came from one (-File). */
  readonly script: { readonly source: string; readonly path: string | undefined };
  /** Whoever can answer a prompt (Read-Host). */
  readonly host: Host;
  /** The session's variables (Get-Variable and friends, Tee-Object -Variable). */
  readonly variables: VariableAccess;
  /** Waits `ms` milliseconds; a Stop (Ctrl+C, the Stop button) ends the wait with PipelineStoppedError. */
  sleep(ms: number): Promise<void>;
  /** Throws PipelineStoppedError when the user asked to stop (long loops inside a command call it). */
  checkStop(): void;
}

/** What a command may do with the session's variables (see runtime/variable-access.ts). */
export interface VariableAccess {
  get(name: string): Value;
  set(name: string, value: Value): void;
  /** Whether a variable of that name exists (automatic and constant ones included). */
  exists(name: string): boolean;
  /** Removes a variable; false when there was none or it cannot be removed. */
  remove(name: string): boolean;
  /** Every variable, with the name as first spelt, in creation order. */
  list(): { name: string; value: Value }[];
  /** Constants and automatic variables ($true, $null, $?, …): neither set nor removed by the *-Variable commands. */
  isReadOnly(name: string): boolean;
}

export interface SessionServices {
  commands(): readonly CommandDef[];
  findCommand(name: string): CommandDef | undefined;
  aliases(): ReadonlyMap<string, string>;
  history(): readonly { id: number; commandLine: string }[];
  /** The modules Import-Module has loaded in this session (names as Get-Module shows them). */
  importedModules(): Set<string>;
  /** The console's width in characters (PowerShell's host buffer width); 120 when absent. */
  consoleWidth?(): number;
  /** The session's current location and transcript (file commands resolve paths against it). */
  files(): SessionFiles;
  /**
   * Runs `work` once the statement's changes are committed; dropped when the
   * statement is stopped or its commit fails. Absent where nothing commits
   * statements (form checks): the caller then does the work at once.
   */
  afterCommit?(work: () => void): void;
}

export type Bound = ReadonlyMap<string, Value>;

export interface CommandProcessor {
  begin?(bound: Bound): Promise<void>;
  /** Called once per pipeline input, or once with no input when the command is first. */
  process(bound: Bound, input: { value: Value } | undefined): Promise<void>;
  end?(): Promise<void>;
}

export interface CommandDef {
  readonly name: string;
  readonly parameters: readonly ParameterDef[];
  /** Parameter set names; the first is the default. */
  readonly sets: readonly string[];
  readonly supportsShouldProcess: boolean;
  /**
   * How drastic its changes are (PowerShell's ConfirmImpact): ShouldProcess
   * asks when $ConfirmPreference is at or below it. Default Medium.
   */
  readonly confirmImpact?: 'Low' | 'Medium' | 'High';
  readonly help: CommandHelp;
  /** Where this command comes from, as Get-Command's Source column shows it. */
  readonly source: string;
  /**
   * A function or script: pipeline input it cannot bind still reaches it ($input, $_),
   * and its errors keep their own position rather than being attributed to the call.
   */
  readonly isScript?: boolean;
  /** A simple function or script: unknown parameters and extra positional arguments go to $args instead of failing. */
  readonly takesExtraArguments?: boolean;
  create(ctx: CommandContext): CommandProcessor;
}

export const ALL_SETS = '__AllParameterSets';
