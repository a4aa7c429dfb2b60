// The remembered window state is untrusted input: every field is validated, a window is never
// placed where no display shows it, and the file is written atomically.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  saveWindowState,
  validateWindowState,
  windowStatePath,
} from '../../electron/main/windowState';
import { userDataOverride, USER_DATA_ENV } from '../../electron/main/userDataDir';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 };
const EXTERNAL = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('window state validation', () => {
  it('keeps a sane state', () => {
    expect(
      validateWindowState({ width: 1200, height: 800, x: 100, y: 50, maximized: true, theme: 'dark' }, [LAPTOP]),
    ).toEqual({
      width: 1200,
      height: 800,
      x: 100,
      y: 50,
      maximized: true,
      theme: 'dark',
    });
  });

  it.each([null, undefined, 42, 'text', [], [1, 2]])('falls back to the default for %s', (raw) => {
    expect(validateWindowState(raw, [LAPTOP])).toEqual({ ...DEFAULT_WINDOW_STATE, width: 1280, height: 860 });
  });

  it('rejects non-integer, negative, NaN and absurd sizes', () => {
    for (const [width, height] of [
      [NaN, 800],
      [1200.5, 800],
      [-5, 800],
      ['1200', '800'],
      [Infinity, 800],
    ]) {
      const state = validateWindowState({ width, height }, [LAPTOP]);
      expect(state.width).toBe(DEFAULT_WINDOW_STATE.width);
      expect(state.height).toBe(DEFAULT_WINDOW_STATE.height);
    }
    const huge = validateWindowState({ width: 99_999, height: 99_999 }, [LAPTOP]);
    expect(huge).toMatchObject({ width: LAPTOP.width, height: LAPTOP.height });
    const tiny = validateWindowState({ width: 10, height: 10 }, [LAPTOP]);
    expect(tiny).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });

  it('drops a position no display can show (monitor unplugged), so the OS centres the window', () => {
    const state = validateWindowState({ width: 1200, height: 800, x: 3000, y: 100 }, [LAPTOP]);
    expect(state.x).toBeUndefined();
    expect(state.y).toBeUndefined();
    expect(validateWindowState({ width: 1200, height: 800, x: -1190, y: 100 }, [LAPTOP]).x).toBeUndefined(); // 10 px visible
    expect(validateWindowState({ width: 1200, height: 800, x: 100, y: -300 }, [LAPTOP]).y).toBeUndefined(); // title bar above the screen
  });

  it('keeps a position on a second display', () => {
    expect(validateWindowState({ width: 1600, height: 1000, x: 2000, y: 0 }, [LAPTOP, EXTERNAL])).toMatchObject({
      x: 2000,
      y: 0,
      width: 1600,
    });
  });

  it('accepts only the three themes and a boolean maximized flag', () => {
    expect(validateWindowState({ theme: 'neon', maximized: 'yes' }, [LAPTOP])).toMatchObject({
      theme: 'system',
      maximized: false,
    });
    expect(validateWindowState({ theme: 'light' }, [LAPTOP]).theme).toBe('light');
  });
});

describe('window state file', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('briefing-window-');
  });
  afterEach(() => tmp.remove());

  it('round-trips through the file in the user-data folder', () => {
    const file = windowStatePath(tmp.dir);
    saveWindowState(file, { width: 1000, height: 700, x: 10, y: 20, maximized: false, theme: 'dark' });
    expect(loadWindowState(file, [LAPTOP])).toEqual({
      width: 1000,
      height: 700,
      x: 10,
      y: 20,
      maximized: false,
      theme: 'dark',
    });
    expect((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version).toBe(1);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('uses the default for a missing, corrupt or oversized file', () => {
    const file = windowStatePath(tmp.dir);
    expect(loadWindowState(file, [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, '{"width": 1000, "height":');
    expect(loadWindowState(file, [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, JSON.stringify({ width: 1000, height: 700, padding: 'x'.repeat(10_000) }));
    expect(loadWindowState(file, [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('user-data folder override', () => {
  it('takes --user-data-dir= from argv over $BRIEFING_USER_DATA, and makes it absolute', () => {
    expect(userDataOverride(['electron', '.', '--user-data-dir=/tmp/a'], { [USER_DATA_ENV]: '/tmp/b' })).toBe('/tmp/a');
    expect(userDataOverride(['electron', '.'], { [USER_DATA_ENV]: '/tmp/b' })).toBe('/tmp/b');
    expect(userDataOverride(['electron', '.'], { [USER_DATA_ENV]: 'rel/dir' }, '/work')).toBe('/work/rel/dir');
  });
  it('returns null for none or an empty value', () => {
    expect(userDataOverride(['electron', '.'], {})).toBeNull();
    expect(userDataOverride(['--user-data-dir='], { [USER_DATA_ENV]: '  ' })).toBeNull();
  });
});
