// try/catch/finally, throw, trap, $Error, $? and -ErrorVariable with
// PowerShell 5.1's semantics, in a real session over a real store file.

import { afterAll, describe, expect, it } from 'vitest';
import { createTestSession } from '../../helpers/engine-session';
import { firstLines, type Case } from './cases';

const t = createTestSession();
afterAll(() => t.cleanup());

const cases: Case[] = [
  ['try { throw "bad thing" } catch { $_.Exception.Message; $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }', 'bad thing\nbad thing\nOperationStopped'],
  ['try { "a"; throw "x"; "b" } catch { "c" } finally { "d" }; "e"', 'a\nc\nd\ne'],
  ['try { try { throw "inner" } finally { "inner finally" } } catch { "outer caught $_" }', 'inner finally\nouter caught inner'],
  ['function f { throw "from f" }; try { f } catch { "caught: $_" }', 'caught: from f'],
  ['try { nosuchcmd } catch [System.Management.Automation.CommandNotFoundException] { "not found" } catch { "other" }', 'not found'],
  ['try { Get-CsPersistentChatConfiguration -Identity site:q -ErrorAction Stop } catch [System.Management.Automation.ItemNotFoundException] { "typed: $($_.FullyQualifiedErrorId)" }', 'typed: ConfigurationNotFound,Get-CsPersistentChatConfiguration'],
  ['try { [int]"x" } catch [System.Management.Automation.RuntimeException] { "runtime" }', 'runtime'],
  ['try { throw "x" } catch [System.ArgumentException] { "wrong clause" } catch { "general clause" }', 'general clause'],
  ['try { Get-CsPersistentChatConfiguration -Identity site:q } catch { "a non-terminating error is not caught" }; "went on"', 'Get-CsPersistentChatConfiguration : Cannot find "PersistentChatConfiguration" "site:q" because it does not exist.\nwent on'],
  ['$ErrorActionPreference = "Stop"; try { Get-CsPersistentChatConfiguration -Identity site:q; "not here" } catch { "caught: " + $_.Exception.Message }; $ErrorActionPreference = "Continue"', 'caught: Cannot find "PersistentChatConfiguration" "site:q" because it does not exist.'],
  ['$e = $null; try { 1/$e } catch { "div: " + $_.Exception.Message }', 'div: Attempted to divide by zero.'],
  ['trap { "trapped: $_"; continue }; 1/$null; "after"', 'trapped: Attempted to divide by zero.\nafter'],
  ['trap [System.Management.Automation.ItemNotFoundException] { "not found trapped"; continue }; Get-CsPersistentChatConfiguration -Identity site:q -ErrorAction Stop; "after"', 'not found trapped\nafter'],
  ['function f { trap { "in trap"; break }; throw "boom"; "not reached" }; try { f } catch { "caller caught $_" }', 'in trap\ncaller caught boom'],
  ['$Error.Clear(); Get-CsPersistentChatConfiguration -Identity site:q -ErrorAction SilentlyContinue; $Error.Count; $Error[0].Exception.Message', '1\nCannot find "PersistentChatConfiguration" "site:q" because it does not exist.'],
  ['Get-CsPersistentChatConfiguration -Identity site:q -ErrorVariable ev -ErrorAction SilentlyContinue; $ev.Count', '1'],
  ['Get-CsPersistentChatConfiguration -Identity site:q -ErrorAction SilentlyContinue; $?', 'False'],
  ['throw "stop here"; "not reached"', 'stop here'],
  ['throw', 'ScriptHalted'],
  ['function f { [CmdletBinding()] param() Write-Output "a"; Get-CsPersistentChatConfiguration -Identity site:zz; "b" }; f -ErrorAction Stop; "next"', 'a\nGet-CsPersistentChatConfiguration : Cannot find "PersistentChatConfiguration" "site:zz" because it does not exist.'],
];

describe('error handling', () => {
  it.each(cases)('%s', async (input, expected) => {
    const r = await t.run(input);
    expect(firstLines(r.text)).toBe(expected);
  });

  it('a caught error leaves $? true and the input succeeds', async () => {
    const r = await t.run('try { throw "x" } catch { "handled" }');
    expect(r.success).toBe(true);
  });

  it('$ErrorActionPreference Stop ends the script before a later removal runs (nothing after the failure changes the store)', async () => {
    await t.run('New-CsPersistentChatConfiguration -Identity site:A');
    const r = await t.run('$ErrorActionPreference = "Stop"; foreach ($s in "site:Typo", "site:A") { Remove-CsPersistentChatConfiguration -Identity $s -Confirm:$false }');
    expect(r.success).toBe(false);
    expect(t.identities()).toContain('site:A');
    await t.run('$ErrorActionPreference = "Continue"');
  });
});
