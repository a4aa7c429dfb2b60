// The Electron main process: lifecycle only. It hardens every session and web contents, opens
// the library (createLibrary: all business logic lives in electron/services), seeds the sample
// library on first run, registers IPC, and shows the one main window. Nothing else happens here.
import { app, BrowserWindow, session, shell } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClosedLibrary, type ClosedLibrary } from '../services/createClosedLibrary';
import { createLibrary, type Library, type LibraryOptions } from '../services/createLibrary';
import { LIBRARY_FILE_NAME, PRODUCT_NAME } from '../services/paths';
import { seedSampleLibrary } from '../services/sample/seedSampleLibrary';
import { askBeforeWindow, chooseExportFile, showStartupError } from './dialogs';
import { openLibraryOrRecover } from './libraryRecovery';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { bindingForRun } from './native/nativeBinding';
import { createElectronPrinter } from './printer';
import { registerAppSchemePrivileges, serveRenderer } from './protocol';
import { guardAllWebContents, hardenSession } from './security';
import { userDataOverride } from './userDataDir';
import { createMainWindow, type MainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url)); // dist/electron
const PRELOAD_PATH = join(here, 'preload.cjs');
const RENDERER_ROOT = join(here, '..', 'renderer');
const log = (message: string) => console.log(`[briefing] ${message}`);

// ── before ready ───────────────────────────────────────────────────────────────────────────
app.setName(PRODUCT_NAME);
const userData = userDataOverride(process.argv, process.env);
if (userData) app.setPath('userData', userData); // before the single-instance lock, which is per user-data folder
registerAppSchemePrivileges();
app.enableSandbox();
guardAllWebContents(log);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns this library; it focuses its window (second-instance below).
  app.quit();
} else {
  let mainWindow: MainWindow | null = null;
  let library: Library | null = null;

  app.on('second-instance', () => {
    const window = mainWindow?.window;
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    library?.close();
    library = null;
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, log);
      serveRenderer(session.defaultSession, RENDERER_ROOT, log);
      app.setAboutPanelOptions({
        applicationName: PRODUCT_NAME,
        applicationVersion: app.getVersion(),
        version: `Electron ${process.versions.electron}`,
        copyright: 'Offline analysis workbench — nothing leaves this computer.',
      });

      const dbPath = join(app.getPath('userData'), LIBRARY_FILE_NAME);
      const opened = await openLibraryOrRecover(
        dbPath,
        () => openLibrary(dbPath),
        askBeforeWindow,
        () => openLibraryFile(dbPath),
      );
      if (!opened.library) {
        app.quit();
        return;
      }
      library = opened.library;
      if (opened.restored)
        log(
          `the damaged library was replaced by ${opened.restored.restoredFrom} and kept as ${opened.restored.replacedFile}`,
        );
      try {
        const seeded = await seedSampleLibrary(library);
        if (seeded) log(`sample library created in ${dbPath}`);
      } catch (error) {
        log(`the sample library could not be created: ${String(error)}`); // never fatal: the library itself is fine
      }

      const lib = library;
      registerIpcHandlers(lib, log);
      const devTools = !app.isPackaged;
      const showMainWindow = () => {
        mainWindow = createMainWindow({
          preloadPath: PRELOAD_PATH,
          userDataDir: app.getPath('userData'),
          devTools,
          iconPath: windowIcon(),
          log,
        });
        mainWindow.window.on('closed', () => (mainWindow = null));
      };
      showMainWindow();
      installApplicationMenu({
        getWindow: () => mainWindow?.window ?? null,
        library: lib,
        dbPath,
        setTheme: (theme) => mainWindow?.setTheme(theme),
        development: devTools,
      });
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) showMainWindow();
      });
    })
    .catch((error: unknown) => {
      showStartupError('Briefing Composer could not start', String((error as Error)?.stack ?? error));
      app.quit();
    });
}

const logInternalError = (error: unknown) => console.error('[briefing] internal error:', error);

/** Opens the library with the app's printer and, in a checkout, the Electron build of better-sqlite3. */
function openLibrary(dbPath: string): Library {
  const options: LibraryOptions = {
    dbPath,
    printer: createElectronPrinter(log),
    chooseExportFile: (suggestedName) => chooseExportFile(BrowserWindow.getFocusedWindow(), suggestedName),
    revealFile: (path) => shell.showItemInFolder(path),
    resourcesDir: join(app.getAppPath(), 'resources'),
    logError: logInternalError,
  };
  const nativeBinding = electronNativeBinding();
  if (nativeBinding !== undefined) options.nativeBinding = nativeBinding;
  return createLibrary(options);
}

/** The library file's table (restoring a backup when the library will not open), on the same better-sqlite3 build. */
function openLibraryFile(dbPath: string): ClosedLibrary {
  return createClosedLibrary({ dbPath, nativeBinding: electronNativeBinding(), logError: logInternalError });
}

/** In a checkout, the Electron build of better-sqlite3 (an error if it was never made); undefined when packaged. */
function electronNativeBinding(): string | undefined {
  const nativeBinding = bindingForRun({
    isPackaged: app.isPackaged,
    appRoot: app.getAppPath(),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
    sqliteVersion: installedVersion('better-sqlite3'),
  });
  if (nativeBinding !== undefined && !existsSync(nativeBinding)) {
    throw new Error(
      `The Electron build of better-sqlite3 is missing (${nativeBinding}). Run "npm run native:electron" once (it needs the network).`,
    );
  }
  return nativeBinding;
}

function installedVersion(pkg: string): string {
  try {
    return (
      JSON.parse(readFileSync(join(app.getAppPath(), 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return 'unknown';
  }
}

/** The window icon on Linux and Windows in a checkout; packaged apps use the installer's icon. */
function windowIcon(): string | undefined {
  const icon = join(app.getAppPath(), 'resources', 'icons', '512x512.png');
  return process.platform !== 'darwin' && existsSync(icon) ? icon : undefined;
}
