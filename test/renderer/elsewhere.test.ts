// The merge rules of an Edit form against values changed elsewhere
// (src-renderer/src/lib/elsewhere.ts), as plain data.

import { describe, expect, it } from 'vitest';
import { reconcile, type FieldValue } from '../../src-renderer/src/lib/elsewhere';

const NAMES = ['DefaultChatHistory', 'ParticipantUpdateLimit', 'RoomManagementUrl'];
const BASE = { DefaultChatHistory: 30, ParticipantUpdateLimit: 100, RoomManagementUrl: null };

function mineFrom(values: Record<string, FieldValue | undefined>): (name: string) => FieldValue | undefined {
  return (name) => (name in values ? values[name] : BASE[name as keyof typeof BASE]);
}

describe('reconcile', () => {
  it('takes a new value for untouched fields and marks edited ones as conflicts', () => {
    const result = reconcile(NAMES, BASE, { DefaultChatHistory: 33, ParticipantUpdateLimit: 300, RoomManagementUrl: null }, mineFrom({ DefaultChatHistory: 60 }), []);
    expect(result.changes).toEqual([
      { name: 'DefaultChatHistory', before: 30, after: 33, status: 'conflict' },
      { name: 'ParticipantUpdateLimit', before: 100, after: 300, status: 'updated' },
    ]);
    expect(result.texts).toEqual({ ParticipantUpdateLimit: '300' });
    // A conflict keeps its base (the expected value) until the user chooses.
    expect(result.base).toEqual({ DefaultChatHistory: 30, ParticipantUpdateLimit: 300, RoomManagementUrl: null });
  });

  it('an edit that already matches the new value is no conflict; $null shows as an empty field', () => {
    const result = reconcile(NAMES, BASE, { DefaultChatHistory: 60, ParticipantUpdateLimit: 100, RoomManagementUrl: 'https://r' }, mineFrom({ DefaultChatHistory: 60 }), []);
    expect(result.changes.map((c) => [c.name, c.status])).toEqual([
      ['DefaultChatHistory', 'updated'],
      ['RoomManagementUrl', 'updated'],
    ]);
    const cleared = reconcile(NAMES, { ...BASE, RoomManagementUrl: 'https://r' }, BASE, mineFrom({ RoomManagementUrl: 'https://r' }), []);
    expect(cleared.texts).toEqual({ RoomManagementUrl: '' });
  });

  it('a field changed twice reads first → latest; an emptied field (no value) is a conflict', () => {
    const first = reconcile(NAMES, BASE, { ...BASE, DefaultChatHistory: 33 }, mineFrom({ DefaultChatHistory: 60 }), []);
    const second = reconcile(NAMES, first.base, { ...BASE, DefaultChatHistory: 44 }, mineFrom({ DefaultChatHistory: 60 }), first.changes);
    expect(second.changes).toEqual([{ name: 'DefaultChatHistory', before: 30, after: 44, status: 'conflict' }]);
    const emptied = reconcile(NAMES, BASE, { ...BASE, ParticipantUpdateLimit: 5 }, mineFrom({ ParticipantUpdateLimit: undefined }), []);
    expect(emptied.changes).toEqual([{ name: 'ParticipantUpdateLimit', before: 100, after: 5, status: 'conflict' }]);
  });
});
