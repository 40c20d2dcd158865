// The file and Pchat cmdlets come from their parameter metadata like every
// other command: Get-Help's syntax, parameter help and examples, completion
// of their names, parameters and -Encoding values, and the binder's errors.

import { describe, expect, it } from 'vitest';
import { renderSyntax } from '../../../src-main/engine/cmdlets/help/render-help';
import { CommandRegistry } from '../../../src-main/engine/cmdlets/registry';
import { createTestSession } from '../../helpers/engine-session';

const registry = new CommandRegistry();
const NEW_COMMANDS = [
  'Get-Location', 'Set-Location', 'Test-Path', 'Get-Content', 'Set-Content', 'Add-Content', 'Out-File',
  'ConvertTo-Json', 'ConvertFrom-Json', 'ConvertTo-Csv', 'ConvertFrom-Csv', 'Export-Csv', 'Import-Csv',
  'Export-Clixml', 'Import-Clixml', 'Start-Transcript', 'Stop-Transcript',
  'Import-PchatBaseline', 'Get-PchatBaseline', 'Get-PchatChange', 'Export-PchatChangeScript',
  'Export-PchatConfiguration', 'Import-PchatConfiguration', 'Import-PchatTopology', 'Get-CsSite', 'Get-CsService',
];

describe('help and metadata', () => {
  it('every new command has a synopsis, a description, an example and help for each of its own parameters', () => {
    for (const name of NEW_COMMANDS) {
      const cmd = registry.find(name);
      expect(cmd, name).toBeDefined();
      expect(cmd!.help.synopsis.length, name).toBeGreaterThan(10);
      expect(cmd!.help.description.length, name).toBeGreaterThan(30);
      expect(cmd!.help.examples.length, name).toBeGreaterThan(0);
      for (const p of cmd!.parameters) expect(p.help.length, `${name} -${p.name}`).toBeGreaterThan(5);
    }
  });

  it('syntax lines come from the parameters, -WhatIf/-Confirm where the command changes something', () => {
    expect(renderSyntax(registry.find('Import-PchatBaseline')!)).toEqual(['Import-PchatBaseline [-Path] <String> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]']);
    expect(renderSyntax(registry.find('Out-File')!)).toEqual([
      'Out-File [-FilePath] <String> [[-Encoding] <String>] [-Append] [-Force] [-NoClobber] [-Width <Int32>] [-NoNewline] [-InputObject <Object>] [-WhatIf] [-Confirm] [<CommonParameters>]',
    ]);
    expect(renderSyntax(registry.find('Get-PchatChange')!)).toEqual(['Get-PchatChange [<CommonParameters>]']);
  });

  it('aliases as in 5.1', () => {
    for (const [alias, name] of [['cd', 'Set-Location'], ['pwd', 'Get-Location'], ['sl', 'Set-Location'], ['gc', 'Get-Content'], ['cat', 'Get-Content'], ['sc', 'Set-Content'], ['ac', 'Add-Content'], ['epcsv', 'Export-Csv'], ['ipcsv', 'Import-Csv']]) {
      expect(registry.find(alias!)?.name).toBe(name);
    }
  });
});

describe('in the console', () => {
  it('completes -Encoding values from the set the command checks', () => {
    const t = createTestSession();
    try {
      expect(t.session.complete('Out-File x -Encoding u', 22).matches).toEqual(['unicode', 'unknown', 'utf32', 'utf7', 'utf8']);
      expect(t.session.complete('Import-PchatB', 13).matches).toEqual(['Import-PchatBaseline']);
      expect(t.session.complete('Export-PchatChangeScript -', 26).matches.slice(0, 4)).toEqual(['-Path', '-NoClobber', '-Force', '-PassThru']);
    } finally {
      t.cleanup();
    }
  });

  it('Get-Help shows the help text and the binder reports PowerShell\'s errors', async () => {
    const t = createTestSession();
    try {
      expect((await t.run('Get-Help Export-PchatChangeScript')).text).toContain('drift');
      expect((await t.run('Import-PchatBaseline -Bogus 1')).text.split('\n')[0]).toBe("Import-PchatBaseline : A parameter cannot be found that matches parameter name 'Bogus'.");
      expect((await t.run('Import-PchatBaseline')).text).toContain('Cannot process command because of one or more missing mandatory parameters: Path.');
      expect((await t.run("Set-Content x.txt 'a' -Encoding Latin1")).text).toContain(
        'Cannot bind parameter \'Encoding\'. Cannot convert value "Latin1" to type "Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding".',
      );
    } finally {
      t.cleanup();
    }
  });
});
