// ConvertTo-Json's 5.1 layout, character escapes, -Depth truncation and
// -Compress; ConvertFrom-Json's objects and 5.1's array quirk.

import { describe, expect, it } from 'vitest';
import { createTestSession } from '../../helpers/engine-session';

async function run(line: string) {
  const t = createTestSession();
  try {
    return await t.run(line);
  } finally {
    t.cleanup();
  }
}

describe('ConvertTo-Json', () => {
  it('lays nested values out under their key as 5.1 does', async () => {
    const r = await run('\'{"Name":"a","List":[1,2],"Inner":{"X":1},"Empty":[]}\' | ConvertFrom-Json | ConvertTo-Json');
    expect(r.text).toBe(
      [
        '{',
        '    "Name":  "a",',
        '    "List":  [',
        '                 1,',
        '                 2',
        '             ],',
        '    "Inner":  {',
        '                  "X":  1',
        '              },',
        '    "Empty":  [',
        '',
        '              ]',
        '}',
      ].join('\n'),
    );
  });

  it('writes CR LF inside the string it returns, and -Compress leaves layout out', async () => {
    expect((await run("(@{a=1} | ConvertTo-Json).Contains(\"`r`n\")")).text).toBe('True');
    expect((await run('@(1, @{a = $null}) | ConvertTo-Json -Compress')).text).toBe('[1,{"a":null}]');
  });

  it("escapes ' < > & and control characters as JavaScriptSerializer does, and leaves non-ASCII alone", async () => {
    expect((await run("ConvertTo-Json \"it's <a> & b`t Zürich\"")).text).toBe('"it\\u0027s \\u003ca\\u003e \\u0026 b\\t Zürich"');
  });

  it('writes objects deeper than -Depth (2 by default) as their string form, silently', async () => {
    const r = await run('@{ a = @{ b = @{ c = @{ d = 1 } } } } | ConvertTo-Json -Compress');
    expect(r.text).toBe('{"a":{"b":{"c":"System.Collections.Hashtable"}}}');
    expect(r.lines.some((l) => l.kind === 'warning')).toBe(false);
    expect((await run('@{ a = @{ b = @{ c = @{ d = 1 } } } } | ConvertTo-Json -Compress -Depth 3')).text).toBe('{"a":{"b":{"c":{"d":1}}}}');
    expect((await run('\'{"a":{"b":{"c":1,"d":"x"}}}\' | ConvertFrom-Json | ConvertTo-Json -Compress -Depth 1')).text).toBe('{"a":{"b":"@{c=1; d=x}"}}');
  });

  it('refuses -Depth 0 with the ValidateRange message', async () => {
    expect((await run('1 | ConvertTo-Json -Depth 0')).text).toContain("Cannot validate argument on parameter 'Depth'. The 0 argument is less than the minimum allowed range of 1.");
  });
});

describe('ConvertFrom-Json', () => {
  it('gives objects with the properties in text order', async () => {
    expect((await run('\'{"b": 2, "a": "x", "c": null}\' | ConvertFrom-Json | ForEach-Object { $_.b + 1; $_.a }')).text).toBe('3\nx');
  });

  it('gives a top-level array as one object, as 5.1 does', async () => {
    expect((await run("'[1,2,3]' | ConvertFrom-Json | Measure-Object | ForEach-Object Count")).text).toBe('1');
  });

  it('joins piped lines that are not JSON on their own', async () => {
    expect((await run("'{', '\"a\": 5', '}' | ConvertFrom-Json | ForEach-Object a")).text).toBe('5');
  });

  it('reports invalid JSON in JavaScriptSerializer\'s words', async () => {
    const r = await run("'{\"a\": nope}' | ConvertFrom-Json");
    expect(r.success).toBe(false);
    expect(r.text.split('\n')[0]).toBe('ConvertFrom-Json : Invalid JSON primitive: nope.');
  });

  it('round-trips the configuration', async () => {
    const r = await run('Get-CsPersistentChatConfiguration | ConvertTo-Json | ConvertFrom-Json | ForEach-Object { $_.Identity; $_.MaxFileSizeKB; $_.FileServiceUrl -eq $null }');
    expect(r.text).toBe('Global\n20000\nTrue');
  });
});
