// Write-Progress's line shape crosses to the window as a progress DTO (no text,
// so a transcript or a redirected shell shows nothing for it).

import { describe, expect, it } from 'vitest';
import { toOutputLineDto } from '../../src-main/ipc/dto';

describe('progress lines', () => {
  it('become a progress DTO with every field, and empty text', () => {
    expect(
      toOutputLineDto({ kind: 'progress', text: '', activity: 'Copying', status: '3 of 10', percent: 30, id: 2, completed: false }),
    ).toEqual({ kind: 'progress', text: '', progress: { activity: 'Copying', status: '3 of 10', percent: 30, id: 2, completed: false } });
    expect(toOutputLineDto({ kind: 'progress', text: '', activity: 'Copying', status: 'Done', percent: -1, id: 2, completed: true }).progress).toMatchObject({ completed: true, percent: -1 });
  });
});
