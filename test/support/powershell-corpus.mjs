// A seeded generator of PowerShell 5.1 source, as administrators write it for
// the Persistent Chat cmdlets: the four Cs*PersistentChatConfiguration
// cmdlets, pipelines, every literal kind, the operators, casts and static
// members, control flow, error handling, functions with param() blocks,
// splatting, redirection, comments and continuations — plus deliberately
// broken variants (about a quarter) that Windows PowerShell 5.1 rejects.
//
// Each item says which construct it exercises and whether 5.1's parser
// reports a syntax error for it (`broken`). Used by the differential parser
// test (test/grammar), scripts/grammar-diff.mjs and the console fuzz. Pure
// and deterministic: the same seed gives the same corpus.

/** mulberry32: small, fast, and the same sequence on every platform. */
export function prng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const CMDLET = {
  get: 'Get-CsPersistentChatConfiguration',
  set: 'Set-CsPersistentChatConfiguration',
  new: 'New-CsPersistentChatConfiguration',
  remove: 'Remove-CsPersistentChatConfiguration',
};
const IDENTITIES = ['global', 'Global', '"site:Redmond"', "'site:Dublin'", 'site:Paris', '"service:PersistentChatServer:pc1.contoso.com"', '$id', '"site:$site"'];
const SCALAR_PARAMS = ['-DefaultChatHistory', '-MaxChatContentSizeMB', '-MaxFileSizeKB', '-ParticipantUpdateLimit'];
const URL_PARAMS = ['-FileServiceUrl', '-RoomManagementUrl'];
const PROPERTIES = ['Identity', 'DefaultChatHistory', 'MaxChatContentSizeMB', 'MaxFileSizeKB', 'ParticipantUpdateLimit', 'FileServiceUrl', 'RoomManagementUrl'];
const VARIABLES = ['$x', '$cfg', '$site', '$i', '$n', '$_', '$PSItem', '$global:count', '$script:total', '$local:tmp', '$env:COMPUTERNAME', '${pool name}', '$true', '$false', '$null', '$Error[0]', '$args', '$PSScriptRoot'];
const NUMBERS = ['0', '1', '42', '500', '-7', '0x1F', '0xFF', '1kb', '2MB', '1.5gb', '1tb', '1pb', '1.5', '.5', '1e3', '2.5e-2', '10l', '3d', '7L', '1.25D'];
const BINARY = ['+', '-', '*', '/', '%', '-eq', '-ne', '-gt', '-ge', '-lt', '-le', '-like', '-notlike', '-match', '-notmatch', '-contains', '-notcontains', '-in', '-notin', '-ceq', '-ieq', '-cne', '-clike', '-cmatch', '-and', '-or', '-xor', '-band', '-bor', '-bxor', '-shl', '-shr', '-f', '-join', '-split', '-replace', '-creplace', '-isplit', '-is', '-isnot', '-as', '..'];
// `- ` and `+ ` keep a space: `--7` would be the decrement operator on a constant (a 5.1 parse error).
const UNARY = ['-not ', '!', '-bnot ', '-join ', '-split ', '- ', '+ ', ','];
const TYPES = ['int', 'int16', 'uint32', 'long', 'double', 'decimal', 'string', 'bool', 'char', 'array', 'hashtable', 'datetime', 'timespan', 'regex', 'int[]', 'string[]', 'System.Int32', 'psobject', 'object[]'];
const STATIC = ['[math]::Round(1.5)', '[math]::Max($a, $b)', '[math]::Floor(2.7)', '[int]::MaxValue', '[int16]::MinValue', '[datetime]::Now', '[string]::IsNullOrEmpty($x)', "[string]::Join(',', $list)", '[System.Math]::Abs(-3)', "[regex]::Escape('a.b')", '[timespan]::FromMinutes(5)', '[uint32]::MaxValue'];
const METHODS = ["ToString()", "ToString('N0')", 'ToUpper()', "Replace('a', 'b')", "Split(':')", 'Trim()', "StartsWith('site:')", 'GetType()', "Contains('x')", "Add('k', 1)", "ContainsKey('Identity')", "Remove('k')", 'Clear()', "PadLeft(10)", 'Substring(0, 4)'];
const MEMBERS = ['Identity', 'DefaultChatHistory', 'Count', 'Length', 'Keys', 'Values', 'Name', 'Exception.Message', 'GetType().Name'];

