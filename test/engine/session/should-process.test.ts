// -WhatIf, -Confirm (answered through the injected host), -Force, and
// non-terminating errors per pipeline item, through a real session.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeEach(async () => {
  t = createTestSession({ interactive: true });
  await t.run('New-CsPersistentChatConfiguration site:A; New-CsPersistentChatConfiguration site:B; New-CsPersistentChatConfiguration site:C');
});
afterEach(() => t.cleanup());

const CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): ';
const history = () => Object.values(t.file().collections).map((c) => c.DefaultChatHistory);

describe('-WhatIf', () => {
  it('describes each change and changes nothing', async () => {
    const before = JSON.stringify(t.file());
    const r = await t.run('Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 5 -WhatIf');
    expect(r.lines).toEqual(
      ['Global', 'site:A', 'site:B', 'site:C'].map((id) => ({
        kind: 'whatif',
        text: `What if: Performing the operation "Set-CsPersistentChatConfiguration" on target "${id}".`,
      })),
    );
    expect(JSON.stringify(t.file())).toBe(before);
  });

  it('works for New and Remove, with -wi and -WhatIf:$true', async () => {
    const before = JSON.stringify(t.file());
    const n = await t.run('New-CsPersistentChatConfiguration site:D -wi');
    expect(n.text).toBe('What if: Performing the operation "New-CsPersistentChatConfiguration" on target "site:D".');
    const r = await t.run('Remove-CsPersistentChatConfiguration site:A -WhatIf:$true');
    expect(r.text).toBe('What if: Performing the operation "Remove-CsPersistentChatConfiguration" on target "site:A".');
    expect(JSON.stringify(t.file())).toBe(before);
  });

  it('-WhatIf:$false performs the change', async () => {
    await t.run('Remove-CsPersistentChatConfiguration site:A -WhatIf:$false');
    expect(t.identities()).not.toContain('site:A');
  });
});

describe('-Confirm', () => {
  it('shows the prompt and Y performs the change', async () => {
    t.answers.push('y');
    const r = await t.run('Set-CsPersistentChatConfiguration -Identity site:A -DefaultChatHistory 11 -Confirm');
    expect(r.lines.map((l) => l.text)).toEqual([
      '',
      'Confirm',
      'Are you sure you want to perform this action?',
      'Performing the operation "Set-CsPersistentChatConfiguration" on target "site:A".',
    ]);
    expect(t.prompts).toEqual([CHOICES]);
    expect(t.file().collections['site:A']!.DefaultChatHistory).toBe(11);
  });

  it('an empty answer takes the default (Yes)', async () => {
    t.answers.push('');
    await t.run('Remove-CsPersistentChatConfiguration site:B -cf');
    expect(t.identities()).not.toContain('site:B');
  });

  it('N skips one item, Y does the next, per pipeline item', async () => {
    t.answers.push('n', 'y', 'n', 'y');
    await t.run('Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 9 -Confirm');
    expect(history()).toEqual([30, 9, 30, 9]);
    expect(t.prompts).toHaveLength(4);
  });

  it('A (Yes to All) stops asking and does the rest', async () => {
    t.answers.push('n', 'a');
    await t.run('Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 9 -Confirm');
    expect(history()).toEqual([30, 9, 9, 9]);
    expect(t.prompts).toHaveLength(2);
  });

  it('L (No to All) stops asking and does nothing more', async () => {
    t.answers.push('y', 'l');
    await t.run('Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 9 -Confirm');
    expect(history()).toEqual([9, 30, 30, 30]);
    expect(t.prompts).toHaveLength(2);
  });

  it('? prints one help line per choice and asks again; nonsense asks again', async () => {
    t.answers.push('?', 'maybe', 'n');
    const r = await t.run('Remove-CsPersistentChatConfiguration site:C -Confirm');
    expect(r.lines.slice(4).map((l) => l.text)).toEqual([
      'Y - Continue with only the next step of the operation.',
      'A - Continue with all the steps of the operation.',
      'N - Skip this operation and proceed with the next operation.',
      'L - Skip this operation and all subsequent operations.',
    ]);
    expect(t.prompts).toHaveLength(3);
    expect(t.identities()).toContain('site:C');
  });

  it('-Force suppresses the prompt; -Confirm:$false too', async () => {
    await t.run('Remove-CsPersistentChatConfiguration site:A -Confirm -Force; Remove-CsPersistentChatConfiguration site:B -Confirm:$false');
    expect(t.prompts).toEqual([]);
    expect(t.identities()).toEqual(['Global', 'site:C']);
  });

  it('fails with a clear error when the host is not interactive, changing nothing', async () => {
    const batch = createTestSession({ interactive: false, dir: t.dir });
    const before = JSON.stringify(t.file());
    const r = await batch.run('Remove-CsPersistentChatConfiguration site:A -Confirm');
    expect(r.success).toBe(false);
    expect(r.lines[0]!.record?.message).toContain('cannot ask for confirmation');
    expect(JSON.stringify(t.file())).toBe(before);
  });
});

