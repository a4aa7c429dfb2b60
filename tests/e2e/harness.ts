// The browser test harness (DESIGN.md §3): the built renderer in real Chromium, talking to the
// real handler table on a real SQLite file.
//
//   ┌──────────────────────────────────────────────────────────────────────────────────────┐
//   │ THE TRANSPORT IS THE ONLY DIFFERENCE FROM THE APP.                                   │
//   │ Same renderer bundle (dist/renderer), same CSP, same services (createLibrary), same  │
//   │ `window.briefing` — built by the preload's own createBridge (electron/preload/       │
//   │ bridge.ts) over a Playwright binding instead of ipcRenderer. Calls are answered by   │
//   │ the app's own answerPageCall (electron/main/ipcHandler.ts): frame check, page schema. │
//   └──────────────────────────────────────────────────────────────────────────────────────┘
//
// The renderer is served from one fixed origin through `context.route`; any request elsewhere
// is aborted and recorded, so a test can assert that nothing leaves the app.
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { eventChannel, methodOfChannel } from '../../shared/api/channels';
import { EVENTS, type AppEvent } from '../../shared/api/contract';
import { rendererResponseHeaders } from '../../electron/main/contentSecurityPolicy';
import { answerPageCall, type PageCallPolicy } from '../../electron/main/ipcHandler';
import { createLibrary, type Library } from '../../electron/services/createLibrary';
import { createChromiumPrinter } from '../../electron/services/export/chromiumPrinter';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(REPO_ROOT, 'dist', 'renderer');

/** The one origin the renderer is served from (`.invalid` can never resolve to a real host). */
export const APP_ORIGIN = 'http://briefing.app.invalid';
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Where the screenshots are written, on every run. */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchOptions {
  /** The SQLite library file (created and migrated if new). */
  dbPath: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
}

/**
 * What the harness's stand-in for the native save dialog answers when an export asks where to
 * save: a file name or path (relative ones land in `exportDir`), null for Cancel, or a function
 * of the suggested name (e.g. one that waits, to hold the dialog "open").
 */
export type ExportChoice = string | null | ((suggestedName: string) => Promise<string | null>);

export interface LaunchedApp {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** The same library the page talks to: for seeding data and checking what was stored. */
  library: Library;
  /** Every request the page made, in order (app files included). */
  requests: RecordedRequest[];
  /** Requests to anywhere but APP_ORIGIN: aborted, and recorded here. */
  blockedRequests: RecordedRequest[];
  /** Messages of every alert/confirm/prompt/beforeunload dialog (all dismissed). */
  dialogs: string[];
  /** URLs of windows the page tried to open (closed at once). */
  popups: string[];
  /** Console errors and uncaught page errors (a CSP violation shows up here). */
  errors: string[];
  /** A temp folder made for this launch (removed on close): where exports are saved unless a test chooses otherwise. */
  exportDir: string;
  /** The file names the save dialog suggested, one per time an export asked where to save. */
  exportPrompts: string[];
  /** Files "Show in folder" asked the file manager to show (the app's shell.showItemInFolder). */
  revealedFiles: string[];
  /** How the save dialog answers from now on; the default saves the suggested name in `exportDir`. */
  setExportChoice: (choice: ExportChoice | undefined) => void;
  /** Pushes an app event to the page, as the main process does with webContents.send. */
  emit: (event: AppEvent, payload?: unknown) => Promise<void>;
  /** Reloads the page and waits for the app to render. */
  reload: () => Promise<void>;
  /** Saves a full-window screenshot to test-output/screenshots/<name>.png; returns its path. */
  screenshot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

let pageBridgeScript: Promise<string> | null = null;

/**
 * The init script that defines `window.briefing`: the preload's createBridge, bundled for the
 * page, over an "ipcRenderer" made of the harness binding and a private event hub.
 */
function buildPageBridge(): Promise<string> {
  pageBridgeScript ??= build({
    stdin: {
      contents: `
        import { createBridge } from './electron/preload/bridge';
        const call = window.__briefingHarnessInvoke;
        delete window.__briefingHarnessInvoke;
        const listeners = new Map();
        const ipc = {
          invoke: (channel, input) => call(channel, input),
          on: (channel, listener) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(listener); },
          removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener); },
        };
        // The harness's stand-in for webContents.send; not part of window.briefing.
        Object.defineProperty(window, '__briefingHarnessEmit', {
          value: (channel, payload) => { for (const l of [...(listeners.get(channel) ?? [])]) l({}, payload); },
        });
        Object.defineProperty(window, 'briefing', { value: createBridge(ipc), enumerable: true });
      `,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return pageBridgeScript;
}

function requireBuiltRenderer(): string {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(
      `The built renderer is missing (${join(DIST, 'index.html')}). Run \`npm run build\` (or \`node scripts/build.mjs renderer\`) before the e2e tests.`,
    );
  }
  return realpathSync(DIST);
}

function requireChromium(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install the Debian package \`chromium\` or set CHROMIUM_PATH to a Chromium executable.`,
    );
  }
  return path;
}

/** The file under `root` a request path names, or null if it names nothing there (no escaping the folder). */
function fileFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = resolve(root, relative);
  if (!candidate.startsWith(root + sep) || !existsSync(candidate)) return null;
  const real = realpathSync(candidate);
  return real.startsWith(root + sep) ? real : null;
}

