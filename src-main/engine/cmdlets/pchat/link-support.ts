// What the connection cmdlets share: the recorded profile (or why there is
// none), running one operation through the deployment link with the
// server's lines shown as they come, and the failure messages, which always
// say what happened on the server and that nothing changed here.

import { readConnection, type ConnectionProfile } from '../../changes/connection-profile';
import { deploymentLink, heldPassword, type LinkAction, type LinkResult } from '../../changes/deployment-link';
import type { CommandContext } from '../../shell/commands';
import { fail } from './support';

/** The recorded profile, or undefined after writing why there is none usable. */
export async function requireProfile(ctx: CommandContext): Promise<ConnectionProfile | undefined> {
  const read = readConnection(ctx.repo);
  if (read.kind === 'ok') return read.data;
  const message =
    read.kind === 'missing'
      ? 'pchat-admin is not connected to a deployment. Connect first: Connect-PchatServer (local module) or Connect-PchatServer -ConnectionUri https://<pool FQDN>/OcsPowershell (remote session).'
      : `The connection profile cannot be used: ${read.reason}. Connect again with Connect-PchatServer.`;
  await fail(ctx, message, 'NotConnected', '', 'InvalidOperation');
  return undefined;
}

/** A what-if line from the server is shown as one; its other lines as host output, its errors in red. */
async function showServerLine(ctx: CommandContext, text: string, stream: 'output' | 'error'): Promise<void> {
  if (stream === 'output' && /^What if: /.test(text)) return ctx.writeWhatIf(text);
  await ctx.writeHost(stream === 'error' ? { text, foreground: 'Red' } : { text });
}

/**
 * Runs `action` for `profile`; the password is the one typed this session
 * (or `password`). A Stop ends the child and then stops the statement.
 */
export async function runLinked(ctx: CommandContext, profile: ConnectionProfile, action: LinkAction, password?: string): Promise<LinkResult> {
  const link = deploymentLink();
  if (!link) {
    return { ok: false, stage: 'start', message: 'This host cannot start PowerShell: connecting to a deployment works in the pchat-admin window and its headless shell.' };
  }
  const typed = profile.mode === 'Remote' && profile.userName !== null ? (password ?? heldPassword(ctx.repo.path, profile.userName) ?? null) : null;
  const result = await link.run(
    { profile, password: typed, action },
    {
      onLine: (text, stream) => showServerLine(ctx, text, stream),
      stopRequested: () => {
        try {
          ctx.checkStop();
          return false;
        } catch {
          return true;
        }
      },
    },
  );
  if (!result.ok && result.stage === 'stopped') ctx.checkStop();
  return result;
}

/** Needs a password this session has not been given (remote, typed credentials, a new session). */
export function missingPassword(ctx: CommandContext, profile: ConnectionProfile): boolean {
  return profile.mode === 'Remote' && profile.userName !== null && heldPassword(ctx.repo.path, profile.userName) === undefined;
}

export async function failMissingPassword(ctx: CommandContext, profile: ConnectionProfile): Promise<void> {
  await fail(
    ctx,
    `The password for ${profile.userName} is not known in this session (pchat-admin never stores it). Connect again: Connect-PchatServer -Credential ${profile.userName}.`,
    'PasswordNeeded',
    '',
    'InvalidOperation',
  );
}

/** A drift message from the change script, without its own "Drift:" and its advice for running the script by hand. */
function driftDetail(message: string): string {
  return message.replace(/^Drift:\s*/, '').replace(/\s*Nothing was changed; import the server's configuration again\.?$/, '');
}

/**
 * A failed operation, as an error record whose id and category say what
 * kind of failure it was: `step` (a sentence, or null) says which part
 * failed, the server's or the runner's message follows, then `afterwards`.
 */
export function failLinked(ctx: CommandContext, result: Extract<LinkResult, { ok: false }>, step: string | null, afterwards: string): Promise<void> {
  const ids: Record<typeof result.stage, string> = {
    start: 'PowerShellNotStarted',
    connect: 'ConnectionFailed',
    run: 'ServerCommandFailed',
    drift: 'ServerDrift',
    timeout: 'PowerShellTimedOut',
    stopped: 'Stopped',
    protocol: 'PowerShellUnexpectedEnd',
  };
  const m = result.message.replace(/\.+$/, '');
  const said: Record<typeof result.stage, string> = {
    start: m,
    connect: `Cannot connect to the deployment: ${m}`,
    run: `The server reported an error: ${m}`,
    drift: `The server's configuration changed since the baseline was taken: ${driftDetail(result.message).replace(/\.+$/, '')}`,
    timeout: m,
    stopped: m,
    protocol: m,
  };
  return ctx.writeError({
    message: `${step !== null ? `${step} ` : ''}${said[result.stage]}. ${afterwards}`,
    errorId: ids[result.stage],
    category: result.stage === 'timeout' ? 'OperationTimeout' : result.stage === 'connect' ? 'ConnectionError' : 'InvalidOperation',
    exceptionType: 'InvalidOperationException',
    target: '',
  });
}
