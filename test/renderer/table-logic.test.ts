// The table's pure helpers: Search over every column, CSV and tab-separated
// text, the window shortcuts, the console's current cmdlet for F1, and the
// effective settings chain.

import { describe, expect, it } from 'vitest';
import type { ConfigurationDto } from '../../src-main/ipc/contract';
import { effectiveSettings } from '../../src-renderer/src/lib/effective';
import { findRows, matchesSearch, SCOPES } from '../../src-renderer/src/lib/find';
import { rowsAsCsv, rowsAsTsv } from '../../src-renderer/src/lib/row-export';
import { commandAt, shortcutFor } from '../../src-renderer/src/lib/shortcuts';

const DEFAULTS = { DefaultChatHistory: 30, MaxChatContentSizeMB: 20, MaxFileSizeKB: 20000, ParticipantUpdateLimit: 75, FileServiceUrl: null, RoomManagementUrl: null };
const row = (Identity: string, scope: ConfigurationDto['scope'], values: Partial<ConfigurationDto> = {}): ConfigurationDto => ({ Identity, scope, ...DEFAULTS, ...values });
const COLUMNS = ['Identity', 'Scope', ...Object.keys(DEFAULTS)];
const GLOBAL = row('Global', 'Global');
const DUBLIN = row('site:Dublin', 'Site', { FileServiceUrl: 'https://files.contoso.com/a "b"', DefaultChatHistory: 45 });
const POOL = row('service:PersistentChatServer:pc1.contoso.com', 'Pool', { DefaultChatHistory: 70 });
const PROPERTIES = Object.entries(DEFAULTS).map(([name, value]) => ({ name, property: { default: value } }));

describe('Search and scope chips', () => {
  it('matches a substring of any column, ignoring case, $null included', () => {
    expect(matchesSearch(DUBLIN, COLUMNS, 'CONTOSO.com')).toBe(true);
    expect(matchesSearch(DUBLIN, COLUMNS, 'dub')).toBe(true);
    expect(matchesSearch(DUBLIN, COLUMNS, '45')).toBe(true);
    expect(matchesSearch(GLOBAL, COLUMNS, '$null')).toBe(true);
    expect(matchesSearch(GLOBAL, COLUMNS, 'contoso')).toBe(false);
    expect(matchesSearch(POOL, COLUMNS, '  ')).toBe(true);
  });

  it('keeps only the scopes whose chip is on', () => {
    expect(findRows([GLOBAL, DUBLIN, POOL], COLUMNS, '', new Set(SCOPES))).toEqual([GLOBAL, DUBLIN, POOL]);
    expect(findRows([GLOBAL, DUBLIN, POOL], COLUMNS, '', new Set(['Pool', 'Global'] as const))).toEqual([GLOBAL, POOL]);
    expect(findRows([GLOBAL, DUBLIN, POOL], COLUMNS, 'contoso', new Set(['Site'] as const))).toEqual([DUBLIN]);
  });
});

describe('copy and export', () => {
  it('tab-separated text: a header, $null as empty, CRLF lines', () => {
    expect(rowsAsTsv([GLOBAL], COLUMNS)).toBe(
      'Identity\tScope\tDefaultChatHistory\tMaxChatContentSizeMB\tMaxFileSizeKB\tParticipantUpdateLimit\tFileServiceUrl\tRoomManagementUrl\r\nGlobal\tGlobal\t30\t20\t20000\t75\t\t\r\n',
    );
  });

  it('CSV as Export-Csv -NoTypeInformation writes it: every field quoted, quotes doubled', () => {
    expect(rowsAsCsv([DUBLIN], ['Identity', 'FileServiceUrl', 'RoomManagementUrl'])).toBe(
      '"Identity","FileServiceUrl","RoomManagementUrl"\r\n"site:Dublin","https://files.contoso.com/a ""b""",""\r\n',
    );
  });
});

