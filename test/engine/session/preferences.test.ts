// Preference variables drive the common parameters a command was not given,
// as in Windows PowerShell 5.1: a planned dry run with $WhatIfPreference
// changes nothing, $ConfirmPreference asks by the cmdlets' ConfirmImpact
// (Medium), $WarningPreference / $VerbosePreference govern those streams,
// and the typed preference variables refuse a value that names no
// ActionPreference / ConfirmImpact when it is assigned.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(async () => {
  t = createTestSession({ interactive: true });
  await t.run('New-CsPersistentChatConfiguration site:A | Out-Null; New-CsPersistentChatConfiguration site:B | Out-Null');
});
afterEach(() => t.cleanup());

const GLOBAL_WARNING = 'WARNING: The global Persistent Chat configuration cannot be removed. Its settings have been reset to their default values.';

describe('preference variables', () => {
  it("start with PowerShell's defaults", async () => {
    expect(
      (await t.run('$ErrorActionPreference; $WarningPreference; $VerbosePreference; $DebugPreference; $InformationPreference; $ProgressPreference; $ConfirmPreference; $WhatIfPreference')).text,
    ).toBe('Continue\nContinue\nSilentlyContinue\nSilentlyContinue\nSilentlyContinue\nContinue\nHigh\nFalse');
  });
});

describe('$WhatIfPreference', () => {
  it('$true makes every change a dry run (New, Set, Remove); -WhatIf:$false still goes ahead', async () => {
    const r = await t.run(
      '$WhatIfPreference = $true\nNew-CsPersistentChatConfiguration -Identity site:C\nSet-CsPersistentChatConfiguration -DefaultChatHistory 44\nRemove-CsPersistentChatConfiguration -Identity site:A',
    );
    expect(r.text).toBe(
      [
        'What if: Performing the operation "New-CsPersistentChatConfiguration" on target "site:C".',
        'What if: Performing the operation "Set-CsPersistentChatConfiguration" on target "Global".',
        'What if: Performing the operation "Remove-CsPersistentChatConfiguration" on target "site:A".',
      ].join('\n'),
    );
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B']);
    expect(t.file().collections['Global']!.DefaultChatHistory).toBe(30);
    await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 45 -WhatIf:$false');
    expect(t.file().collections['Global']!.DefaultChatHistory).toBe(45);
  });

  it('a pipeline of removals under $WhatIfPreference removes nothing; Get still reads', async () => {
    const r = await t.run('$WhatIfPreference = 1; Get-CsPersistentChatConfiguration -Filter site:* | Remove-CsPersistentChatConfiguration');
    expect(r.text.split('\n')).toHaveLength(2);
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B']);
    expect((await t.run('(Get-CsPersistentChatConfiguration -Filter site:*).Count')).text).toBe('2');
  });

  it('is read as a boolean: $false, 0 and an empty string go ahead', async () => {
    await t.run("$WhatIfPreference = ''; Remove-CsPersistentChatConfiguration -Identity site:A");
    await t.run('$WhatIfPreference = 0; Remove-CsPersistentChatConfiguration -Identity site:B');
    expect(t.identities()).toEqual(['Global']);
  });
});

