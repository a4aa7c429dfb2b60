// The one hardened window factory. Every BrowserWindow the app creates — the main window and the
// hidden print window — is constructed here, with the security settings written out literally
// so reviewers and static scanners (electronegativity) see them at the constructor call.
// The BrowserWindow class is passed in, so tests construct windows with a fake class and
// assert every flag without an Electron binary; only types are imported from 'electron'.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export type WindowKind = 'main' | 'print';

export interface HardenedWindowSpec {
  kind: WindowKind;
  /** The sandboxed preload (dist/electron/preload.cjs); the print window gets none. */
  preloadPath?: string;
  /** Size, position, title, colours: anything but webPreferences. */
  frame?: Omit<BrowserWindowConstructorOptions, 'webPreferences' | 'show'>;
  /** DevTools only in development builds. */
  devTools: boolean;
  /** A separate session (the print window's in-memory one); the default session otherwise. */
  partition?: string;
}

/** Constructs a window with the hardened settings; `BrowserWindow` is Electron's class (or a test double). */
export function createHardenedWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  spec: HardenedWindowSpec,
): W {
  const isMain = spec.kind === 'main';
  if (isMain && !spec.preloadPath) throw new Error('The main window needs its preload.');
  return new BrowserWindow({
    ...spec.frame,
    show: false, // shown on ready-to-show (main) or never (print)
    webPreferences: {
      // Our own sandboxed contextBridge preload (electron/preload): it exposes only invoke for contract
      // methods and on for listed events. The print window has none.
      preload: isMain ? spec.preloadPath : undefined,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      enableWebSQL: false,
      // Spell-check in the editor; dictionaries never download (sessionHardening.ts points the download URL nowhere).
      spellcheck: isMain,
      devTools: spec.devTools,
      // The print window runs no page script (its CSP says script-src 'none'); JavaScript stays on only
      // so the main process can await document.fonts.ready before printing.
      javascript: true,
      backgroundThrottling: isMain,
      partition: spec.partition,
    } satisfies WebPreferences,
  });
}
