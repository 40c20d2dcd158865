// Preference variables and the common parameters they stand in for, with
// Windows PowerShell 5.1's rules (InitialSessionState, MshCommandRuntime,
// ExecutionContext.GetEnumPreference):
//
// - $ErrorActionPreference, $WarningPreference, $VerbosePreference,
//   $DebugPreference, $InformationPreference and $ProgressPreference are
//   typed ActionPreference, $ConfirmPreference is typed ConfirmImpact: an
//   assignment converts the value ('stop', 1, 'Sil' all work) or is refused
//   with PowerShell's conversion error, and the variable keeps its value.
//   $WhatIfPreference is untyped and read as a boolean.
// - A command whose parameter was not given reads the variable when it needs
//   it. A parameter given explicitly (-WhatIf:$false, -Confirm:$false, -ea
//   Continue) always wins, and -Verbose also makes errors and warnings
//   Continue, as 5.1 does.
// - Ignore and Suspend are valid values to assign but not to use: the first
//   command that reads one puts the variable back to its default and fails
//   with NotSupportedException.

import { toBoolean } from '../convert';
import { ACTION_PREFERENCE, CONFIRM_IMPACT, convertToEnum, EnumConversionError } from '../enum-conversion';
import { errorRecord, TerminatingError } from '../errors';
import type { Bound, CommandDef } from '../commands';
import type { Value } from '../values';
import type { Variables } from './scope';

/** What a command that supports ShouldProcess declares when it names no ConfirmImpact (PowerShell's default). */
export const DEFAULT_CONFIRM_IMPACT = 'Medium';

/** PowerShell's defaults for the preference variables a new session starts with. */
export const PREFERENCE_DEFAULTS: Readonly<Record<string, Value>> = {
  ErrorActionPreference: 'Continue',
  WarningPreference: 'Continue',
  VerbosePreference: 'SilentlyContinue',
  DebugPreference: 'SilentlyContinue',
  InformationPreference: 'SilentlyContinue',
  ProgressPreference: 'Continue',
  ConfirmPreference: 'High',
  WhatIfPreference: false,
};

/** Creates the preference variables with their defaults and types. */
export function initPreferenceVariables(variables: Variables): void {
  for (const [name, value] of Object.entries(PREFERENCE_DEFAULTS)) {
    variables.set(name, value);
    if (name === 'WhatIfPreference') continue;
    const type = name === 'ConfirmPreference' ? CONFIRM_IMPACT : ACTION_PREFERENCE;
    variables.constrain(name, (v) => {
      try {
        return { ok: true, value: convertToEnum(type, v) };
      } catch (e) {
        if (e instanceof EnumConversionError) return { ok: false, message: e.message };
        throw e;
      }
    });
  }
}

/** ErrorPackage.UnsupportedPreferenceError, raised where the value is read (a command, or the statement's error handling). */
function unsupportedPreference(value: string, command: string): TerminatingError {
  return new TerminatingError(
    errorRecord({
      message: `The value ${value} is not supported for an ActionPreference variable. The provided value should be used only as a value for a preference parameter, and has been replaced by the default value. For more information, see the Help topic, "about_Preference_Variables."`,
      errorId: 'System.NotSupportedException',
      category: 'NotSpecified',
      exceptionType: 'NotSupportedException',
      command,
    }),
  );
}

/**
 * An ActionPreference variable's value. Ignore and Suspend reset the
 * variable and throw (GetEnumPreference); a value that does not convert
 * (only possible if the variable lost its type) gives the default silently.
 */
export function readActionPreference(variables: Variables, name: string, command = ''): string {
  const fallback = PREFERENCE_DEFAULTS[name] as string;
  let value: string;
  try {
    value = convertToEnum(ACTION_PREFERENCE, variables.get(name));
  } catch (e) {
    if (e instanceof EnumConversionError) return fallback;
    throw e;
  }
  if (value === 'Ignore' || value === 'Suspend') {
    variables.set(name, fallback);
    throw unsupportedPreference(value, command);
  }
  return value;
}