describe('$ConfirmPreference', () => {
  it("'Medium' asks before New, Set and Remove (ConfirmImpact Medium); the default 'High' never asks", async () => {
    await t.run('Remove-CsPersistentChatConfiguration -Identity site:A');
    expect(t.prompts).toHaveLength(0);
    t.answers.push('n', 'n', 'n');
    await t.run("$ConfirmPreference = 'Medium'\nNew-CsPersistentChatConfiguration site:C\nSet-CsPersistentChatConfiguration -DefaultChatHistory 40\nRemove-CsPersistentChatConfiguration -Identity site:B");
    expect(t.prompts).toHaveLength(3);
    expect(t.identities()).toEqual(['Global', 'site:B']);
    expect(t.file().collections['Global']!.DefaultChatHistory).toBe(30);
  });

  it("'Low' asks too; 'None' never asks; -Confirm:$false wins over the preference", async () => {
    t.answers.push('n');
    await t.run("$ConfirmPreference = 'low'; Remove-CsPersistentChatConfiguration -Identity site:A");
    expect(t.prompts).toHaveLength(1);
    await t.run('Remove-CsPersistentChatConfiguration -Identity site:A -Confirm:$false');
    expect(t.prompts).toHaveLength(1);
    expect(t.identities()).toEqual(['Global', 'site:B']);
    await t.run("$ConfirmPreference = 'None'; Remove-CsPersistentChatConfiguration -Identity site:B");
    expect(t.prompts).toHaveLength(1);
    expect(t.identities()).toEqual(['Global']);
  });

  it('-Confirm asks even when $ConfirmPreference is None', async () => {
    t.answers.push('n');
    await t.run("$ConfirmPreference = 'None'; Remove-CsPersistentChatConfiguration -Identity site:A -Confirm");
    expect(t.prompts).toHaveLength(1);
    expect(t.identities()).toContain('site:A');
  });

  it('in a non-interactive run it fails clearly instead of waiting, and changes nothing', async () => {
    const quiet = createTestSession({ dir: t.dir });
    const r = await quiet.run("$ConfirmPreference = 'Medium'; Remove-CsPersistentChatConfiguration -Identity site:A");
    expect(r.success).toBe(false);
    expect(r.text).toContain('This shell is not interactive, so it cannot ask for confirmation.');
    expect(t.identities()).toContain('site:A');
  });

  it('takes the ConfirmImpact numbers and refuses a name that is not one, keeping its value', async () => {
    expect((await t.run('$ConfirmPreference = 2; $ConfirmPreference')).text).toBe('Medium');
    const r = await t.run("$ConfirmPreference = 'Bogus'; $ConfirmPreference");
    expect(r.text).toBe(
      [
        'Cannot convert value "Bogus" to type "System.Management.Automation.ConfirmImpact". Error: "Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:',
        'None, Low, Medium, High"',
        'At line:1 char:1',
        "+ $ConfirmPreference = 'Bogus'; $ConfirmPreference",
        '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : MetadataError: (:) [], ArgumentTransformationMetadataException',
        '    + FullyQualifiedErrorId : RuntimeException',
        'Medium',
      ].join('\n'),
    );
  });
});

describe('$WarningPreference and $VerbosePreference', () => {
  it("$WarningPreference = 'SilentlyContinue' hides warnings; -WarningAction Continue and -Verbose still show them", async () => {
    expect((await t.run("$WarningPreference = 'SilentlyContinue'; Remove-CsPersistentChatConfiguration -Identity Global")).text).toBe('');
    expect((await t.run('Remove-CsPersistentChatConfiguration -Identity Global -WarningAction Continue')).text).toBe(GLOBAL_WARNING);
    expect((await t.run('Remove-CsPersistentChatConfiguration -Identity Global -Verbose')).text).toBe(
      `VERBOSE: Performing the operation "Remove-CsPersistentChatConfiguration" on target "Global".\n${GLOBAL_WARNING}`,
    );
  });

  it("$WarningPreference = 'Stop' shows the warning, then stops the script", async () => {
    const r = await t.run("$WarningPreference = 'Stop'\nRemove-CsPersistentChatConfiguration -Identity Global\nRemove-CsPersistentChatConfiguration -Identity site:A");
    expect(r.success).toBe(false);
    expect(r.lines[0]!.text).toBe(GLOBAL_WARNING);
    expect(r.text).toContain(
      'The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: The global Persistent Chat configuration cannot be removed.',
    );
    expect(t.identities()).toContain('site:A');
  });

  it("the operation's verbose line comes from an explicit -Verbose only, not from $VerbosePreference (as ShouldProcess writes it)", async () => {
    expect((await t.run("$VerbosePreference = 'Continue'; Set-CsPersistentChatConfiguration -DefaultChatHistory 31")).text).toBe('');
    expect((await t.run("$VerbosePreference = 'SilentlyContinue'; Set-CsPersistentChatConfiguration -DefaultChatHistory 32 -Verbose")).text).toBe(
      'VERBOSE: Performing the operation "Set-CsPersistentChatConfiguration" on target "Global".',
    );
    expect((await t.run("$VerbosePreference = 'Stop'; Set-CsPersistentChatConfiguration -DefaultChatHistory 33 -Verbose:$false")).text).toBe('');
    expect(t.file().collections['Global']!.DefaultChatHistory).toBe(33);
  });

  it('$DebugPreference and $InformationPreference take ActionPreference values and refuse others', async () => {
    expect((await t.run("$DebugPreference = 'continue'; $InformationPreference = 1; $DebugPreference; $InformationPreference")).text).toBe('Continue\nStop');
    const r = await t.run("$InformationPreference = 'Loud'; $InformationPreference");
    expect(r.text).toContain('Cannot convert value "Loud" to type "System.Management.Automation.ActionPreference".');
    expect(r.text.split('\n').at(-1)).toBe('Stop');
  });
});
