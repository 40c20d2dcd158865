// The console over IPC: execute → prompt → answer, the refusals while a
// prompt waits (form actions, a second execute), the statement queue shared
// with the forms session, and the persisted input history.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryFile, MAX_HISTORY_ENTRIES } from '../../src-main/ipc/history-file';
import { readRaw } from '../helpers/store-fixtures';
import { createHarness, value, type Harness } from './harness';

const CONFIRM_PROMPT = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): ';
const SET_CONFIRM = 'Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 41 -Confirm';
const AWAITING = {
  ok: false,
  error: {
    id: 'ConsoleAwaitingAnswer',
    message: `The console is waiting for an answer to "${CONFIRM_PROMPT.trim()}". Answer it in the console (or cancel it), then try again.`,
    category: 'InvalidOperation',
  },
};

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.cleanup());

const history = (): number => readRaw(h.dir).collections['Global']!.DefaultChatHistory;

describe('console execute', () => {
  it('runs a line and returns its output', async () => {
    const result = value(await h.invoke('pchat:console:execute', { input: 'Get-CsPersistentChatConfiguration | Select-Object -ExpandProperty Identity' }));
    expect(result).toEqual({ output: [{ kind: 'output', text: 'Global' }], prompt: null, incomplete: false, success: true });
  });

  it('exit ends the input and closes nothing: no output, and the console keeps running', async () => {
    const input = 'Set-CsPersistentChatConfiguration -DefaultChatHistory 41; exit 3; Set-CsPersistentChatConfiguration -DefaultChatHistory 42';
    expect(value(await h.invoke('pchat:console:execute', { input }))).toEqual({ output: [], prompt: null, incomplete: false, success: false, exitCode: 3, changed: true });
    expect(history()).toBe(41);
    expect(value(await h.invoke('pchat:console:execute', { input: 'exit' }))).toEqual({ output: [], prompt: null, incomplete: false, success: true, exitCode: 0 });
    const next = value(await h.invoke('pchat:console:execute', { input: '$LASTEXITCODE' }));
    expect(next).toEqual({ output: [{ kind: 'output', text: '0' }], prompt: null, incomplete: false, success: true });
  });

  it('reports incomplete input', async () => {
    const result = value(await h.invoke('pchat:console:execute', { input: 'Get-CsPersistentChatConfiguration | ForEach-Object {' }));
    expect(result.incomplete).toBe(true);
    expect(result.prompt).toBeNull();
  });
});

