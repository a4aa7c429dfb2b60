// Restore from backup in the app: File › Restore from Backup… lists the library's backups, the
// analyst picks one and confirms, and the library is the backup again — while the library it
// replaced is kept beside it as a file. The page names the backup only; it never sends a path.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newManualBackupPath } from '../../electron/services/backup/automaticBackups';
import { appErrors, expectAccessible } from './support';
import { useApp } from './useApp';

describe('restore from backup', () => {
  const app = useApp();
  let page: Page;
  let backupName: string;

  beforeAll(async () => {
    page = app.page;
    const lib = app.library;
    // An older backup first (its time is in its name), so the list's order is visible.
    await lib.invoke('library.backup', { outFile: newManualBackupPath(app.dbPath, '2020-01-05T08:00:00.000Z') });
    await lib.invoke('claims.create', { statement: 'The ferry resumed service on 3 June.', credibility: 2 });
    const backup = await lib.invoke('library.backup', { outFile: newManualBackupPath(app.dbPath) });
    backupName = basename(backup.path);
    // Work done after the backup: the restore must take the library back to before it.
    await lib.invoke('claims.create', { statement: 'A second ferry was seen at Korsund on 5 June.', credibility: 3 });
    await app.emit('library.changed');
  });

  it('lists the backups, newest first, with when and what kind', async () => {
    await app.emit('menu.command', { command: 'restore-backup' });
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.waitFor();
    const items = dialog.locator('.backup-list__item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.first().textContent()).toContain('Made by hand');
    // Newest first: the older backup, from 2020, is last.
    expect(await items.first().textContent()).not.toContain('2020');
    expect(await items.last().textContent()).toContain('2020');
    await expectAccessible(page, 'restore from backup dialog');
  });

  it('asks before replacing, and Back changes nothing', async () => {
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.getByRole('radio').first().check();
    await dialog.getByRole('button', { name: 'Restore…' }).click();
    await expect.poll(() => dialog.textContent()).toContain('will not be in the restored library');
    await dialog.getByRole('button', { name: 'Back' }).click();
    expect((await app.library.invoke('library.info', {})).counts.claims).toBe(2);
  });

  it('replaces the library with the backup, keeps the replaced one, and says so after reloading', async () => {
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.getByRole('button', { name: 'Restore…' }).click();
    await dialog.getByRole('button', { name: 'Replace library' }).click();
    await page.getByText('Library restored').waitFor({ timeout: 20_000 });
    expect((await app.library.invoke('library.info', {})).counts.claims).toBe(1);
    // The replaced library is kept as a file beside it, with the work done after the backup.
    const replaced = readdirSync(dirname(app.dbPath)).filter((name) => /\.replaced-.*\.db$/.test(name));
    expect(replaced).toHaveLength(1);
    expect(await page.locator('.toast').filter({ hasText: 'Library restored' }).textContent()).toContain(replaced[0]!);
    expect(existsSync(join(dirname(app.dbPath), 'backups', backupName))).toBe(true);
    await page.getByRole('tab', { name: 'Claim library' }).click();
    await expect
      .poll(() => page.locator('#pane-context').textContent())
      .toContain('The ferry resumed service on 3 June.');
    expect(await page.locator('#pane-context').textContent()).not.toContain('A second ferry');
  });

  it('refuses a backup name from the page that is not in the backups folder', async () => {
    const result = await page.evaluate(() =>
      window.briefing!.invoke('library.restore', { backupName: 'library-elsewhere.db' }).then(
        () => 'restored',
        (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
      ),
    );
    expect(result).toMatch(/^NOT_FOUND: There is no backup called “library-elsewhere.db”/);
    // A path from the page is dropped before the library sees it, as in the app.
    const byPath = await page.evaluate(() =>
      window.briefing!.invoke('library.restore', { backupFile: '/tmp/elsewhere.db' } as never).then(
        () => 'restored',
        (error: { code?: string }) => String(error.code),
      ),
    );
    expect(byPath).toBe('INVALID_INPUT');
    expect(appErrors(app)).toEqual([]);
  });
});
