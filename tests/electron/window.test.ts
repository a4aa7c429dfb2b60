// The one hardened window factory constructs every window with the security checklist's
// settings. A fake BrowserWindow class records the options, so each flag is asserted without
// an Electron binary.
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createHardenedWindow, type HardenedWindowSpec } from '../../electron/main/hardenedWindow';

class FakeBrowserWindow {
  static last: BrowserWindowConstructorOptions | undefined;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeBrowserWindow.last = options;
  }
}

function build(spec: Partial<HardenedWindowSpec> = {}) {
  const window = createHardenedWindow(FakeBrowserWindow, {
    kind: 'main',
    preloadPath: '/app/dist/electron/preload.cjs',
    devTools: false,
    ...spec,
  });
  return { options: window.options, prefs: window.options.webPreferences! };
}

describe('hardened window factory', () => {
  for (const kind of ['main', 'print'] as const) {
    describe(`${kind} window`, () => {
      const { prefs, options } = build({
        kind,
        preloadPath: kind === 'main' ? '/app/dist/electron/preload.cjs' : undefined,
      });

      it('isolates the page from the preload (contextIsolation: true)', () =>
        expect(prefs.contextIsolation).toBe(true));
      it('runs the renderer in the OS sandbox (sandbox: true)', () => expect(prefs.sandbox).toBe(true));
      it('gives the page no Node.js, not even in workers or sub-frames', () => {
        expect(prefs.nodeIntegration).toBe(false);
        expect(prefs.nodeIntegrationInWorker).toBe(false);
        expect(prefs.nodeIntegrationInSubFrames).toBe(false);
      });
      it('keeps the same-origin policy (webSecurity: true)', () => expect(prefs.webSecurity).toBe(true));
      it('never runs insecure content in a secure page', () => expect(prefs.allowRunningInsecureContent).toBe(false));
      it('enables no experimental Chromium features', () => expect(prefs.experimentalFeatures).toBe(false));
      it('enables no Blink features and disables middle-click (Auxclick)', () => {
        expect(prefs.enableBlinkFeatures).toBeUndefined();
        expect(prefs.disableBlinkFeatures).toContain('Auxclick');
      });
      it('forbids <webview> and drag-and-drop navigation', () => {
        expect(prefs.webviewTag).toBe(false);
        expect(prefs.navigateOnDragDrop).toBe(false);
      });
      it('is created hidden (shown on ready-to-show, or never for printing)', () => expect(options.show).toBe(false));
    });
  }

  it('gives the main window its preload and spell-check, and no DevTools in a packaged build', () => {
    const { prefs } = build({ kind: 'main', devTools: false });
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.spellcheck).toBe(true);
    expect(prefs.devTools).toBe(false);
  });

  it('gives the print window no preload, no spell-check and its own session', () => {
    const { prefs } = build({ kind: 'print', preloadPath: '/should/not/be/used.cjs', partition: 'briefing-print' });
    expect(prefs.preload).toBeUndefined();
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.partition).toBe('briefing-print');
    expect(prefs.partition?.startsWith('persist:')).toBe(false); // in memory only
  });

  it('refuses to build a main window without its preload', () => {
    expect(() => createHardenedWindow(FakeBrowserWindow, { kind: 'main', devTools: false })).toThrow(/preload/);
  });

  it('does not let frame options smuggle in web preferences', () => {
    const { prefs } = build({ frame: { width: 900, height: 700, title: 'x' } });
    expect(prefs.sandbox).toBe(true);
    expect(FakeBrowserWindow.last?.width).toBe(900);
  });

  it('is the only place in electron/main that constructs a BrowserWindow', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, '../../electron/main');
    const constructing = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /new\s+BrowserWindow\s*\(/.test(readFileSync(join(dir, file), 'utf8')));
    expect(constructing).toEqual(['hardenedWindow.ts']);
  });
});
