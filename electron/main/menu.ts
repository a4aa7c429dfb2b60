// The application menu: the template from ./menuTemplate.ts wired to Electron — commands go to
// the renderer as `menu.command` events; library items run here with native dialogs.
import { app, Menu, nativeTheme, shell, type BrowserWindow } from 'electron';
import type { AppErrorPayload } from '../../shared/api/errors';
import { toEnvelope } from '../../shared/api/bridge';
import { chooseBackupFile, chooseImportFiles, showError, showInfo } from './dialogs';
import { readImportFile, type ImportFilePayload } from './importFiles';
import type { LibraryInvoker } from './ipcHandler';
import { sendEvent } from './ipc';
import type { MenuCommandPayload } from './menuCommands';
import { buildMenuTemplate } from './menuTemplate';
import type { ThemeSource } from './windowState';

export interface MenuContext {
  getWindow: () => BrowserWindow | null;
  library: LibraryInvoker;
  dbPath: string;
  setTheme: (theme: ThemeSource) => void;
  development: boolean;
}

/** Builds and installs the menu; call again to refresh checkmarks (e.g. after the theme changes). */
export function installApplicationMenu(context: MenuContext): void {
  const template = buildMenuTemplate(
    {
      command(command) {
        const payload: MenuCommandPayload = { command };
        sendEvent(context.getWindow()?.webContents, 'menu.command', payload);
      },
      importSource() {
        void importFromMenu(context);
      },
      revealLibrary() {
        shell.showItemInFolder(context.dbPath);
      },
      backupLibrary() {
        void backUpLibrary(context);
      },
      toggleDarkMode() {
        context.setTheme(nativeTheme.shouldUseDarkColors ? 'light' : 'dark');
        installApplicationMenu(context);
      },
      showAbout() {
        app.showAboutPanel();
      },
    },
    {
      platform: process.platform,
      appName: app.name,
      darkMode: nativeTheme.shouldUseDarkColors,
      development: context.development,
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** "Import Source…": native open dialog, then the renderer imports the files as if picked in the page. */
async function importFromMenu(context: MenuContext): Promise<void> {
  const parent = context.getWindow();
  const paths = await chooseImportFiles(parent);
  if (paths.length === 0) return;
  const files: ImportFilePayload[] = [];
  for (const path of paths) {
    try {
      files.push(await readImportFile(path));
    } catch (error) {
      await showError(parent, 'This file cannot be imported.', (error as Error).message);
    }
  }
  if (files.length === 0) return;
  const payload: MenuCommandPayload = { command: 'import-source', files };
  sendEvent(parent?.webContents, 'menu.command', payload);
}

/** "Back Up Library…": native save dialog, then library.backup (online backup, integrity-checked). */
async function backUpLibrary(context: MenuContext): Promise<void> {
  const parent = context.getWindow();
  const outFile = await chooseBackupFile(parent);
  if (!outFile) return;
  const envelope = await toEnvelope(() => context.library.invokeUnknown('library.backup', { outFile }, 'trusted'));
  if (envelope.ok) {
    const { path, bytes } = envelope.value as { path: string; bytes: number };
    await showInfo(
      parent,
      'The library was backed up.',
      `${path}\n${(bytes / 1024 / 1024).toFixed(1)} MB, integrity checked.`,
    );
  } else {
    const error: AppErrorPayload = envelope.error;
    await showError(parent, 'The library could not be backed up.', error.message);
  }
}
