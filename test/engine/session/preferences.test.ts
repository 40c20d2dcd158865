// Preference variables drive the common parameters a command was not given,
// as in PowerShell: a planned dry run with $WhatIfPreference changes nothing,
// and $ErrorActionPreference = 'Stop' ends a script at its first failure.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(async () => {
  t = createTestSession({ interactive: true });
  await t.run('New-CsPersistentChatConfiguration site:A | Out-Null; New-CsPersistentChatConfiguration site:B | Out-Null');
});
afterEach(() => t.cleanup());

describe('preference variables', () => {
  it('start with PowerShell\'s defaults', async () => {
    expect((await t.run('$ErrorActionPreference; $WarningPreference; $VerbosePreference; $ConfirmPreference; $WhatIfPreference')).text).toBe(
      'Continue\nContinue\nSilentlyContinue\nHigh\nFalse',
    );
  });

  it('$WhatIfPreference = $true makes every change a dry run; -WhatIf:$false still goes ahead', async () => {
    const r = await t.run('$WhatIfPreference = $true; Remove-CsPersistentChatConfiguration -Identity site:A; Set-CsPersistentChatConfiguration -DefaultChatHistory 44');
    expect(r.text).toContain('What if: Performing the operation "Remove-CsPersistentChatConfiguration" on target "site:A".');
    expect(t.identities()).toContain('site:A');
    expect(t.file().collections['Global']!.DefaultChatHistory).toBe(30);
    await t.run('Set-CsPersistentChatConfiguration -DefaultChatHistory 45 -WhatIf:$false');
    expect(t.file().collections['Global']!.DefaultChatHistory).toBe(45);
  });

  it('$ErrorActionPreference = \'Stop\' ends the script at the first failure: site:B is not removed', async () => {
    const r = await t.run("$ErrorActionPreference = 'Stop'\nRemove-CsPersistentChatConfiguration -Identity site:Typo\nRemove-CsPersistentChatConfiguration -Identity site:B");
    expect(r.success).toBe(false);
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B']);
  });

  it('$ErrorActionPreference = \'SilentlyContinue\' hides the error but keeps it in $Error; an explicit -ErrorAction wins', async () => {
    const quiet = await t.run("$ErrorActionPreference = 'SilentlyContinue'; Remove-CsPersistentChatConfiguration -Identity site:Typo; $Error.Count");
    expect(quiet.lines.filter((l) => l.kind === 'error')).toHaveLength(0);
    expect(quiet.text).toBe('1');
    const loud = await t.run('Remove-CsPersistentChatConfiguration -Identity site:Typo -ErrorAction Continue');
    expect(loud.lines.filter((l) => l.kind === 'error')).toHaveLength(1);
  });

  it('numeric values work as for -ErrorAction (1 is Stop); an invalid one is a clear error', async () => {
    const r = await t.run('$ErrorActionPreference = 1\nRemove-CsPersistentChatConfiguration -Identity site:Typo\nRemove-CsPersistentChatConfiguration -Identity site:B');
    expect(t.identities()).toContain('site:B');
    expect(r.success).toBe(false);
    const bad = await t.run("$ErrorActionPreference = 'Bogus'; Get-CsPersistentChatConfiguration -Identity site:Typo");
    expect(bad.text).toContain('Cannot convert value "Bogus" to type "System.Management.Automation.ActionPreference"');
  });

  it('$ConfirmPreference = \'Medium\' asks before each change; \'None\' never asks', async () => {
    t.answers.push('n');
    await t.run("$ConfirmPreference = 'Medium'; Remove-CsPersistentChatConfiguration -Identity site:A");
    expect(t.prompts).toHaveLength(1);
    expect(t.identities()).toContain('site:A');
    await t.run("$ConfirmPreference = 'None'; Remove-CsPersistentChatConfiguration -Identity site:A");
    expect(t.prompts).toHaveLength(1);
    expect(t.identities()).not.toContain('site:A');
  });

  it('$VerbosePreference = \'Continue\' shows verbose lines', async () => {
    const r = await t.run("$VerbosePreference = 'Continue'; Set-CsPersistentChatConfiguration -DefaultChatHistory 31");
    expect(r.text).toContain('VERBOSE: Performing the operation "Set-CsPersistentChatConfiguration" on target "Global".');
  });
});
