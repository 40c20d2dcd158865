// A stand-in for the deployment's PowerShell: pchat-admin's own headless shell
// over a second store (the "server"), behind a small executable wrapper that
// takes powershell.exe's command line. A prelude (PowerShell text) can be put
// before the script it is sent, to stand in for what only a real server has
// (New-PSSession to a pool) or to inject a fault (a module that does not
// load, a cmdlet the server refuses, a child that hangs). Every command line
// it receives is logged, so tests can check that no secret was on one.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain ESM build script without type declarations
import { CLI_BUNDLE } from '../../scripts/build-cli.mjs';

export const POOL_URI = 'https://pool01.contoso.com/OcsPowershell';
export const GOOD_PASSWORD = "Correct h'orse \"battery\" $staple";

/** A remote pool that only lets in CONTOSO\csadmin with GOOD_PASSWORD (its functions shadow nothing the engine has). */
export const REMOTE_POOL = [
  'function New-PSSession {',
  '    param([string]$ConnectionUri, $Credential, [string]$Authentication)',
  `    if ($ConnectionUri -ne '${POOL_URI}') { throw "Connecting to remote server failed with the following error message : The WinRM client cannot process the request. ($ConnectionUri)" }`,
  `    if ($Credential -and $Credential.GetNetworkCredential().Password -cne '${GOOD_PASSWORD.replace(/'/g, "''")}') { throw 'Connecting to remote server pool01.contoso.com failed with the following error message : Access is denied.' }`,
  "    if (-not $Credential -and $Authentication -ne 'NegotiateWithImplicitCredential') { throw 'No authentication was asked for.' }",
  "    [pscustomobject]@{ ComputerName = 'pool01.contoso.com'; State = 'Opened' }",
  '}',
  'function Import-PSSession { param($Session, [string[]]$CommandName, [switch]$AllowClobber, [switch]$DisableNameChecking) [pscustomobject]@{ Name = "tmp_pool01" } }',
  'function Remove-PSSession { param($Session) }',
].join('\r\n');

export interface StandIn {
  /** The executable to give -PowerShellPath. */
  readonly executable: string;
  /** The "server's" store folder. */
  readonly storeDir: string;
  /** Runs a line in the server's store with the headless shell (to set it up or look at it). */
  shell(command: string): { code: number | null; stdout: string; stderr: string };
  /** The command lines the wrapper was started with. */
  commandLines(): string[][];
  /** The processes the wrapper started (itself and the shell), still running. */
  livingProcesses(): number[];
  /** Replaces the prelude for the next runs. */
  setPrelude(prelude: string): void;
  cleanup(): void;
}

export function createStandIn(prelude = ''): StandIn {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-stand-in-'));
  const storeDir = path.join(dir, 'server-store');
  fs.mkdirSync(storeDir);
  const config = path.join(dir, 'stand-in.json');
  const log = path.join(dir, 'command-lines.log');
  const pids = path.join(dir, 'pids.log');
  const write = (p: string) => fs.writeFileSync(config, JSON.stringify({ cli: path.resolve(CLI_BUNDLE as string), store: storeDir, prelude: p, log, pids }));
  write(prelude);
  const executable = path.join(dir, 'powershell-stand-in.mjs');
  fs.writeFileSync(
    executable,
    [
      '#!/usr/bin/env node',
      "import { spawn } from 'node:child_process';",
      "import fs from 'node:fs';",
      `const cfg = JSON.parse(fs.readFileSync(${JSON.stringify(config)}, 'utf8'));`,
      'const args = process.argv.slice(2);',
      "fs.appendFileSync(cfg.log, JSON.stringify(args) + '\\n');",
      // The script is base64 inside the -Command launcher (bootstrap.ts): the prelude goes before its text.
      "const at = args.findIndex((a) => a.toLowerCase() === '-command');",
      "const wrap = (b64) => Buffer.from(cfg.prelude + '\\r\\n' + Buffer.from(b64, 'base64').toString('utf16le'), 'utf16le').toString('base64');",
      "if (at >= 0 && cfg.prelude) args[at + 1] = args[at + 1].replace(/FromBase64String\\('([A-Za-z0-9+\\/=]*)'\\)/, (m, b64) => `FromBase64String('${wrap(b64)}')`);",
      "const child = spawn(process.execPath, [cfg.cli, '--store', cfg.store, ...args], { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });",
      "fs.appendFileSync(cfg.pids, process.pid + '\\n' + child.pid + '\\n');",
      "for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));",
      'child.on("exit", (code, signal) => process.exit(code ?? (signal ? 143 : 1)));',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return {
    executable,
    storeDir,
    shell(command) {
      const r = spawnSync(process.execPath, [CLI_BUNDLE as string, '--store', storeDir, '-NonInteractive', '-Command', command], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    commandLines: () =>
      fs.existsSync(log)
        ? fs
            .readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as string[])
        : [],
    livingProcesses: () =>
      (fs.existsSync(pids) ? fs.readFileSync(pids, 'utf8').split('\n').filter(Boolean).map(Number) : []).filter((pid) => {
        try {
          process.kill(pid, 0);
        } catch {
          return false;
        }
        // Ended but not yet reaped (its parent thread is gone): a zombie runs nothing.
        try {
          return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
        } catch {
          return true;
        }
      }),
    setPrelude: write,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
