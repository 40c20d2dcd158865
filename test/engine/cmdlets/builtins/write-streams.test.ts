// Write-Host and the Write-* stream commands through a real session: what
// shows, in which kind of line, under which preference, with 5.1's texts.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../../helpers/engine-session';
import { consoleText } from '../../../helpers/console-text';

let t: TestSession;
beforeEach(() => {
  t = createTestSession();
});
afterEach(() => t.cleanup());

async function text(line: string): Promise<string> {
  const r = await t.session.execute(line);
  return consoleText(r.lines);
}

describe('Write-Host', () => {
  it('joins its arguments with spaces, or -Separator, and -NoNewline continues the line', async () => {
    expect(await text('Write-Host a b c')).toBe('a b c');
    expect(await text('Write-Host (1,2,3) -Separator ", "')).toBe('1, 2, 3');
    expect(await text('Write-Host "Checking... " -NoNewline; Write-Host "done"')).toBe('Checking... done');
  });

  it('writes host lines with their colours, and nothing down the pipeline', async () => {
    const r = await t.session.execute('$x = Write-Host "green" -ForegroundColor Green -BackgroundColor DarkBlue; $x -eq $null');
    expect(r.lines.map((l) => [l.kind, l.text])).toEqual([
      ['host', 'green'],
      ['output', 'True'],
    ]);
    expect(r.lines[0]).toMatchObject({ foreground: 'Green', background: 'DarkBlue' });
  });

  it('writes each piped object on its own line; only -InformationAction Ignore silences it', async () => {
    expect(await text('1,2 | Write-Host')).toBe('1\n2');
    expect(await text('Write-Host hidden -InformationAction Ignore; Write-Host shown -InformationAction SilentlyContinue')).toBe('shown');
  });

  it('refuses a colour that is not a ConsoleColor with 5.1\'s conversion message', async () => {
    expect(await text('Write-Host x -ForegroundColor Bogus')).toContain(
      'Write-Host : Cannot bind parameter \'ForegroundColor\'. Cannot convert value "Bogus" to type "System.ConsoleColor". Error: "Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nBlack, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray, DarkGray, Blue, Green, Cyan, Red, Magenta, Yellow, White"',
    );
  });
});

describe('Write-Warning, Write-Verbose, Write-Debug, Write-Information', () => {
  it('each shows as its preference variable or common parameter says', async () => {
    expect(await text('Write-Warning careful; Write-Verbose hidden; Write-Debug hidden; Write-Information hidden')).toBe('WARNING: careful');
    expect(await text('Write-Verbose v -Verbose; Write-Debug d -Debug; Write-Information i -InformationAction Continue')).toBe('VERBOSE: v\nDEBUG: d\ni');
    expect(await text('$VerbosePreference = "Continue"; $DebugPreference = "Continue"; $InformationPreference = "Continue"; Write-Verbose v; Write-Debug d; Write-Information i')).toBe('VERBOSE: v\nDEBUG: d\ni');
    expect(await text('$WarningPreference = "SilentlyContinue"; Write-Warning quiet; Write-Warning loud -WarningAction Continue')).toBe('WARNING: loud');
  });

  it('the kinds tell the streams apart', async () => {
    const r = await t.session.execute('Write-Warning w; Write-Verbose v -Verbose; Write-Debug d -Debug; Write-Information i -InformationAction Continue');
    expect(r.lines.map((l) => l.kind)).toEqual(['warning', 'verbose', 'debug', 'information']);
  });

  it('-WarningAction Stop writes the warning, then stops the script', async () => {
    const r = await t.session.execute('Write-Warning first -WarningAction Stop; "not reached"');
    expect(consoleText(r.lines)).toMatch(/^WARNING: first\nWrite-Warning : The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: first/);
    expect(r.lines.filter((l) => l.kind === 'output')).toEqual([]);
  });

  it('-InformationVariable collects Write-Information and Write-Host', async () => {
    expect(await text('Write-Information kept -InformationVariable iv; Write-Host shown -InformationVariable hv; $iv; $hv')).toBe('shown\nkept\nshown');
  });
});

describe('Write-Error', () => {
  it('shows 5.1\'s record: the caller\'s text, WriteErrorException, and goes on', async () => {
    const r = await t.session.execute('Write-Error "Something failed"; "next"');
    expect(consoleText(r.lines)).toBe(
      [
        'Write-Error "Something failed"; "next" : Something failed',
        '    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException',
        '    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException',
        'next',
      ].join('\n'),
    );
    expect(r.success).toBe(true);
  });

  it('-Category, -ErrorId, -TargetObject and the Category* overrides fill CategoryInfo', async () => {
    expect(await text('Write-Error "site:Typo does not exist" -Category ObjectNotFound -TargetObject site:Typo -ErrorId SiteMissing')).toBe(
      [
        'Write-Error "site:Typo does not exist" -Category ObjectNotFound -TargetObject site:Typo -ErrorId SiteMissing : site:Typo does not exist',
        '    + CategoryInfo          : ObjectNotFound: (site:Typo:String) [Write-Error], WriteErrorException',
        '    + FullyQualifiedErrorId : SiteMissing',
      ].join('\n'),
    );
    expect(await text('Write-Error x -CategoryActivity Audit -CategoryReason Drift -CategoryTargetName site:A -CategoryTargetType XdsIdentity')).toContain(
      '    + CategoryInfo          : NotSpecified: (site:A:XdsIdentity) [Audit], Drift',
    );
  });

  it('respects -ErrorAction and $ErrorActionPreference, and joins $Error and -ErrorVariable', async () => {
    expect(await text('Write-Error quiet -ErrorAction SilentlyContinue; $?')).toBe('False');
    expect(await text('$Error[0].Exception.Message')).toBe('quiet');
    expect(await text('Write-Error hidden -ErrorAction Ignore -ErrorVariable ev; $ev.Count')).toBe('0');
    expect(await text('Write-Error kept -ErrorAction SilentlyContinue -ErrorVariable ev; $ev.Count')).toBe('1');
    const stopped = await t.session.execute('$ErrorActionPreference = "Stop"; Write-Error "stop here"; "not reached"');
    expect(consoleText(stopped.lines)).toContain(': stop here');
    expect(stopped.lines.filter((l) => l.kind === 'output')).toEqual([]);
  });
});

describe('Write-Progress', () => {
  it('emits a progress record with 5.1\'s defaults, and nothing under $ProgressPreference = SilentlyContinue', async () => {
    const r = await t.session.execute('Write-Progress -Activity "Updating sites" -Status site:A -PercentComplete 50 -Id 2; Write-Progress "Updating sites" -Completed -Id 2');
    const progress = r.lines.filter((l) => l.kind === 'progress');
    expect(progress).toEqual([
      { kind: 'progress', text: 'Updating sites: site:A [oooooooooo          ] 50%', activity: 'Updating sites', status: 'site:A', percent: 50, id: 2, completed: false },
      { kind: 'progress', text: 'Updating sites: Processing', activity: 'Updating sites', status: 'Processing', percent: -1, id: 2, completed: true },
    ]);
    const quiet = await t.session.execute('$ProgressPreference = "SilentlyContinue"; Write-Progress -Activity x');
    expect(quiet.lines).toEqual([]);
  });

  it('-PercentComplete outside -1..100 is a range error', async () => {
    expect(await text('Write-Progress -Activity x -PercentComplete 101')).toContain(
      "Cannot validate argument on parameter 'PercentComplete'. The 101 argument is greater than the maximum allowed range of 100. Supply an argument that is less than or equal to 100 and then try the command again.",
    );
  });
});
