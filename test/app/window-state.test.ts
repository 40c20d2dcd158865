// Remembered window bounds: what is read back from window-state.json, and how
// it is fitted to the displays attached now.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState } from '../../src-main/app/window-state';

const FULL_HD = { x: 0, y: 0, width: 1920, height: 1080 };
const RIGHT = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"maximized":true}')).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(parseWindowState('{"width":1000,"height":700}')).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('falls back to the default for anything odd', () => {
    for (const text of [undefined, '', 'not json', 'null', '[]', '{"width":"1000","height":700}', '{"width":100,"height":100}', '{"width":1e400,"height":700}', '{"width":1000.5,"height":700}']) {
      expect([text, parseWindowState(text)]).toEqual([text, DEFAULT_WINDOW_STATE]);
    }
    expect(parseWindowState('{"x":"1","y":2,"width":1000,"height":700}')).toEqual({ width: 1000, height: 700, maximized: false });
  });
});

describe('fitToDisplays', () => {
  it('keeps a position whose title bar is on a display', () => {
    const state = { x: 2000, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [FULL_HD, RIGHT])).toEqual(state);
  });

  it('drops a position left on an unplugged display, and shrinks to the largest work area', () => {
    expect(fitToDisplays({ x: 2000, y: 100, width: 2500, height: 1500, maximized: false }, [FULL_HD])).toEqual({ width: 1920, height: 1080, maximized: false });
    expect(fitToDisplays({ x: 100, y: -500, width: 1000, height: 700, maximized: true }, [FULL_HD])).toEqual({ width: 1000, height: 700, maximized: true });
  });

  it('without display information keeps the state as it is', () => {
    const state = { x: 5, y: 5, width: 900, height: 600, maximized: false };
    expect(fitToDisplays(state, [])).toEqual(state);
  });
});

describe('load and save', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('round-trips through window-state.json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-window-'));
    dirs.push(dir);
    expect(loadWindowState(dir, [FULL_HD])).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(dir, { x: 30, y: 40, width: 1100, height: 750 }, false);
    expect(loadWindowState(dir, [FULL_HD])).toEqual({ x: 30, y: 40, width: 1100, height: 750, maximized: false });
  });
});
