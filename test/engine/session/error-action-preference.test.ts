// $ErrorActionPreference as Windows PowerShell 5.1 applies it: the default
// -ErrorAction of every command, and what a statement list does with a
// statement's terminating error (ExceptionHandlingOps.CheckActionPreference).
// 'Stop' ends the script at its first failure, so a script never goes on to
// remove site:B after failing on site:Typo.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../src-main/engine/session';
import { openRepository } from '../../../src-main/engine/store';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(async () => {
  t = createTestSession();
  await t.run('New-CsPersistentChatConfiguration site:A | Out-Null; New-CsPersistentChatConfiguration site:B | Out-Null');
});
afterEach(() => t.cleanup());

const errors = (r: { lines: { kind: string }[] }) => r.lines.filter((l) => l.kind === 'error').length;

describe("$ErrorActionPreference = 'Stop'", () => {
  it('ends the script at the first failure: site:B is not removed, the error is shown once', async () => {
    const r = await t.run("$ErrorActionPreference = 'Stop'\nRemove-CsPersistentChatConfiguration -Identity site:Typo\nRemove-CsPersistentChatConfiguration -Identity site:B\n'after'");
    expect(r.success).toBe(false);
    expect(errors(r)).toBe(1);
    expect(r.text).toContain('Cannot find "PersistentChatConfiguration" "site:Typo" because it does not exist.');
    expect(r.text).not.toContain('after');
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B']);
    expect((await t.run('$Error.Count')).text).toBe('1');
  });

  it('also ends it on a statement-terminating error (an unknown command, a binding error)', async () => {
    await t.run("$ErrorActionPreference = 'Stop'\nGet-Nothing\nRemove-CsPersistentChatConfiguration -Identity site:A");
    await t.run('Remove-CsPersistentChatConfiguration -Identity site:A -Bogus 1\nRemove-CsPersistentChatConfiguration -Identity site:B');
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B']);
  });

  it('stops inside a ForEach-Object block too: nothing after the failure runs', async () => {
    const r = await t.run(
      "$ErrorActionPreference = 'Stop'\n'site:Typo', 'site:A' | ForEach-Object { Get-Nothing; Remove-CsPersistentChatConfiguration -Identity $_ }\nRemove-CsPersistentChatConfiguration -Identity site:B",
    );
    expect(errors(r)).toBe(1);
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B']);
  });

  it('an explicit -ErrorAction Continue wins: the error is shown and the script goes on', async () => {
    const r = await t.run("$ErrorActionPreference = 'Stop'\nRemove-CsPersistentChatConfiguration -Identity site:Typo -ErrorAction Continue\nRemove-CsPersistentChatConfiguration -Identity site:B");
    expect(errors(r)).toBe(1);
    expect(t.identities()).toEqual(['Global', 'site:A']);
  });

  it('-Verbose makes the command\'s errors Continue, as in 5.1 (MshCommandRuntime.ErrorAction)', async () => {
    const r = await t.run("$ErrorActionPreference = 'Stop'\nRemove-CsPersistentChatConfiguration -Identity site:Typo -Verbose\nRemove-CsPersistentChatConfiguration -Identity site:B");
    expect(errors(r)).toBe(1);
    expect(t.identities()).toEqual(['Global', 'site:A']);
  });

  it('accepts the enum number (1) and any case; the value reads back as its name', async () => {
    expect((await t.run('$ErrorActionPreference = 1; $ErrorActionPreference')).text).toBe('Stop');
    await t.run('Remove-CsPersistentChatConfiguration -Identity site:Typo\nRemove-CsPersistentChatConfiguration -Identity site:B');
    expect(t.identities()).toContain('site:B');
    expect((await t.run("$ErrorActionPreference = 'sTOP'; $ErrorActionPreference")).text).toBe('Stop');
  });
});

describe("$ErrorActionPreference = 'SilentlyContinue'", () => {
  it('hides a command\'s error but keeps it in $Error and $? is false; an explicit -ErrorAction wins', async () => {
    const quiet = await t.run("$ErrorActionPreference = 'SilentlyContinue'; Remove-CsPersistentChatConfiguration -Identity site:Typo; $?; $Error.Count");
    expect(quiet.text).toBe('False\n1');
    const loud = await t.run('Remove-CsPersistentChatConfiguration -Identity site:Typo -ErrorAction Continue');
    expect(errors(loud)).toBe(1);
  });

  it('also hides statement-terminating errors (an unknown command), as 5.1 does, and the script goes on', async () => {
    const r = await t.run("$ErrorActionPreference = 'SilentlyContinue'\nGet-Nothing\n$Error[0].FullyQualifiedErrorId\nRemove-CsPersistentChatConfiguration -Identity site:B");
    expect(r.text).toBe('CommandNotFoundException');
    expect(t.identities()).toEqual(['Global', 'site:A']);
  });

  it("an unambiguous prefix names the value ('sil'); an ambiguous one is refused", async () => {
    expect((await t.run("$ErrorActionPreference = 'sil'; $ErrorActionPreference")).text).toBe('SilentlyContinue');
    const r = await t.run("$ErrorActionPreference = 'Continue'; $ErrorActionPreference = 's'; $ErrorActionPreference");
    expect(r.text).toContain(
      'Error: "The identifier name s cannot be processed because it is either too similar or identical to the following enumerator names: SilentlyContinue, Stop, Suspend. Use a more specific identifier name."',
    );
    expect(r.text.split('\n').at(-1)).toBe('Continue');
  });
});

