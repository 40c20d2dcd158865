// Connect-PchatServer, Get-PchatConnection, Disconnect-PchatServer: the
// connection profile (changes/connection-profile.ts). Connecting tries the
// connection first — the module loads, or the remote session opens, and the
// configuration can be read — and only then records it; a typed password is
// kept in memory for this session only.

import {
  connectionStatus,
  connectionUriOf,
  DEFAULT_TIMEOUT_SECONDS,
  defaultPowerShellPath,
  describeTarget,
  readConnection,
  removeConnection,
  TIMEOUT_RANGE,
  writeConnection,
  type ConnectionProfile,
  type ModuleName,
} from '../../changes/connection-profile';
import { MODULE_NAMES } from '../../changes/connection-types';
import { forgetPasswords, heldPassword, rememberPassword } from '../../changes/deployment-link';
import type { CommandContext, CommandHelp, ParameterDef } from '../../shell/commands';
import type { EnumType } from '../../shell/enum-conversion';
import { toPSString } from '../../shell/convert';
import { PSObject, type Value } from '../../shell/values';
import { isCredential } from '../../shell/credential';
import { secureStringText } from '../../shell/secure-string';
import { param } from '../builtins/support';
import { failLinked, runLinked } from './link-support';
import { fail, pchatCommand } from './support';

export const CONNECTION_TYPE = 'PchatAdmin.Connection';

const MODULE_NAME: EnumType = { name: 'PchatAdmin.ModuleName', names: MODULE_NAMES };

const CONNECT_PARAMETERS: readonly ParameterDef[] = [
  param('PowerShellPath', 'String', `The PowerShell to start: powershell.exe (Windows PowerShell 5.1, the default on Windows), pwsh, or a full path.`),
  param('ConnectionUri', 'String', "A pool's management endpoint, https://<pool FQDN>/OcsPowershell (or just the FQDN): opens a remote session there instead of loading the module on this machine."),
  param('Credential', 'Object', 'For a remote session: a credential (Get-Credential), or the user name to sign in as (DOMAIN\\user or user@domain), whose password is then asked for. The password is kept only in memory for this session. Without it, the current Windows credentials are used.'),
  { ...param('Module', 'Enum', 'For the local module: SkypeForBusiness, Lync, or Auto (the default: SkypeForBusiness, else Lync).'), enumType: MODULE_NAME },
  param('TimeoutSeconds', 'Int32', `How long a pull or a push may take before its PowerShell is ended (default ${DEFAULT_TIMEOUT_SECONDS}).`, { range: TIMEOUT_RANGE }),
];

const CONNECT_HELP: CommandHelp = {
  synopsis: "Connects pchat-admin to the deployment through this machine's PowerShell.",
  description:
    'Connect-PchatServer records how pchat-admin reaches the deployment: which PowerShell to start, and whether it ' +
    'loads the Skype for Business Server (or Lync Server 2013) module on this machine or opens a remote session to a ' +
    "pool's https://<pool FQDN>/OcsPowershell endpoint. It first tries the connection: the module must load (or the " +
    'session open) and the configuration must be readable; otherwise nothing is recorded. The profile is kept in ' +
    'connection.json beside the store and holds no secret: a password typed for -Credential is kept in memory for ' +
    'this session only and reaches PowerShell on its standard input, never on its command line or on disk. Without ' +
    'parameters it tries the recorded connection again. Sync-PchatBaseline then pulls and Publish-PchatChange pushes.',
  examples: [
    { title: 'On a server or workstation with the admin tools', code: 'Connect-PchatServer', remarks: 'Loads the SkypeForBusiness (else Lync) module in powershell.exe.' },
    {
      title: 'A remote session as another account',
      code: 'Connect-PchatServer -ConnectionUri https://pool01.contoso.com/OcsPowershell -Credential CONTOSO\\csadmin',
      remarks: 'Asks for the password, then opens a session to the pool.',
    },
    { title: 'Windows PowerShell from a path', code: "Connect-PchatServer -PowerShellPath 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'", remarks: '' },
  ],
  outputs: `${CONNECTION_TYPE}\n    The connection as Get-PchatConnection shows it.`,
};

