// The packaged-shape app end to end: the real Electron binary, main process, preload, app://
// protocol and sandboxed renderer, on a temporary user-data folder, running the main happy path
// (sample library, import, claim card with a citation, insert into a brief, open the citation,
// export a PDF through Electron's printToPDF) and the hardening that only a real Electron can show.
//
// Where the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1), these tests do NOT
// run: they are reported as skipped, with the reason in their names and a banner — never as passed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../electron/main/contentSecurityPolicy';
import type { BriefingBridge, Method, Output, PageInput } from '../../shared/api/contract';
import { USER_DATA_ENV } from '../../electron/main/userDataDir';
import { highlightedText, importFile, selectWithMouse } from '../e2e/support';

const ROOT = join(import.meta.dirname, '../..');
const REPORT = [
  'Field report',
  '',
  'The bridge at Karsk reopened to traffic on Thursday after repairs.',
  'Officials expect full capacity by May.',
].join('\n');
const PASSAGE = 'The bridge at Karsk reopened to traffic on Thursday';
const STATEMENT = 'The Karsk bridge reopened to traffic on Thursday.';

/** The Electron executable npm installed, or why there is none (mirrors node_modules/electron/index.js, without its download). */
function findElectron(): { path: string } | { missing: string } {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile))
    return { missing: 'node_modules/electron/path.txt is absent (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1?)' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const executable = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(pkg, 'dist', relative);
  if (!existsSync(executable)) return { missing: `${executable} does not exist` };
  if (!existsSync(join(ROOT, 'dist/electron/main.js')))
    return { missing: 'dist/electron/main.js is not built (run npm run build)' };
  return { path: executable };
}

const electron = findElectron();
const hasElectron = 'path' in electron;
const SKIP_NOTE = hasElectron ? '' : `SKIPPED — Electron binary not installed: ${electron.missing} — `;
if (!hasElectron) {
  console.warn(
    [
      '',
      '┌──────────────────────────────────────────────────────────────────────────────┐',
      '│ ELECTRON END-TO-END TESTS DID NOT RUN (tests/electron/app.e2e.test.ts)       │',
      '│ The Electron binary is not installed, so the app itself was not launched.    │',
      '│ These tests are reported as SKIPPED, not passed.                             │',
      '└──────────────────────────────────────────────────────────────────────────────┘',
      `Reason: ${electron.missing}`,
      '',
    ].join('\n'),
  );
}

/** Chromium refuses to run as root with its OS sandbox; a display-less Linux needs the headless Ozone backend. */
function chromiumArgs(): string[] {
  const args: string[] = [];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    args.push('--ozone-platform=headless');
  return args;
}

