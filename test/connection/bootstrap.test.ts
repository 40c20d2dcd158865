// The exact text pchat-admin sends to a real PowerShell — the local and the
// remote preambles, and each action — word for word, and proof that a second,
// independent PowerShell grammar (tree-sitter-powershell) parses every
// variant without an error node. Values are quoted so that no user name,
// URI or path can be read as code.

import { describe, expect, it } from 'vitest';
import { bootstrapScript, passwordLine, powerShellArguments } from '../../src-main/connection/bootstrap';
import type { LinkRequest } from '../../src-main/engine/changes/deployment-link';
import { parse } from '../../src-main/engine/shell/parse';
import { syntaxProblems } from '../helpers/powershell-grammar';

const FOLDER = 'C:\\Users\\csadmin\\AppData\\Local\\Temp\\pchat-admin-Ab12';
const BASE = { powerShellPath: 'powershell.exe', timeoutSeconds: 600 } as const;

function request(profile: Partial<LinkRequest['profile']>, action: LinkRequest['action']): LinkRequest {
  return { profile: { ...BASE, mode: 'Local', module: 'Auto', connectionUri: null, userName: null, ...profile }, password: null, action };
}

const LOCAL_TEST = request({}, { kind: 'test' });
const LOCAL_LYNC_PULL = request({ module: 'Lync' }, { kind: 'pull' });
const REMOTE_CURRENT_PUSH = request({ mode: 'Remote', connectionUri: 'https://pool01.contoso.com/OcsPowershell' }, { kind: 'push', script: '', whatIf: false });
const REMOTE_TYPED_WHATIF = request({ mode: 'Remote', connectionUri: "https://pool01.contoso.com/OcsPowershell?x='$(calc)'", userName: "CONTOSO\\o'brien$(calc)" }, { kind: 'push', script: '', whatIf: true });

