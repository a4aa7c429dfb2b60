// The built main process (dist/electron/main.js, exactly what `electron .` runs) started in plain
// Node with 'electron' replaced by a recording fake (./fake-electron): proves the bundle loads and
// wires everything in the right order — scheme privileges before ready, sandbox for all, user-data
// override before the single-instance lock, the library opened and seeded in the user-data folder,
// one IPC handler per contract method answering only the app's page, the hardened window loading
// app://renderer, the guards on every web contents and session, and the menu.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/api/contract';
import { PRINT_CSP, RENDERER_CSP } from '../../electron/main/contentSecurityPolicy';
import { NO_DICTIONARY_DOWNLOAD_URL } from '../../electron/main/sessionHardening';
import { USER_DATA_ENV } from '../../electron/main/userDataDir';
import { createLibrary } from '../../electron/services/createLibrary';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/electron/main.js');
const REGISTER = join(import.meta.dirname, 'fake-electron/register.mjs');

interface Trace {
  calls: unknown[][];
  windows: Array<{ options: { webPreferences: Record<string, unknown> }; loadedUrl: string | null }>;
  ipcChannels: string[];
  schemes: { schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>; beforeReady: boolean } | null;
  sandbox: boolean;
  menu: Array<{
    label: string | null;
    submenu: Array<{ id: string | null; role: string | null; accelerator: string | null }> | null;
  }> | null;
  /** What the fake's drive script observed; the typed ones are read as values, the rest matched as objects. */
  checks: Record<string, unknown> & {
    protocolIndex: { status: number; csp: string | null };
    protocolTraversal: number;
    exportPdfFile: string;
  };
}

