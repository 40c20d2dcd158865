// Errors that must stop what follows, as in PowerShell: an unknown command
// inside `( … )` is the enclosing statement's error (the Set never runs and
// never clears the URL), and -ErrorAction Stop inside a ForEach-Object block
// stops the whole pipeline, not just that item.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(async () => {
  t = createTestSession();
  await t.run('Set-CsPersistentChatConfiguration -RoomManagementUrl https://rooms.contoso.com/manage');
  await t.run('New-CsPersistentChatConfiguration site:A | Out-Null; New-CsPersistentChatConfiguration site:B | Out-Null; New-CsPersistentChatConfiguration site:C | Out-Null');
});
afterEach(() => t.cleanup());

describe('errors that end a statement or a script', () => {
  it('an unknown command inside an argument stops the statement: the URL is not cleared', async () => {
    const r = await t.run('Set-CsPersistentChatConfiguration -RoomManagementUrl (Get-RoomUrl)');
    expect(r.success).toBe(false);
    expect(r.text).toContain("The term 'Get-RoomUrl' is not recognized as the name of a cmdlet");
    expect(t.file().collections['Global']!.RoomManagementUrl).toBe('https://rooms.contoso.com/manage');
  });

  it('an assignment from an unknown command leaves the variable as it was', async () => {
    expect((await t.run('$x = 5; $x = Get-Nothing; $x')).text.split('\n').at(-1)).toBe('5');
  });

  it('$( … ) goes on with its next statement, as in PowerShell', async () => {
    const r = await t.run('Write-Output $(Get-Nothing; "next")');
    expect(r.text).toContain("The term 'Get-Nothing' is not recognized");
    expect(r.text.split('\n').at(-1)).toBe('next');
  });

  it('-ErrorAction Stop inside a ForEach-Object block stops the pipeline: later items are not removed', async () => {
    const r = await t.run(
      "'site:Typo', 'site:B', 'site:C' | ForEach-Object { Remove-CsPersistentChatConfiguration -Identity $_ -ErrorAction Stop }",
    );
    expect(r.success).toBe(false);
    expect(t.identities()).toEqual(['Global', 'site:A', 'site:B', 'site:C']);
  });
});
