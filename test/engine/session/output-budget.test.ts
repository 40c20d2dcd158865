// One input's output has a budget: a statement that would print more than the
// console keeps fails with OutputLimitExceeded, prints nothing more, and the
// session goes on. (Before, a million-item line built gigabytes of text.)

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OUTPUT_OBJECTS } from '../../../src-main/engine/session-output';
import { createTestSession, type TestSession } from '../../helpers/engine-session';

let t: TestSession;
beforeAll(() => {
  t = createTestSession();
});
afterAll(() => t.cleanup());

describe('output budget', () => {
  it('a statement with more objects than the budget fails clearly; nothing more runs or prints', async () => {
    const r = await t.run(`,0*${MAX_OUTPUT_OBJECTS + 1}; 'after'`);
    expect(r.success).toBe(false);
    expect(r.lines.filter((l) => l.kind === 'output')).toHaveLength(0);
    const errors = r.lines.filter((l) => l.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.record?.errorId).toBe('OutputLimitExceeded');
    expect(errors[0]!.text).toContain('more output than the console keeps for one input');
    expect(errors[0]!.text).toContain('LimitsExceeded');
  });

  it('the next input has a fresh budget', async () => {
    const r = await t.run(`(,0*${MAX_OUTPUT_OBJECTS}).Count; 'next'`);
    expect(r.text).toBe(`${MAX_OUTPUT_OBJECTS}\nnext`);
    expect(r.success).toBe(true);
  });

  it('characters count too: one huge string over the budget fails the same way', async () => {
    const r = await t.run("$s = 'x' * 9000000; $s; $s; $s; $s; $s; $s; 'not reached'");
    expect(r.success).toBe(false);
    expect(r.lines.map((l) => l.record?.errorId ?? l.kind)).toEqual(['output', 'output', 'output', 'output', 'output', 'OutputLimitExceeded']);
    expect((await t.run('1')).text).toBe('1');
  });
});
