// The commands about the session itself: Import-Module / Get-Module,
// Get-Alias, Get-Command -Module, <command> -?, Read-Host and Start-Sleep
// (answered and stopped the way the console and the Stop button do it).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../../src-main/engine/session';
import { openRepository } from '../../../../src-main/engine/store';
import { createTestSession, type TestSession } from '../../../helpers/engine-session';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

async function text(line: string): Promise<string> {
  return (await t.run(line)).text;
}

describe('Import-Module and Get-Module', () => {
  it('SkypeForBusiness and Lync import silently; Get-Module then lists them', async () => {
    expect(await t.run('Import-Module SkypeForBusiness; Import-Module Lync -Force')).toMatchObject({ text: '', success: true });
    expect(await text('Get-Module | % Name')).toBe('Lync\nMicrosoft.PowerShell.Utility\nSkypeForBusiness');
  });

  it('before an import only the engine\'s own module is loaded; -ListAvailable shows what can be', async () => {
    expect(await text('Get-Module | % Name')).toBe('Microsoft.PowerShell.Utility');
    expect(await text('Get-Module SkypeForBusiness')).toBe('');
    expect(await text('Get-Module -ListAvailable | % { "$($_.ModuleType) $($_.Version) $($_.Name)" }')).toBe('Manifest 5.0.0.0 Lync\nManifest 3.1.0.0 Microsoft.PowerShell.Utility\nManifest 7.0.0.0 SkypeForBusiness');
    expect(await text('(Get-Module -ListAvailable SkypeForBusiness).ExportedCommands')).toBe(
      'Get-CsPersistentChatConfiguration\nNew-CsPersistentChatConfiguration\nRemove-CsPersistentChatConfiguration\nSet-CsPersistentChatConfiguration',
    );
  });

  it('any other module fails with 5.1\'s FileNotFound message, and the script goes on', async () => {
    const r = await t.run('Import-Module ActiveDirectory; "next"');
    expect(r.text).toBe(
      [
        "Import-Module : The specified module 'ActiveDirectory' was not loaded because no valid module file was found in any module directory.",
        'At line:1 char:1',
        '+ Import-Module ActiveDirectory; "next"',
        '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : ResourceUnavailable: (ActiveDirectory:String) [Import-Module], FileNotFoundException',
        '    + FullyQualifiedErrorId : Modules_ModuleNotFound,Import-Module',
        'next',
      ].join('\n'),
    );
  });

  it('Get-Command -Module lists a module\'s commands', async () => {
    expect(await text('Get-Command -Module Lync | % Name')).toBe(
      'Get-CsPersistentChatConfiguration\nNew-CsPersistentChatConfiguration\nRemove-CsPersistentChatConfiguration\nSet-CsPersistentChatConfiguration',
    );
    expect(await text('Get-Command -Module Microsoft.PowerShell.Utility -Name *-Variable | % Name')).toBe('Clear-Variable\nGet-Variable\nNew-Variable\nRemove-Variable\nSet-Variable');
    expect(await text('Get-Command -Module Nothing*')).toBe('');
  });
});

describe('Get-Alias', () => {
  it('by name, by definition, and 5.1\'s error for a missing one', async () => {
    expect(await text('Get-Alias gcm')).toBe(
      [
        '',
        'CommandType     Name                                               Version    Source',
        '-----------     ----                                               -------    ------',
        'Alias           gcm -> Get-Command',
        '',
      ].join('\n'),
    );
    expect(await text('Get-Alias -Definition Where-Object | % Name')).toBe('?\nwhere');
    expect(await text('Get-Alias sl*, tee | % Definition')).toBe('Set-Location\nStart-Sleep\nSelect-String\nTee-Object');
    expect(await text('Get-Alias nosuch')).toContain("Get-Alias : This command cannot find a matching alias because an alias with the name 'nosuch' does not exist.");
  });
});

describe('<command> -?', () => {
  it('shows the command\'s help and runs nothing', async () => {
    const help = await text('Remove-CsPersistentChatConfiguration -Identity global -?');
    expect(help).toBe(await text('Get-Help Remove-CsPersistentChatConfiguration'));
    expect(help).toContain('NAME\n    Remove-CsPersistentChatConfiguration');
    expect(await text('Get-Date -?')).toContain('    Get-Date [[-Date] <DateTime>] [-Year <Int32>]');
    expect(await text('Write-Host -?')).toContain('[-ForegroundColor <ConsoleColor>]');
  });
});

describe('Read-Host', () => {
  it('is answered by the console, with ": " after the prompt', async () => {
    const s = createTestSession({ interactive: true });
    try {
      s.answers.push('Redmond');
      expect((await s.run('$site = Read-Host "Site to create"; "site:$site"')).text).toBe('site:Redmond');
      expect(s.prompts).toEqual(['Site to create: ']);
      s.answers.push('secret');
      expect((await s.run('$p = Read-Host -AsSecureString "Password"; $p; $p.Length')).text).toBe('System.Security.SecureString\n6');
      // Named, -Prompt binds one value (positional words bind as a list).
      s.answers.push('Paris');
      expect((await s.run('Read-Host -Prompt Site')).text).toBe('Paris');
      expect(s.prompts.at(-1)).toBe('Site: ');
    } finally {
      s.cleanup();
    }
  });

  it('fails at once when nobody can answer', async () => {
    expect(await text('Read-Host "Name"')).toBe(
      [
        'Read-Host : Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
        'At line:1 char:1',
        '+ Read-Host "Name"',
        '+ ~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : InvalidOperation: (:) [Read-Host], PSInvalidOperationException',
        '    + FullyQualifiedErrorId : InvalidOperation,Read-Host',
      ].join('\n'),
    );
  });
});

describe('Start-Sleep', () => {
  it('checks its range as 5.1 does', async () => {
    expect(await text('Start-Sleep -Milliseconds 0; Start-Sleep 0; "awake"')).toBe('awake');
    expect(await text('Start-Sleep -Seconds -1')).toContain("Cannot validate argument on parameter 'Seconds'. The -1 argument is less than the minimum allowed range of 0.");
  });

  it('an hour-long sleep ends as soon as Stop is pressed, and nothing after it runs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-sleep-'));
    try {
      // The stop flag turns on after the sleeping command has asked a few times: no clock involved.
      let asked = 0;
      const stop = {
        get requested() {
          return ++asked > 40;
        },
      };
      const session = new Session({ repo: openRepository(dir).repository, stop });
      const result = await session.execute('New-CsPersistentChatConfiguration site:Sleepy | Out-Null; Start-Sleep -Seconds 3600; "after"');
      expect(result.stopped).toBe(true);
      expect(result.lines.map((l) => l.text)).not.toContain('after');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
