// Get-Help's rendering: syntax generated from the ParameterDefs (the four
// configuration cmdlets through the real registry, which builds them from
// domain/parameters.ts), the views of one command, the overview and list,
// and the configuration cmdlets' help text covering every documented usage.

import { describe, expect, it } from 'vitest';
import { CONFIG_CMDLETS } from '../../../src-main/engine/domain/parameters';
import { commonParameterDefs } from '../../../src-main/engine/cmdlets/config-params';
import { CONFIG_HELP } from '../../../src-main/engine/cmdlets/help/config-help';
import { helpNotFound, renderHelpList, renderOverview } from '../../../src-main/engine/cmdlets/help/overview';
import { renderHelp, renderParameterHelp, renderSyntax, wrapText } from '../../../src-main/engine/cmdlets/help/render-help';
import { CommandRegistry } from '../../../src-main/engine/cmdlets/registry';
import type { CommandDef } from '../../../src-main/engine/shell/commands';

const registry = new CommandRegistry();
const cmd = (name: string): CommandDef => registry.find(name)!;

const PROPERTY_PARAMS =
  '[-DefaultChatHistory <Int16>] [-MaxChatContentSizeMB <Int32>] [-MaxFileSizeKB <UInt32>] [-ParticipantUpdateLimit <UInt32>] [-FileServiceUrl <String>] [-RoomManagementUrl <String>]';

describe('renderSyntax', () => {
  it('generates one line per parameter set of the configuration cmdlets', () => {
    expect(renderSyntax(cmd('Get-CsPersistentChatConfiguration'))).toEqual([
      'Get-CsPersistentChatConfiguration [[-Identity] <XdsIdentity>] [-LocalStore] [<CommonParameters>]',
      'Get-CsPersistentChatConfiguration [-Filter <String>] [-LocalStore] [<CommonParameters>]',
    ]);
    expect(renderSyntax(cmd('New-CsPersistentChatConfiguration'))).toEqual([
      `New-CsPersistentChatConfiguration [-Identity] <XdsIdentity> [-Instance <PSObject>] ${PROPERTY_PARAMS} [-InMemory] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]`,
    ]);
    expect(renderSyntax(cmd('Set-CsPersistentChatConfiguration'))).toEqual([
      `Set-CsPersistentChatConfiguration [[-Identity] <XdsIdentity>] ${PROPERTY_PARAMS} [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]`,
      `Set-CsPersistentChatConfiguration [-Instance <PSObject>] ${PROPERTY_PARAMS} [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]`,
    ]);
    expect(renderSyntax(cmd('Remove-CsPersistentChatConfiguration'))).toEqual([
      'Remove-CsPersistentChatConfiguration [-Identity] <XdsIdentity> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]',
    ]);
  });

  it('orders positional, then mandatory named, then optional parameters (Where-Object, ForEach-Object, Get-Help)', () => {
    const where = renderSyntax(cmd('?'));
    expect(where.slice(0, 2)).toEqual([
      'Where-Object [-Property] <Object> [[-Value] <Object>] [-EQ] [-InputObject <Object>] [<CommonParameters>]',
      'Where-Object [-FilterScript] <ScriptBlock> [-InputObject <Object>] [<CommonParameters>]',
    ]);
    expect(where).toContain('Where-Object [-Property] <Object> [[-Value] <Object>] -GT [-InputObject <Object>] [<CommonParameters>]');
    expect(where).toContain('Where-Object [-Property] <Object> [[-Value] <Object>] -CNotLike [-InputObject <Object>] [<CommonParameters>]');
    expect(where).toHaveLength(29); // 14 operators, each with a case-sensitive twin, and the scriptblock set
    expect(renderSyntax(cmd('ForEach-Object'))).toEqual([
      'ForEach-Object [-Process] <Object[]> [-Begin <ScriptBlock>] [-End <ScriptBlock>] [-RemainingScripts <Object[]>] [-InputObject <Object>] [<CommonParameters>]',
      'ForEach-Object [-MemberName] <String> [-ArgumentList <Object[]>] [-InputObject <Object>] [<CommonParameters>]',
    ]);
    expect(renderSyntax(cmd('Get-Help'))).toEqual([
      'Get-Help [[-Name] <String>] [-Full] [<CommonParameters>]',
      'Get-Help [[-Name] <String>] -Detailed [<CommonParameters>]',
      'Get-Help [[-Name] <String>] -Examples [<CommonParameters>]',
      'Get-Help [[-Name] <String>] -Parameter <String> [<CommonParameters>]',
    ]);
  });
});

