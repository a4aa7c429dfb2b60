// Backups: rolling automatic backups (daily while in use, before every migration, the newest
// N kept) made with the online backup API; backing up while another process writes; restoring
// from the app (library.restore, while open) and the CLI, which keeps the replaced library.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { APPLICATION_ID_CLOSED } from '../../electron/db/sqliteHeader';
import { copyWithOnlineBackup } from '../../electron/services/backup/onlineBackup';
import { createLibrary, type Library } from '../../electron/services/createLibrary';
import { api } from '../../shared/api/contract';
import { expectAppError } from '../helpers/expectAppError';
import { makeTempDir, type TempDir } from '../helpers/tempDir';
import { cli, fillLibrary, listing, sha256 } from './support';
import { checkLibrary, emptyAckedState, recordAck, type AckedState } from './verifyLibrary';
import { bundleWriter, startWriter, within, type WriterChild } from './writerProcess';

let temp: TempDir;
afterEach(() => {
  vi.useRealTimers();
  temp?.remove();
});

const HOUR = 60 * 60 * 1000;

/** A clock the test moves by hand. */
function manualClock(start: string) {
  let time = Date.parse(start);
  return { now: () => new Date(time).toISOString(), advance: (ms: number) => (time += ms) };
}

/** Asserts a file is a finished backup: one self-contained file (rollback journal), stamped closed, intact. */
function expectFinishedBackup(path: string) {
  const header = readFileSync(path).subarray(0, 100);
  expect([header[18], header[19]], `${basename(path)} needs no -wal`).toEqual([1, 1]);
  expect(header.readInt32BE(68)).toBe(APPLICATION_ID_CLOSED);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
}

const countsOf = (db: Database.Database) => ({
  claims: db.prepare('SELECT count(*) FROM claims').pluck().get() as number,
  revisions: db.prepare('SELECT count(*) FROM claim_revisions').pluck().get() as number,
  briefs: db.prepare('SELECT count(*) FROM briefs').pluck().get() as number,
});

describe('automatic backups', () => {
  it('are taken on open at most once a day, also while the library stays open, and only the newest N are kept', async () => {
    temp = makeTempDir();
    const dbPath = temp.path('library.db');
    const clock = manualClock('2026-03-01T09:00:00.000Z');
    const open = () =>
      createLibrary({
        dbPath,
        now: clock.now,
        keepBackups: 3,
        logError: (e) => {
          throw e;
        },
      });

    const fresh = await fillLibrary(dbPath, 5, { now: clock.now, keepBackups: 3 });
    expect(await fresh.automaticBackup).toBeNull(); // a new library has nothing to protect yet
    fresh.close();

    let library = open();
    const first = await library.automaticBackup;
    expect(first).toMatchObject({
      kind: 'daily',
      createdAt: '2026-03-01T09:00:00.000Z',
      fileName: 'library-2026-03-01T09-00-00-000Z-daily.db',
      schemaVersion: 1,
    });
    expect(first!.path).toBe(join(temp.dir, 'backups', first!.fileName));
    expectFinishedBackup(first!.path);
    library.close();

    clock.advance(23 * HOUR);
    library = open();
    expect(await library.automaticBackup).toBeNull(); // not a day yet
    library.close();

    // Kept open for days, the library still backs itself up once a day.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    library = open();
    expect(await library.automaticBackup).toBeNull();
    for (let day = 1; day <= 4; day++) {
      clock.advance(24 * HOUR);
      vi.advanceTimersByTime(HOUR);
      await library.whenIdle();
    }
    const { backups, keep, directory } = await library.invoke('library.backups', {});
    library.close();
    expect(directory).toBe(join(temp.dir, 'backups'));
    expect(keep).toBe(3);
    expect(backups.map((b) => b.createdAt)).toEqual([
      '2026-03-06T08:00:00.000Z',
      '2026-03-05T08:00:00.000Z',
      '2026-03-04T08:00:00.000Z',
    ]);
    expect(backups.every((b) => b.kind === 'daily' && b.schemaVersion === 1)).toBe(true);
    expect(listing(join(temp.dir, 'backups'))).toEqual(backups.map((b) => b.fileName).sort()); // no partial files left behind
    for (const backup of backups) expectFinishedBackup(backup.path);
  });

  it('are taken before every migration (VACUUM INTO), at the old version, and rotated apart from the daily ones', async () => {
    temp = makeTempDir();
    const dbPath = temp.path('library.db');
    const clock = manualClock('2026-04-01T12:00:00.000Z');
    (await fillLibrary(dbPath, 10, { now: clock.now })).close();

    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test-add-note',
      up: (db) => db.exec('ALTER TABLE claims ADD COLUMN note TEXT'),
    };
    clock.advance(HOUR);
    const upgraded = createLibrary({
      dbPath,
      now: clock.now,
      keepBackups: 1,
      migrations: [...MIGRATIONS, next],
      logError: () => {},
    });
    expect(await upgraded.automaticBackup).toBeNull(); // the migration backup is today's backup
    const [beforeMigration] = (await upgraded.invoke('library.backups', {})).backups;
    expect(beforeMigration).toMatchObject({
      kind: 'before-migration',
      schemaVersion: 1,
      fileName: 'library-2026-04-01T13-00-00-000Z-v1-before-migration.db',
    });
    expectFinishedBackup(beforeMigration!.path);
    upgraded.close();

    // Two daily backups later (keep = 1), the migration backup is still there.
    for (let day = 1; day <= 2; day++) {
      clock.advance(25 * HOUR);
      const library = createLibrary({
        dbPath,
        now: clock.now,
        keepBackups: 1,
        migrations: [...MIGRATIONS, next],
        logError: () => {},
      });
      expect(await library.automaticBackup).toMatchObject({ kind: 'daily', schemaVersion: MIGRATIONS.length + 1 });
      library.close();
    }
    expect(readdirSync(temp.path('backups')).sort()).toEqual([
      beforeMigration!.fileName,
      'library-2026-04-03T15-00-00-000Z-daily.db',
    ]);
  });

  it('refuses a number of backups to keep that is not a whole number of at least 1', () => {
    temp = makeTempDir();
    for (const keepBackups of [0, -1, 2.5]) {
      expect(() => createLibrary({ dbPath: temp.path('library.db'), keepBackups })).toThrowError(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    }
  });
});