describe('non-terminating errors', () => {
  it('one bad pipeline item does not stop the others', async () => {
    const r = await t.run("'site:A','site:Nope','site:C' | ForEach-Object { Get-CsPersistentChatConfiguration -Identity $_ } | Set-CsPersistentChatConfiguration -DefaultChatHistory 7");
    expect(r.success).toBe(false);
    expect(r.lines.filter((l) => l.kind === 'error')).toHaveLength(1);
    expect(t.file().collections['site:A']!.DefaultChatHistory).toBe(7);
    expect(t.file().collections['site:C']!.DefaultChatHistory).toBe(7);
  });

  it('an input that binds to nothing is a per-item error', async () => {
    const r = await t.run("'site:A', 5 | Remove-CsPersistentChatConfiguration");
    expect(r.lines.filter((l) => l.kind === 'error').map((l) => l.record?.errorId)).toEqual(['InputObjectNotBound', 'InputObjectNotBound']);
    expect(t.identities()).toContain('site:A');
  });

  it('-ErrorAction SilentlyContinue hides the error but records it in $Error', async () => {
    const r = await t.run('Get-CsPersistentChatConfiguration site:Nope -ErrorAction SilentlyContinue');
    expect(r.lines).toEqual([]);
    expect(r.success).toBe(false);
    const e = await t.run('$Error[0].FullyQualifiedErrorId');
    expect(e.text).toBe('ConfigurationNotFound,Get-CsPersistentChatConfiguration');
  });

  it('-ErrorAction Stop makes the first error end the script', async () => {
    const r = await t.run("'site:Nope','site:A' | ForEach-Object { $_ } | Remove-CsPersistentChatConfiguration -ErrorAction Stop; 'not reached'");
    expect(r.lines.map((l) => l.kind)).toEqual(['error']);
    expect(r.success).toBe(false);
    expect(t.identities()).toContain('site:A');
  });

  it('-ErrorAction accepts the enum numbers (-ea 0 is SilentlyContinue)', async () => {
    const r = await t.run('Get-CsPersistentChatConfiguration site:Nope -ea 0');
    expect(r.lines).toEqual([]);
  });

  it('-ErrorVariable collects the errors', async () => {
    await t.run('Get-CsPersistentChatConfiguration site:X -ErrorVariable oops -ea SilentlyContinue');
    expect((await t.run('$oops.Count')).text).toBe('1');
  });

  it('$? is false after a failed statement and true after a good one', async () => {
    expect((await t.run('Get-CsPersistentChatConfiguration site:Nope -ea Ignore; $?')).text).toBe('False');
    expect((await t.run('Get-CsPersistentChatConfiguration global | Out-Nothing; $?')).text).toContain('False');
    expect((await t.run('$x = 1; $?')).text).toBe('True');
  });

  it('-WarningVariable collects warnings, -PipelineVariable names each item, -O is ambiguous', async () => {
    expect((await t.run('Remove-CsPersistentChatConfiguration global -WarningVariable w -wa SilentlyContinue; $w.Count')).text).toBe('1');
    expect((await t.run('Get-CsPersistentChatConfiguration -Filter site:* -PipelineVariable cfg | % { $cfg.Identity }')).text).toBe('site:A\nsite:B\nsite:C');
    const r = await t.run('Get-CsPersistentChatConfiguration -O x');
    expect(r.lines[0]!.record?.message).toBe("Parameter cannot be processed because the parameter name 'O' is ambiguous. Possible matches include: -OutVariable -OutBuffer.");
  });

  it('error records in $Error behave like objects: Exception.Message, CategoryInfo, string form', async () => {
    await t.run('Get-CsPersistentChatConfiguration site:X -ea 0');
    expect((await t.run('$Error[0].Exception.Message; "$($Error[0])"; $Error[0].CategoryInfo.Category; $Error[0].TargetObject')).text.split('\n')).toEqual([
      'Cannot find "PersistentChatConfiguration" "site:X" because it does not exist.',
      'Cannot find "PersistentChatConfiguration" "site:X" because it does not exist.',
      'ObjectNotFound',
      'site:X',
    ]);
  });
});
