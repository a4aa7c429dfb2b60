// The main window: built by the hardened factory, loaded from app://renderer, shown when ready,
// with its size, position, maximized state and theme remembered in the user-data folder.
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { RENDERER_ENTRY_URL } from './appUrl';
import { createHardenedWindow } from './hardenedWindow';
import {
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  saveWindowState,
  windowStatePath,
  type ThemeSource,
  type WindowState,
} from './windowState';

export interface MainWindowOptions {
  preloadPath: string;
  userDataDir: string;
  devTools: boolean;
  /** Linux/Windows window icon (macOS uses the bundle's). */
  iconPath?: string;
  log: (message: string) => void;
}

export interface MainWindow {
  window: BrowserWindow;
  /** Switches light/dark (nativeTheme.themeSource) and remembers the choice. */
  setTheme: (theme: ThemeSource) => void;
}

/** Creates, places and loads the main window. */
export function createMainWindow(options: MainWindowOptions): MainWindow {
  const stateFile = windowStatePath(options.userDataDir);
  const state: WindowState = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  nativeTheme.themeSource = state.theme;

  const window = createHardenedWindow(BrowserWindow, {
    kind: 'main',
    preloadPath: options.preloadPath,
    devTools: options.devTools,
    frame: {
      title: 'Briefing Composer',
      width: state.width,
      height: state.height,
      ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
      minWidth: MIN_WIDTH,
      minHeight: MIN_HEIGHT,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1d1f23' : '#ffffff',
      ...(options.iconPath ? { icon: options.iconPath } : {}),
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    state.width = bounds.width;
    state.height = bounds.height;
    state.x = bounds.x;
    state.y = bounds.y;
    state.maximized = window.isMaximized();
    try {
      saveWindowState(stateFile, state);
    } catch (error) {
      options.log(`could not save the window state: ${String(error)}`);
    }
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    clearTimeout(saveTimer);
    save();
  });

  window.webContents.on('render-process-gone', (_event, details) => options.log(`renderer gone: ${details.reason}`));
  void window.loadURL(RENDERER_ENTRY_URL);

  return {
    window,
    setTheme(theme) {
      nativeTheme.themeSource = theme;
      state.theme = theme;
      save();
    },
  };
}
