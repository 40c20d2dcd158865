// The pchat:connection:status and pchat:connection:preview channels: the
// window's view of the connection profile (connection.json beside the store)
// and the Connect dialog's Connect-PchatServer line, through the real handler
// table and service, and through the session host's real worker.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBulk } from '../../src-main/engine/cmdlets/bulk-line';
import { checkCmdlet } from '../../src-main/engine/cmdlets/form-check';
import { commandHelpData } from '../../src-main/engine/cmdlets/help/help-data';
import { defaultPowerShellPath, writeConnection, type ConnectionProfile } from '../../src-main/engine/changes/connection-profile';
import { SessionHost } from '../../src-main/host/session-host';
import type { ConnectionStatusDto, ConnectRequest, IpcReply, PreviewResponse } from '../../src-main/ipc/contract';
import { TEST_SESSION_WORKER } from '../support/session-worker';
import { createHarness, value, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.cleanup());

const PROFILE: ConnectionProfile = {
  powerShellPath: 'powershell.exe',
  mode: 'Remote',
  module: 'Auto',
  connectionUri: 'https://pool01.contoso.com/OcsPowershell',
  userName: 'CONTOSO\\admin',
  timeoutSeconds: 600,
  connectedAt: '2025-01-02T03:04:05.000Z',
  lastPull: { at: '2025-01-02T03:05:00.000Z', result: 'Succeeded', message: 'Pulled 3 configurations.' },
  lastPush: null,
};

const LOCAL: ConnectRequest = { powerShellPath: 'pwsh', mode: 'Local', module: 'Auto', connectionUri: '', userName: '', timeoutSeconds: '600' };

describe('pchat:connection:status', () => {
  it('says not connected without a profile, and describes the profile once there is one', async () => {
    const before = value<ConnectionStatusDto>(await h.invoke('pchat:connection:status'));
    expect(before).toMatchObject({ connected: false, target: 'not connected', powerShellPath: defaultPowerShellPath(), mode: 'Local', lastPull: null, lastPush: null });
    expect(before.indicator).toMatchObject({ label: 'Not connected', warn: false });
    expect(before.problem).toBeUndefined();
    writeConnection({ path: h.storeFile }, PROFILE);
    const after = value<ConnectionStatusDto>(await h.invoke('pchat:connection:status'));
    const { indicator, ...rest } = after;
    expect(rest).toEqual({ connected: true, ...PROFILE, target: 'remote session to pool01.contoso.com' });
    expect(indicator.label).toMatch(/^Connected: remote session to pool01\.contoso\.com · pulled \d+ days ago$/);
    expect(indicator.detail).toContain('Succeeded — Pulled 3 configurations.');
  });

  it('reports a damaged profile as a problem, not as a failure of the call', async () => {
    fs.writeFileSync(path.join(h.dir, 'connection.json'), '{ not json');
    const status = value<ConnectionStatusDto>(await h.invoke('pchat:connection:status'));
    expect(status.connected).toBe(false);
    expect(status.problem).toEqual(expect.any(String));
    expect(status.indicator).toMatchObject({ label: 'Not connected (connection profile unreadable)', warn: true });
    expect(status.indicator.detail).toContain(status.problem);
  });

  it('takes no arguments', async () => {
    expect(((await h.invoke('pchat:connection:status', 'x')) as IpcReply<unknown>).ok).toBe(false);
  });
});

describe('pchat:connection:preview', () => {
  const preview = async (request: Partial<ConnectRequest>): Promise<PreviewResponse> => value(await h.invoke('pchat:connection:preview', { ...LOCAL, ...request }));

  it('builds the local line, leaving out the defaults', async () => {
    expect(await preview({})).toEqual({ commandLine: "Connect-PchatServer -PowerShellPath 'pwsh'", fieldErrors: {} });
    expect((await preview({ module: 'Lync', timeoutSeconds: '120', powerShellPath: "C:\\Program Files\\It's\\pwsh.exe" })).commandLine).toBe(
      "Connect-PchatServer -PowerShellPath 'C:\\Program Files\\It''s\\pwsh.exe' -Module Lync -TimeoutSeconds 120",
    );
  });

  it('builds the remote line with a user name, never a password, and no -Module', async () => {
    const r = await preview({ mode: 'Remote', module: 'Lync', connectionUri: 'https://pool01.contoso.com/OcsPowershell', userName: "CONTOSO\\o'neil" });
    expect(r).toEqual({
      commandLine: "Connect-PchatServer -PowerShellPath 'pwsh' -ConnectionUri 'https://pool01.contoso.com/OcsPowershell' -Credential 'CONTOSO\\o''neil'",
      fieldErrors: {},
    });
    expect((await preview({ mode: 'Remote', connectionUri: 'https://pool01.contoso.com/OcsPowershell' })).commandLine).not.toContain('-Credential');
  });

  it('says which field is wrong', async () => {
    expect((await preview({ mode: 'Remote', connectionUri: 'http://pool01/OcsPowershell' })).fieldErrors['ConnectionUri']).toMatch(/https:\/\//);
    expect((await preview({ mode: 'Remote', connectionUri: '' })).fieldErrors['ConnectionUri']).toBeDefined();
    expect((await preview({ mode: 'Remote', connectionUri: 'not a uri' })).fieldErrors['ConnectionUri']).toBeDefined();
    expect((await preview({ timeoutSeconds: '4' })).fieldErrors['TimeoutSeconds']).toMatch(/5 to 86400/);
    expect((await preview({ timeoutSeconds: '1.5' })).fieldErrors['TimeoutSeconds']).toBeDefined();
    expect((await preview({ powerShellPath: '  ' })).fieldErrors['PowerShellPath']).toBeDefined();
  });

  it('refuses a payload of the wrong shape', async () => {
    const refused = async (request: unknown): Promise<boolean> => !((await h.invoke('pchat:connection:preview', request)) as IpcReply<unknown>).ok;
    expect(await refused({ ...LOCAL, mode: 'Elsewhere' })).toBe(true);
    expect(await refused({ ...LOCAL, module: 'Teams' })).toBe(true);
    expect(await refused({ ...LOCAL, password: 'x' })).toBe(true);
    expect(await refused({ ...LOCAL, timeoutSeconds: 600 })).toBe(true);
    const { userName: _u, ...missing } = LOCAL;
    expect(await refused(missing)).toBe(true);
  });
});

describe('session host: connection', () => {
  let host: SessionHost | undefined;
  let dir = '';
  afterEach(async () => {
    await host?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the profile and builds the line in the worker', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-host-conn-'));
    host = await SessionHost.open({ storeDir: dir, workerFile: TEST_SESSION_WORKER, checkForm: checkCmdlet, checkBulk, helpData: commandHelpData });
    expect((await host.connectionStatus()).connected).toBe(false);
    writeConnection({ path: path.join(dir, 'config.json') }, PROFILE);
    expect((await host.connectionStatus()).target).toBe('remote session to pool01.contoso.com');
    expect((await host.previewConnect({ ...LOCAL, module: 'SkypeForBusiness' })).commandLine).toBe("Connect-PchatServer -PowerShellPath 'pwsh' -Module SkypeForBusiness");
  });
});