describe('-Confirm over IPC', () => {
  it('execute stops at the prompt; answer Y finishes and writes', async () => {
    const first = value(await h.invoke('pchat:console:execute', { input: SET_CONFIRM }));
    expect(first).toEqual({
      output: [
        { kind: 'prompt', text: '' },
        { kind: 'prompt', text: 'Confirm' },
        { kind: 'prompt', text: 'Are you sure you want to perform this action?' },
        { kind: 'prompt', text: 'Performing the operation "Set-CsPersistentChatConfiguration" on target "Global".' },
      ],
      prompt: CONFIRM_PROMPT,
      incomplete: false,
      success: true,
    });
    expect(history()).toBe(30);
    expect(h.changes.count).toBe(0);

    const done = value(await h.invoke('pchat:console:answer', { answer: 'y' }));
    expect(done).toEqual({ output: [], prompt: null, incomplete: false, success: true, changed: true });
    expect(history()).toBe(41);
    expect(h.changes.count).toBe(1);
  });

  it('answer N declines; a second prompt in the same statement is reported in turn', async () => {
    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:A' } }));
    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:B' } }));
    const before = h.storeBytes();
    const first = value(await h.invoke('pchat:console:execute', { input: 'Get-CsPersistentChatConfiguration -Filter site:* | Remove-CsPersistentChatConfiguration -Confirm' }));
    expect(first.prompt).toBe(CONFIRM_PROMPT);
    expect(first.output.at(-1)?.text).toBe('Performing the operation "Remove-CsPersistentChatConfiguration" on target "site:A".');
    const second = value(await h.invoke('pchat:console:answer', { answer: 'N' }));
    expect(second.prompt).toBe(CONFIRM_PROMPT);
    expect(second.output.at(-1)?.text).toBe('Performing the operation "Remove-CsPersistentChatConfiguration" on target "site:B".');
    const done = value(await h.invoke('pchat:console:answer', { answer: 'N' }));
    expect(done).toEqual({ output: [], prompt: null, incomplete: false, success: true });
    expect(h.storeBytes().equals(before)).toBe(true);
  });

  it('a missing mandatory parameter is asked for and the answer used', async () => {
    const first = value(await h.invoke('pchat:console:execute', { input: 'New-CsPersistentChatConfiguration -DefaultChatHistory 12 | Out-Null' }));
    expect(first.prompt).toBe('Identity: ');
    value(await h.invoke('pchat:console:answer', { answer: 'site:Oslo' }));
    expect(readRaw(h.dir).collections['site:Oslo']?.DefaultChatHistory).toBe(12);
  });

  it('while a prompt waits, form actions and another execute are refused and the store is untouched', async () => {
    value(await h.invoke('pchat:console:execute', { input: SET_CONFIRM }));
    const before = h.storeBytes();
    expect(await h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 50 } })).toEqual(AWAITING);
    expect(await h.invoke('pchat:cmdlet:get', { parameters: {} })).toEqual(AWAITING);
    expect(await h.invoke('pchat:cmdlet:bulk', { cmdlet: 'Remove-CsPersistentChatConfiguration', identities: ['Global'], parameters: {} })).toEqual(AWAITING);
    const again = await h.invoke('pchat:console:execute', { input: 'Get-CsPersistentChatConfiguration' });
    expect(again.ok ? undefined : again.error.id).toBe('ConsoleAwaitingAnswer');
    expect(h.storeBytes().equals(before)).toBe(true);
    // Read-only calls that never run a statement still work.
    expect(value(await h.invoke('pchat:metadata')).properties).toHaveLength(6);
    expect(value(await h.invoke('pchat:cmdlet:preview', { cmdlet: 'Get-CsPersistentChatConfiguration', parameters: {} })).commandLine).toBe(
      'Get-CsPersistentChatConfiguration',
    );

    value(await h.invoke('pchat:console:answer', { answer: 'Y' }));
    const after = value(await h.invoke('pchat:cmdlet:get', { parameters: { Identity: 'Global' } }));
    expect(after.objects[0]?.DefaultChatHistory).toBe(41);
  });

  it('a form call queued behind a statement is refused when that statement starts to prompt', async () => {
    const executing = h.invoke('pchat:console:execute', { input: SET_CONFIRM });
    const queued = h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', DefaultChatHistory: 50 } });
    expect(await queued).toEqual(AWAITING);
    expect(value(await executing).prompt).toBe(CONFIRM_PROMPT);
    value(await h.invoke('pchat:console:answer', { answer: 'Y' }));
    expect(history()).toBe(41);
  });

  it('statements from the console and forms take turns', async () => {
    const results = await Promise.all([
      h.invoke('pchat:console:execute', { input: 'Set-CsPersistentChatConfiguration -DefaultChatHistory 60' }),
      h.invoke('pchat:cmdlet:set', { parameters: { Identity: 'Global', MaxFileSizeKB: 7 } }),
      h.invoke('pchat:console:execute', { input: 'New-CsPersistentChatConfiguration site:Q | Out-Null' }),
      h.invoke('pchat:cmdlet:get', { parameters: { Identity: 'site:Q' } }),
    ]);
    expect(results.map((r) => r.ok && ('success' in r.value ? r.value.success : r.value.ok))).toEqual([true, true, true, true]);
    expect(readRaw(h.dir).collections['Global']).toMatchObject({ DefaultChatHistory: 60, MaxFileSizeKB: 7 });
    expect(h.changes.count).toBe(3);
  });

  it('answer without a prompt is refused', async () => {
    expect(await h.invoke('pchat:console:answer', { answer: 'Y' })).toEqual({
      ok: false,
      error: { id: 'NoPendingPrompt', message: 'The console is not waiting for an answer.', category: 'InvalidOperation' },
    });
  });

  it('answer null (or cancelPrompt, on a page reload) stops the command without changing anything', async () => {
    value(await h.invoke('pchat:console:execute', { input: SET_CONFIRM }));
    const cancelled = value(await h.invoke('pchat:console:answer', { answer: null }));
    expect(cancelled.success).toBe(false);
    expect(cancelled.output.map((l) => l.summary)).toEqual([
      'Set-CsPersistentChatConfiguration : No answer was given to the confirmation prompt; the operation was not performed.',
    ]);

    value(await h.invoke('pchat:console:execute', { input: SET_CONFIRM }));
    await h.service.cancelPrompt();
    expect(history()).toBe(30);
    expect(value(await h.invoke('pchat:cmdlet:get', { parameters: {} })).ok).toBe(true);
  });
});

