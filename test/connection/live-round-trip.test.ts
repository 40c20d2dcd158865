// Pull → edit → push → verify against a stand-in for the deployment's
// PowerShell (the headless shell over a second store, behind a wrapper that
// takes powershell.exe's command line): the real bootstrap text, the real
// child processes, the real change script, and the faults an administrator
// meets — drift, a failure in the middle, a missing program, a module that
// does not load, garbage, a hang, Stop.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetPasswords, useDeploymentLink } from '../../src-main/engine/changes/deployment-link';
import { PowerShellLink } from '../../src-main/connection/powershell-link';
import { createTestSession, type TestSession } from '../helpers/engine-session';
import { createStandIn, GOOD_PASSWORD, POOL_URI, REMOTE_POOL, type StandIn } from '../helpers/stand-in-powershell';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';

const FIXTURE = path.resolve('test/fixtures/server/pchat-config.clixml.xml');
const SITES = path.resolve('test/fixtures/server/sites.clixml.xml');
const POOLS = path.resolve('test/fixtures/server/pchat-services.clixml.xml');

let server: StandIn;
const sessions: TestSession[] = [];

beforeAll(async () => {
  await buildCli();
  useDeploymentLink(new PowerShellLink());
}, 120_000);
afterAll(() => useDeploymentLink(undefined));

function serverReady(): void {
  server = createStandIn();
  const r = server.shell(`Import-PchatBaseline '${FIXTURE}' | Out-Null; Import-PchatTopology '${SITES}', '${POOLS}'`);
  expect(r.code, r.stderr).toBe(0);
}