async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  if (!hasElectron) throw new Error('unreachable');
  const app = await _electron.launch({
    executablePath: electron.path,
    args: [...chromiumArgs(), ROOT],
    cwd: ROOT,
    env: { ...process.env, [USER_DATA_ENV]: userData, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** The page's globals, as a test may probe them. */
type PageGlobals = Record<string, unknown> & { briefing: BriefingBridge };

/** Calls window.briefing.invoke in the page: the real preload → IPC → library path. */
function invoke<M extends Method>(page: Page, method: M, input: PageInput<M>): Promise<Output<M>> {
  return page.evaluate(([m, i]) => (window as unknown as PageGlobals).briefing.invoke(m, i as never), [
    method,
    input,
  ] as const);
}

/** The rejection a page sees, as plain data. */
function rejectionOf(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    ([m, i]) => (window as unknown as PageGlobals).briefing.invoke(m as Method, i as never).catch((e: unknown) => e),
    [method, input] as const,
  );
}

describe('Electron app end to end', () => {
  let userData: string;
  let app: ElectronApplication | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!hasElectron) return;
    // The Electron-ABI build of better-sqlite3 (electron/main/NATIVE-MODULE.md); made once, cached.
    const { ensureElectronBinding, installedTarget } = await import('../../electron/main/native/ensureElectronBinding');
    await ensureElectronBinding(ROOT, installedTarget(ROOT));
    userData = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
    ({ app, page } = await launch(userData));
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it.skipIf(!hasElectron)(
    `${SKIP_NOTE}loads the renderer from app://renderer in a sandboxed, isolated page`,
    async () => {
      expect(page.url()).toBe('app://renderer/index.html');
      expect(await page.title()).toBe('Briefing Composer');
      const world = await page.evaluate(() => ({
        bridgeKeys: Object.keys((window as unknown as PageGlobals).briefing ?? {}).sort(),
        require: typeof (window as unknown as PageGlobals).require,
        process: typeof (window as unknown as PageGlobals).process,
        ipcRenderer: typeof (window as unknown as PageGlobals).ipcRenderer,
      }));
      expect(world).toEqual({
        bridgeKeys: ['invoke', 'on'],
        require: 'undefined',
        process: 'undefined',
        ipcRenderer: 'undefined',
      });
      const csp = await page.evaluate(async () =>
        (await fetch('app://renderer/index.html')).headers.get('content-security-policy'),
      );
      expect(csp).toBe(RENDERER_CSP);
    },
  );

  it.skipIf(!hasElectron)(
    `${SKIP_NOTE}creates the library with the sample in the temporary user-data folder`,
    async () => {
      expect(existsSync(join(userData, 'library.db'))).toBe(true);
      const info = await invoke(page, 'library.info', {});
      expect(info.path).toBe(join(userData, 'library.db'));
      expect(info.counts).toMatchObject({ sources: 1, claims: 4, briefs: 1 });
    },
  );

  it.skipIf(!hasElectron)(
    `${SKIP_NOTE}runs the happy path in the UI: import, card, insert, citation click, PDF export`,
    async () => {
      // The same steps as the browser-harness spec (tests/e2e/source-to-card.test.ts), on the real app.
      await page.getByRole('button', { name: '+ New brief' }).click();
      const dialog = page.getByRole('dialog', { name: 'New brief' });
      await dialog.getByLabel('Title').fill('Karsk bridge');
      await dialog.getByRole('radio', { name: 'TLP' }).check();
      await dialog.getByLabel('TLP label').selectOption('TLP:GREEN');
      await dialog.getByRole('button', { name: 'Create brief' }).click();
      await expect
        .poll(() => page.locator('#pane-briefs [aria-current="page"]').textContent())
        .toContain('Karsk bridge');

      await importFile(page, 'karsk-report.txt', REPORT);
      await selectWithMouse(page, PASSAGE);
      await page.keyboard.press('ControlOrMeta+Shift+K');
      const form = page.getByRole('form', { name: 'New claim card' });
      await form.waitFor();
      await form.getByLabel('Statement').fill(STATEMENT);
      await form.getByRole('button', { name: /Create card/ }).click();
      await page.getByRole('form', { name: /Claim card/ }).waitFor();

      const { hits } = await invoke(page, 'claims.search', { query: 'Karsk' });
      const claim = hits.find((hit) => hit.statement === STATEMENT)!;
      expect(claim.citations[0]).toMatchObject({ exact: PASSAGE, anchorStatus: 'exact' });
      const citationId = claim.citations[0]!.id;

      await page.getByRole('tab', { name: 'Claim library' }).click();
      await page
        .locator(`.claim-result[data-claim-id="${claim.id}"]`)
        .getByRole('button', { name: /Insert/ })
        .click();
      const card = page.locator(`#pane-editor .be-card[data-claim-id="${claim.id}"]`);
      await card.waitFor();
      await expect
        .poll(async () => (await invoke(page, 'claims.usedIn', { claimId: claim.id })).map((u) => u.title), {
          timeout: 10_000,
        })
        .toEqual(['Karsk bridge']);

      await page.getByRole('tab', { name: 'Sources' }).click();
      await page.getByRole('button', { name: '← All sources' }).click();
      await card.locator(`.be-cite[data-citation-id="${citationId}"]`).click();
      await page.locator('.reader__text mark.is-focused').first().waitFor();
      expect(await highlightedText(page, citationId)).toBe(PASSAGE);

      // PDF export through Electron's printToPDF in the hidden print window. A page may not name
      // the file, so the main process's save dialog is answered the way the analyst would.
      const brief = (await invoke(page, 'briefs.list', {})).find((b) => b.title === 'Karsk bridge')!;
      const outFile = join(userData, 'karsk.pdf');
      await app!.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath });
      }, outFile);
      const result = await invoke(page, 'briefs.exportPdf', { briefId: brief.id });
      expect(result).toMatchObject({ exported: true, path: outFile });
      expect(readFileSync(outFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(app!.windows().length).toBe(1); // the print window is gone again
    },
  );

  it.skipIf(!hasElectron)(`${SKIP_NOTE}refuses unknown methods and keeps error codes across the bridge`, async () => {
    const error = await rejectionOf(page, 'shell.openExternal', {});
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    const missing = await rejectionOf(page, 'briefs.get', { briefId: 999_999 });
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.skipIf(!hasElectron)(
    `${SKIP_NOTE}opens no window, makes no network request and cannot navigate away`,
    async () => {
      const before = app!.windows().length;
      const opened = await page.evaluate(() => window.open('app://renderer/index.html') === null);
      expect(opened).toBe(true);
      const network = await page.evaluate(() =>
        fetch('https://example.org/').then(
          () => 'fetched',
          () => 'blocked',
        ),
      );
      expect(network).toBe('blocked');
      await page.evaluate(() => {
        window.location.href = 'file:///etc/passwd';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://renderer/index.html');
      expect(app!.windows().length).toBe(before);
    },
  );

  it.skipIf(!hasElectron)(
    `${SKIP_NOTE}is single-instance: a second launch exits and leaves the first running`,
    async () => {
      const second = spawn((electron as { path: string }).path, [...chromiumArgs(), ROOT], {
        cwd: ROOT,
        env: { ...process.env, [USER_DATA_ENV]: userData },
        stdio: 'ignore',
      });
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(0);
      expect(await page.evaluate(() => document.readyState)).toBe('complete');
    },
  );

  it.skipIf(!hasElectron)(`${SKIP_NOTE}remembers the window state in the user-data folder`, async () => {
    await app!.close();
    app = undefined;
    const state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as Record<string, unknown>;
    expect(state.version).toBe(1);
    expect([typeof state.width, typeof state.height]).toEqual(['number', 'number']);
  });
});
