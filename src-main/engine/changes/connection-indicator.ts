// The status bar's connection indicator, in words: "Not connected", or
// "Connected: remote session to pool01.contoso.com · pushed and verified 2 min
// ago", with the whole story (both last operations and their messages) for
// its tooltip. Built here rather than in the window, whose start-up bundle
// has no room to spare; the window asks again every minute and after every
// console input, so "2 min ago" stays true.

import type { ConnectionStatusDto, OperationRecord } from './connection-profile';

export interface ConnectionIndicator {
  /** The few words the status bar shows. */
  readonly label: string;
  /** The tooltip: where, since when, and how the last pull and push ended. */
  readonly detail: string;
  /** The profile cannot be read, or the last pull or push failed or found a problem. */
  readonly warn: boolean;
}

/** Results that mean the operation did what it was asked: said with their age. */
const DONE: Readonly<Record<string, string>> = { Succeeded: 'pulled', Verified: 'pushed and verified', WhatIf: 'push previewed' };
const SHORT: Readonly<Record<string, string>> = { Differences: 'pushed; differences remain', Drift: 'push refused: the server changed' };

export function ago(at: string, now: Date): string {
  const minutes = Math.round((now.getTime() - Date.parse(at)) / 60_000);
  if (!(minutes >= 1)) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 1440) return `${Math.round(minutes / 60)} h ago`;
  const days = Math.round(minutes / 1440);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

const when = (at: string): string => new Date(at).toLocaleString();

export function connectionIndicator(status: ConnectionStatusDto, now: Date = new Date()): ConnectionIndicator {
  if (!status.connected) {
    const invite = 'Connect to a Skype for Business Server or Lync Server deployment…';
    if (status.problem === undefined) return { label: 'Not connected', detail: invite, warn: false };
    return { label: 'Not connected (connection profile unreadable)', detail: `${status.problem}\n${invite}`, warn: true };
  }
  const ops: [string, OperationRecord][] = [];
  if (status.lastPull) ops.push(['pull', status.lastPull]);
  if (status.lastPush) ops.push(['push', status.lastPush]);
  const last = [...ops].sort((a, b) => Date.parse(b[1].at) - Date.parse(a[1].at))[0];
  let label = `Connected: ${status.target}`;
  let warn = false;
  if (last) {
    const [kind, op] = last;
    const done = DONE[op.result];
    warn = done === undefined;
    label += ` · ${done !== undefined ? `${done} ${ago(op.at, now)}` : (SHORT[op.result] ?? `last ${kind} failed`)}`;
  }
  const lines = [
    `Connected: ${status.target}${status.connectedAt ? ` (since ${when(status.connectedAt)})` : ''}`,
    ...ops.map(([kind, op]) => `Last ${kind}, ${when(op.at)}: ${op.result} — ${op.message}`),
    'Change the connection…',
  ];
  return { label, detail: lines.join('\n'), warn };
}
