// The main window's size, position, maximized flag and theme, remembered between runs in a
// small JSON file in the user-data folder. The file is untrusted input (hand-edited, from
// another machine with other monitors, half-written): every field is validated and a window
// is never placed where no display can show it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
const MAX_SIDE = 16_384;
/** How much of the window must overlap a display's work area for the saved position to be kept. */
const MIN_VISIBLE = 96;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ThemeSource = 'system' | 'light' | 'dark';

export interface WindowState {
  width: number;
  height: number;
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  maximized: boolean;
  theme: ThemeSource;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false, theme: 'system' };

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * A safe window state from whatever the file held: sizes are whole numbers clamped to
 * [minimum, the largest display's work area]; the position is kept only if enough of the window
 * would be on some display; anything unreadable falls back to the default.
 */
export function validateWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState {
  const state: WindowState = { ...DEFAULT_WINDOW_STATE };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return state;
  const r = raw as Record<string, unknown>;

  // Sizes are clamped to the largest display (the window may live on the big one), never below the minimum.
  const widest = workAreas.length > 0 ? Math.max(...workAreas.map((a) => a.width)) : MAX_SIDE;
  const tallest = workAreas.length > 0 ? Math.max(...workAreas.map((a) => a.height)) : MAX_SIDE;
  const widthLimit = Math.max(MIN_WIDTH, Math.min(MAX_SIDE, widest));
  const heightLimit = Math.max(MIN_HEIGHT, Math.min(MAX_SIDE, tallest));
  state.width = Math.min(state.width, widthLimit);
  state.height = Math.min(state.height, heightLimit);

  if (isInt(r.width) && isInt(r.height) && r.width > 0 && r.height > 0) {
    state.width = Math.min(widthLimit, Math.max(MIN_WIDTH, r.width));
    state.height = Math.min(heightLimit, Math.max(MIN_HEIGHT, r.height));
  }
  if (isInt(r.x) && isInt(r.y) && Math.abs(r.x) <= 10 * MAX_SIDE && Math.abs(r.y) <= 10 * MAX_SIDE) {
    const frame: Rect = { x: r.x, y: r.y, width: state.width, height: state.height };
    const visible = workAreas.some((area) => {
      const o = overlap(frame, area);
      // The title bar (top edge) must be on the display too, or the window cannot be dragged back.
      return o.width >= MIN_VISIBLE && o.height >= MIN_VISIBLE && frame.y >= area.y && frame.y < area.y + area.height;
    });
    if (visible) {
      state.x = r.x;
      state.y = r.y;
    }
  }
  if (typeof r.maximized === 'boolean') state.maximized = r.maximized;
  if (r.theme === 'system' || r.theme === 'light' || r.theme === 'dark') state.theme = r.theme;
  return state;
}

/** The state file's path in a user-data folder. */
export function windowStatePath(userDataDir: string): string {
  return join(userDataDir, WINDOW_STATE_FILE);
}

/** Reads and validates the saved state; the default when the file is missing, unreadable or not JSON. */
export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > 4096) return { ...DEFAULT_WINDOW_STATE };
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  return validateWindowState(raw, workAreas);
}

/** Writes the state atomically (temporary file, then rename), so a crash never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const { width, height, x, y, maximized, theme } = state;
  writeFileSync(temporary, `${JSON.stringify({ version: 1, width, height, x, y, maximized, theme }, null, 2)}\n`, {
    mode: 0o600,
  });
  renameSync(temporary, file);
}
