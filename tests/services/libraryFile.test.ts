// The library FILE's handler table (createClosedLibrary): library.backups and library.restore
// over the same contract as the open library, working on a library that will not open and
// never opening the file it lists or replaces.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DamagedLibraryError } from '../../electron/db/fileHealth';
import { MIGRATIONS } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { newManualBackupPath } from '../../electron/services/backup/automaticBackups';
import { createClosedLibrary } from '../../electron/services/createClosedLibrary';
import { createLibrary } from '../../electron/services/createLibrary';
import { AppError } from '../../shared/api/errors';
import { expectAppError } from '../helpers/expectAppError';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

let temp: TempDir;
afterEach(() => temp?.remove());

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const listing = (dir: string) => readdirSync(dir).sort();
const quiet = { logError: () => {} };

/** A library with `claims` claims and one manual backup taken after the first `backedUp` of them. */
async function libraryWithBackup(claims: number, backedUp: number) {
  temp = makeTempDir();
  const dbPath = temp.path('library.db');
  const library = createLibrary({ dbPath, ...quiet });
  let backup = '';
  for (let i = 0; i <= claims; i++) {
    if (i === backedUp)
      backup = (
        await library.invoke('library.backup', { outFile: newManualBackupPath(dbPath, '2026-05-01T10:00:00.000Z') })
      ).path;
    if (i < claims) await library.invoke('claims.create', { statement: `Convoy sighting ${i}` });
  }
  library.close();
  return { dbPath, backup, backupDir: temp.path('backups') };
}

/** Overwrites the library with text, as a sync tool or a careless save might: it will no longer open. */
function damage(dbPath: string) {
  writeFileSync(dbPath, 'Meeting notes\n\nThe convoy left at dawn.\n'.repeat(300));
  expect(() => createLibrary({ dbPath, ...quiet })).toThrowError(DamagedLibraryError);
}

const claimCount = async (dbPath: string) => {
  const library = createLibrary({ dbPath, ...quiet });
  try {
    return (await library.invoke('library.info', {})).counts.claims;
  } finally {
    await library.whenIdle(); // the daily backup opening it may have started
    library.close();
  }
};

