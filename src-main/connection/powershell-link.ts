// The DeploymentLink over the administrator's PowerShell: one child process
// per operation (nothing is left running between them), in a private
// temporary folder that holds the change script going in and the CliXML
// coming back, removed afterwards whatever happened.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DeploymentLink, LinkIO, LinkRequest, LinkResult, PulledFiles } from '../engine/changes/deployment-link';
import { bootstrapScript, MARKER, passwordLine, powerShellArguments } from './bootstrap';
import { runChild, type ChildEnd } from './powershell-child';

const DRIFT = /^Drift:/;

interface Markers {
  connected: boolean;
  done: boolean;
  collections?: number;
  failed?: { stage: 'connect' | 'run'; message: string };
}

function readMarker(line: string, markers: Markers): boolean {
  // A byte order mark may lead the first line once the output encoding is switched to UTF-8.
  const text = line.replace(/^\uFEFF/, '');
  if (!text.startsWith(MARKER)) return false;
  const body = text.slice(MARKER.length);
  const failed = /^failed (connect|run) ?(.*)$/s.exec(body);
  if (body === 'connected') markers.connected = true;
  else if (body === 'done') markers.done = true;
  else if (body.startsWith('collections ')) markers.collections = Number(body.slice('collections '.length));
  else if (failed) markers.failed = { stage: failed[1] as 'connect' | 'run', message: failed[2]!.trim() };
  else return false;
  return true;
}

function readIfThere(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

function notStarted(executable: string, end: Extract<ChildEnd, { kind: 'not-started' }>): string {
  if (end.code === 'ENOENT') return `Cannot start '${executable}': no such program was found. Give the full path of powershell.exe (or pwsh) with -PowerShellPath.`;
  if (end.code === 'EACCES') return `Cannot start '${executable}': it is not a program this account may run.`;
  // Node starts programs directly and refuses batch files (a .cmd cannot be run without a command shell).
  if (end.code === 'EINVAL' && /\.(cmd|bat)$/i.test(executable)) return `Cannot start '${executable}': a batch file cannot be started directly. Give powershell.exe or pwsh.exe itself.`;
  return `Cannot start '${executable}': ${end.message}.`;
}

/** What the child's end means, given the markers it printed. */
export function judge(request: LinkRequest, end: ChildEnd, markers: Markers, firstError: string | undefined): LinkResult {
  const exe = request.profile.powerShellPath;
  if (end.kind === 'not-started') return { ok: false, stage: 'start', message: notStarted(exe, end) };
  if (end.kind === 'stopped') return { ok: false, stage: 'stopped', message: `Stopped: '${exe}' was ended.` };
  if (end.kind === 'timeout') {
    return { ok: false, stage: 'timeout', message: `'${exe}' did not finish within ${request.profile.timeoutSeconds} seconds and was ended.` };
  }
  if (markers.failed) {
    const { stage, message } = markers.failed;
    if (stage === 'run' && DRIFT.test(message)) return { ok: false, stage: 'drift', message };
    return { ok: false, stage, message: message || `'${exe}' reported a failure without a message.` };
  }
  if (markers.done && end.code === 0) return { ok: true, ...(markers.collections !== undefined ? { collections: markers.collections } : {}) };
  const how = end.code !== null ? `exit code ${end.code}` : `signal ${end.signal ?? 'unknown'}`;
  const said = firstError !== undefined ? ` Its first error: ${firstError.replace(/\.?$/, '.')}` : '';
  return {
    ok: false,
    stage: 'protocol',
    message: `'${exe}' ended (${how}) without running pchat-admin's script to its end; is it Windows PowerShell or PowerShell 7?${said}`,
  };
}

export class PowerShellLink implements DeploymentLink {
  async run(request: LinkRequest, io: LinkIO): Promise<LinkResult> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-admin-'));
    try {
      fs.chmodSync(folder, 0o700);
      if (request.action.kind === 'push') fs.writeFileSync(path.join(folder, 'changes.ps1'), `\uFEFF${request.action.script}`, { mode: 0o600 });
      const markers: Markers = { connected: false, done: false };
      let firstError: string | undefined;
      const end = await runChild({
        executable: request.profile.powerShellPath,
        args: powerShellArguments(bootstrapScript(request, folder)),
        stdin: request.password !== null && request.profile.mode === 'Remote' && request.profile.userName !== null ? passwordLine(request.password) : '',
        timeoutMs: request.profile.timeoutSeconds * 1000,
        stopRequested: () => io.stopRequested(),
        onLine: async (text, stream) => {
          if (stream === 'output' && readMarker(text, markers)) return;
          if (stream === 'error' && text.trim() !== '') firstError ??= text.trim();
          await io.onLine(text, stream);
        },
      });
      const result = judge(request, end, markers, firstError);
      if (!result.ok || request.action.kind !== 'pull') return result;
      const configuration = readIfThere(path.join(folder, 'configuration.xml'));
      if (configuration === null) {
        return { ok: false, stage: 'protocol', message: `'${request.profile.powerShellPath}' said it exported the configuration, but wrote no file.` };
      }
      const files: PulledFiles = { configuration, sites: readIfThere(path.join(folder, 'sites.xml')), pools: readIfThere(path.join(folder, 'pools.xml')) };
      return { ...result, files };
    } finally {
      // Windows frees an ended child's file handles a moment later: retry, and never let the clean-up hide the result.
      try {
        fs.rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch {
        // A leftover empty-ish folder in the temp folder, holding no secret.
      }
    }
  }
}