describe('values that are not a usable ActionPreference', () => {
  it("'Bogus' is refused when assigned (the variable is typed), with PowerShell's record; the value stays", async () => {
    const r = await t.run("$ErrorActionPreference = 'Bogus'\n$ErrorActionPreference");
    expect(r.text).toBe(
      [
        'Cannot convert value "Bogus" to type "System.Management.Automation.ActionPreference". Error: "Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:',
        'SilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend"',
        'At line:1 char:1',
        "+ $ErrorActionPreference = 'Bogus'",
        '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : MetadataError: (:) [], ArgumentTransformationMetadataException',
        '    + FullyQualifiedErrorId : RuntimeException',
        'Continue',
      ].join('\n'),
    );
  });

  it('a number that names no value, and $null, are refused with the enumeration-values message', async () => {
    expect((await t.run('$ErrorActionPreference = 9')).text).toContain(
      'Cannot convert value "9" to type "System.Management.Automation.ActionPreference" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "SilentlyContinue,Stop,Continue,Inquire,Ignore,Suspend".',
    );
    expect((await t.run('$ErrorActionPreference = $null')).text).toContain('Cannot convert null to type "System.Management.Automation.ActionPreference" due to enumeration values that are not valid.');
    expect((await t.run('$ErrorActionPreference')).text).toBe('Continue');
  });

  it("'Ignore' can be assigned but not used: the failing command gets NotSupportedException and the variable is reset", async () => {
    const r = await t.run("$ErrorActionPreference = 'Ignore'\nRemove-CsPersistentChatConfiguration -Identity site:Typo\n$ErrorActionPreference");
    expect(r.text).toBe(
      [
        'Remove-CsPersistentChatConfiguration : The value Ignore is not supported for an ActionPreference variable. The provided value should be used only as a value for a preference parameter, and has been replaced by the default value. For more information, see the Help topic, "about_Preference_Variables."',
        'At line:2 char:1',
        '+ Remove-CsPersistentChatConfiguration -Identity site:Typo',
        '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : NotSpecified: (:) [Remove-CsPersistentChatConfiguration], NotSupportedException',
        '    + FullyQualifiedErrorId : System.NotSupportedException,Remove-CsPersistentChatConfiguration',
        'Continue',
      ].join('\n'),
    );
  });

  it("'Ignore' read by a statement's own error ends the input; the first error is kept in $Error but not shown", async () => {
    const r = await t.run("$ErrorActionPreference = 'Ignore'; Get-Nothing; 'after'");
    expect(r.text).toBe(
      [
        'The value Ignore is not supported for an ActionPreference variable. The provided value should be used only as a value for a preference parameter, and has been replaced by the default value. For more information, see the Help topic, "about_Preference_Variables."',
        '    + CategoryInfo          : NotSpecified: (:) [], NotSupportedException',
        '    + FullyQualifiedErrorId : System.NotSupportedException',
      ].join('\n'),
    );
    expect((await t.run('$Error.Count; $Error[1].FullyQualifiedErrorId; $ErrorActionPreference')).text).toBe('2\nCommandNotFoundException\nContinue');
  });
});

describe('what no preference catches', () => {
  it("the user's Stop (PipelineStoppedError) unwinds every block even under 'SilentlyContinue': nothing is changed", async () => {
    const signal = { requested: false };
    const session = new Session({
      repo: openRepository(t.dir).repository,
      stop: signal,
      host: {
        interactive: true,
        // Stop is pressed while the confirmation prompt is open; the answer still says yes.
        readLine: async () => {
          signal.requested = true;
          return 'y';
        },
      },
    });
    const r = await session.execute(
      "$ErrorActionPreference = 'SilentlyContinue'\n'site:A', 'site:B' | ForEach-Object { Remove-CsPersistentChatConfiguration -Identity $_ -Confirm; Get-Nothing }\n'after'",
    );
    expect(r.stopped).toBe(true);
    expect(r.lines.map((l) => l.text)).not.toContain('after');
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B']);
  });
});