describe('backing up while another process writes, and restoring', () => {
  let writerBundle: { script: string; remove: () => void };
  beforeAll(async () => {
    writerBundle = await bundleWriter();
  });
  afterAll(() => writerBundle?.remove());

  it('copies a consistent snapshot, refuses to restore under the writer, and restores with the row counts of the backup', async () => {
    temp = makeTempDir();
    const dbPath = temp.path('library.db');
    // Big enough (~1,500 pages) that the copy takes many steps.
    const library = createLibrary({ dbPath, logError: () => {} });
    library.context.db.transaction(() => {
      for (let i = 0; i < 1500; i++) {
        const created = library.handlers['claims.create'](
          api['claims.create'].input.parse({
            statement: `Bulk claim ${i} ${'about the northern convoy route '.repeat(60)}`,
          }),
        );
        // One transaction around all of them holds only if the handler finishes before it returns.
        if (created instanceof Promise)
          throw new Error('claims.create is asynchronous; it cannot run in a transaction');
      }
    })();

    const writer: WriterChild = startWriter(writerBundle.script, dbPath, 42);
    const acked: AckedState = emptyAckedState();
    const ackedSoFar = () => {
      const state = emptyAckedState();
      for (const ack of writer.acks) recordAck(state, ack);
      return state;
    };
    try {
      await within(
        (async () => {
          while (writer.acks.length < 50) await new Promise((resolve) => setTimeout(resolve, 10));
        })(),
        30_000,
        `the writer's first 50 commits; stderr: ${writer.stderr()}`,
      );

      // 1. The app's backup (library.backup: the online backup API) while the other process commits.
      const before = ackedSoFar();
      const createdBefore = writer.acks.filter((a) => a.op === 'create').length;
      const outFile = temp.path('manual/while-writing.db');
      const made = await library.invoke('library.backup', { outFile });
      const after = ackedSoFar();
      expect(made.path).toBe(outFile);
      expectFinishedBackup(outFile);
      const copy = new Database(outFile); // read-write only so FTS5 can run its integrity check
      const backupCounts = countsOf(copy);
      checkLibrary(copy, before); // every commit acknowledged before the copy began, nothing half-written
      copy.close();
      expect(backupCounts.claims).toBeGreaterThanOrEqual(1500 + createdBefore);
      expect(backupCounts.claims).toBeLessThanOrEqual(1500 + writer.acks.filter((a) => a.op === 'create').length + 1);
      expect(after.count).toBeGreaterThan(before.count); // the writer kept committing during the copy

      // 2. Small steps under a steady writer restart again and again; the copy still finishes.
      const stepwise = temp.path('manual/stepwise.db');
      const { restarts } = await copyWithOnlineBackup(library.context.db, stepwise, { firstStepPages: 1 });
      expect(restarts).toBeGreaterThanOrEqual(1);
      const stepCopy = new Database(stepwise, { readonly: true });
      expect(stepCopy.pragma('integrity_check', { simple: true })).toBe('ok');
      stepCopy.close();

      // 3. Restoring while another process has the library open is refused; nothing changes.
      await expectAppError(
        library.invoke('library.restore', { backupFile: outFile }),
        'NOT_AVAILABLE',
        /library\.db is open in another program .* Close it and restore again; nothing was changed\./,
      );
      expect(readdirSync(temp.dir).filter((f) => f.includes('replaced'))).toEqual([]);
      expect((await library.invoke('library.info', {})).counts.claims).toBeGreaterThan(backupCounts.claims);
    } finally {
      writer.process.kill('SIGKILL');
      await writer.exited;
    }
    for (const ack of writer.acks) recordAck(acked, ack);

    // 4. With the writer gone (killed mid-write), the open library is restored in place.
    const outFile = temp.path('manual/while-writing.db');
    const restored = await library.invoke('library.restore', { backupFile: outFile });
    expect(restored).toMatchObject({ path: dbPath, restoredFrom: outFile, backupSchemaVersion: 1, schemaVersion: 1 });
    expect(basename(restored.replacedFile!)).toMatch(/^library\.replaced-\d{4}-\d\d-\d\dT[\d-]+Z\.db$/);
    expect(library.context.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const backup = new Database(outFile, { readonly: true });
    expect(countsOf(library.context.db)).toEqual(countsOf(backup));
    backup.close();
    // The replaced library is kept, whole, with everything the writer acknowledged.
    const replaced = new Database(restored.replacedFile!, { readonly: true, fileMustExist: true });
    checkLibrary(replaced, acked);
    expect(countsOf(replaced).claims).toBeGreaterThan(countsOf(library.context.db).claims);
    replaced.close();
    // And the restored library works: writes, reads, and reopens.
    const claim = await library.invoke('claims.create', { statement: 'Written after the restore' });
    library.close();
    const reopened = createLibrary({ dbPath, logError: () => {} });
    expect((await reopened.invoke('claims.get', { claimId: claim.id })).statement).toBe('Written after the restore');
    reopened.close();
  }, 120_000);
});

describe('library.restore', () => {
  let library: Library;
  let good: string;
  beforeAll(async () => {
    temp = makeTempDir();
    library = await fillLibrary(temp.path('library.db'), 12);
    good = (await library.invoke('library.backup', { outFile: temp.path('good-backup.db') })).path;
  });
  afterAll(() => library?.close());
  afterEach(() => {
    /* the library and its folder live for the whole block */
  });

  it('refuses a backup that is missing, not SQLite, damaged, foreign or from a newer app, and changes nothing', async () => {
    const notSqlite = temp.path('notes.txt');
    writeFileSync(notSqlite, 'not a database\n'.repeat(100));
    const damaged = temp.path('damaged-backup.db');
    const bytes = readFileSync(good);
    for (let i = 4096 * 2; i < 4096 * 2 + 64; i++) bytes[i]! ^= 0xff;
    writeFileSync(damaged, bytes);
    const foreign = temp.path('foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE moz_places (url TEXT)');
    other.close();
    const newer = temp.path('newer.db');
    copyFileSync(good, newer);
    const future = new Database(newer);
    future.pragma('user_version = 99');
    future.close();

    const before = { files: listing(temp.dir), counts: (await library.invoke('library.info', {})).counts };
    const cases: Array<[string, string, RegExp]> = [
      [temp.path('no-such-backup.db'), 'INVALID_INPUT', /There is no backup file at/],
      [
        notSqlite,
        'INVALID_INPUT',
        /notes\.txt is not a Briefing Composer backup \(it is not a SQLite database\); nothing was changed/,
      ],
      [
        damaged,
        'DATABASE_CORRUPT',
        /The backup damaged-backup\.db is damaged \(SQLite.*\); nothing was changed\. Try an older backup\./,
      ],
      [foreign, 'INVALID_INPUT', /foreign\.db is not a Briefing Composer backup \(it holds no library\)/],
      [
        newer,
        'DATABASE_NEWER',
        /newer\.db was made by a newer version of Briefing Composer \(library version 99; this app reads up to 1\)/,
      ],
    ];
    for (const [backupFile, code, message] of cases) {
      await expectAppError(library.invoke('library.restore', { backupFile }), code, message);
    }
    expect(listing(temp.dir)).toEqual(before.files);
    expect((await library.invoke('library.info', {})).counts).toEqual(before.counts);
  });

  it('restores an older backup and brings it up to the current schema', async () => {
    temp = makeTempDir();
    const dbPath = temp.path('library.db');
    const old = await fillLibrary(dbPath, 3);
    const v1Backup = (await old.invoke('library.backup', { outFile: temp.path('v1.db') })).path;
    old.close();
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test-add-note',
      up: (db) => db.exec('ALTER TABLE claims ADD COLUMN note TEXT'),
    };
    const upgraded = createLibrary({ dbPath, migrations: [...MIGRATIONS, next], logError: () => {} });
    await upgraded.invoke('claims.create', { statement: 'Only in the upgraded library' });
    const restored = await upgraded.invoke('library.restore', { backupFile: v1Backup });
    expect(restored).toMatchObject({ backupSchemaVersion: 1, schemaVersion: MIGRATIONS.length + 1 });
    expect(upgraded.context.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(3);
    expect(upgraded.context.db.prepare('SELECT note FROM claims LIMIT 1').pluck().get()).toBeNull();
    upgraded.close();
  });
});

describe('the CLI', () => {
  it('backs up into the backups folder, lists backups, and restores with exit 0 — or exit 2 and nothing changed', async () => {
    temp = makeTempDir();
    const dbPath = temp.path('library.db');
    (await fillLibrary(dbPath, 7)).close();

    const made = await cli('--db', dbPath, 'backup', '--json');
    expect(made.code).toBe(0);
    const manual = api['library.backup'].output.parse(JSON.parse(made.stdout)).path;
    expect(manual).toMatch(new RegExp(`^${temp.path('backups/library-')}.*-manual\\.db$`));
    expectFinishedBackup(manual);

    const list = await cli('--db', dbPath, 'backup', '--list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`\tmanual\tv1\t`);
    expect(list.stdout).toContain(manual);

    // Change the library, then go back to the backup.
    const library = createLibrary({ dbPath, logError: () => {} });
    await library.invoke('claims.create', { statement: 'Written after the backup' });
    await library.whenIdle();
    library.close();
    const hash = sha256(dbPath);

    const missing = await cli('--db', dbPath, 'restore', temp.path('nope.db'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^briefing: There is no backup file at .*nope\.db\.\n$/);
    writeFileSync(temp.path('notes.txt'), 'just text');
    const wrong = await cli('--db', dbPath, 'restore', temp.path('notes.txt'));
    expect(wrong.code).toBe(2);
    expect(sha256(dbPath)).toBe(hash);
    expect(readdirSync(temp.dir).filter((f) => f.includes('replaced') || f.includes('restoring'))).toEqual([]);

    const restored = await cli('--db', dbPath, 'restore', manual);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      /^Restored .*library\.db from .*-manual\.db\.\nThe library it replaced was kept as .*library\.replaced-.*\.db\.\nIt holds 7 claim\(s\), 1 brief\(s\) and 0 source\(s\)\.\n$/,
    );
    const replaced = readdirSync(temp.dir).find((f) => f.startsWith('library.replaced-'))!;
    expect(sha256(temp.path(replaced))).not.toBe(''); // kept, never deleted
    const kept = new Database(temp.path(replaced), { readonly: true });
    expect(kept.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(8);
    kept.close();
    expect(existsSync(manual)).toBe(true); // the backup itself is only read
  });
});