/** Starts Chromium on the built renderer with the real library at `dbPath`. */
export async function launchApp({
  dbPath,
  headless = true,
  colorScheme = 'light',
  viewport = { width: 1440, height: 900 },
}: LaunchOptions): Promise<LaunchedApp> {
  const root = requireBuiltRenderer();
  const executablePath = requireChromium();
  const initScript = await buildPageBridge();
  // The app's save dialog (electron/main/dialogs.ts chooseExportFile), answered by the test.
  const exportDir = mkdtempSync(join(tmpdir(), 'briefing-e2e-export-'));
  const exportPrompts: string[] = [];
  const revealedFiles: string[] = [];
  let exportChoice: ExportChoice | undefined;
  const inExportDir = (file: string | null) => (file === null ? null : isAbsolute(file) ? file : join(exportDir, file));
  const library = createLibrary({
    dbPath,
    printer: createChromiumPrinter({ executablePath }),
    async chooseExportFile(suggestedName) {
      exportPrompts.push(suggestedName);
      const choice = exportChoice;
      if (choice === undefined) return join(exportDir, suggestedName);
      return inExportDir(typeof choice === 'function' ? await choice(suggestedName) : choice);
    },
    revealFile: (path) => revealedFiles.push(path),
    logError: (error) => console.error('[library]', error),
  });

  // Whatever fails after the library is open, the library, the browser and the export folder
  // are released before the error reaches the test, so one failed launch leaks nothing.
  const release = async (browser?: Browser) => {
    try {
      await browser?.close();
    } finally {
      library.close();
      rmSync(exportDir, { recursive: true, force: true });
    }
  };
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS });
  } catch (error) {
    await release();
    throw error;
  }
  try {
    return await openApp(browser);
  } catch (error) {
    await release(browser).catch(() => {});
    throw error;
  }

  async function openApp(browser: Browser): Promise<LaunchedApp> {
    const context = await browser.newContext({
      viewport,
      colorScheme,
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
      acceptDownloads: false,
    });

    const requests: RecordedRequest[] = [];
    const blockedRequests: RecordedRequest[] = [];
    const dialogs: string[] = [];
    const popups: string[] = [];
    const errors: string[] = [];

    await context.route('**/*', async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const record = { url: request.url(), method: request.method(), resourceType: request.resourceType() };
      if (url.origin !== APP_ORIGIN) {
        blockedRequests.push(record);
        return route.abort('blockedbyclient');
      }
      const file = request.method() === 'GET' ? fileFor(root, url.pathname) : null;
      // The app protocol's own headers (CSP included), so the page runs under the app's policy twice over: header and meta tag.
      if (!file)
        return route.fulfill({
          status: 404,
          headers: rendererResponseHeaders('text/plain; charset=utf-8'),
          body: 'Not found',
        });
      return route.fulfill({
        status: 200,
        headers: rendererResponseHeaders(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'),
        body: readFileSync(file),
      });
    });
    context.on('request', (request) =>
      requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType() }),
    );

    // The handler side runs the app's own IPC answer (electron/main/ipcHandler.ts); only the
    // trusted origin differs: the harness serves the renderer from APP_ORIGIN instead of app://.
    const pagePolicy: PageCallPolicy = {
      isTrusted: (frame) => frame !== null && frame.isMainFrame && (frame.url ?? '').startsWith(`${APP_ORIGIN}/`),
    };
    await context.exposeBinding('__briefingHarnessInvoke', (source, channel: unknown, input: unknown) =>
      answerPageCall(
        library,
        pagePolicy,
        { url: source.frame.url(), isMainFrame: source.frame.parentFrame() === null },
        methodOfChannel(channel),
        input,
      ),
    );
    await context.addInitScript({ content: initScript });

    context.on('page', (popup) => {
      popup.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));
    });
    const page = await context.newPage();
    // Fail in seconds, not half a minute: every step of the app answers at once on a local file.
    page.setDefaultTimeout(10_000);
    context.on('page', (opened) => {
      if (opened === page) return;
      popups.push(opened.url());
      void opened.close();
    });
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));

    const waitForApp = () => page.waitForSelector('.workspace', { timeout: 20_000 });
    await page.goto(APP_URL);
    await waitForApp();

    let closed = false;
    return {
      page,
      context,
      browser,
      library,
      requests,
      blockedRequests,
      dialogs,
      popups,
      errors,
      exportDir,
      exportPrompts,
      revealedFiles,
      setExportChoice(choice) {
        exportChoice = choice;
      },
      async emit(event, payload) {
        if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Not an app event: ${event}`);
        await page.evaluate(
          ([channel, data]) =>
            (window as unknown as { __briefingHarnessEmit: (c: string, p: unknown) => void }).__briefingHarnessEmit(
              channel,
              data,
            ),
          [eventChannel(event), payload ?? null] as const,
        );
      },
      async reload() {
        await page.reload();
        await waitForApp();
      },
      async screenshot(name) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
        return path;
      },
      async close() {
        if (closed) return;
        closed = true;
        await release(browser);
      },
    };
  }
}