/**
 * `count` items (default 10,000) from `seed`; `brokenShare` of them broken.
 * @returns {{ source: string, construct: string, broken: boolean }[]}
 */
export function generateCorpus({ seed = 20261128, count = 10_000, brokenShare = 0.25 } = {}) {
  const g = createGenerator(seed);
  const out = [];
  for (let i = 0; i < count; i++) out.push(g.next(brokenShare));
  return out;
}

/** A generator whose `next()` yields one item at a time (the fuzz draws from it forever). */
export function createGenerator(seed) {
  const r = prng(seed);
  const { int, pick, chance } = r;
  /** `n` different entries of `list`, in a random order. */
  const distinct = (list, n) => {
    const pool = [...list];
    return Array.from({ length: Math.min(n, pool.length) }, () => pool.splice(int(pool.length), 1)[0]);
  };

  // ---- expressions -------------------------------------------------------
  const dq = () => pick(['"plain text"', '"site:$site"', '"Count: $($list.Count)"', '"tab`there"', '"$($_.Identity) = $($_.DefaultChatHistory)"', '"quote `"inside`""', '""', '"$env:USERNAME at $(Get-Date)"', '"a $x.Identity b"']);
  const sq = () => pick(["'plain'", "'it''s'", "''", "'site:*'", "'$not expanded'", "'^site:(\\w+)$'"]);
  const hereString = () =>
    pick([
      `@'\nline one $x\n'@`,
      `@"\nReport for $site\nTotal: $($list.Count)\n"@`,
      `@'\n'@`,
      `@"\n  indented "quotes" and 'apostrophes'\n"@`,
    ]);
  const str = () => (chance(0.1) ? hereString() : chance(0.5) ? dq() : sq());
  const variable = () => pick(VARIABLES);

  function primary(d) {
    const k = int(d > 2 ? 4 : 16);
    switch (k) {
      case 0: return pick(NUMBERS.slice(0, 12));
      case 1: return str();
      case 2: return variable();
      case 3: return `$${pick(['x', 'cfg', 'list', 'h'])}`;
      case 4: return `(${expr(d + 1)})`;
      case 5: return `$(${statementPlain(d + 1)})`;
      case 6: return `@(${chance(0.2) ? '' : exprList(d + 1)})`;
      case 7: return hashtable(d + 1);
      case 8: return `${variable()}.${pick(MEMBERS)}`;
      case 9: return `${pick(['$x', '$cfg', '$s', '$list[0]'])}.${pick(METHODS)}`;
      case 10: return `${pick(['$list', '$a', '$h', '$Error', '$args'])}[${pick(['0', '-1', '1..2', "'Identity'", '$i', '$i + 1'])}]`;
      case 11: return pick(STATIC);
      case 12: return `[${pick(TYPES)}]${pick(['$x', "'42'", '(1 + 2)', '$null', '"2026-11-28"'])}`;
      case 13: return `{ ${statementPlain(d + 1)} }`;
      case 14: return pick(NUMBERS);
      default: return `(${pipeline(d + 1)})${chance(0.5) ? `.${pick(PROPERTIES)}` : ''}`;
    }
  }
  function expr(d = 0) {
    if (d > 3 || chance(0.45)) return primary(d);
    if (chance(0.2)) return `${pick(UNARY)}${primary(d + 1)}`;
    const op = pick(BINARY);
    if (op === '-f') return `${pick(["'{0} has {1}'", "'{0:N0}'", '"{0,-20}{1,8}"'])} -f ${exprList(d + 1)}`;
    if (op === '-is' || op === '-isnot' || op === '-as') return `${primary(d + 1)} ${op} [${pick(TYPES)}]`;
    if (op === '-replace') return `${primary(d + 1)} -replace ${pick(["'^site:'", "'a', 'b'", "'(\\d+)', '<$1>'"])}`;
    return `${primary(d + 1)} ${op} ${primary(d + 1)}`;
  }
  const exprList = (d) => Array.from({ length: 1 + int(3) }, () => primary(d)).join(pick([', ', ',']));
  function hashtable(d) {
    // Keys are distinct: a duplicate key in a hash literal is a 5.1 parse error.
    const keys = distinct(['Identity', 'DefaultChatHistory', 'Name', "'Pool Name'", 'Count', 'WhatIf', 'ErrorAction'], int(4));
    const pairs = keys.map((k) => `${k} = ${primary(d + 1)}`);
    if (chance(0.3)) return `@{\n    ${pairs.join('\n    ')}\n}`;
    return `${chance(0.3) ? '[ordered]' : chance(0.1) ? '[pscustomobject]' : ''}@{${pairs.join('; ')}}`;
  }

  // ---- commands and pipelines -------------------------------------------
  function csCommand(d) {
    const verb = pick(['get', 'get', 'set', 'new', 'remove']);
    const parts = [CMDLET[verb]];
    if (verb === 'get') {
      const k = int(4);
      if (k === 0) parts.push(`-Identity ${pick(IDENTITIES)}`);
      else if (k === 1) parts.push(`-Filter ${pick(['"site:*"', "'service:*'", '*Redmond*', '$pattern'])}`);
      else if (k === 2) parts.push(pick(IDENTITIES));
      if (chance(0.2)) parts.push('-LocalStore');
    } else {
      if (verb !== 'set' || chance(0.7)) parts.push(chance(0.7) ? `-Identity ${pick(IDENTITIES)}` : pick(IDENTITIES));
      if (verb !== 'remove') {
        for (let i = int(3); i > 0; i--) parts.push(`${pick(SCALAR_PARAMS)} ${chance(0.8) ? pick(['30', '100', '500', '20000', '$n', '(10 * 5)', '1kb']) : primary(d + 1)}`);
        if (chance(0.3)) parts.push(`${pick(URL_PARAMS)} ${pick(['"https://chat.contoso.com/files"', '$null', "''", '$url'])}`);
      }
      if (verb === 'new' && chance(0.2)) parts.push('-InMemory');
      if (verb === 'set' && chance(0.2)) parts.push('-Instance $cfg');
      parts.push(...[['-WhatIf'], ['-Confirm:$false'], ['-Force'], ['-ErrorAction Stop'], ['-ErrorAction SilentlyContinue'], ['-ErrorVariable err'], ['-WhatIf:$true'], [], []][int(9)]);
    }
    if (chance(0.05)) return parts.join(' `\n    ');
    return parts.join(' ');
  }
  function stage(d) {
    const k = int(12);
    switch (k) {
      case 0: return `Where-Object { ${condition(d + 1)} }`;
      case 1: return `? { $_.${pick(PROPERTIES)} -${pick(['gt', 'eq', 'like'])} ${pick(['30', '$null', "'site:*'"])} }`;
      case 2: return `ForEach-Object { ${statementPlain(d + 1)} }`;
      case 3: return `% { $_.${pick(PROPERTIES)} }`;
      case 4: return `Select-Object ${pick(['Identity, DefaultChatHistory', '-First 1', '-ExpandProperty Identity', "-Property Identity, @{ Name = 'KB'; Expression = { $_.MaxFileSizeKB } }", '-Last 2', '-ExcludeProperty *Url'])}`;
      case 5: return `Sort-Object ${pick(['Identity', '-Property DefaultChatHistory -Descending', '{ $_.Identity.Length }'])}`;
      case 6: return `Measure-Object ${pick(['', '-Property DefaultChatHistory -Sum -Maximum', '-Line'])}`.trimEnd();
      case 7: return pick(['Format-Table', 'Format-Table -AutoSize', 'Format-List *', 'Out-Null', 'Out-String', 'Out-Host', 'Group-Object DefaultChatHistory']);
      case 8: return `${CMDLET.set} -DefaultChatHistory ${pick(['100', '$n'])}${pick(['', ' -WhatIf', ' -Confirm:$false'])}`;
      case 9: return `${CMDLET.remove}${pick(['', ' -WhatIf', ' -Confirm:$false -ErrorAction Stop'])}`;
      case 10: return `ForEach-Object -Process { ${statementPlain(d + 1)} } ${pick(['', '-Begin { $i = 0 }', '-End { "done" }'])}`.trimEnd();
      default: return `Tee-Object -Variable ${pick(['saved', 'all'])}`;
    }
  }
  function condition(d) {
    const base = `$_.${pick(PROPERTIES)} ${pick(['-gt', '-eq', '-ne', '-like', '-match', '-le'])} ${pick(['30', '100', '$null', "'site:*'", "'^service:'", '$limit'])}`;
    return chance(0.3) ? `${base} ${pick(['-and', '-or'])} ${expr(d + 1)}` : base;
  }
  function command(d) {
    const k = int(10);
    if (k < 5) return csCommand(d);
    if (k === 5) return `${pick([CMDLET.set, CMDLET.new, CMDLET.get])} @${pick(['params', 'splat', 'args'])}${pick(['', ' -WhatIf', ' -Verbose'])}`;
    if (k === 6) return `${pick(['Write-Output', 'Write-Host', 'Write-Warning', 'Write-Verbose', 'Write-Error', 'Write-Host -ForegroundColor Yellow', 'Write-Host -NoNewline'])} ${str()}`;
    if (k === 7) return `${pick(['&', '.'])} ${pick(['$sb', '$PSScriptRoot\\lib.ps1', "'.\\helpers.ps1'", '(Join-Path $PSScriptRoot lib.ps1)', 'Get-Report', '{ 1 + 1 }'])}${pick(['', ' -Site Redmond', ' $x'])}`;
    if (k === 8) return pick(['Get-Date -Format yyyy-MM-dd', 'Start-Sleep -Seconds 1', "Read-Host 'Pool'", 'Get-Variable x', 'Import-Module Lync', 'Get-Help Get-CsPersistentChatConfiguration -Examples', 'Get-Command -Module Lync', 'New-Object System.Collections.ArrayList', "Add-Member -InputObject $o -NotePropertyName Extra -NotePropertyValue 1"]);
    return `${pick(['Get-Report', 'Test-Pool', 'Invoke-Retry'])} ${pick(['-Name x', '$x 2', '-Count:3', '-Force', '--', '-Site "Redmond"'])}`;
  }
  function redirection() {
    return pick([' 2>$null', ' 2>&1', ' *>&1', ' > report.txt', ' >> "$PSScriptRoot\\log.txt"', ' 3>&1', ' *> $null', ' 2> errors.txt']);
  }
  function pipeline(d = 0) {
    const head = chance(0.75) ? command(d) : expr(d + 1);
    const stages = [];
    for (let n = d > 1 ? 0 : int(3); n > 0; n--) stages.push(stage(d));
    let text = [head, ...stages].join(chance(0.1) ? ' |\n    ' : ' | ');
    if (chance(0.08)) text += redirection();
    return text;
  }

  // ---- statements -------------------------------------------------------
  const block = (d) => (d > 2 || chance(0.5) ? `{ ${statementPlain(d + 1)} }` : `{\n    ${statementPlain(d + 1)}\n    ${statementPlain(d + 1)}\n}`);
  function assignment(d) {
    const target = pick(['$x', '$cfg', '$list', '$global:count', '$script:total', '$h.Count', "$h['Pool']", '$cfg.DefaultChatHistory', '[int]$n', '$a, $b', '$null', '[string[]]$names']);
    // Compound operators only on plain targets (a list or a typed target takes `=`).
    const op = /^\$[a-z]/.test(target) && !target.includes(',') && target !== '$null' ? pick(['=', '=', '=', '+=', '-=', '*=', '/=', '%=']) : '=';
    const value = chance(0.3) ? pipeline(d + 1) : chance(0.1) ? pick([`if ($x) { 1 } else { 2 }`, `foreach ($i in 1..3) { $i }`, `switch ($x) { 1 { 'one' } }`]) : expr(d + 1);
    return `${target} ${op} ${value}`;
  }
  function ifStatement(d) {
    let s = `if (${expr(d + 1)}) ${block(d)}`;
    for (let n = int(3); n > 0; n--) s += `${pick([' ', '\n'])}elseif (${expr(d + 1)}) ${block(d)}`;
    if (chance(0.5)) s += `${pick([' ', '\n'])}else ${block(d)}`;
    return s;
  }
  function loop(d) {
    const label = chance(0.15) ? `:${pick(['outer', 'pools', 'retry'])} ` : '';
    const body = chance(0.3) ? `{ ${pick(['break', 'continue', 'break outer', 'continue outer', 'return', 'return 1'])} }` : block(d);
    switch (int(7)) {
      case 0: return `${label}foreach ($${pick(['i', 'c', 'site'])} in ${pick(['1..10', '$list', `(${csCommand(d)})`, '@()', '$cfg.Keys', '$args'])}) ${body}`;
      case 1: return `${label}for ($i = 0; $i -lt ${pick(['10', '$list.Count'])}; $i++) ${body}`;
      case 2: return `${label}for (${pick(['', '$i = 0'])}; ${pick(['', '$i -lt 3'])}; ${pick(['', '$i += 2'])}) ${body}`;
      // The second semicolon is optional in 5.1's for header.
      case 6: return `${label}for ($i = 0; $i -lt 3) ${body}`;
      case 3: return `${label}while (${expr(d + 1)}) ${body}`;
      case 4: return `${label}do ${body} while (${expr(d + 1)})`;
      default: return `${label}do ${body}${pick([' ', '\n'])}until (${expr(d + 1)})`;
    }
  }
  function switchStatement(d) {
    const flags = pick(['', ' -Wildcard', ' -Regex', ' -Exact', ' -CaseSensitive', ' -Regex -CaseSensitive', ' -Wildcard -Exact']);
    const subject = pick(['($x)', '($cfg.Identity)', '(1, 2, 3)', '($list)', `(${csCommand(d)})`]);
    const clauses = Array.from({ length: 1 + int(3) }, () => `${pick(["'site:*'", '"service:*"', '1', "'^site:(.+)$'", 'Global', '{ $_ -gt 30 }', '$limit'])} ${block(d)}`);
    if (chance(0.5)) clauses.push(`default ${block(d)}`);
    return chance(0.5) ? `switch${flags} ${subject} {\n    ${clauses.join('\n    ')}\n}` : `switch${flags} ${subject} { ${clauses.join(' ')} }`;
  }
  function tryStatement(d) {
    let s = `try ${block(d)}`;
    // 5.1 checks catch order while parsing: derived types before their bases, a catch-all last, no type twice.
    const catches = pick([[], [''], [''], [' [System.Exception]'], [' [System.Management.Automation.RuntimeException]', ''], [' [System.ArgumentException], [System.FormatException]', ' [System.Exception]'], [' [Microsoft.PowerShell.Commands.WriteErrorException]', ''], [' [System.Management.Automation.ItemNotFoundException]', ' [System.Management.Automation.RuntimeException]', '']]);
    for (const types of catches) {
      s += `${pick([' ', '\n'])}catch${types} ${chance(0.5) ? `{ ${pick(['$_.Exception.Message', 'Write-Warning "Failed: $_"', '$failed++', 'throw', 'continue'])} }` : block(d)}`;
    }
    if (catches.length === 0 || chance(0.3)) s += `${pick([' ', '\n'])}finally ${block(d)}`;
    return s;
  }
  function functionStatement(d) {
    const name = pick(['Get-Report', 'Test-Pool', 'Invoke-Retry', 'f', 'Set-SiteHistory', 'New-PoolConfig']);
    const attrs = (t) => `${chance(0.4) ? pick(['[Parameter(Mandatory)]', '[Parameter(Mandatory = $true, Position = 0)]', '[Parameter(ValueFromPipeline = $true)]', '[ValidateRange(1, 500)]', "[ValidateSet('Redmond', 'Dublin')]", '[ValidateNotNullOrEmpty()]', '[Alias("Pool")]']) : ''}[${t}]`;
    const param = (name) => {
      const t = pick(['string', 'int', 'int16', 'switch', 'string[]', 'uint32', 'object']);
      return `${chance(0.7) ? attrs(t) : ''}$${name}${t !== 'switch' && chance(0.3) ? ` = ${pick(['30', "'Redmond'", '$null', '@()'])}` : ''}`;
    };
    // Names are distinct: a duplicate parameter is a 5.1 parse error.
    const params = distinct(['Site', 'Pool', 'Count', 'Force', 'Identity', 'Limit'], int(4)).map(param);
    const body = `${statementPlain(d + 1)}${chance(0.5) ? `; ${statementPlain(d + 1)}` : ''}`;
    switch (int(6)) {
      case 0: return `function ${name} { ${body} }`;
      case 1: return `function ${name}(${params.join(', ')}) { ${body} }`;
      case 2: return `function ${name} {\n    param(${params.join(', ')})\n    ${body}\n}`;
      case 3: return `function ${name} {\n    [CmdletBinding(SupportsShouldProcess = $true)]\n    param(\n        ${params.join(',\n        ')}\n    )\n    ${body}\n}`;
      case 4: return `function ${name} { param(${params.join(', ')}) ${body} }`;
      default: return `function ${name} {\n    param(${params.join(', ')})\n    begin { $n = 0 }\n    process { ${body} }\n    end { $n }\n}`;
    }
  }
  function errorStatement(d) {
    return pick([
      () => `throw ${pick(['', '"Pool $pool not found"', '$_', '[System.ArgumentException]::new("bad")', "'stop'"])}`.trimEnd(),
      () => `trap ${pick(['', '[System.Exception] '])}{ ${pick(['continue', 'break', '"caught: $_"; continue', 'Write-Warning $_.Exception.Message'])} }`,
      () => `${csCommand(d)} -ErrorAction Stop -ErrorVariable ${pick(['err', '+err'])}`,
      () => `$ErrorActionPreference = ${pick(["'Stop'", "'SilentlyContinue'", "'Continue'", '"Inquire"'])}`,
      () => `$WhatIfPreference = ${pick(['$true', '$false'])}`,
      () => `if (-not $?) { exit ${pick(['1', '2', '$LASTEXITCODE'])} }`,
      () => `$Error.Clear()`,
    ])();
  }
  function comments(d) {
    return pick([
      () => `# ${pick(['nightly report', 'TODO: pools', 'uses $x and "quotes"'])}\n${statementPlain(d)}`,
      () => `<# block comment #> ${statementPlain(d)}`,
      () => `<#\n.SYNOPSIS\n    Sets history.\n#>\n${statementPlain(d)}`,
      () => `${statementPlain(d)} # trailing comment`,
      () => `${statementPlain(d)} <# inline #>`,
    ])();
  }
  function scriptParam() {
    return `[CmdletBinding()]\nparam(\n    [Parameter(Mandatory = $true)][string]$Site,\n    [int]$History = 30,\n    [switch]$Force\n)\n${CMDLET.set} -Identity "site:$Site" -DefaultChatHistory $History`;
  }
  /** A statement that keeps to the common core, used inside other constructs. */
  function statementPlain(d) {
    if (d > 3) return pick(['$x', '1', "'a'", CMDLET.get, '$_.Identity']);
    const k = int(10);
    if (k < 4) return pipeline(d);
    if (k < 6) return assignment(d);
    if (k === 6) return ifStatement(d + 1);
    if (k === 7) return pick(['break', 'continue', 'return', 'return $x', '$i++', '--$i']);
    if (k === 8) return `${csCommand(d)}`;
    return expr(d);
  }

  const VALID = [
    ['cmdlet', (d) => csCommand(d)],
    ['pipeline', (d) => pipeline(d)],
    ['expression', (d) => expr(d)],
    ['operators', (d) => `${primary(d)} ${pick(BINARY.filter((o) => o !== '-f' && o !== '-is' && o !== '-isnot' && o !== '-as'))} ${primary(d)}`],
    ['format-operator', () => `${pick(["'{0} has {1}'", "'{0:N0} KB'", '"{0,-25}{1,10}"'])} -f ${pick(['$a, $b', '$cfg.Identity, $cfg.DefaultChatHistory', '1mb'])}`],
    ['numbers', () => `${pick(NUMBERS)} ${pick(['+', '*', '-gt', '-eq'])} ${pick(NUMBERS)}`],
    ['strings', () => str()],
    ['here-string', () => `$text = ${hereString()}`],
    ['variables', () => `${pick(VARIABLES)}${chance(0.5) ? `.${pick(MEMBERS)}` : ''}`],
    ['member-method-index', (d) => primary(d).startsWith('$') ? primary(d) : `$x.${pick(METHODS)}`],
    ['cast-type', () => `[${pick(TYPES)}]${pick(['$x', "'42'", '"2026-11-28"', '(1 + 2)', '@(1, 2)'])}${chance(0.2) ? `.${pick(['Count', 'Length', 'Day'])}` : ''}`],
    ['static-member', () => pick(STATIC)],
    ['hashtable-array', (d) => `$${pick(['h', 'params', 'splat', 'row'])} = ${chance(0.5) ? hashtable(d) : `@(${exprList(d)})`}`],
    ['assignment', (d) => assignment(d)],
    ['if', (d) => ifStatement(d)],
    ['loops', (d) => loop(d)],
    ['switch', (d) => switchStatement(d)],
    ['try-catch-finally', (d) => tryStatement(d)],
    ['throw-trap-errors', (d) => errorStatement(d)],
    ['function-param', (d) => functionStatement(d)],
    ['script-param', () => scriptParam()],
    ['splatting', () => `$params = @{ Identity = "site:$site"; DefaultChatHistory = 40; WhatIf = $true }\n${pick([CMDLET.set, CMDLET.new])} @params`],
    ['redirection', (d) => `${command(d)}${redirection()}`],
    ['call-dot-source', () => `${pick(['&', '.'])} ${pick(['$sb', '"$PSScriptRoot\\lib.ps1"', '.\\lib.ps1', "'Get-CsPersistentChatConfiguration'", '{ param($a) $a * 2 }'])}${pick(['', ' 21', ' -Site Redmond'])}`],
    ['comments', (d) => comments(d)],
    ['continuation', () => `${CMDLET.set} \`\n    -Identity "site:$site" \`\n    -DefaultChatHistory 40 \`\n    -WhatIf`],
    ['flow-statements', () => pick(['exit', 'exit 1', 'exit $code', 'return', 'return $result', 'break', 'continue', 'break outer', 'continue outer'])],
    ['increments', () => pick(['$i++', '$i--', '++$i', '--$i', '$count += 1', '$h.Count++'])],
    ['keyword-as-command', () => pick(['else { 1 }', 'elseif ($x) { 1 }', 'catch { $_ }', 'until ($x)', 'finally { }'])],
    ['multi-statement', (d) => Array.from({ length: 2 + int(3) }, () => statementPlain(d + 1)).join(pick(['; ', '\n']))],
  ];

  const BROKEN = [
    ['missing-close-brace', (d) => pick([`if (${expr(d + 1)}) { ${statementPlain(d + 1)}`, `foreach ($i in $list) { $i`, `function f { param($a) $a`, `try { ${statementPlain(d + 1)} } catch {`, `${CMDLET.get} | ForEach-Object { $_.Identity`, `@{ Identity = 'site:A'`, `switch ($x) { 1 { 'one' }`, `{ ${statementPlain(d + 1)}`])],
    ['missing-paren', (d) => pick([`if (${expr(d + 1)} { 1 }`, `(${expr(d + 1)}`, `$(${CMDLET.get}`, `@(1, 2`, `foreach ($i in $list { $i }`, `while ($i -lt 3 { $i++ }`, `$x.ToString(`, `[math]::Round(1.5`, `function f($a, $b { $a }`, `${CMDLET.set} -DefaultChatHistory (10 * 5`])],
    ['missing-open-paren', () => pick(['if $x { 1 }', 'while $true { }', 'foreach $i in $list { }', 'switch { 1 { } }', 'for $i = 0 { }', 'if ($x) { 1 } elseif $y { 2 }'])],
    ['missing-block', () => pick(['if ($x)', 'if ($x) { 1 } else', 'foreach ($i in 1..3)', 'while ($true)', 'try', 'try { 1 } catch', 'try { 1 } finally', 'function f', 'do', 'switch ($x)', 'trap', 'trap [System.Exception]', 'for ($i = 0; $i -lt 3; $i++)'])],
    ['try-without-catch', () => pick(['try { 1 }', 'try { Get-X }\n"after"', 'try {\n    $x = 1\n}'])],
    ['do-without-condition', () => pick(['do { $i++ }', 'do { $i++ } while', 'do { $i++ } until', 'do { $i++ } while ()', 'do { $i++ } until ('])],
    ['bad-loop-header', () => pick(['foreach ($i 1..3) { }', 'foreach ($i in) { }', 'foreach (1 in $list) { }', 'for ($i = 0; $i -lt 3; $i++; $j++) { }', 'while () { }'])],
    ['bad-switch', () => pick(["switch ($x) { 'a' }", 'switch ($x) { default }', 'switch -Bogus ($x) { 1 { } }', 'switch ($x) 1', 'switch ($x) { 1 { } default { } default { } }'])],
    ['dangling-operator', (d) => `${primary(d + 1)} ${pick(BINARY.filter((o) => !['-split', '-join', '..'].includes(o) && o !== '-' && o !== '+') )}`],
    ['dangling-arith', (d) => `${primary(d + 1)} ${pick(['+', '-', '*', '/', '..'])}`],
    ['lone-dash', () => pick(['-', '- ', '$x = -', '(-)', '1 + -'])],
    ['assignment-without-value', () => pick(['$x =', '$x = ', '$cfg.DefaultChatHistory =', '$x +=', '[int]$n =', '$h[0] ='])],
    ['unterminated-string', () => pick(['"abc', "'abc", '"site:$site', `${CMDLET.get} -Identity "site:Redmond`, `Write-Output 'it''s`, `@'\nno end`, `@"\nno end $x`, `$t = @'\ntext\n '@`])],
    ['unterminated-comment', () => pick(['<# never closed', `${CMDLET.get} <# open`, '<#\n.SYNOPSIS\n'])],
    ['bad-hashtable', () => pick(['@{ a = }', '@{ a 1 }', '@{ = 1 }', "@{ 'k' = 1; 'j' }"])],
    ['bad-member-index', () => pick(['$x.', '$list[', '$list[0', '$x.Method(1,', '[int', '[int]::', '$x.(', '$h[]'])],
    ['empty-pipe-element', () => pick([`${CMDLET.get} |`, `| ${CMDLET.get}`, `${CMDLET.get} | | Sort-Object`, `${CMDLET.get} |\n`, '1 | '])],
    ['bad-redirection', () => pick([`${CMDLET.get} >`, `${CMDLET.get} 2>`, `${CMDLET.get} >>`, '1 >'])],
    ['unexpected-token', () => pick(['1 2', '$x $y', '1 -bogus 2', "'a' 'b'", '$x = 1 2', '(1) (2)', '$x)', '1 }'])],
    ['bad-function', () => pick(['function f { param([int]$a $b) }', 'function f(', 'function f($a $b) { }', 'function f { param( }', 'function f { param([int]) }'])],
    ['bad-catch-type', () => pick(['try { } catch [ { }', 'try { } catch [System.Exception { }', 'try { } catch [int], { }'])],
    // Checks 5.1 makes while parsing (SemanticChecks.cs), beyond the grammar.
    ['semantic-check', () => pick(['try { } catch { } catch [System.Exception] { }', 'try { } catch [System.Exception] { } catch [System.ArgumentException] { }', '@{ a = 1; a = 2 }', 'function f($a, $a) { }', '[ordered]$x', '--7', '$x = [ordered]"a"'])],
    ['bad-type-literal', () => pick(['[int', '[]$x', '[int[]$x', '[math]::Round('])],
    ['throw-bad', () => pick(['throw (', 'throw "a', 'exit (', 'return (1 +'])],
  ];

  return {
    /** One item; `brokenShare` of them are broken variants. */
    next(brokenShare = 0.25) {
      const broken = chance(brokenShare);
      const [construct, make] = pick(broken ? BROKEN : VALID);
      let source = make(0);
      // A broken piece is sometimes preceded by a valid statement: the error must still be found.
      if (broken && chance(0.3)) source = `${statementPlain(2)}\n${source}`;
      return { source, construct: broken ? `broken:${construct}` : construct, broken };
    },
  };
}