describe('the bootstrap script, word for word', () => {
  it('local module (Auto), testing the connection', () => {
    expect(bootstrapScript(LOCAL_TEST, FOLDER).replace(/\r\n/g, '\n')).toMatchInlineSnapshot(`
      "# pchat-admin: test. Nothing secret is in this text.
      $ErrorActionPreference = 'Stop'
      $ProgressPreference = 'SilentlyContinue'
      try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }
      $pchatSession = $null
      try {
          Import-Module -Name SkypeForBusiness -ErrorAction SilentlyContinue
          if (-not (Get-Command -Name Get-CsPersistentChatConfiguration -ErrorAction SilentlyContinue)) { Import-Module -Name Lync }
          if (-not (Get-Command -Name Get-CsPersistentChatConfiguration -ErrorAction SilentlyContinue)) { throw 'Get-CsPersistentChatConfiguration is not available: the SkypeForBusiness or Lync module did not provide it.' }
      } catch {
          Write-Output ('##pchat:failed connect ' + ($_.Exception.Message -replace '\\s+', ' '))
          if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
          exit 2
      }
      Write-Output '##pchat:connected'
      try {
          $pchatCount = @(Get-CsPersistentChatConfiguration).Count
          Write-Output ('##pchat:collections ' + $pchatCount)
      } catch {
          Write-Output ('##pchat:failed run ' + ($_.Exception.Message -replace '\\s+', ' '))
          if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
          exit 1
      }
      if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
      Write-Output '##pchat:done'
      exit 0
      "
    `);
  });

  it('local module (Lync), pulling', () => {
    expect(bootstrapScript(LOCAL_LYNC_PULL, FOLDER).replace(/\r\n/g, '\n')).toMatchInlineSnapshot(`
      "# pchat-admin: pull. Nothing secret is in this text.
      $ErrorActionPreference = 'Stop'
      $ProgressPreference = 'SilentlyContinue'
      try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }
      $pchatSession = $null
      try {
          Import-Module -Name Lync
          if (-not (Get-Command -Name Get-CsPersistentChatConfiguration -ErrorAction SilentlyContinue)) { throw 'Get-CsPersistentChatConfiguration is not available: the SkypeForBusiness or Lync module did not provide it.' }
      } catch {
          Write-Output ('##pchat:failed connect ' + ($_.Exception.Message -replace '\\s+', ' '))
          if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
          exit 2
      }
      Write-Output '##pchat:connected'
      try {
          Get-CsPersistentChatConfiguration | Export-Clixml -LiteralPath 'C:\\Users\\csadmin\\AppData\\Local\\Temp\\pchat-admin-Ab12\\configuration.xml'
          Get-CsSite | Export-Clixml -LiteralPath 'C:\\Users\\csadmin\\AppData\\Local\\Temp\\pchat-admin-Ab12\\sites.xml'
          Get-CsService -PersistentChatServer | Export-Clixml -LiteralPath 'C:\\Users\\csadmin\\AppData\\Local\\Temp\\pchat-admin-Ab12\\pools.xml'
      } catch {
          Write-Output ('##pchat:failed run ' + ($_.Exception.Message -replace '\\s+', ' '))
          if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
          exit 1
      }
      if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
      Write-Output '##pchat:done'
      exit 0
      "
    `);
  });

  it('remote session with the current Windows credentials, pushing', () => {
    expect(bootstrapScript(REMOTE_CURRENT_PUSH, FOLDER).replace(/\r\n/g, '\n')).toMatchInlineSnapshot(`
      "# pchat-admin: push. Nothing secret is in this text.
      $ErrorActionPreference = 'Stop'
      $ProgressPreference = 'SilentlyContinue'
      try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }
      $pchatSession = $null
      try {
          $pchatSession = New-PSSession -ConnectionUri 'https://pool01.contoso.com/OcsPowershell' -Authentication NegotiateWithImplicitCredential
          Import-PSSession -Session $pchatSession -CommandName 'Get-CsPersistentChatConfiguration', 'New-CsPersistentChatConfiguration', 'Set-CsPersistentChatConfiguration', 'Remove-CsPersistentChatConfiguration', 'Get-CsSite', 'Get-CsService' -AllowClobber -DisableNameChecking | Out-Null
      } catch {
          Write-Output ('##pchat:failed connect ' + ($_.Exception.Message -replace '\\s+', ' '))
          if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
          exit 2
      }
      Write-Output '##pchat:connected'
      try {
          & ([scriptblock]::Create((Get-Content -LiteralPath 'C:\\Users\\csadmin\\AppData\\Local\\Temp\\pchat-admin-Ab12\\changes.ps1' -Raw -Encoding UTF8))) -WhatIf:$false
      } catch {
          Write-Output ('##pchat:failed run ' + ($_.Exception.Message -replace '\\s+', ' '))
          if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
          exit 1
      }
      if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
      Write-Output '##pchat:done'
      exit 0
      "
    `);
  });

  it('remote session with typed credentials (the password comes on standard input), what if', () => {
    expect(bootstrapScript(REMOTE_TYPED_WHATIF, FOLDER).replace(/\r\n/g, '\n')).toMatchInlineSnapshot(`
      "# pchat-admin: push, what if. Nothing secret is in this text.
      $ErrorActionPreference = 'Stop'
      $ProgressPreference = 'SilentlyContinue'
      try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }
      $pchatSession = $null
      try {
          $pchatLine = [Console]::ReadLine()
          if ($null -eq $pchatLine) { throw 'No password was given on standard input.' }
          $pchatPassword = [System.Text.Encoding]::Unicode.GetString([System.Convert]::FromBase64String($pchatLine))
          $pchatCredential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\\o''brien$(calc)', (ConvertTo-SecureString -String $pchatPassword -AsPlainText -Force)
          Remove-Variable -Name 'pchatPassword', 'pchatLine'
          $pchatSession = New-PSSession -ConnectionUri 'https://pool01.contoso.com/OcsPowershell?x=''$(calc)''' -Credential $pchatCredential
          Import-PSSession -Session $pchatSession -CommandName 'Get-CsPersistentChatConfiguration', 'New-CsPersistentChatConfiguration', 'Set-CsPersistentChatConfiguration', 'Remove-CsPersistentChatConfiguration', 'Get-CsSite', 'Get-CsService' -AllowClobber -DisableNameChecking | Out-Null
      } catch {
          Write-Output ('##pchat:failed connect ' + ($_.Exception.Message -replace '\\s+', ' '))
          if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
          exit 2
      }
      Write-Output '##pchat:connected'
      try {
          & ([scriptblock]::Create((Get-Content -LiteralPath 'C:\\Users\\csadmin\\AppData\\Local\\Temp\\pchat-admin-Ab12\\changes.ps1' -Raw -Encoding UTF8))) -WhatIf:$true
      } catch {
          Write-Output ('##pchat:failed run ' + ($_.Exception.Message -replace '\\s+', ' '))
          if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
          exit 1
      }
      if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }
      Write-Output '##pchat:done'
      exit 0
      "
    `);
  });
});

describe('every variant parses', () => {
  const all = [LOCAL_TEST, LOCAL_LYNC_PULL, REMOTE_CURRENT_PUSH, REMOTE_TYPED_WHATIF, request({ module: 'SkypeForBusiness' }, { kind: 'pull' }), request({ mode: 'Remote', connectionUri: 'https://p/OcsPowershell', userName: 'u@contoso.com' }, { kind: 'test' })];

  it('under tree-sitter-powershell, without an error node', async () => {
    for (const r of all) expect(await syntaxProblems(bootstrapScript(r, FOLDER))).toEqual([]);
  });

  it("under pchat-admin's own parser", () => {
    for (const r of all) expect(parse(bootstrapScript(r, FOLDER)).ok).toBe(true);
  });

  it('lines end with CR LF; the command line carries the script as UTF-16 LE base64 in a -Command that only decodes and runs it', async () => {
    const script = bootstrapScript(LOCAL_TEST, FOLDER);
    expect(script.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    const args = powerShellArguments(script);
    expect(args.slice(0, 6)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command']);
    const base64 = /^& \(\[scriptblock\]::Create\(\[System\.Text\.Encoding\]::Unicode\.GetString\(\[System\.Convert\]::FromBase64String\('([A-Za-z0-9+/=]+)'\)\)\)\)$/.exec(args[6]!);
    expect(base64).not.toBeNull();
    expect(Buffer.from(base64![1]!, 'base64').toString('utf16le')).toBe(script);
    expect(await syntaxProblems(args[6]!)).toEqual([]);
  });

  it('the password line is base64 of UTF-16 LE, so no console code page can change it', () => {
    expect(passwordLine('Pässwört €')).toBe(`${Buffer.from('Pässwört €', 'utf16le').toString('base64')}\n`);
  });
});
