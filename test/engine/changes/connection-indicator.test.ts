// The status bar's connection indicator in words (the window shows what the
// engine says): not connected, connected, and the last pull or push, newest
// first, briefly, with the whole story in the tooltip.

import { describe, expect, it } from 'vitest';
import { ago, connectionIndicator } from '../../../src-main/engine/changes/connection-indicator';
import type { ConnectionStatusDto, OperationRecord } from '../../../src-main/engine/changes/connection-profile';

const NOW = new Date('2025-03-01T12:00:00Z');
const minutesAgo = (m: number): string => new Date(NOW.getTime() - m * 60_000).toISOString();

const CONNECTED: ConnectionStatusDto = {
  connected: true,
  powerShellPath: 'powershell.exe',
  mode: 'Remote',
  module: 'Auto',
  connectionUri: 'https://pool01.contoso.com/OcsPowershell',
  userName: null,
  timeoutSeconds: 600,
  connectedAt: minutesAgo(600),
  lastPull: null,
  lastPush: null,
  target: 'remote session to pool01.contoso.com',
};

const op = (m: number, result: string, message = `${result}.`): OperationRecord => ({ at: minutesAgo(m), result, message });

describe('connectionIndicator', () => {
  it('says Not connected, and why when the profile cannot be read', () => {
    const none = { ...CONNECTED, connected: false, target: 'not connected', connectedAt: null };
    expect(connectionIndicator(none, NOW)).toEqual({ label: 'Not connected', detail: 'Connect to a Skype for Business Server or Lync Server deployment…', warn: false });
    const bad = connectionIndicator({ ...none, problem: 'connection.json is not valid JSON' }, NOW);
    expect(bad).toMatchObject({ label: 'Not connected (connection profile unreadable)', warn: true });
    expect(bad.detail).toContain('connection.json is not valid JSON');
  });

  it('says where it is connected, and the newest pull or push briefly', () => {
    expect(connectionIndicator(CONNECTED, NOW).label).toBe('Connected: remote session to pool01.contoso.com');
    const pushed = connectionIndicator({ ...CONNECTED, lastPull: op(30, 'Succeeded'), lastPush: op(2, 'Verified', 'Pushed 2 changes; verified.') }, NOW);
    expect(pushed).toMatchObject({ label: 'Connected: remote session to pool01.contoso.com · pushed and verified 2 min ago', warn: false });
    expect(pushed.detail.split('\n')).toEqual([
      expect.stringMatching(/^Connected: remote session to pool01\.contoso\.com \(since .+\)$/),
      expect.stringMatching(/^Last pull, .+: Succeeded — Succeeded\.$/),
      expect.stringMatching(/^Last push, .+: Verified — Pushed 2 changes; verified\.$/),
      'Change the connection…',
    ]);
    expect(connectionIndicator({ ...CONNECTED, lastPull: op(1, 'Succeeded'), lastPush: op(90, 'Verified') }, NOW).label).toMatch(/· pulled 1 min ago$/);
  });

  it('warns when the last operation failed or found a problem', () => {
    const last = (lastPush: OperationRecord) => connectionIndicator({ ...CONNECTED, lastPush }, NOW);
    expect(last(op(5, 'Failed'))).toMatchObject({ label: 'Connected: remote session to pool01.contoso.com · last push failed', warn: true });
    expect(last(op(5, 'Drift')).label).toMatch(/· push refused: the server changed$/);
    expect(last(op(5, 'Differences')).label).toMatch(/· pushed; differences remain$/);
    expect(last(op(5, 'WhatIf'))).toMatchObject({ warn: false });
    expect(connectionIndicator({ ...CONNECTED, lastPull: op(5, 'Failed') }, NOW).label).toMatch(/· last pull failed$/);
  });
});

describe('ago', () => {
  it('rounds to minutes, hours, days', () => {
    expect(ago(minutesAgo(0.2), NOW)).toBe('just now');
    expect(ago(minutesAgo(-3), NOW)).toBe('just now');
    expect(ago(minutesAgo(59), NOW)).toBe('59 min ago');
    expect(ago(minutesAgo(150), NOW)).toBe('3 h ago');
    expect(ago(minutesAgo(1440), NOW)).toBe('1 day ago');
    expect(ago(minutesAgo(4 * 1440), NOW)).toBe('4 days ago');
  });
});