describe('console complete', () => {
  it('completes at the cursor, identities from the store included', async () => {
    value(await h.invoke('pchat:cmdlet:new', { parameters: { Identity: 'site:Oslo' } }));
    expect(value(await h.invoke('pchat:console:complete', { input: 'Get-CsPersistentChatConfiguration -Identity si', cursor: 46 }))).toEqual({
      replaceStart: 44,
      replaceEnd: 46,
      matches: ['site:Oslo'],
    });
    const params = value(await h.invoke('pchat:console:complete', { input: 'Set-CsPersistentChatConfiguration -Max', cursor: 38 }));
    expect(params.matches).toEqual(['-MaxChatContentSizeMB', '-MaxFileSizeKB']);
  });

  it('works while a prompt waits (it runs no statement)', async () => {
    value(await h.invoke('pchat:console:execute', { input: SET_CONFIRM }));
    expect(value(await h.invoke('pchat:console:complete', { input: 'Get-Cs', cursor: 6 })).matches).toContain('Get-CsPersistentChatConfiguration');
  });
});

describe('console history', () => {
  it('is persisted beside the store, private, newest last, without incomplete inputs or repeats', async () => {
    for (const input of ['Get-CsPersistentChatConfiguration', 'Get-CsPersistentChatConfiguration', '  ', 'Get-Help about_X {', 'Get-History']) {
      await h.invoke('pchat:console:execute', { input });
    }
    expect(value(await h.invoke('pchat:console:history'))).toEqual(['Get-CsPersistentChatConfiguration', 'Get-History']);
    const file = path.join(h.dir, 'console-history.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(['Get-CsPersistentChatConfiguration', 'Get-History']);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A new service over the same store (the app restarted) sees the same history.
    expect(new HistoryFile(file).list()).toEqual(['Get-CsPersistentChatConfiguration', 'Get-History']);
  });

  it('keeps the last 500 entries and survives a damaged file', () => {
    const file = path.join(h.dir, 'console-history.json');
    fs.writeFileSync(file, '{not json');
    const damaged = new HistoryFile(file);
    expect(damaged.list()).toEqual([]);
    damaged.add('Get-History');
    expect(new HistoryFile(file).list()).toEqual(['Get-History']);

    // A file with too many entries (or junk among them) is read down to the last 500 strings.
    const many = Array.from({ length: MAX_HISTORY_ENTRIES + 10 }, (_, i) => `Write-Output ${i}`);
    fs.writeFileSync(file, JSON.stringify([42, ...many]));
    const history = new HistoryFile(file);
    for (let i = 0; i < 10; i++) history.add(`Write-Output ${MAX_HISTORY_ENTRIES + 10 + i}`);
    const kept = new HistoryFile(file).list();
    expect(kept).toHaveLength(500);
    expect(kept[0]).toBe('Write-Output 20');
    expect(kept.at(-1)).toBe('Write-Output 519');
  });
});
