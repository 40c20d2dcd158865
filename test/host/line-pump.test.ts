// Both ends of output streaming on their own: the worker's pump (batches,
// back-pressure, Stop) and the host's pipe (takes that wait, acknowledgements,
// the step's end).

import { describe, expect, it } from 'vitest';
import { BATCH_LINES, LinePump, MAX_UNACKED } from '../../src-main/host/line-pump';
import { OutputPipe } from '../../src-main/host/output-pipe';
import type { OutputLineDto } from '../../src-main/ipc/contract';

const line = (text: string): OutputLineDto => ({ kind: 'output', text });

describe('LinePump', () => {
  it('posts the first line at once while the reader waits, then batches', () => {
    const posted: [number, number][] = [];
    const pump = new LinePump((seq, lines) => posted.push([seq, lines.length]));
    pump.push(line('first'));
    expect(posted).toEqual([[1, 1]]);
    for (let i = 0; i < BATCH_LINES; i++) pump.push(line('x'));
    // A full batch is posted (sooner if BATCH_MS passed on a slow machine); nothing waits once flushed.
    expect(posted.length).toBeGreaterThanOrEqual(2);
    pump.flush();
    expect(posted.reduce((n, [, count]) => n + count, 0)).toBe(BATCH_LINES + 1);
    expect(posted.map(([seq]) => seq)).toEqual(posted.map((_, i) => i + 1));
  });

  it('makes the engine wait once MAX_UNACKED batches are not taken, and lets it go on when they are', async () => {
    let last = 0;
    const pump = new LinePump((seq) => (last = seq));
    let pushed = 0;
    while (pump.drain() === undefined) {
      pump.push(line('x'));
      pushed++;
    }
    expect(last).toBe(MAX_UNACKED);
    expect(pushed).toBeLessThanOrEqual(MAX_UNACKED * BATCH_LINES);
    const wait = pump.drain()!;
    let released = false;
    void wait.then(() => (released = true));
    pump.ack(1);
    await Promise.resolve();
    expect(released).toBe(true);
  });

  it('Stop releases a waiting engine; a new input starts with a clean slate', async () => {
    const pump = new LinePump(() => {});
    while (pump.drain() === undefined) pump.push(line('x'));
    const wait = pump.drain()!;
    pump.release();
    await wait;
    expect(pump.drain()).toBeUndefined();
    pump.reset();
    expect(pump.drain()).toBeUndefined();
  });
});

describe('OutputPipe', () => {
  it('answers a waiting take as soon as a batch comes, and acknowledges what it hands out', async () => {
    const acks: number[] = [];
    const pipe = new OutputPipe((seq) => acks.push(seq));
    const waiting = pipe.take(true);
    expect(waiting).toBeInstanceOf(Promise);
    pipe.add(1, [line('a')]);
    expect(await waiting).toEqual({ lines: [line('a')] });
    expect(acks).toEqual([1]);
    pipe.add(2, [line('b')]);
    pipe.add(3, [line('c')]);
    expect(pipe.take(true)).toEqual({ lines: [line('b'), line('c')] });
    expect(acks).toEqual([1, 3]);
  });

  it('gives nothing at once when no input runs; at the step\'s end hands the rest to the reply', async () => {
    const pipe = new OutputPipe(() => {});
    expect(pipe.take(false)).toEqual({ lines: [] });
    const waiting = pipe.take(true);
    pipe.end();
    expect(await waiting).toEqual({ lines: [] });
    pipe.add(4, [line('late')]);
    expect(pipe.end()).toEqual([line('late')]);
    expect(pipe.end()).toEqual([]);
  });
});