describe('the library file’s handler table', () => {
  it('lists the backups of a library that will not open, and touches nothing', async () => {
    const { dbPath, backup, backupDir } = await libraryWithBackup(3, 2);
    damage(dbPath);
    const hash = sha256(dbPath);
    const files = { folder: listing(temp.dir), backups: listing(backupDir) };

    const listed = await createClosedLibrary({ dbPath, ...quiet }).invoke('library.backups', {});
    expect(listed).toMatchObject({ directory: backupDir, keep: 7 });
    expect(listed.backups).toEqual([
      expect.objectContaining({
        path: backup,
        kind: 'manual',
        createdAt: '2026-05-01T10:00:00.000Z',
        schemaVersion: 1,
      }),
    ]);
    expect(sha256(dbPath)).toBe(hash);
    expect({ folder: listing(temp.dir), backups: listing(backupDir) }).toEqual(files);

    // Where there is no library at all, there are no backups, and no library is created.
    const nowhere = join(temp.dir, 'elsewhere', 'library.db');
    expect((await createClosedLibrary({ dbPath: nowhere, ...quiet }).invoke('library.backups', {})).backups).toEqual(
      [],
    );
    expect(existsSync(join(temp.dir, 'elsewhere'))).toBe(false);
  });

  it('restores a damaged library from a backup named as the list names it, keeping the damaged file aside', async () => {
    const { dbPath, backup, backupDir } = await libraryWithBackup(5, 3);
    damage(dbPath);
    const hash = sha256(dbPath);
    const backupsBefore = listing(backupDir);
    const file = createClosedLibrary({ dbPath, ...quiet });
    const [listed] = (await file.invoke('library.backups', {})).backups;

    const restored = await file.invoke('library.restore', { backupName: listed!.fileName });
    expect(restored).toMatchObject({ path: dbPath, restoredFrom: backup, backupSchemaVersion: 1, schemaVersion: 1 });
    expect(restored.replacedFile).toMatch(/\/library\.replaced-[\dT-]+Z\.db$/);
    expect(sha256(restored.replacedFile!)).toBe(hash); // the damaged file, exactly as it was
    expect(listing(backupDir)).toEqual(backupsBefore); // no daily backup was started by restoring
    expect(await claimCount(dbPath)).toBe(3); // the backup's claims, not the five the library had
  });

  it('answers bad input exactly as the open library does: same schemas, same errors', async () => {
    const { dbPath } = await libraryWithBackup(1, 0);
    const open = createLibrary({ dbPath, ...quiet });
    const file = createClosedLibrary({ dbPath, ...quiet });
    const cases: Array<{ input: unknown; caller?: 'page'; code: string; says: RegExp }> = [
      { input: {}, code: 'INVALID_INPUT', says: /./ },
      { input: { backupName: '../library.db' }, code: 'INVALID_INPUT', says: /Give the file name of a backup listed/ },
      { input: { backupName: 'nope.db' }, code: 'NOT_FOUND', says: /There is no backup called “nope\.db”/ },
      { input: { backupFile: '' }, code: 'INVALID_INPUT', says: /Backup file/ },
      // The app's window may never name a file on disk, whichever table answers.
      { input: { backupFile: dbPath }, caller: 'page', code: 'INVALID_INPUT', says: /cannot choose a file on disk/ },
    ];
    try {
      for (const { input, caller, code, says } of cases) {
        const fromOpen = await open.invokeUnknown('library.restore', input, caller).catch((e: unknown) => e);
        const fromFile = await file.invokeUnknown('library.restore', input, caller).catch((e: unknown) => e);
        expect(fromFile, JSON.stringify(input)).toBeInstanceOf(AppError);
        expect((fromFile as AppError).toJSON(), JSON.stringify(input)).toEqual((fromOpen as AppError).toJSON());
        expect((fromFile as AppError).code).toBe(code);
        expect((fromFile as AppError).message).toMatch(says);
      }
    } finally {
      await open.whenIdle();
      open.close();
    }
    expect(listing(temp.dir)).toEqual(['backups', 'library.db']); // nothing restored, nothing kept aside
  });

  it('holds only what works unopened: other methods are NOT_AVAILABLE, unknown ones INVALID_INPUT', async () => {
    temp = makeTempDir();
    const file = createClosedLibrary({ dbPath: temp.path('library.db'), ...quiet });
    await expectAppError(
      file.invokeUnknown('claims.search', { query: 'convoy' }),
      'NOT_AVAILABLE',
      /needs the library open/,
    );
    await expectAppError(file.invokeUnknown('library.format', {}), 'INVALID_INPUT', /There is no method called/);
    expect(listing(temp.dir)).toEqual([]);
  });

  it('brings an older backup up to the current schema, with a backup taken before the migration', async () => {
    const { dbPath, backup, backupDir } = await libraryWithBackup(2, 2);
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test-add-note',
      up: (db) => db.exec('ALTER TABLE claims ADD COLUMN note TEXT'),
    };
    const migrations = [...MIGRATIONS, next];
    createLibrary({ dbPath, migrations, ...quiet }).close(); // the library is now newer than the backup
    const file = createClosedLibrary({ dbPath, migrations, ...quiet });
    const before = (await file.invoke('library.backups', {})).backups.map((b) => b.fileName);

    const restored = await file.invoke('library.restore', { backupFile: backup });
    expect(restored).toMatchObject({ backupSchemaVersion: 1, schemaVersion: next.version });
    const after = await file.invoke('library.backups', {});
    const added = after.backups.filter((b) => !before.includes(b.fileName));
    expect(added).toEqual([expect.objectContaining({ kind: 'before-migration', schemaVersion: 1 })]);
    expect(listing(backupDir)).toContain(added[0]!.fileName);
    const reopened = createLibrary({ dbPath, migrations, ...quiet });
    expect(reopened.context.db.pragma('user_version', { simple: true })).toBe(next.version);
    reopened.close();
  });

  it('refuses to restore a library another connection has open, and changes nothing', async () => {
    const { dbPath, backup } = await libraryWithBackup(2, 1);
    const app = createLibrary({ dbPath, ...quiet });
    await app.whenIdle(); // its daily backup, taken on open
    try {
      const files = listing(temp.dir);
      await expectAppError(
        createClosedLibrary({ dbPath, ...quiet }).invoke('library.restore', { backupFile: backup }),
        'NOT_AVAILABLE',
        /library\.db is open in another program .* nothing was changed/,
      );
      expect(listing(temp.dir)).toEqual(files);
      expect((await app.invoke('library.info', {})).counts.claims).toBe(2);
    } finally {
      app.close();
    }
  });
});