/** A small command whose whole help fits in one assertion. */
const THING: CommandDef = {
  name: 'Get-Thing',
  parameters: [
    { name: 'Name', type: 'String', aliases: [], mandatory: false, position: 0, pipeline: ['ByPropertyName'], help: 'The name.' },
    { name: 'Force', type: 'SwitchParameter', aliases: [], mandatory: false, pipeline: [], help: 'Skips the questions.' },
    ...commonParameterDefs(),
  ],
  sets: ['__AllParameterSets'],
  supportsShouldProcess: false,
  help: {
    synopsis: 'Gets things.',
    description: 'First paragraph.\n\nSecond paragraph.',
    examples: [{ title: 'Get one thing', code: 'Get-Thing a', remarks: 'Gets the thing named a.' }],
    inputs: 'System.String\n    Names can be piped.',
    outputs: 'Thing',
    notes: 'A decision worth writing down.',
  },
  source: 'Test',
  create: () => ({ process: async () => {} }),
};

const HEAD = ['', 'NAME', '    Get-Thing', '', 'SYNOPSIS', '    Gets things.', ''];
const BODY = [
  '',
  'SYNTAX',
  '    Get-Thing [[-Name] <String>] [-Force] [<CommonParameters>]',
  '',
  '',
  'DESCRIPTION',
  '    First paragraph.',
  '',
  '    Second paragraph.',
  '',
  '',
];
const EXAMPLE = ['    -------------------------- Example 1 --------------------------', '', '    Get-Thing a', '', '    Get one thing.', '', '    Gets the thing named a.', '', ''];
const REMARKS = [
  'REMARKS',
  '    To see the examples, type: "get-help Get-Thing -examples".',
  '    For more information, type: "get-help Get-Thing -detailed".',
  '    For technical information, type: "get-help Get-Thing -full".',
  '',
];
const COMMON = [
  '    <CommonParameters>',
  '        This cmdlet supports the common parameters: Verbose, Debug, ErrorAction, WarningAction, InformationAction,',
  '        ErrorVariable, WarningVariable, InformationVariable, OutVariable, OutBuffer, and PipelineVariable.',
  '',
];

describe('renderHelp', () => {
  it('default view: name, synopsis, syntax, description, remarks', () => {
    expect(renderHelp(THING, 'default')).toEqual([...HEAD, ...BODY, ...REMARKS]);
  });

  it('examples view: name, synopsis and the example blocks', () => {
    expect(renderHelp(THING, 'examples')).toEqual([...HEAD, '', ...EXAMPLE]);
  });

  it('detailed view adds the parameters and the examples', () => {
    expect(renderHelp(THING, 'detailed')).toEqual([
      ...HEAD,
      ...BODY,
      'PARAMETERS',
      '    -Name <String>',
      '        The name.',
      '',
      '    -Force [<SwitchParameter>]',
      '        Skips the questions.',
      '',
      ...COMMON,
      ...EXAMPLE,
      ...REMARKS,
    ]);
  });

  it('full view adds each parameter\'s attributes, inputs, outputs and notes', () => {
    expect(renderHelp(THING, 'full')).toEqual([
      ...HEAD,
      ...BODY,
      'PARAMETERS',
      '    -Name <String>',
      '        The name.',
      '',
      '        Required?                    false',
      '        Position?                    0',
      '        Default value                None',
      '        Accept pipeline input?       true (ByPropertyName)',
      '        Accept wildcard characters?  false',
      '',
      '    -Force [<SwitchParameter>]',
      '        Skips the questions.',
      '',
      '        Required?                    false',
      '        Position?                    named',
      '        Default value                False',
      '        Accept pipeline input?       false',
      '        Accept wildcard characters?  false',
      '',
      ...COMMON,
      'INPUTS',
      '    System.String',
      '        Names can be piped.',
      '',
      '',
      'OUTPUTS',
      '    Thing',
      '',
      '',
      'NOTES',
      '',
      '        A decision worth writing down.',
      '',
      '',
      ...EXAMPLE,
    ]);
  });

  it('wraps long text to the width, keeping the indent', () => {
    expect(wrapText('one two three four five six', 4, 24)).toEqual(['    one two three four', '    five six']);
  });
});

describe('renderParameterHelp', () => {
  it('shows one parameter of a configuration cmdlet with its domain default and wildcard support', () => {
    const lines = renderParameterHelp(cmd('Get-CsPersistentChatConfiguration'), 'Filter')!;
    expect(lines[1]).toBe('-Filter <String>');
    expect(lines.slice(-8)).toEqual([
      '',
      '    Required?                    false',
      '    Position?                    named',
      '    Default value                None',
      '    Accept pipeline input?       false',
      '    Accept wildcard characters?  true',
      '',
      '',
    ]);
    expect(renderParameterHelp(cmd('Set-CsPersistentChatConfiguration'), 'DefaultChat*')).toContain('    Default value                30');
  });

  it('matches nothing for unknown and common parameters', () => {
    expect(renderParameterHelp(THING, 'Bogus')).toBeUndefined();
    expect(renderParameterHelp(THING, 'Verbose')).toBeUndefined();
  });
});