function runMain(
  userData: string,
  extraEnv: Record<string, string> = {},
): Promise<{ trace: Trace; stderr: string; code: number | null }> {
  const traceFile = join(userData, `trace-${Date.now()}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', REGISTER, MAIN], {
      cwd: ROOT,
      env: { ...process.env, [USER_DATA_ENV]: userData, FAKE_ELECTRON_TRACE: traceFile, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!existsSync(traceFile)) return reject(new Error(`main process left no trace (exit ${code}):\n${stderr}`));
      resolve({ trace: JSON.parse(readFileSync(traceFile, 'utf8')) as Trace, stderr, code });
    });
  });
}

const callIndex = (trace: Trace, name: string) => trace.calls.findIndex((call) => call[0] === name);

describe('built main process (electron faked)', () => {
  let tmp: TempDir;
  let run: Awaited<ReturnType<typeof runMain>>;

  beforeAll(async () => {
    // Build the Electron bundles from the current sources with the project's own build script.
    execFileSync(process.execPath, ['scripts/build.mjs', 'electron'], { cwd: ROOT, stdio: 'pipe' });
    tmp = makeTempDir('briefing-main-');
    // The fake drives the app once its menu is installed, the last step of startup.
    run = await runMain(tmp.dir);
    if (run.stderr.includes('xhr-sync-worker')) {
      throw new Error(
        'dist/electron/main.js crashes at load: esbuild bundled jsdom, whose XMLHttpRequest module calls ' +
          'require.resolve("./xhr-sync-worker.js") relative to the bundle. Add "jsdom" to `external` in scripts/build.mjs ' +
          '(it is a production dependency, so the packaged app has it in node_modules).',
      );
    }
  }, 120_000);
  afterAll(() => tmp?.remove());

  it('loads and exits cleanly', () => {
    expect(run.trace.checks.driveError, run.stderr).toBeUndefined();
    expect(run.code, run.stderr).toBe(0);
    expect(
      callIndex(run.trace, 'dialog.showErrorBox'),
      JSON.stringify(run.trace.calls.find((c) => c[0] === 'dialog.showErrorBox')),
    ).toBe(-1);
  });

  it('registers app:// as a standard, secure scheme before the app is ready, and sandboxes every renderer', () => {
    expect(run.trace.schemes?.beforeReady).toBe(true);
    expect(run.trace.schemes?.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as object },
    ]);
    expect(run.trace.sandbox).toBe(true);
  });

  it('moves the user-data folder before taking the single-instance lock', () => {
    const setPath = run.trace.calls.find((c) => c[0] === 'app.setPath');
    expect(setPath).toEqual(['app.setPath', 'userData', tmp.dir]);
    expect(callIndex(run.trace, 'app.setPath')).toBeLessThan(callIndex(run.trace, 'app.requestSingleInstanceLock'));
    expect(run.trace.calls.find((c) => c[0] === 'app.requestSingleInstanceLock')).toEqual([
      'app.requestSingleInstanceLock',
      tmp.dir,
    ]);
  });

  it('opens the library in the user-data folder and seeds the sample', async () => {
    const library = createLibrary({ dbPath: join(tmp.dir, 'library.db'), logError: () => {} });
    try {
      expect((await library.invoke('library.info', {})).counts).toMatchObject({ sources: 1, claims: 4, briefs: 1 });
    } finally {
      library.close();
    }
  });

  it('reads imported documents in the worker bundled beside main.js (the sample above went through it)', async () => {
    const worker = new Worker(join(ROOT, 'dist/electron/extractionWorker.cjs'));
    try {
      const page =
        '<html><head><title>Harbour</title></head><body><p>Three ships docked.</p><script>alert(1)</script></body></html>';
      worker.postMessage({ base64: Buffer.from(page).toString('base64'), fileName: 'harbour.html' });
      expect((await once(worker, 'message'))[0]).toMatchObject({
        ok: true,
        extracted: {
          title: 'Harbour',
          text: 'Three ships docked.',
          format: 'html',
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
        },
      });
      worker.postMessage({ base64: Buffer.from([0x48, 0xc3, 0x28]).toString('base64'), fileName: 'latin1.txt' });
      expect((await once(worker, 'message'))[0]).toMatchObject({
        ok: false,
        error: { code: 'UNSUPPORTED_FILE', message: expect.stringContaining('not UTF-8') as string },
      });
    } finally {
      await worker.terminate();
    }
  });

  it('registers exactly one IPC handler per contract method, answering only the app page', () => {
    expect([...run.trace.ipcChannels].sort()).toEqual(METHODS.map((m) => `briefing:invoke:${m}`).sort());
    expect(run.trace.checks.ipcTrusted).toMatchObject({ ok: true, value: { path: join(tmp.dir, 'library.db') } });
    expect(run.trace.checks.ipcUntrusted).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
  });

  it('creates one hardened main window with the built preload, loading app://renderer/index.html', () => {
    const mainWindows = run.trace.windows.filter((w) => !w.options.webPreferences.partition);
    expect(mainWindows).toHaveLength(1); // (the export below adds a short-lived print window)
    const [window] = mainWindows;
    expect(window!.loadedUrl).toBe('app://renderer/index.html');
    expect(window!.options.webPreferences).toMatchObject({
      preload: join(ROOT, 'dist/electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(existsSync(join(ROOT, 'dist/electron/preload.cjs'))).toBe(true);
  });

  it('serves dist/renderer through app:// with the CSP and refuses traversal', () => {
    const built = existsSync(join(ROOT, 'dist/renderer/index.html'));
    expect(run.trace.checks.protocolIndex.status).toBe(built ? 200 : 404);
    expect(run.trace.checks.protocolIndex.csp).toBe(RENDERER_CSP);
    expect(run.trace.checks.protocolTraversal).toBeGreaterThanOrEqual(400);
  });

  it('guards the window’s web contents and hardens the session', () => {
    expect(run.trace.checks).toMatchObject({
      navigationPrevented: true,
      windowOpen: { action: 'deny' },
      webviewPrevented: true,
      mediaPermission: false,
      httpBlocked: true,
      dictionaryUrl: NO_DICTIONARY_DOWNLOAD_URL,
    });
  });

  it('exports a PDF through the Electron printer: hidden sandboxed print window, own session, no-script CSP, cleaned up', () => {
    const { checks } = run.trace;
    expect(checks.exportPdfWithPagePath).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(checks.exportPdf, JSON.stringify(checks.exportPdf)).toMatchObject({ ok: true, value: { exported: true } });
    expect(readFileSync(checks.exportPdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The path the page sent was ignored: only the save dialog's choice was written.
    expect(existsSync(checks.exportPdfFile.replace(/sample\.pdf$/, 'chosen-by-the-page.pdf'))).toBe(false);
    const printWindow = run.trace.windows.find((w) => w.options.webPreferences.partition === 'briefing-print')!;
    expect(printWindow.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      spellcheck: false,
      devTools: false,
    });
    expect(printWindow.options.webPreferences.preload).toBeUndefined();
    expect(printWindow.loadedUrl).toMatch(/^app:\/\/print\/[A-Za-z0-9_-]+\.html$/);
    const load = (run.trace as unknown as { printLoad: { status: number; csp: string; html: string } }).printLoad;
    expect(load.status).toBe(200);
    expect(load.csp).toBe(PRINT_CSP);
    expect(load.html).toMatch(/<!doctype html>/i);
    const pdfOptions = (run.trace as unknown as { printToPDF: Record<string, unknown> }).printToPDF;
    expect(pdfOptions).toMatchObject({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: false,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    expect(run.trace.calls).toContainEqual(['window.destroy', 'briefing-print']);
    expect(checks.printDocumentAfterExport).toBe(404); // forgotten once printed
  });

  it('installs the application menu', () => {
    const labels = run.trace.menu!.map((m) => m.label);
    expect(labels).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', '&Window']));
    const ids = run.trace.menu!.flatMap((m) => m.submenu ?? []).map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'new-brief',
        'import-source',
        'export-pdf',
        'reveal-library',
        'backup-library',
        'find',
        'dark-mode',
        'about',
      ]),
    );
  });

  it('as a second instance, quits at once without opening the library or a window', async () => {
    const second = makeTempDir('briefing-main-second-');
    try {
      const { trace } = await runMain(second.dir, { FAKE_ELECTRON_SECOND_INSTANCE: '1' });
      expect(callIndex(trace, 'app.quit')).toBeGreaterThan(-1);
      expect(trace.windows).toHaveLength(0);
      expect(trace.ipcChannels).toHaveLength(0);
      expect(existsSync(join(second.dir, 'library.db'))).toBe(false);
    } finally {
      second.remove();
    }
  });
});