/** The user name of a -Credential argument (a name, or a PSCredential's UserName). */
function userNameOf(value: Value): string {
  if (value instanceof PSObject) {
    const name = value.get('UserName');
    if (name !== undefined && name !== null) return toPSString(name);
  }
  return toPSString(value);
}

async function askPassword(ctx: CommandContext, userName: string): Promise<string | undefined> {
  if (!ctx.host.interactive) {
    await fail(ctx, `A password for ${userName} is needed, and this session cannot ask for one (it is not interactive). Connect in the window or an interactive shell.`, 'PasswordNeeded', userName, 'InvalidOperation');
    return undefined;
  }
  const answer = await ctx.host.readLine(`Password for ${userName}: `, { secret: true });
  if (answer === null || answer === '') {
    await fail(ctx, `No password was given for ${userName}. Nothing was changed.`, 'PasswordNeeded', userName, 'InvalidOperation');
    return undefined;
  }
  return answer;
}

export function connectionObject(profile: ConnectionProfile | undefined, storePath: string): PSObject {
  const status = connectionStatus({ path: storePath });
  const p = profile ?? (status.connected ? status : undefined);
  return new PSObject(CONNECTION_TYPE, [
    ['Connected', p !== undefined],
    ['Target', p ? describeTarget(p) : 'not connected'],
    ['Mode', p?.mode ?? null],
    ['PowerShellPath', p?.powerShellPath ?? null],
    ['Module', p && p.mode === 'Local' ? p.module : null],
    ['ConnectionUri', p?.connectionUri ?? null],
    ['UserName', p?.userName ?? null],
    ['TimeoutSeconds', p?.timeoutSeconds ?? null],
    ['ConnectedAt', p?.connectedAt ?? null],
    ['LastPull', p?.lastPull ? `${p.lastPull.result} at ${p.lastPull.at}: ${p.lastPull.message}` : null],
    ['LastPush', p?.lastPush ? `${p.lastPush.result} at ${p.lastPush.at}: ${p.lastPush.message}` : null],
    ...(status.problem !== undefined ? ([['Problem', status.problem]] as const) : []),
  ]);
}