describe('shortcuts', () => {
  const key = (key: string, init: KeyboardEventInit & { target?: object } = {}) =>
    ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: null, ...init }) as unknown as KeyboardEvent;
  const free = { dialogOpen: false, inTable: false };

  it('maps the window keys', () => {
    expect(shortcutFor(key('n', { ctrlKey: true }), free)).toBe('new');
    expect(shortcutFor(key('f', { ctrlKey: true }), free)).toBe('search');
    expect(shortcutFor(key('F5'), free)).toBe('refresh');
    expect(shortcutFor(key('F2'), free)).toBe('edit');
    expect(shortcutFor(key('Delete'), free)).toBe('remove');
    expect(shortcutFor(key('?', { shiftKey: true }), free)).toBe('shortcuts');
    expect(shortcutFor(key('F1'), free)).toBe('context-help');
    expect(shortcutFor(key('z', { ctrlKey: true }), free)).toBe('undo');
  });

  it('leaves the table its own keys, dialogs theirs (F1 aside), and Alt combinations alone', () => {
    expect(shortcutFor(key('Delete'), { dialogOpen: false, inTable: true })).toBeNull();
    expect(shortcutFor(key('Delete'), { dialogOpen: false, inTable: false, inConsole: true })).toBeNull();
    expect(shortcutFor(key('F5'), { dialogOpen: false, inTable: false, inConsole: true })).toBe('refresh');
    expect(shortcutFor(key('?'), { dialogOpen: false, inTable: true })).toBe('shortcuts');
    expect(shortcutFor(key('n', { ctrlKey: true }), { dialogOpen: true, inTable: false })).toBeNull();
    expect(shortcutFor(key('F1'), { dialogOpen: true, inTable: false })).toBe('context-help');
    expect(shortcutFor(key('n', { ctrlKey: true, altKey: true }), free)).toBeNull();
  });

  it('in a text field, `?`, Delete, F2 and Ctrl+Z are the field\'s; Ctrl+F, F5 and F1 still work', () => {
    const field = { target: { tagName: 'INPUT', type: 'search' } };
    expect(shortcutFor(key('?', field), free)).toBeNull();
    expect(shortcutFor(key('Delete', field), free)).toBeNull();
    expect(shortcutFor(key('F2', field), free)).toBeNull();
    expect(shortcutFor(key('z', { ...field, ctrlKey: true }), free)).toBeNull();
    expect(shortcutFor(key('f', { ...field, ctrlKey: true }), free)).toBe('search');
    expect(shortcutFor(key('F5', field), free)).toBe('refresh');
    expect(shortcutFor(key('F1', field), free)).toBe('context-help');
    expect(shortcutFor(key('?', { target: { tagName: 'BUTTON' } }), free)).toBe('shortcuts');
    expect(shortcutFor(key('?', { target: { tagName: 'INPUT', type: 'checkbox' } }), free)).toBe('shortcuts');
  });

  it('finds the cmdlet the console cursor is in', () => {
    const line = 'Get-CsPersistentChatConfiguration | Where-Object {$_.Identity -like "site:*"} | Sort-Object Identity';
    expect(commandAt(line, line.length)).toBe('Sort-Object');
    expect(commandAt(line, 10)).toBe('Get-CsPersistentChatConfiguration');
    expect(commandAt(line, line.indexOf('Where') + 3)).toBe('Where-Object');
    expect(commandAt('gcm ', 4)).toBe('gcm');
    expect(commandAt('', 0)).toBeNull();
  });
});

describe('effective settings', () => {
  it('a pool: its own values apply; without it, its site, else Global', () => {
    const all = [GLOBAL, DUBLIN, POOL];
    const withSite = effectiveSettings(POOL, 'site:Dublin', all, PROPERTIES).find((s) => s.name === 'DefaultChatHistory');
    expect(withSite).toEqual({ name: 'DefaultChatHistory', value: 70, source: POOL.Identity, fallback: 45, fallbackSource: 'site:Dublin', defaultValue: 30 });
    const noSite = effectiveSettings(POOL, null, all, PROPERTIES).find((s) => s.name === 'DefaultChatHistory');
    expect(noSite).toMatchObject({ fallback: 30, fallbackSource: 'Global' });
    const global = effectiveSettings(GLOBAL, null, all, PROPERTIES).find((s) => s.name === 'DefaultChatHistory');
    expect(global).toMatchObject({ value: 30, source: 'Global', fallback: 30, fallbackSource: 'default' });
  });
});