/** Whether a command with `impact` asks before acting under `preference` (None never asks). */
export function confirmsAt(preference: string, impact: string): boolean {
  const level = CONFIRM_IMPACT.names.indexOf(preference);
  return level > 0 && level <= CONFIRM_IMPACT.names.indexOf(impact);
}

/**
 * The effective common parameters of one command invocation: the value
 * given, else the preference variable (MshCommandRuntime's getters).
 * ErrorAction, WhatIf and the confirm level are read once per invocation and
 * kept, as PowerShell caches them; warnings and verbose read every time.
 */
export class CommandPreferences {
  private errorActionRead: string | undefined;
  private whatIfRead: boolean | undefined;
  private confirmRead: string | undefined;

  constructor(
    private readonly bound: Bound,
    private readonly variables: Variables,
    private readonly cmd: CommandDef,
  ) {}

  private given(name: string): Value | undefined {
    return this.bound.get(name);
  }

  private get verboseGiven(): boolean {
    return this.given('Verbose') === true;
  }

  get errorAction(): string {
    const given = this.given('ErrorAction');
    if (given !== undefined) return given as string;
    if (this.verboseGiven) return 'Continue';
    return (this.errorActionRead ??= readActionPreference(this.variables, 'ErrorActionPreference', this.cmd.name));
  }

  get warningAction(): string {
    const given = this.given('WarningAction');
    if (given !== undefined) return given as string;
    if (this.verboseGiven) return 'Continue';
    return readActionPreference(this.variables, 'WarningPreference', this.cmd.name);
  }

  get verboseAction(): string {
    const given = this.given('Verbose');
    if (given !== undefined) return given === true ? 'Continue' : 'SilentlyContinue';
    return readActionPreference(this.variables, 'VerbosePreference', this.cmd.name);
  }

  /** -Debug shows debug messages (5.1 would also ask before going on; this console does not ask). */
  get debugAction(): string {
    const given = this.given('Debug');
    if (given !== undefined) return given === true ? 'Continue' : 'SilentlyContinue';
    return readActionPreference(this.variables, 'DebugPreference', this.cmd.name);
  }

  get informationAction(): string {
    const given = this.given('InformationAction');
    if (given !== undefined) return given as string;
    return readActionPreference(this.variables, 'InformationPreference', this.cmd.name);
  }

  /** Write-Host is shown whatever $InformationPreference says; only an explicit -InformationAction Ignore or Stop changes that. */
  get hostAction(): string {
    const given = this.given('InformationAction');
    return given === 'Ignore' || given === 'Stop' ? (given as string) : 'Continue';
  }

  /** Write-Progress has no common parameter: $ProgressPreference alone decides. */
  get progressAction(): string {
    return readActionPreference(this.variables, 'ProgressPreference', this.cmd.name);
  }

  /** Only commands that support ShouldProcess have -WhatIf and read $WhatIfPreference. */
  get whatIf(): boolean {
    if (!this.cmd.supportsShouldProcess) return false;
    const given = this.given('WhatIf');
    if (given !== undefined) return given === true;
    return (this.whatIfRead ??= toBoolean(this.variables.get('WhatIfPreference')));
  }

  /** Whether ShouldProcess asks: -Confirm asks at Low, -Confirm:$false never, else $ConfirmPreference against the command's impact. */
  get confirm(): boolean {
    if (!this.cmd.supportsShouldProcess) return false;
    const given = this.given('Confirm');
    const preference = given !== undefined ? (given === true ? 'Low' : 'None') : (this.confirmRead ??= this.confirmPreference());
    return confirmsAt(preference, this.cmd.confirmImpact ?? DEFAULT_CONFIRM_IMPACT);
  }

  private confirmPreference(): string {
    try {
      return convertToEnum(CONFIRM_IMPACT, this.variables.get('ConfirmPreference'));
    } catch (e) {
      if (e instanceof EnumConversionError) return PREFERENCE_DEFAULTS['ConfirmPreference'] as string;
      throw e;
    }
  }
}
