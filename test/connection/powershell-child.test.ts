// The child-process runner under real processes (sh stands in for the
// program): lines as they come, UTF-8 or an old console code page, CR LF,
// standard input, and the end of a child that outlives its deadline.

import { describe, expect, it } from 'vitest';
import { decodeLine, runChild } from '../../src-main/connection/powershell-child';

async function run(script: string, stdin = '', timeoutMs = 10_000) {
  const lines: string[] = [];
  const end = await runChild({
    executable: 'sh',
    args: ['-c', script],
    stdin,
    timeoutMs,
    onLine: async (text, stream) => {
      lines.push(`${stream}: ${text}`);
    },
    stopRequested: () => false,
  });
  return { end, lines };
}

describe.skipIf(process.platform === 'win32')('runChild', () => {
  it('delivers output and error lines, CR LF or LF, and the exit code', async () => {
    const { end, lines } = await run("printf 'one\\r\\ntwo\\n'; printf 'bad\\n' >&2; printf 'last'; exit 3");
    expect(end).toEqual({ kind: 'exited', code: 3, signal: null });
    expect(lines).toContain('output: one');
    expect(lines).toContain('output: two');
    expect(lines).toContain('output: last');
    expect(lines).toContain('error: bad');
  });

  it("reads a server's message in another language, in UTF-8 or in the Windows-1252 code page", async () => {
    const { lines } = await run("printf 'Zugriff verweigert: Gr\\303\\266\\303\\237e\\n'; printf 'Acc\\350s refus\\351\\n'");
    expect(lines).toEqual(['output: Zugriff verweigert: Größe', 'output: Accès refusé']);
  });

  it('gives the child its standard input, then closes it', async () => {
    const { lines } = await run('read first; echo "got:$first"; cat', 'secret line\n');
    expect(lines).toEqual(['output: got:secret line']);
  });

  it('ends a child that outlives its deadline, and what it started', async () => {
    const started = Date.now();
    const { end } = await run('sleep 30 & sleep 30; wait', '', 300);
    expect(end).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a flood of output the console cannot keep up with: the deadline and Stop are still heard', async () => {
    const started = Date.now();
    let shown = 0;
    const end = await runChild({
      executable: 'sh',
      args: ['-c', 'i=0; while [ $i -lt 3000 ]; do echo "line $i"; i=$((i+1)); done'],
      stdin: '',
      timeoutMs: 500,
      // A slow reader: 3,000 lines would take 15 s.
      onLine: () => new Promise((r) => setTimeout(() => r(void shown++), 5)),
      stopRequested: () => false,
    });
    expect(end).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(shown).toBeLessThan(3000);
  });

  it('says when the program cannot be started', async () => {
    const end = await runChild({ executable: '/no/such/pwsh', args: [], stdin: '', timeoutMs: 1_000, onLine: async () => {}, stopRequested: () => false });
    expect(end).toMatchObject({ kind: 'not-started', code: 'ENOENT' });
  });
});

describe('decodeLine', () => {
  it('UTF-8 first; bytes that are not UTF-8 are read as Windows-1252', () => {
    expect(decodeLine(Buffer.from('Größe', 'utf8'))).toBe('Größe');
    expect(decodeLine(Buffer.from([0x47, 0x72, 0xf6, 0xdf, 0x65]))).toBe('Größe');
    expect(decodeLine(Buffer.from([0x80]))).toBe('€');
  });
});
