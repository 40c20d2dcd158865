// The console's width (PowerShell's host buffer width) reaches every view:
// Out-Default, Format-Table (with -AutoSize, -Wrap, -GroupBy), Format-List
// and Get-Help lay their text out for it; 120 when none is given.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

const POOL = 'service:PersistentChatServer:pchat-frontend-cluster-primary.contoso.com';
let t: TestSession;

async function run(line: string, width?: number): Promise<string[]> {
  const result = await t.session.execute(line, width === undefined ? {} : { width });
  return result.lines.flatMap((l) => l.text.split('\n'));
}

const widest = (lines: readonly string[]) => Math.max(...lines.map((l) => l.length));

beforeEach(async () => {
  t = createTestSession();
  await run(`New-CsPersistentChatConfiguration -Identity site:Redmond -RoomManagementUrl https://rooms.contoso.com/manage/persistent-chat`);
  await run(`New-CsPersistentChatConfiguration -Identity ${POOL} -FileServiceUrl https://files.contoso.com/pchat/file-service`);
});
afterEach(() => t.cleanup());

describe('the console width', () => {
  it('lays Format-Table out for a narrow console: no line is wider, values are cut', async () => {
    const lines = await run('Get-CsPersistentChatConfiguration | Format-Table', 60);
    expect(widest(lines)).toBeLessThanOrEqual(60);
    expect(lines.join('\n')).toContain('...');
  });

  it('uses a wide console: the longest identity and URL are shown whole', async () => {
    const lines = await run('Get-CsPersistentChatConfiguration | Format-Table', 250);
    expect(lines.some((l) => l.startsWith(POOL))).toBe(true);
    expect(lines.join('\n')).toContain('https://files.contoso.com/pchat/file-service');
    expect(lines.join('\n')).not.toContain('...');
  });

  it('defaults to 120 characters', async () => {
    const lines = await run('Get-CsPersistentChatConfiguration | Format-Table');
    expect(widest(lines)).toBeLessThanOrEqual(120);
    expect(widest(lines)).toBeGreaterThan(100);
  });

  it('-AutoSize keeps columns whole and leaves out from the right those that do not fit, with 5.1 warning', async () => {
    const result = await t.session.execute('Get-CsPersistentChatConfiguration | Format-Table -AutoSize', { width: 100 });
    expect(result.lines[0]).toEqual({ kind: 'warning', text: 'WARNING: 5 columns do not fit into the display and were removed.' });
    const lines = result.lines.slice(1).flatMap((l) => l.text.split('\n'));
    expect(lines[1]).toBe(`Identity${' '.repeat(POOL.length - 8)} DefaultChatHistory`);
    expect(lines.some((l) => l.startsWith(POOL))).toBe(true);
    expect(widest(lines)).toBeLessThanOrEqual(100);
  });

  it('-AutoSize shows every column when they fit', async () => {
    const lines = await run('Get-CsPersistentChatConfiguration | Format-Table Identity, DefaultChatHistory -AutoSize', 100);
    expect(lines.slice(0, 4)).toEqual(['', `Identity${' '.repeat(POOL.length - 8)} DefaultChatHistory`, `--------${' '.repeat(POOL.length - 8)} ------------------`, `Global${' '.repeat(POOL.length - 6 + 17)}30`]);
  });

  it('-Wrap continues long values on the next lines of their column', async () => {
    const lines = await run(`Get-CsPersistentChatConfiguration -Identity ${POOL} | Format-Table Identity, DefaultChatHistory -Wrap`, 40);
    expect(widest(lines)).toBeLessThanOrEqual(40);
    expect(lines.join('\n')).not.toContain('...');
    const column = lines.slice(3, -1).map((l) => l.slice(0, 21).trimEnd()).join('');
    expect(column).toBe(POOL);
  });

  it('-GroupBy starts a table under a heading for each run of equal values', async () => {
    const lines = await run('Get-CsPersistentChatConfiguration | Format-Table Identity -GroupBy DefaultChatHistory', 120);
    expect(lines).toEqual(['', '   DefaultChatHistory: 30', '', 'Identity', '--------', 'Global', 'site:Redmond', POOL, '']);
    const split = await run('Get-CsPersistentChatConfiguration | Format-Table Identity -GroupBy @{Label="Long"; Expression={$_.Identity.Length -gt 10}}', 120);
    expect(split.filter((l) => l.startsWith('   Long: '))).toEqual(['   Long: False', '   Long: True']);
  });

  it('wraps Format-List and the default list view to the width', async () => {
    for (const line of [`Get-CsPersistentChatConfiguration -Identity ${POOL} | Format-List`, `Get-CsPersistentChatConfiguration -Identity ${POOL}`]) {
      const lines = await run(line, 50);
      expect(widest(lines)).toBeLessThanOrEqual(50);
      expect(lines.filter((l) => l.startsWith(' '.repeat(25))).length).toBeGreaterThan(1);
      expect(lines.join('').replace(/ +/g, '')).toContain(POOL);
    }
  });

  it('wraps Get-Help to the width (example code stays as written, as in PowerShell)', async () => {
    const prose = (lines: string[]) => lines.filter((l) => !l.includes(' | ') && !l.startsWith('    Get-') && !l.includes('-- Example'));
    const narrow = await run('Get-Help Format-Table -Full', 60);
    const wide = await run('Get-Help Format-Table -Full', 200);
    expect(widest(prose(narrow))).toBeLessThanOrEqual(60);
    expect(widest(wide)).toBeGreaterThan(60);
    expect(narrow.length).toBeGreaterThan(wide.length);
  });
});
