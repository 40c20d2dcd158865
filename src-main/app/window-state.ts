// Remembered window bounds: window-state.json in the user-data folder.
//
// The file is only a hint. Anything unreadable or implausible falls back to
// the default size, and a saved position that is no longer on any display
// (a monitor was unplugged) is dropped so the window cannot open off-screen.
// Pure apart from the file access; the Electron calls live in index.ts.

import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../engine/store/files';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the window's top edge must be on a display to keep the saved position. */
const VISIBLE_MARGIN = 48;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { ...DEFAULT_SIZE, maximized: false };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Reads a saved state; anything missing or odd becomes the default. */
export function parseWindowState(text: string | undefined): WindowState {
  if (text === undefined) return DEFAULT_WINDOW_STATE;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_WINDOW_STATE;
  const r = raw as Record<string, unknown>;
  if (!isInt(r['width']) || !isInt(r['height']) || r['width'] < MIN_SIZE.width || r['height'] < MIN_SIZE.height) {
    return DEFAULT_WINDOW_STATE;
  }
  const position = isInt(r['x']) && isInt(r['y']) ? { x: r['x'], y: r['y'] } : {};
  return { ...position, width: r['width'], height: r['height'], maximized: r['maximized'] === true };
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/**
 * Fits a saved state to the displays now attached: no larger than the largest
 * work area, and positioned only if a strip of its top edge (where the title
 * bar is) lies on some display; otherwise the window manager centres it.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const width = Math.max(MIN_SIZE.width, Math.min(state.width, maxWidth));
  const height = Math.max(MIN_SIZE.height, Math.min(state.height, maxHeight));
  const sized: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return sized;
  const { x, y } = state;
  const titleBarVisible = workAreas.some(
    (a) => overlap(x, x + width, a.x, a.x + a.width) >= VISIBLE_MARGIN && y >= a.y && y <= a.y + a.height - VISIBLE_MARGIN,
  );
  return titleBarVisible ? { x, y, ...sized } : sized;
}

export function loadWindowState(userDataDir: string, workAreas: readonly Rect[]): WindowState {
  let text: string | undefined;
  try {
    text = fs.readFileSync(path.join(userDataDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    text = undefined;
  }
  return fitToDisplays(parseWindowState(text), workAreas);
}

export function saveWindowState(userDataDir: string, bounds: Rect, maximized: boolean): void {
  const state: WindowState = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized };
  try {
    writeFileAtomicSync(path.join(userDataDir, WINDOW_STATE_FILE), `${JSON.stringify(state)}\n`, 0o600);
  } catch {
    // Losing the window position is not worth an error on the way out.
  }
}