describe('overview, list and not-found', () => {
  it('lists every command with its aliases in the overview', () => {
    const lines = renderOverview(registry.all(), registry.aliases());
    expect(lines.slice(0, 2)).toEqual(['TOPIC', '    about_Persistent_Chat_Console']);
    expect(lines.some((l) => l.startsWith('    Get-CsPersistentChatConfiguration '))).toBe(true);
    expect(lines.some((l) => l.startsWith('    Where-Object (?, where) '))).toBe(true);
  });

  it('renders several matches as a Name/Category/Module/Synopsis table', () => {
    expect(renderHelpList([{ name: 'Get-Thing', category: 'Cmdlet', module: 'Test', synopsis: 'Gets things.' }])).toEqual([
      '',
      'Name      Category Module Synopsis',
      '----      -------- ------ --------',
      'Get-Thing Cmdlet   Test   Gets things.',
      '',
    ]);
  });

  it('reports an unknown topic as PowerShell does', () => {
    expect(helpNotFound('Get-Foo')).toMatchObject({
      message: expect.stringMatching(/^Get-Help could not find Get-Foo in a help file in this session\. /),
      errorId: 'HelpNotFound',
      category: 'ResourceUnavailable',
    });
  });
});

describe('CONFIG_HELP', () => {
  // Every usage line at the end of CMDLETS.md, with the cmdlet it is documented under.
  const USAGE: readonly [string, string][] = [
    ['New', 'New-CsPersistentChatConfiguration -Identity "site:Redmond" -ParticipantUpdateLimit 100'],
    ['Get', 'Get-CsPersistentChatConfiguration'],
    ['Get', 'Get-CsPersistentChatConfiguration -Identity "site:Redmond"'],
    ['Get', 'Get-CsPersistentChatConfiguration -Filter "service:*"'],
    ['Get', 'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30}'],
    ['Get', 'Get-CsPersistentChatConfiguration | Where-Object {$_.RoomManagementUrl -eq $Null}'],
    ['Set', 'Set-CsPersistentChatConfiguration -Identity "global" -DefaultChatHistory 100'],
    ['Set', 'Get-CsPersistentChatConfiguration | Set-CsPersistentChatConfiguration -DefaultChatHistory 100'],
    ['Set', 'Get-CsPersistentChatConfiguration -Filter "site:*" | Set-CsPersistentChatConfiguration -DefaultChatHistory 100'],
    ['Set', 'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 100} | Set-CsPersistentChatConfiguration -DefaultChatHistory 100'],
    ['Remove', 'Remove-CsPersistentChatConfiguration -Identity "site:Redmond"'],
    ['Remove', 'Get-CsPersistentChatConfiguration -Filter "site:*" | Remove-CsPersistentChatConfiguration'],
    ['Remove', 'Get-CsPersistentChatConfiguration | Where-Object {$_.DefaultChatHistory -gt 30} | Remove-CsPersistentChatConfiguration'],
    ['Set', '$x = Get-CsPersistentChatConfiguration -Identity global; $x.DefaultChatHistory = 50; Set-CsPersistentChatConfiguration -Instance $x'],
    ['New', '$n = New-CsPersistentChatConfiguration -Identity site:Paris -InMemory; $n.MaxFileSizeKB = 1000; Set-CsPersistentChatConfiguration -Instance $n'],
  ];

  it.each(USAGE)('documents under %s: %s', (verb, code) => {
    expect(CONFIG_HELP[`${verb}-CsPersistentChatConfiguration` as (typeof CONFIG_CMDLETS)[number]].examples.map((e) => e.code)).toContain(code);
  });

  it('records the decisions CMDLETS.md asks to be written down', () => {
    const notes = (verb: string) => CONFIG_HELP[`${verb}-CsPersistentChatConfiguration` as (typeof CONFIG_CMDLETS)[number]].notes ?? '';
    expect(notes('New')).toMatch(/cannot be created/);
    expect(notes('Remove')).toMatch(/resets every Global setting/);
    expect(notes('Remove')).toMatch(/-Force also suppresses the warning/);
    expect(notes('Set')).toMatch(/1 to 2048/);
    expect(notes('Set')).toMatch(/internal web site only/);
    for (const verb of ['New', 'Set', 'Remove']) expect(notes(verb)).toMatch(/fails with an error instead of waiting/);
  });

  it('has a synopsis, description and examples for every cmdlet', () => {
    for (const name of CONFIG_CMDLETS) {
      expect(CONFIG_HELP[name].synopsis).not.toBe('');
      expect(CONFIG_HELP[name].description).not.toBe('');
      expect(CONFIG_HELP[name].examples.length).toBeGreaterThan(0);
    }
  });
});
