// Every built-in command has help in its own words, and every example in it
// is something this console can parse and run.

import { describe, expect, it } from 'vitest';
import { BUILTIN_COMMANDS } from '../../../../src-main/engine/cmdlets/builtins';
import { parse } from '../../../../src-main/engine/shell/parse';
import { createTestSession } from '../../../helpers/engine-session';

describe('built-in help', () => {
  it('every command has a synopsis, a description, examples and help for each parameter', () => {
    for (const cmd of BUILTIN_COMMANDS) {
      expect(cmd.help.synopsis, cmd.name).not.toBe('');
      expect(cmd.help.description.length, cmd.name).toBeGreaterThan(40);
      expect(cmd.help.examples.length, cmd.name).toBeGreaterThan(0);
      for (const p of cmd.parameters) expect(p.help, `${cmd.name} -${p.name}`).not.toBe('');
    }
  });

  it('every example parses', () => {
    for (const cmd of BUILTIN_COMMANDS) {
      for (const example of cmd.help.examples) expect(parse(example.code).ok, `${cmd.name}: ${example.code}`).toBe(true);
    }
  });

  it('the examples of the new commands run without an unexpected error', async () => {
    const t = createTestSession();
    try {
      await t.run('New-CsPersistentChatConfiguration site:Redmond | Out-Null');
      const failing = new Set(['Write-Error', 'Read-Host', 'Tee-Object']);
      const names = ['Write-Host', 'Write-Warning', 'Write-Verbose', 'Write-Debug', 'Write-Information', 'Write-Progress', 'Get-Date', 'Start-Sleep', 'Out-String', 'Out-Host', 'Tee-Object', 'Group-Object', 'Compare-Object', 'Select-String', 'Get-Variable', 'Set-Variable', 'New-Variable', 'Remove-Variable', 'Clear-Variable', 'New-Object', 'ConvertTo-SecureString', 'Add-Member', 'Get-Alias', 'Import-Module', 'Get-Module'];
      for (const name of names) {
        const cmd = BUILTIN_COMMANDS.find((c) => c.name === name)!;
        for (const example of cmd.help.examples) {
          if (name === 'Start-Sleep') continue; // waits for real
          const r = await t.session.execute(example.code);
          if (!failing.has(name)) expect(r.lines.filter((l) => l.kind === 'error').map((l) => l.text), `${name}: ${example.code}`).toEqual([]);
        }
      }
    } finally {
      t.cleanup();
    }
  });
});
