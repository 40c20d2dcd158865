// The exact script pchat-admin sends to the administrator's PowerShell. It
// travels as base64 of its UTF-16 LE text inside a short -Command that
// decodes and runs it — not as -EncodedCommand, because Windows PowerShell
// 5.1 then writes everything on standard error as CLIXML instead of text.
// Base64 needs no quoting, so no command-line parsing can change it. It holds
// no secret: a typed password comes on standard input (base64 of UTF-16 LE,
// so no console code page can alter it), read with [Console]::ReadLine(), and
// is turned into a PSCredential at once.
//
// Its protocol with us is three kinds of marker line on standard output,
// which no translation of PowerShell changes:
//   ##pchat:connected          the module loaded / the remote session opened
//   ##pchat:collections <n>    (test) how many collections the server has
//   ##pchat:failed <stage> <message on one line>   connect | run
//   ##pchat:done               everything ran
// Exit codes: 0 done, 2 could not connect, 1 a command failed. Every other
// line is the server's own output (What if: lines, warnings), shown as is.
// Output is UTF-8 ([Console]::OutputEncoding), whatever the console's code page.

import type { LinkRequest } from '../engine/changes/deployment-link';
import { psQuote } from '../engine/formats/change-script';

export const MARKER = '##pchat:';

/** The cmdlets a remote session imports: the four for the configuration, and the two the topology needs. */
export const REMOTE_COMMANDS = [
  'Get-CsPersistentChatConfiguration',
  'New-CsPersistentChatConfiguration',
  'Set-CsPersistentChatConfiguration',
  'Remove-CsPersistentChatConfiguration',
  'Get-CsSite',
  'Get-CsService',
] as const;

const NOT_AVAILABLE = "throw 'Get-CsPersistentChatConfiguration is not available: the SkypeForBusiness or Lync module did not provide it.'";
const CHECK_COMMAND = 'if (-not (Get-Command -Name Get-CsPersistentChatConfiguration -ErrorAction SilentlyContinue))';

/** Loads the module that holds the cmdlets (Auto: Skype for Business Server's, else Lync Server 2013's). */
export function localPreamble(module: LinkRequest['profile']['module']): string[] {
  if (module === 'Auto') {
    return [
      'Import-Module -Name SkypeForBusiness -ErrorAction SilentlyContinue',
      `${CHECK_COMMAND} { Import-Module -Name Lync }`,
      `${CHECK_COMMAND} { ${NOT_AVAILABLE} }`,
    ];
  }
  return [`Import-Module -Name ${module}`, `${CHECK_COMMAND} { ${NOT_AVAILABLE} }`];
}

/** Opens a session to the pool's OcsPowershell endpoint and imports the cmdlets from it. */
export function remotePreamble(connectionUri: string, userName: string | null): string[] {
  const uri = psQuote(connectionUri);
  const open =
    userName === null
      ? [`$pchatSession = New-PSSession -ConnectionUri ${uri} -Authentication NegotiateWithImplicitCredential`]
      : [
          '$pchatLine = [Console]::ReadLine()',
          "if ($null -eq $pchatLine) { throw 'No password was given on standard input.' }",
          '$pchatPassword = [System.Text.Encoding]::Unicode.GetString([System.Convert]::FromBase64String($pchatLine))',
          `$pchatCredential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList ${psQuote(userName)}, (ConvertTo-SecureString -String $pchatPassword -AsPlainText -Force)`,
          "Remove-Variable -Name 'pchatPassword', 'pchatLine'",
          `$pchatSession = New-PSSession -ConnectionUri ${uri} -Credential $pchatCredential`,
        ];
  return [...open, `Import-PSSession -Session $pchatSession -CommandName ${REMOTE_COMMANDS.map((c) => `'${c}'`).join(', ')} -AllowClobber -DisableNameChecking | Out-Null`];
}

/** What runs once connected; `folder` is the private temporary folder of this run. */
export function actionLines(action: LinkRequest['action'], folder: string): string[] {
  const file = (name: string) => psQuote(`${folder}${folder.includes('\\') ? '\\' : '/'}${name}`);
  switch (action.kind) {
    case 'test':
      return ['$pchatCount = @(Get-CsPersistentChatConfiguration).Count', `Write-Output ('${MARKER}collections ' + $pchatCount)`];
    case 'pull':
      return [
        `Get-CsPersistentChatConfiguration | Export-Clixml -LiteralPath ${file('configuration.xml')}`,
        `Get-CsSite | Export-Clixml -LiteralPath ${file('sites.xml')}`,
        `Get-CsService -PersistentChatServer | Export-Clixml -LiteralPath ${file('pools.xml')}`,
      ];
    case 'push':
      // Run as a script block made from the file's text: an execution policy set by Group Policy does not stop it.
      return [`& ([scriptblock]::Create((Get-Content -LiteralPath ${file('changes.ps1')} -Raw -Encoding UTF8))) -WhatIf:$${action.whatIf ? 'true' : 'false'}`];
  }
}

const ONE_LINE = "($_.Exception.Message -replace '\\s+', ' ')";

/** The whole script, lines joined with CR LF. */
export function bootstrapScript(request: LinkRequest, folder: string): string {
  const { profile, action } = request;
  const preamble = profile.mode === 'Remote' ? remotePreamble(profile.connectionUri ?? '', profile.userName) : localPreamble(profile.module);
  const indent = (lines: string[]) => lines.map((l) => `    ${l}`);
  // Closing a session that broke must not hide how the run ended: its own failure is ignored.
  const closeSession = 'if ($pchatSession) { try { Remove-PSSession -Session $pchatSession } catch { } }';
  return [
    `# pchat-admin: ${action.kind === 'push' ? (action.whatIf ? 'push, what if' : 'push') : action.kind}. Nothing secret is in this text.`,
    "$ErrorActionPreference = 'Stop'",
    "$ProgressPreference = 'SilentlyContinue'",
    // Without a console (a service account's session), setting it fails; the output is then read as Windows-1252.
    'try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }',
    '$pchatSession = $null',
    'try {',
    ...indent(preamble),
    '} catch {',
    `    Write-Output ('${MARKER}failed connect ' + ${ONE_LINE})`,
    `    ${closeSession}`,
    '    exit 2',
    '}',
    `Write-Output '${MARKER}connected'`,
    'try {',
    ...indent(actionLines(action, folder)),
    '} catch {',
    `    Write-Output ('${MARKER}failed run ' + ${ONE_LINE})`,
    `    ${closeSession}`,
    '    exit 1',
    '}',
    closeSession,
    `Write-Output '${MARKER}done'`,
    'exit 0',
  ]
    .map((l) => `${l}\r\n`)
    .join('');
}

/** The -Command that decodes the script (base64 of its UTF-16 LE text) and runs it. */
export function launcher(script: string): string {
  const base64 = Buffer.from(script, 'utf16le').toString('base64');
  return `& ([scriptblock]::Create([System.Text.Encoding]::Unicode.GetString([System.Convert]::FromBase64String('${base64}'))))`;
}

/** powershell.exe's arguments for the script. */
export function powerShellArguments(script: string): string[] {
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', launcher(script)];
}

/** The password as the bootstrap reads it from standard input: one line, base64 of its UTF-16 LE text. */
export function passwordLine(password: string): string {
  return `${Buffer.from(password, 'utf16le').toString('base64')}\n`;
}
