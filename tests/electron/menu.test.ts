// The application menu: standard roles (undo/redo, clipboard, zoom, full screen) with their
// native shortcuts, and the app's own commands with theirs; each item runs its action.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MENU_COMMANDS } from '../../electron/main/menuCommands';
import { readImportFile } from '../../electron/main/importFiles';
import { MAX_SOURCE_BYTES } from '../../shared/api/sources';
import { makeTempDir } from '../helpers/tempDir';
import { buildMenuTemplate, type MenuActions, type MenuEnvironment } from '../../electron/main/menuTemplate';

function actions() {
  return {
    command: vi.fn<MenuActions['command']>(),
    importSource: vi.fn<() => void>(),
    revealLibrary: vi.fn<() => void>(),
    backupLibrary: vi.fn<() => void>(),
    toggleDarkMode: vi.fn<() => void>(),
    showAbout: vi.fn<() => void>(),
  } satisfies MenuActions;
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const env = (overrides: Partial<MenuEnvironment> = {}): MenuEnvironment => ({
  platform: 'linux',
  appName: 'Briefing Composer',
  darkMode: false,
  development: false,
  ...overrides,
});
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has the standard edit, zoom and window roles on ${platform}`, () => {
      const roles = flatten(buildMenuTemplate(actions(), env({ platform })))
        .map((item) => item.role)
        .filter(Boolean);
      for (const role of [
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
        'minimize',
      ]) {
        expect(roles, role).toContain(role);
      }
      expect(roles).toContain('quit');
    });
  }

  it('sends the renderer commands with their shortcuts', () => {
    const a = actions();
    const items = flatten(buildMenuTemplate(a, env()));
    const byId = (id: string) => items.find((item) => item.id === id);
    expect(byId('new-brief')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byId('import-source')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byId('export-pdf')?.accelerator).toBe('CmdOrCtrl+Shift+E');
    expect(byId('find')?.accelerator).toBe('CmdOrCtrl+F');
    for (const command of MENU_COMMANDS) click(byId(command));
    // Import goes through the native open dialog first (a relayed menu click is no user gesture in the page).
    expect(a.importSource).toHaveBeenCalledOnce();
    expect(a.command.mock.calls.map((call) => call[0])).toEqual(MENU_COMMANDS.filter((c) => c !== 'import-source'));
  });

  it('has Reveal Library File, Back Up Library…, Dark Mode and About', () => {
    const a = actions();
    const items = flatten(buildMenuTemplate(a, env({ darkMode: true })));
    const byId = (id: string) => items.find((item) => item.id === id);
    click(byId('reveal-library'));
    click(byId('backup-library'));
    click(byId('dark-mode'));
    click(byId('about'));
    expect(a.revealLibrary).toHaveBeenCalledOnce();
    expect(a.backupLibrary).toHaveBeenCalledOnce();
    expect(a.toggleDarkMode).toHaveBeenCalledOnce();
    expect(a.showAbout).toHaveBeenCalledOnce();
    expect(byId('dark-mode')).toMatchObject({ type: 'checkbox', checked: true });
    expect(byId('backup-library')?.label).toBe('Back Up Library…');
    expect(byId('restore-backup')?.label).toBe('Restore from Backup…');
  });

  it('puts About in the app menu on macOS and in Help elsewhere', () => {
    const mac = buildMenuTemplate(actions(), env({ platform: 'darwin' }));
    expect(mac[0]!.label).toBe('Briefing Composer');
    expect(flatten([mac[0]!]).some((item) => item.id === 'about')).toBe(true);
    const linux = buildMenuTemplate(actions(), env({ platform: 'linux' }));
    const help = linux.find((item) => item.role === 'help')!;
    expect(flatten([help]).some((item) => item.id === 'about')).toBe(true);
  });

  it('offers Reload and DevTools only in development builds', () => {
    const roles = (development: boolean) =>
      flatten(buildMenuTemplate(actions(), env({ development }))).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('uses no shortcut twice', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const accelerators = flatten(buildMenuTemplate(actions(), env({ platform, development: true })))
        .map((item) => item.accelerator)
        .filter(Boolean);
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });
});

describe('Import Source… from the menu', () => {
  it('reads the picked file as name + base64, and refuses folders and files over the limit before reading them', async () => {
    const tmp = makeTempDir('briefing-import-');
    try {
      writeFileSync(tmp.path('report.md'), '# Report\n\nمرحبا');
      expect(await readImportFile(tmp.path('report.md'))).toEqual({
        fileName: 'report.md',
        base64: Buffer.from('# Report\n\nمرحبا').toString('base64'),
      });
      writeFileSync(tmp.path('big.txt'), '');
      truncateSync(tmp.path('big.txt'), MAX_SOURCE_BYTES + 1);
      await expect(readImportFile(tmp.path('big.txt'))).rejects.toMatchObject({ code: 'TOO_LARGE' });
      mkdirSync(join(tmp.dir, 'folder.txt'));
      await expect(readImportFile(join(tmp.dir, 'folder.txt'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    } finally {
      tmp.remove();
    }
  });
});
