// The application menu as data: standard roles (so each OS gets its native behaviour and
// shortcuts) plus the app's own commands. Built from plain callbacks, so tests check every item
// and accelerator without Electron; menu.ts turns it into a real Menu.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './menuCommands';

export interface MenuActions {
  /** Asks the renderer to run a command (the `menu.command` event). */
  command: (command: MenuCommand) => void;
  /** Native open dialog, then the `import-source` command with the picked files. */
  importSource: () => void;
  revealLibrary: () => void;
  backupLibrary: () => void;
  toggleDarkMode: () => void;
  showAbout: () => void;
}

export interface MenuEnvironment {
  platform: NodeJS.Platform;
  appName: string;
  /** The current theme, for the checkbox. */
  darkMode: boolean;
  /** Development builds get Reload and DevTools; packaged builds do not. */
  development: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The full menu bar for `env.platform`. */
export function buildMenuTemplate(actions: MenuActions, env: MenuEnvironment): MenuItemConstructorOptions[] {
  const mac = env.platform === 'darwin';
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: `About ${env.appName}`,
    click: () => actions.showAbout(),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: env.appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-brief', label: 'New Brief', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-brief') },
      { id: 'import-source', label: 'Import Source…', accelerator: 'CmdOrCtrl+O', click: () => actions.importSource() },
      {
        id: 'export-pdf',
        label: 'Export PDF…',
        accelerator: 'CmdOrCtrl+Shift+E',
        click: () => actions.command('export-pdf'),
      },
      separator,
      {
        id: 'reveal-library',
        label: mac ? 'Reveal Library File in Finder' : 'Reveal Library File',
        click: () => actions.revealLibrary(),
      },
      { id: 'backup-library', label: 'Back Up Library…', click: () => actions.backupLibrary() },
      { id: 'restore-backup', label: 'Restore from Backup…', click: () => actions.command('restore-backup') },
      separator,
      mac ? { role: 'close' } : { role: 'quit', label: 'E&xit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      { id: 'find', label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => actions.command('find') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      {
        id: 'dark-mode',
        label: 'Dark Mode',
        type: 'checkbox',
        checked: env.darkMode,
        accelerator: 'CmdOrCtrl+Shift+D',
        click: () => actions.toggleDarkMode(),
      },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(env.development ? [separator, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = { role: 'help', label: '&Help', submenu: mac ? [] : [about] };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, ...(mac ? [] : [helpMenu])];
}