export const connectPchatServer = pchatCommand('Connect-PchatServer', CONNECT_PARAMETERS, CONNECT_HELP, (ctx) => ({
  async process(bound) {
    const current = readConnection(ctx.repo);
    const before = current.kind === 'ok' ? current.data : undefined;
    const typedUri = bound.get('ConnectionUri');
    let connectionUri: string | null = before?.mode === 'Remote' && !bound.has('Module') ? before.connectionUri : null;
    if (typedUri !== undefined && typedUri !== null) {
      const uri = connectionUriOf(toPSString(typedUri));
      if (typeof uri !== 'string') return fail(ctx, `Cannot use '${toPSString(typedUri)}' as -ConnectionUri: ${uri.error} Nothing was changed.`, 'InvalidConnectionUri', toPSString(typedUri), 'InvalidData');
      connectionUri = uri;
    }
    const credential = bound.get('Credential');
    if (credential !== undefined && credential !== null && connectionUri === null) {
      return fail(ctx, '-Credential is for a remote session: give -ConnectionUri too. The local module runs as the signed-in user. Nothing was changed.', 'CredentialWithoutSession', '', 'InvalidOperation');
    }
    const userName = credential !== undefined && credential !== null ? userNameOf(credential) : connectionUri !== null && typedUri === undefined ? (before?.userName ?? null) : null;
    if (userName !== null && userName.trim() === '') return fail(ctx, 'The user name for -Credential is empty. Nothing was changed.', 'InvalidCredential', '', 'InvalidData');
    const profile: ConnectionProfile = {
      powerShellPath: bound.has('PowerShellPath') ? toPSString(bound.get('PowerShellPath') ?? '') : (before?.powerShellPath ?? defaultPowerShellPath()),
      mode: connectionUri !== null ? 'Remote' : 'Local',
      module: bound.has('Module') ? (toPSString(bound.get('Module') ?? 'Auto') as ModuleName) : (before?.module ?? 'Auto'),
      connectionUri,
      userName,
      timeoutSeconds: bound.has('TimeoutSeconds') ? (bound.get('TimeoutSeconds') as number) : (before?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      connectedAt: new Date().toISOString(),
      lastPull: before?.lastPull ?? null,
      lastPush: before?.lastPush ?? null,
    };
    if (profile.powerShellPath.trim() === '') return fail(ctx, 'The PowerShell path is empty. Nothing was changed.', 'InvalidPowerShellPath', '', 'InvalidData');
    // A PSCredential (Get-Credential) brings its password; a user name alone is asked for one.
    let password: string | undefined = credential !== undefined && credential !== null && isCredential(credential) ? secureStringText(credential.get('Password') ?? null) : undefined;
    if (profile.userName !== null && password === undefined) {
      // Connecting again as the same user this session: the password typed before is used.
      const sameUser = credential === undefined || credential === null;
      password = (sameUser ? heldPassword(ctx.repo.path, profile.userName) : undefined) ?? (await askPassword(ctx, profile.userName));
      if (password === undefined) return;
    }
    await ctx.writeVerbose(`Trying the connection: ${describeTarget(profile)}.`);
    const result = await runLinked(ctx, profile, { kind: 'test' }, password);
    if (!result.ok) return failLinked(ctx, result, null, 'Nothing was recorded.');
    try {
      writeConnection(ctx.repo, profile);
    } catch (e) {
      return fail(ctx, `The connection works, but cannot be recorded: ${(e as Error).message}`, 'ConnectionWriteFailed', '', 'WriteError');
    }
    if (profile.userName !== null && password !== undefined) rememberPassword(ctx.repo.path, profile.userName, password);
    const found = result.collections;
    if (found !== undefined) await ctx.writeVerbose(`The deployment has ${found} Persistent Chat configuration collection${found === 1 ? '' : 's'}.`);
    await ctx.emit(connectionObject(profile, ctx.repo.path));
  },
}));

export const getPchatConnection = pchatCommand(
  'Get-PchatConnection',
  [],
  {
    synopsis: 'Shows how pchat-admin reaches the deployment, and how the last pull and push ended.',
    description:
      'Get-PchatConnection shows the recorded connection (Connect-PchatServer): the PowerShell it starts, local module or ' +
      'remote session, the user name for typed credentials, the timeout, and the result of the last Sync-PchatBaseline ' +
      'and Publish-PchatChange. Connected is False when there is none.',
    examples: [{ title: 'Where does a push go?', code: 'Get-PchatConnection', remarks: '' }],
    outputs: CONNECTION_TYPE,
  },
  (ctx) => ({
    async process() {
      const read = readConnection(ctx.repo);
      await ctx.emit(connectionObject(read.kind === 'ok' ? read.data : undefined, ctx.repo.path));
    },
  }),
);

export const disconnectPchatServer = pchatCommand(
  'Disconnect-PchatServer',
  [],
  {
    synopsis: 'Forgets the connection and any password typed this session.',
    description:
      'Disconnect-PchatServer removes the recorded connection (connection.json) and forgets a password typed for it. ' +
      'The baseline, the working configuration and the history stay as they are. Connect-PchatServer connects again.',
    examples: [{ title: 'Sign out', code: 'Disconnect-PchatServer', remarks: '' }],
    outputs: 'None',
  },
  (ctx) => ({
    async process() {
      const read = readConnection(ctx.repo);
      if (read.kind === 'missing') return fail(ctx, 'pchat-admin is not connected to a deployment.', 'NotConnected', '', 'InvalidOperation');
      if (!(await ctx.shouldProcess(read.kind === 'ok' ? describeTarget(read.data) : 'the connection profile', 'Disconnect'))) return;
      try {
        removeConnection(ctx.repo);
      } catch (e) {
        return fail(ctx, `Cannot remove the connection profile: ${(e as Error).message}`, 'ConnectionWriteFailed', '', 'WriteError');
      } finally {
        forgetPasswords(ctx.repo.path);
      }
    },
  }),
  { shouldProcess: true, confirmImpact: 'Low' },
);
