// Preference variables as the defaults of the common parameters, as in
// PowerShell: a command whose -ErrorAction, -WarningAction, -Verbose, -WhatIf
// or -Confirm was not given reads $ErrorActionPreference, $WarningPreference,
// $VerbosePreference, $WhatIfPreference and $ConfirmPreference instead. A
// parameter given explicitly (-WhatIf:$false included) always wins.

import { toBoolean, toPSString } from '../convert';
import { runtimeError } from '../errors';
import type { Value } from '../values';
import type { Variables } from './scope';

/** ActionPreference's names in the enum's order (its numbers work too: 0 is SilentlyContinue). */
export const ACTION_PREFERENCES = ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend'] as const;

/** ConfirmImpact levels; the configuration cmdlets declare Medium, so the default High never prompts. */
const IMPACT = ['None', 'Low', 'Medium', 'High'] as const;
export const COMMAND_CONFIRM_IMPACT = 'Medium';

/** The ActionPreference named by `value` (a name, any case, or the enum's number); undefined when none. */
export function actionPreferenceOf(value: Value): string | undefined {
  const text = toPSString(value).trim();
  if (/^\d+$/.test(text)) return ACTION_PREFERENCES[Number(text)];
  return ACTION_PREFERENCES.find((p) => p.toLowerCase() === text.toLowerCase());
}

/** .NET's message for a value that names no ActionPreference (binder and preference variables alike). */
export function notAnActionPreference(text: string, target = 'System.Management.Automation.ActionPreference'): string {
  return `Cannot convert value "${text}" to type "${target}". Error: "Unable to match the identifier name ${text} to a valid enumerator name. Specify one of the following enumerator names and try again: ${ACTION_PREFERENCES.join(', ')}"`;
}

function readAction(variables: Variables, name: string): string | undefined {
  const value = variables.get(name);
  if (value === null) return undefined;
  const found = actionPreferenceOf(value);
  if (found === undefined) {
    const text = toPSString(value);
    throw runtimeError(
      notAnActionPreference(text),
      'RuntimeException',
      undefined,
      'InvalidArgument',
      'ArgumentTransformationMetadataException',
    );
  }
  return found;
}

/** The value a common parameter takes from its preference variable, or undefined (not set / not applicable). */
export function preferenceDefault(variables: Variables, parameter: string): Value | undefined {
  switch (parameter) {
    case 'ErrorAction':
      return readAction(variables, 'ErrorActionPreference');
    case 'WarningAction':
      return readAction(variables, 'WarningPreference');
    case 'Verbose':
      return readAction(variables, 'VerbosePreference') === 'Continue' ? true : undefined;
    case 'WhatIf': {
      const value = variables.get('WhatIfPreference');
      return value !== null && toBoolean(value) ? true : undefined;
    }
    case 'Confirm': {
      const value = variables.get('ConfirmPreference');
      if (value === null) return undefined;
      const level = IMPACT.findIndex((l) => l.toLowerCase() === toPSString(value).trim().toLowerCase());
      // Ask when the command's impact is at or above the preference (None never asks).
      return level > 0 && IMPACT.indexOf(COMMAND_CONFIRM_IMPACT) >= level ? true : undefined;
    }
  }
  return undefined;
}

/** PowerShell's defaults for the preference variables a new session starts with. */
export const PREFERENCE_DEFAULTS: Readonly<Record<string, Value>> = {
  ErrorActionPreference: 'Continue',
  WarningPreference: 'Continue',
  VerbosePreference: 'SilentlyContinue',
  DebugPreference: 'SilentlyContinue',
  InformationPreference: 'SilentlyContinue',
  ConfirmPreference: 'High',
  WhatIfPreference: false,
};
