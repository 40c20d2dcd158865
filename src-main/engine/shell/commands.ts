// What a command is to the runtime: parameter definitions for the binder,
// help for Get-Help, and a processor factory with PowerShell's
// begin/process/end shape. Cmdlets and built-ins are registered as data.

import type { ParameterMeta, PipelineBinding } from '../domain/parameters';
import type { ConfigRepository } from '../store/types';
import type { SessionFiles } from '../files/session-files';
import type { Extent } from './ast';
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
  | 'ActionPreference';

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
  /** Shows `prompt` (no newline) and returns the typed line, or null when input ended. */
  readLine(prompt: string): Promise<string | null>;
}

export type OutputKind = 'output' | 'error' | 'warning' | 'verbose' | 'whatif' | 'prompt' | 'clear';

export interface OutputLine {
  readonly kind: OutputKind;
  readonly text: string;
  /** For kind 'error': the full record, so a console can show it on demand. */
  readonly record?: ErrorRecordData;
}

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
  writeWhatIf(text: string): void;
  /** Clear-Host: tells the host to clear its screen. */
  clearHost(): void;
  /** -WhatIf / -Confirm / -Force handling; true when the change should go ahead. */
  shouldProcess(target: string, action?: string): Promise<ShouldProcessAnswer>;
  /** Runs a scriptblock with $_ set to `input`; returns its output. */
  invoke(block: ScriptBlock, input: Value, args?: readonly Value[]): Promise<Value[]>;
  /** Session services for the utility commands. */
  readonly session: SessionServices;
}

export interface SessionServices {
  commands(): readonly CommandDef[];
  findCommand(name: string): CommandDef | undefined;
  aliases(): ReadonlyMap<string, string>;
  history(): readonly { id: number; commandLine: string }[];
  /** The session's current location and transcript (file commands resolve paths against it). */
  files(): SessionFiles;
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
  create(ctx: CommandContext): CommandProcessor;
}

export const ALL_SETS = '__AllParameterSets';
