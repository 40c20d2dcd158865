// The round trip: a baseline imported here, changes staged in the console, the
// exported change script run by the headless shell (-File) against a fresh
// store holding the same baseline gives exactly the staged configuration;
// with -WhatIf it changes nothing; against a drifted store it stops before
// any change. The script uses param(), if and throw: these tests run as soon
// as the console language parses them (the language work lands separately).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src-main/engine/shell/parse';
import { createTestSession } from '../helpers/engine-session';
// @ts-expect-error plain ESM build script without type declarations
import { buildCli, CLI_BUNDLE } from '../../scripts/build-cli.mjs';

const LANGUAGE_READY = parse("param([switch]$WhatIf)\nif ($true) { throw 'x' }").ok;
const FIXTURE = path.resolve('test/fixtures/server/pchat-config.clixml.xml');

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-roundtrip-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function shell(args: string[]) {
  const r = spawnSync(process.execPath, [CLI_BUNDLE as string, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function collections(dir: string) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).collections;
}

/** A store in a new folder with the fixture imported as its baseline. */
async function storeWithBaseline(): Promise<string> {
  const t = createTestSession({ dir: tempDir() });
  const r = await t.run(`Import-PchatBaseline '${FIXTURE}' | Out-Null`);
  expect(r.success).toBe(true);
  return t.dir;
}

/** The staged side: baseline, then changes from the console; returns the script and the staged collections. */
async function staged(): Promise<{ script: string; expected: unknown }> {
  const t = createTestSession({ dir: tempDir() });
  await t.run(`Import-PchatBaseline '${FIXTURE}' | Out-Null`);
  for (const line of [
    "New-CsPersistentChatConfiguration -Identity 'site:Paris' -DefaultChatHistory 44 -RoomManagementUrl 'https://r.contoso.com/it''s/$x`y'",
    'Set-CsPersistentChatConfiguration -DefaultChatHistory 41 -FileServiceUrl $null',
    "Set-CsPersistentChatConfiguration -Identity 'site:Zürich Nord' -MaxFileSizeKB 7",
    'Remove-CsPersistentChatConfiguration -Identity service:PersistentChatServer:pchat01.emea.corp.contoso.com',
  ]) {
    expect((await t.run(line)).success).toBe(true);
  }
  const script = path.join(t.dir, 'changes.ps1');
  expect((await t.run(`Export-PchatChangeScript '${script}'`)).success).toBe(true);
  return { script, expected: collections(t.dir) };
}

describe.skipIf(!LANGUAGE_READY)('change script run by the headless shell (waits for param/if/throw in the language)', () => {
  beforeAll(async () => {
    await buildCli();
  }, 60_000);

  it('a fresh store with the same baseline plus the script equals the staged configuration', async () => {
    const { script, expected } = await staged();
    const target = await storeWithBaseline();
    const r = shell(['--store', target, '-File', script]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(collections(target)).toEqual(expected);
  });

  it('with -WhatIf it changes nothing', async () => {
    const { script } = await staged();
    const target = await storeWithBaseline();
    const before = fs.readFileSync(path.join(target, 'config.json'));
    const r = shell(['--store', target, '-File', script, '-WhatIf']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('What if: Performing the operation "New-CsPersistentChatConfiguration" on target "site:Paris".');
    expect(fs.readFileSync(path.join(target, 'config.json'))).toEqual(before);
  });

  it('against a drifted store it stops before any change', async () => {
    const { script } = await staged();
    const target = await storeWithBaseline();
    const t = createTestSession({ dir: target });
    await t.run("Set-CsPersistentChatConfiguration -Identity 'site:Zürich Nord' -ParticipantUpdateLimit 151");
    const before = fs.readFileSync(path.join(target, 'config.json'));
    const r = shell(['--store', target, '-File', script]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Drift: site:Zürich Nord ParticipantUpdateLimit on the server differs from the baseline (150).');
    expect(fs.readFileSync(path.join(target, 'config.json'))).toEqual(before);
  });
});

describe('the staged side of the round trip (runs today)', () => {
  it('exports a script holding exactly the four staged changes', async () => {
    const { script } = await staged();
    const lines = fs.readFileSync(script, 'utf8').split('\r\n').filter((l) => /^(New|Set|Remove)-Cs/.test(l));
    expect(lines).toEqual([
      "New-CsPersistentChatConfiguration -Identity 'site:Paris' -DefaultChatHistory 44 -MaxChatContentSizeMB 20 -MaxFileSizeKB 20000 -ParticipantUpdateLimit 75 -FileServiceUrl $null -RoomManagementUrl 'https://r.contoso.com/it''s/$x`y' -WhatIf:$WhatIf -Confirm:$false",
      "Set-CsPersistentChatConfiguration -Identity 'Global' -DefaultChatHistory 41 -FileServiceUrl $null -WhatIf:$WhatIf -Confirm:$false",
      "Set-CsPersistentChatConfiguration -Identity 'site:Zürich Nord' -MaxFileSizeKB 7 -WhatIf:$WhatIf -Confirm:$false",
      "Remove-CsPersistentChatConfiguration -Identity 'service:PersistentChatServer:pchat01.emea.corp.contoso.com' -WhatIf:$WhatIf -Confirm:$false",
    ]);
    expect(fs.readFileSync(script).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('the change lines alone, run in a fresh store with the baseline, give the staged configuration', async () => {
    // Until the language has param(): the same lines with $WhatIf fixed to $false, through the real session.
    const { script, expected } = await staged();
    const target = await storeWithBaseline();
    const t = createTestSession({ dir: target });
    const changes = fs.readFileSync(script, 'utf8').split('\r\n').filter((l) => /^(New|Set|Remove)-Cs/.test(l));
    for (const line of changes) expect((await t.run(`$WhatIf = $false; ${line} | Out-Null`)).success).toBe(true);
    expect(collections(target)).toEqual(expected);
  });
});
