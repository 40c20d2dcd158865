// The commands reports are built with: Group-Object, Compare-Object,
// Select-String on text, Measure-Object's text counts, Out-String, Out-Host,
// Tee-Object and Select-Object -ExcludeProperty, over real configuration
// objects in a real store, asserting the console text 5.1 shows.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../../helpers/engine-session';
import { consoleText } from '../../../helpers/console-text';

let t: TestSession;
beforeEach(async () => {
  t = createTestSession();
  await t.run('New-CsPersistentChatConfiguration site:Redmond -DefaultChatHistory 40 | Out-Null; New-CsPersistentChatConfiguration site:Paris -DefaultChatHistory 40 | Out-Null');
});
afterEach(() => t.cleanup());

async function text(line: string): Promise<string> {
  return (await t.run(line)).text;
}

describe('Group-Object', () => {
  it('shows 5.1\'s Count / Name / Group table, groups in order of first appearance', async () => {
    expect(await text('Get-CsPersistentChatConfiguration | Group-Object DefaultChatHistory')).toBe(
      ['', 'Count Name                      Group', '----- ----                      -----', '    1 30                        {Global}', '    2 40                        {site:Paris, site:Redmond}', ''].join('\n'),
    );
  });

  it('-NoElement, scriptblocks, case-insensitive names', async () => {
    expect(await text('Get-CsPersistentChatConfiguration | Group-Object { $_.Identity.StartsWith("site:") } -NoElement')).toBe(
      ['', 'Count Name', '----- ----', '    1 False', '    2 True', ''].join('\n'),
    );
    expect(await text('"a","A","b" | Group-Object | % { "$($_.Name)=$($_.Count)" }')).toBe('a=2\nb=1');
    expect(await text('"a","A","b" | Group-Object -CaseSensitive | % { "$($_.Name)=$($_.Count)" }')).toBe('a=1\nA=1\nb=1');
  });

  it('-AsHashTable -AsString looks groups up by value', async () => {
    expect(await text('$h = Get-CsPersistentChatConfiguration | Group-Object DefaultChatHistory -AsHashTable -AsString; $h["40"] | % Identity; $h.Count')).toBe('site:Paris\nsite:Redmond\n2');
    expect(await text('1 | Group-Object -AsString')).toContain('The -AsString parameter can only be used with the -AsHashTable parameter.');
  });
});

describe('Compare-Object', () => {
  it('5.1\'s order and SideIndicator, with and without -IncludeEqual', async () => {
    expect(await text('Compare-Object 1,2,3 2,3,4')).toBe(['', 'InputObject SideIndicator', '----------- -------------', '          4 =>', '          1 <=', ''].join('\n'));
    expect(await text('Compare-Object 1,2,3 2,3,4 -IncludeEqual | % { "$($_.InputObject)$($_.SideIndicator)" }')).toBe('2==\n3==\n4=>\n1<=');
    expect(await text('Compare-Object 1,2 2,3 -ExcludeDifferent')).toBe('');
    expect(await text('Compare-Object 1,2 2,3 -ExcludeDifferent -IncludeEqual | % InputObject')).toBe('2');
  });

  it('-Property compares and shows only those properties; -PassThru returns the objects', async () => {
    const line = 'Compare-Object (Get-CsPersistentChatConfiguration global) (Get-CsPersistentChatConfiguration site:Paris) -Property DefaultChatHistory, MaxFileSizeKB';
    expect(await text(line)).toBe(
      ['', 'DefaultChatHistory MaxFileSizeKB SideIndicator', '------------------ ------------- -------------', '                40         20000 =>', '                30         20000 <=', ''].join('\n'),
    );
    expect(await text(`${line} -PassThru | % { "$($_.Identity) $($_.SideIndicator)" }`)).toBe('site:Paris =>\nGlobal <=');
  });

  it('text compares without case unless -CaseSensitive; $null is refused as 5.1 does', async () => {
    expect(await text('Compare-Object "Site:A" "site:a"')).toBe('');
    expect(await text('Compare-Object "Site:A" "site:a" -CaseSensitive | % SideIndicator')).toBe('=>\n<=');
    expect(await text('Compare-Object $null 1')).toContain("Compare-Object : Cannot bind argument to parameter 'ReferenceObject' because it is null.");
  });
});