function local(interactive = false): TestSession {
  const t = createTestSession({ interactive, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-local-')) });
  sessions.push(t);
  return t;
}

afterEach(() => {
  for (const t of sessions.splice(0)) t.cleanup();
  server?.cleanup();
});

async function ok(t: TestSession, line: string): Promise<string> {
  const r = await t.run(line);
  expect(r.success, r.text).toBe(true);
  return r.text;
}

function serverValue(identity: string, property: string): string {
  return server.shell(`(Get-CsPersistentChatConfiguration -Identity '${identity}').${property}`).stdout.trim();
}

/** Connected and pulled: the local baseline and working configuration are the server's. */
async function connectedAndPulled(): Promise<TestSession> {
  serverReady();
  const t = local();
  const connected = await ok(t, `Connect-PchatServer -PowerShellPath '${server.executable}' -Verbose`);
  expect(connected).toContain('VERBOSE: The deployment has 3 Persistent Chat configuration collections.');
  expect(connected).toMatch(/Connected\s*: True/);
  await ok(t, 'Sync-PchatBaseline | Out-Null');
  return t;
}

describe('pull, edit, push, verify (local module)', () => {
  it('pulls the configuration and the topology, pushes with a what-if rehearsal first, then verifies', async () => {
    const t = await connectedAndPulled();
    expect(await ok(t, '(Get-PchatBaseline).Collections')).toBe('3');
    expect(await ok(t, '@(Get-CsSite).Count')).not.toBe('0');
    expect(await ok(t, '@(Get-PchatChange).Count')).toBe('0');

    await ok(t, 'Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41');
    await ok(t, "New-CsPersistentChatConfiguration -Identity 'site:Paris' -MaxFileSizeKB 2000");

    const whatIf = await ok(t, 'Publish-PchatChange -WhatIf');
    // The server's own what-if lines, then ours.
    expect(whatIf).toMatch(/What if: .*Global/);
    expect(whatIf).toContain('What if: Performing the operation "Publish changes" on target "2 collections on');
    expect(serverValue('Global', 'DefaultChatHistory')).not.toBe('41');

    const pushed = await ok(t, 'Publish-PchatChange -Confirm:$false | Format-List');
    expect(pushed).toMatch(/Status\s+: Verified/);
    expect(pushed).toMatch(/Collections\s+: 2/);
    expect(serverValue('Global', 'DefaultChatHistory')).toBe('41');
    expect(serverValue('site:Paris', 'MaxFileSizeKB')).toBe('2000');
    // Verified: the new baseline is the server, and nothing is pending.
    expect(await ok(t, '@(Get-PchatChange).Count')).toBe('0');
    expect(await ok(t, '(Get-PchatConnection).LastPush')).toMatch(/^Verified at .*2 collections pushed to .* and verified$/);
  });

  it('with pending local changes a pull refuses unless -Force', async () => {
    const t = await connectedAndPulled();
    await ok(t, 'Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41');
    const refused = await t.run('Sync-PchatBaseline');
    expect(refused.success).toBe(false);
    expect(refused.text).toContain('Cannot pull: the working configuration has 1 pending change (see Get-PchatChange)');
    expect(await ok(t, '(Get-CsPersistentChatConfiguration -Identity Global).DefaultChatHistory')).toBe('41');
    await ok(t, 'Sync-PchatBaseline -Force | Out-Null');
    expect(await ok(t, '(Get-CsPersistentChatConfiguration -Identity Global).DefaultChatHistory')).not.toBe('41');
  });

  it('a server that changed since the pull: the drift check stops the push before any change, and nothing changes here', async () => {
    const t = await connectedAndPulled();
    await ok(t, 'Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41');
    expect(server.shell('Set-CsPersistentChatConfiguration -Identity Global -MaxFileSizeKB 12345').code).toBe(0);
    const r = await t.run('Publish-PchatChange -Confirm:$false');
    expect(r.success).toBe(false);
    expect(r.text).toMatch(/The what-if run on the server stopped\. The server's configuration changed since the baseline was taken: Global MaxFileSizeKB on the server differs from the baseline \(\d+\)\. Nothing was changed on the server or here\./);
    expect(r.text).toContain("Pull the server's configuration keeping your changes (Sync-PchatBaseline -KeepChanges), check them, and push again.");
    expect(serverValue('Global', 'DefaultChatHistory')).not.toBe('41');
    expect(await ok(t, '@(Get-PchatChange).Count')).toBe('1');
    expect(await ok(t, '(Get-PchatConnection).LastPush')).toMatch(/^Drift at /);

    // Pull keeping the change: the server's new value comes in, the local change stays; the push then goes through.
    await ok(t, 'Sync-PchatBaseline -KeepChanges | Out-Null');
    expect(await ok(t, '(Get-CsPersistentChatConfiguration -Identity Global).MaxFileSizeKB')).toBe('12345');
    expect(await ok(t, '@(Get-PchatChange).Count')).toBe('1');
    expect(await ok(t, '(Publish-PchatChange -Confirm:$false).Status')).toMatch(/\nVerified$/);
    expect(serverValue('Global', 'DefaultChatHistory')).toBe('41');
    expect(serverValue('Global', 'MaxFileSizeKB')).toBe('12345');
  });

  it('keeping changes refuses, naming them, when the server changed the same property to another value', async () => {
    const t = await connectedAndPulled();
    await ok(t, 'Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41');
    expect(server.shell('Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 42').code).toBe(0);
    const r = await t.run('Sync-PchatBaseline -KeepChanges');
    expect(r.success).toBe(false);
    expect(r.text).toMatch(/Cannot pull keeping the pending changes: 1 conflict: Global DefaultChatHistory changed here from \d+ to 41, and on the server to 42\. Nothing was changed\./);
    expect(await ok(t, '(Get-CsPersistentChatConfiguration -Identity Global).DefaultChatHistory')).toBe('41');
  });

  it('a command the server refuses in the middle: its message is kept, and nothing changes here', async () => {
    const t = await connectedAndPulled();
    await ok(t, "New-CsPersistentChatConfiguration -Identity 'site:Paris' -MaxFileSizeKB 2000");
    await ok(t, 'Remove-CsPersistentChatConfiguration -Identity service:PersistentChatServer:pchat01.emea.corp.contoso.com');
    const pending = await ok(t, '@(Get-PchatChange).Count');
    server.setPrelude(
      [
        'function Remove-CsPersistentChatConfiguration {',
        '    param($Identity, [switch]$WhatIf, [switch]$Confirm)',
        '    if ($WhatIf) { Write-Host "What if: Removing $Identity." } else { throw "Insufficient access rights to perform the operation. (remove $Identity)" }',
        '}',
      ].join('\r\n'),
    );
    const r = await t.run('Publish-PchatChange -Confirm:$false');
    expect(r.success).toBe(false);
    expect(r.text).toContain('The push stopped. The server reported an error: Insufficient access rights to perform the operation. (remove service:PersistentChatServer:pchat01.emea.corp.contoso.com).');
    expect(r.text).toContain('Changes made on the server before the failure stay there; nothing was changed here.');
    // The New before the failure reached the server; the local state is as it was.
    expect(serverValue('site:Paris', 'MaxFileSizeKB')).toBe('2000');
    expect(await ok(t, '@(Get-PchatChange).Count')).toBe(pending);
    expect(await ok(t, "@(Get-CsPersistentChatConfiguration -Filter 'site:Paris').Count")).toBe('1');

    // Once the server accepts it: take its state keeping what is still to do (the removal), and push that.
    server.setPrelude('');
    await ok(t, 'Sync-PchatBaseline -KeepChanges | Out-Null');
    expect(await ok(t, '@(Get-PchatChange | Select-Object -ExpandProperty Action -Unique)')).toBe('Remove');
    expect(await ok(t, '(Publish-PchatChange -Confirm:$false).Status')).toMatch(/\nVerified$/);
    expect(server.shell("@(Get-CsPersistentChatConfiguration -Filter 'service:*').Count").stdout.trim()).toBe('0');
  });
});

describe('a pull that is not saved leaves no trace', () => {
  it('stopped after the pull but before its statement is saved: neither the baseline nor the last pull changes', async () => {
    serverReady();
    let stop = false;
    const t = createTestSession({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-local-')), stop: { get requested() { return stop; } } });
    sessions.push(t);
    await ok(t, `Connect-PchatServer -PowerShellPath '${server.executable}' | Out-Null`);
    await ok(t, 'Sync-PchatBaseline | Out-Null');
    const baselineBefore = fs.readFileSync(path.join(t.dir, 'baseline.json'), 'utf8');
    const lastPull = await ok(t, '(Get-PchatConnection).LastPull');
    await ok(t, 'Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41');
    expect(server.shell('Set-CsPersistentChatConfiguration -Identity Global -MaxFileSizeKB 12345').code).toBe(0);
    // The pull's output goes on to a slow command; Stop comes while it waits, after the pull itself finished.
    setTimeout(() => (stop = true), 4_000);
    const r = await t.run('Sync-PchatBaseline -Force | ForEach-Object { Start-Sleep -Seconds 30 }');
    stop = false;
    expect(r.success).toBe(false);
    expect(fs.readFileSync(path.join(t.dir, 'baseline.json'), 'utf8')).toBe(baselineBefore);
    expect(await ok(t, '(Get-PchatConnection).LastPull')).toBe(lastPull);
    expect(await ok(t, '(Get-CsPersistentChatConfiguration -Identity Global).DefaultChatHistory')).toBe('41');
    expect(await ok(t, '@(Get-PchatChange).Count')).toBe('1');
  }, 40_000);
});

describe('faults end with a clear message and nothing recorded', () => {
  it('a program that does not exist', async () => {
    const t = local();
    const r = await t.run("Connect-PchatServer -PowerShellPath '/nowhere/powershell.exe'");
    expect(r.success).toBe(false);
    expect(r.text).toContain("Connect-PchatServer : Cannot start '/nowhere/powershell.exe': no such program was found. Give the full path of powershell.exe (or pwsh) with -PowerShellPath. Nothing was recorded.");
    expect(await ok(t, '(Get-PchatConnection).Connected')).toBe('False');
  });

  it('a module that does not load', async () => {
    serverReady();
    server.setPrelude("function Import-Module { param($Name, $ErrorAction) throw \"The specified module '$Name' was not loaded because no valid module file was found in any module directory.\" }");
    const t = local();
    const r = await t.run(`Connect-PchatServer -PowerShellPath '${server.executable}' -Module SkypeForBusiness`);
    expect(r.success).toBe(false);
    expect(r.text).toContain("Cannot connect to the deployment: The specified module 'SkypeForBusiness' was not loaded because no valid module file was found in any module directory. Nothing was recorded.");
    expect(await ok(t, '(Get-PchatConnection).Connected')).toBe('False');
  });

  it('a program that is not PowerShell (it prints garbage and exits)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-garbage-'));
    const exe = path.join(dir, 'not-powershell.sh');
    fs.writeFileSync(exe, '#!/bin/sh\nprintf "\\377\\376garbage\\n" >&2\necho "usage: not-powershell [options]"\nexit 0\n', { mode: 0o755 });
    const t = local();
    const r = await t.run(`Connect-PchatServer -PowerShellPath '${exe}'`);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.success).toBe(false);
    expect(r.text).toContain('usage: not-powershell [options]');
    expect(r.text).toContain("without running pchat-admin's script to its end; is it Windows PowerShell or PowerShell 7?");
  });

  it('a child that hangs is ended at the timeout', async () => {
    const t = await connectedAndPulled();
    await ok(t, `Connect-PchatServer -TimeoutSeconds 5 | Out-Null`);
    server.setPrelude('Start-Sleep -Seconds 3600');
    const started = Date.now();
    const r = await t.run('Sync-PchatBaseline');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.success).toBe(false);
    expect(r.text).toMatch(/Sync-PchatBaseline : '.*powershell-stand-in\.mjs' did not finish within 5 seconds and was ended\. Nothing was changed here\./);
    expect(await ok(t, '(Get-PchatConnection).LastPull')).toMatch(/^Failed at /);
    // The wrapper and the shell it started were ended with it.
    await expect.poll(() => server.livingProcesses(), { timeout: 5_000 }).toEqual([]);
  }, 40_000);

  it('Stop ends the child and the statement', async () => {
    serverReady();
    let stop = false;
    const t = createTestSession({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-local-')), stop: { get requested() { return stop; } } });
    sessions.push(t);
    await ok(t, `Connect-PchatServer -PowerShellPath '${server.executable}' | Out-Null`);
    server.setPrelude('Start-Sleep -Seconds 3600');
    setTimeout(() => (stop = true), 1_500);
    const started = Date.now();
    const r = await t.run('Sync-PchatBaseline');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.success).toBe(false);
    expect(r.text).not.toContain('Collections');
    await expect.poll(() => server.livingProcesses(), { timeout: 5_000 }).toEqual([]);
    // Nothing was pulled: there is still no baseline.
    expect(fs.existsSync(path.join(t.dir, 'baseline.json'))).toBe(false);
  }, 30_000);
});

describe('remote session to a pool', () => {
  function remoteServer(): void {
    serverReady();
    server.setPrelude(REMOTE_POOL);
  }

  it('with the current Windows credentials: a bare FQDN becomes the pool endpoint; pull and push go through the session', async () => {
    remoteServer();
    const t = local();
    const connected = await ok(t, `Connect-PchatServer -PowerShellPath '${server.executable}' -ConnectionUri pool01.contoso.com | Format-List`);
    expect(connected).toMatch(/Target\s+: remote session to pool01\.contoso\.com/);
    expect(connected).toMatch(/ConnectionUri\s+: https:\/\/pool01\.contoso\.com\/OcsPowershell/);
    await ok(t, 'Sync-PchatBaseline | Out-Null');
    await ok(t, 'Set-CsPersistentChatConfiguration -Identity Global -ParticipantUpdateLimit 120');
    expect(await ok(t, '(Publish-PchatChange -Confirm:$false).Status')).toMatch(/\nVerified$/);
    expect(serverValue('Global', 'ParticipantUpdateLimit')).toBe('120');
  });

  it('a pool that refuses the connection: its message, and nothing recorded', async () => {
    remoteServer();
    const t = local();
    const r = await t.run(`Connect-PchatServer -PowerShellPath '${server.executable}' -ConnectionUri https://pool02.contoso.com/OcsPowershell`);
    expect(r.success).toBe(false);
    expect(r.text).toContain('Cannot connect to the deployment: Connecting to remote server failed with the following error message : The WinRM client cannot process the request. (https://pool02.contoso.com/OcsPowershell). Nothing was recorded.');
    expect(await ok(t, '(Get-PchatConnection).Connected')).toBe('False');
  });

  it('typed credentials: the password goes to the child on standard input only, never to disk or a command line', async () => {
    remoteServer();
    const t = local(true);
    t.answers.push(GOOD_PASSWORD);
    await ok(t, `Connect-PchatServer -PowerShellPath '${server.executable}' -ConnectionUri ${POOL_URI} -Credential CONTOSO\\csadmin | Out-Null`);
    expect(t.prompts).toEqual(['Password for CONTOSO\\csadmin: ']);
    // Later operations in this session use the password typed once.
    await ok(t, 'Sync-PchatBaseline | Out-Null');
    await ok(t, 'Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 77');
    expect(await ok(t, '(Publish-PchatChange -Confirm:$false).Status')).toMatch(/\nVerified$/);
    expect(t.prompts).toHaveLength(1);
    for (const args of server.commandLines()) expect(args.join(' ')).not.toContain('Correct');
    for (const file of fs.readdirSync(t.dir)) expect(fs.readFileSync(path.join(t.dir, file), 'latin1')).not.toContain('Correct');
    expect(fs.readFileSync(path.join(t.dir, 'connection.json'), 'utf8')).toContain('"userName": "CONTOSO\\\\csadmin"');
  });

  it('a credential object (Get-Credential, or built in a script) brings its own password; a script needs no prompt', async () => {
    remoteServer();
    const t = local(true);
    t.answers.push(GOOD_PASSWORD);
    await ok(t, `$c = Get-Credential CONTOSO\\csadmin; Connect-PchatServer -PowerShellPath '${server.executable}' -ConnectionUri ${POOL_URI} -Credential $c | Out-Null`);
    expect(t.prompts).toEqual(['Password for user CONTOSO\\csadmin: ']);
    await ok(t, 'Sync-PchatBaseline | Out-Null');

    const script = local(false);
    const secret = GOOD_PASSWORD.replace(/'/g, "''");
    await ok(script, `$c = New-Object System.Management.Automation.PSCredential 'CONTOSO\\csadmin', (ConvertTo-SecureString '${secret}' -AsPlainText -Force); Connect-PchatServer -PowerShellPath '${server.executable}' -ConnectionUri ${POOL_URI} -Credential $c | Out-Null`);
    await ok(script, 'Sync-PchatBaseline | Out-Null');
  });

  it('a wrong password: access is denied, nothing recorded, and the password is not kept', async () => {
    remoteServer();
    const t = local(true);
    t.answers.push('wrong');
    const r = await t.run(`Connect-PchatServer -PowerShellPath '${server.executable}' -ConnectionUri ${POOL_URI} -Credential CONTOSO\\csadmin`);
    expect(r.success).toBe(false);
    expect(r.text).toContain('Cannot connect to the deployment: Connecting to remote server pool01.contoso.com failed with the following error message : Access is denied. Nothing was recorded.');
    expect(fs.existsSync(path.join(t.dir, 'connection.json'))).toBe(false);
  });

  it('a new session does not know the password: it asks to connect again rather than failing on the server', async () => {
    remoteServer();
    const first = local(true);
    first.answers.push(GOOD_PASSWORD);
    await ok(first, `Connect-PchatServer -PowerShellPath '${server.executable}' -ConnectionUri ${POOL_URI} -Credential 'CONTOSO\\csadmin' | Out-Null`);
    // As after a restart: the profile is on disk, the password was only in memory.
    forgetPasswords(path.join(first.dir, 'config.json'));
    const r = await first.run('Sync-PchatBaseline');
    expect(r.success).toBe(false);
    expect(r.text).toContain('The password for CONTOSO\\csadmin is not known in this session (pchat-admin never stores it). Connect again: Connect-PchatServer -Credential CONTOSO\\csadmin.');
  });
});