describe('Select-String on text', () => {
  it('shows matches as their lines, framed as 5.1 frames MatchInfo', async () => {
    expect(await text('"alpha","beta","gamma" | Select-String "a$"')).toBe(['', 'alpha', 'beta', 'gamma', '', ''].join('\n'));
    expect(await text('"alpha","beta" | Select-String "PH"')).toBe(['', 'alpha', '', ''].join('\n'));
    expect(await text('"alpha","beta" | Select-String "PH" -CaseSensitive')).toBe('');
  });

  it('-SimpleMatch, -NotMatch, -AllMatches, -Quiet, -List and the MatchInfo members', async () => {
    expect(await text('"a.b","axb" | Select-String "a.b" -SimpleMatch | % Line')).toBe('a.b');
    expect(await text('"a.b","axb" | Select-String "x" -NotMatch | % Line')).toBe('a.b');
    expect(await text('"banana" | Select-String "an" -AllMatches | % { $_.Matches.Count }')).toBe('2');
    expect(await text('"x","y" | Select-String y -Quiet; "x" | Select-String z -Quiet')).toBe('True\nFalse');
    expect(await text('"a1","a2" | Select-String a -List | % Line')).toBe('a1');
    expect(await text('"one","two" | Select-String two | % { "$($_.LineNumber) $($_.Pattern) $($_.Filename)" }')).toBe('2 two InputStream');
  });

  it('-Context shows the neighbouring lines, > marking the match', async () => {
    expect(await text('"one","two","three","four","five" | Select-String three -Context 1,2')).toBe(['', '  two', '> three', '  four', '  five', '', ''].join('\n'));
  });

  it('searches the formatted text of objects with Out-String -Stream', async () => {
    expect(await text('Get-CsPersistentChatConfiguration site:Paris | Out-String -Stream | Select-String Identity')).toBe(['', 'Identity               : site:Paris', '', ''].join('\n'));
  });

  it('an invalid pattern is an error', async () => {
    expect(await text('"x" | Select-String "("')).toContain('Select-String : The string ( is not a valid regular expression');
  });
});

describe('Measure-Object -Line -Word -Character', () => {
  it('counts as 5.1 does, with blanks for what was not asked', async () => {
    expect(await text('"one two`nthree" | Measure-Object -Line -Word -Character')).toBe(
      ['', 'Lines Words Characters Property', '----- ----- ---------- --------', '    2     3         13', ''].join('\n'),
    );
    expect(await text('"a b ", " c" | Measure-Object -Character -IgnoreWhiteSpace | % Characters')).toBe('3');
    expect(await text('"a b ", " c" | Measure-Object -Word | % Words')).toBe('3');
  });

  it('cannot be mixed with -Sum', async () => {
    expect(await text('1 | Measure-Object -Sum -Line')).toContain('Parameter set cannot be resolved using the specified named parameters.');
  });
});

describe('Out-String, Out-Host, Tee-Object', () => {
  it('Out-String returns the console\'s text as one string, or lines with -Stream', async () => {
    expect(await text('$s = Get-CsPersistentChatConfiguration | Select-Object Identity | Out-String; $s.GetType().FullName; $s')).toBe(
      ['System.String', '', 'Identity', '--------', 'Global', 'site:Paris', 'site:Redmond', '', ''].join('\n'),
    );
    expect(await text('(Get-CsPersistentChatConfiguration | Select-Object Identity | Out-String -Stream).Count')).toBe('7');
    expect(await text('"x" | Out-String -Width 1')).toContain("Cannot validate argument on parameter 'Width'. The 1 argument is less than the minimum allowed range of 2.");
  });

  it('Out-Host shows its input even when the output is captured', async () => {
    const r = await t.session.execute('$x = "shown" | Out-Host; $x -eq $null');
    expect(r.lines.map((l) => [l.kind, l.text])).toEqual([
      ['host', 'shown'],
      ['output', 'True'],
    ]);
  });

  it('Tee-Object -Variable passes everything on and keeps it', async () => {
    expect(await text('Get-CsPersistentChatConfiguration -Filter site:* | Tee-Object -Variable sites | % Identity; $sites.Count; 5 | Tee-Object -Variable one | Out-Null; $one')).toBe(
      'site:Paris\nsite:Redmond\n2\n5',
    );
    expect(await text('1 | Tee-Object -FilePath report.txt')).toContain('Tee-Object cannot write to a file in this console yet.');
  });
});

describe('Select-Object -ExcludeProperty', () => {
  it('takes wildcards', async () => {
    expect(await text('Get-CsPersistentChatConfiguration global | Select-Object * -ExcludeProperty *Url, Max*')).toBe(
      ['', 'Identity DefaultChatHistory ParticipantUpdateLimit', '-------- ------------------ ----------------------', 'Global                   30                     75', ''].join('\n'),
    );
  });
});

describe('the console text helper', () => {
  it('keeps NoNewline pieces on one line', async () => {
    expect(consoleText((await t.session.execute('Write-Host a -NoNewline; "b"')).lines)).toBe('ab');
  });
});
