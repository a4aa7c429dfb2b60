// Opening a library file: refuse what we must not touch, migrate what is ours, and set the
// pragmas that make every acknowledged commit durable.
import Database from 'better-sqlite3';
import type { Database as Db, Options as DatabaseOptions } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/api/errors';
import {
  DEFAULT_KEEP_BACKUPS,
  defaultBackupDir,
  finishBackupFile,
  newBackupPath,
  partialPathFor,
  pruneBackups,
  removeWithCompanions,
} from './backupFiles';
import { inspectLibraryFile } from './fileHealth';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { APPLICATION_ID_CLOSED, APPLICATION_ID_IN_USE } from './sqliteHeader';

export { defaultBackupDir } from './backupFiles';

export interface OpenOptions {
  /** Where backups go (before migrations, daily, restores); default: a `backups` folder beside the library. */
  backupDir?: string;
  /** How many automatic backups of each kind to keep (the oldest beyond that are deleted); default 7. */
  keepBackups?: number;
  /** The schema history to apply; the app's own by default (tests pass a longer one to exercise upgrades). */
  migrations?: readonly Migration[];
  /** better-sqlite3's compiled addon for this runtime (the Electron build in the app); Node's by default. */
  nativeBinding?: string;
  /** The current time as an ISO string (names backups); injectable so tests can pin it. */
  now?: () => string;
}

export interface OpenedLibrary {
  db: Db;
  path: string;
  schemaVersion: number;
  /** The backup taken before migrating, if a migration ran on an existing library. */
  migrationBackup: string | null;
  /** True when the file did not exist (or was empty) and a new library was created. */
  created: boolean;
  backupDir: string;
  keepBackups: number;
  /** Closes the library, stamping it closed cleanly (`db.close()` does the same). */
  close: () => void;
}

/** The better-sqlite3 options every connection to a library uses: the right native addon. */
export function connectionOptions(nativeBinding: string | undefined, extra: DatabaseOptions = {}): DatabaseOptions {
  return nativeBinding === undefined ? extra : { ...extra, nativeBinding };
}

/** Checks the "backups to keep" setting: a whole number of at least 1. */
export function resolveKeepBackups(keep: number | undefined): number {
  if (keep === undefined) return DEFAULT_KEEP_BACKUPS;
  if (!Number.isInteger(keep) || keep < 1)
    throw new AppError(
      'INVALID_INPUT',
      `The number of backups to keep must be a whole number of at least 1; got ${String(keep)}.`,
    );
  return keep;
}

/**
 * Opens (creating if absent) the library at `dbPath` and brings it to the current schema.
 * A file that is not a SQLite database, is damaged, lacks the -wal that holds its latest
 * commits, or was written by a newer version of the app is refused with an AppError
 * (DamagedLibraryError naming the latest backup, or DATABASE_NEWER) and left byte-for-byte as
 * it was. An existing library is backed up before it is migrated.
 */
export function openLibraryDatabase(dbPath: string, options: OpenOptions = {}): OpenedLibrary {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]!.version;
  const keepBackups = resolveKeepBackups(options.keepBackups);
  const backupDir = options.backupDir ?? defaultBackupDir(dbPath);
  const now = options.now ?? (() => new Date().toISOString());
  const { existed, version: fromVersion } = inspectLibraryFile(dbPath, {
    latest,
    backupDir,
    nativeBinding: options.nativeBinding,
  });

  mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath, connectionOptions(options.nativeBinding));
  let migrationBackup: string | null = null;
  try {
    applyPragmas(db);
    if (existed && fromVersion < latest) {
      migrationBackup = backupBeforeMigration(db, dbPath, fromVersion, {
        backupDir,
        keepBackups,
        now: now(),
        nativeBinding: options.nativeBinding,
      });
    }
    migrate(db, migrations, fromVersion);
    markInUse(db);
  } catch (error) {
    db.close();
    throw error;
  }
  closeCleanlyOnClose(db);
  return {
    db,
    path: dbPath,
    schemaVersion: latest,
    migrationBackup,
    created: !existed,
    backupDir,
    keepBackups,
    close: () => db.close(),
  };
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 leaves WAL at NORMAL, which can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const journalMode = db.pragma('journal_mode', { simple: true });
  const synchronous = db.pragma('synchronous', { simple: true });
  const foreignKeys = db.pragma('foreign_keys', { simple: true });
  if (journalMode !== 'wal' || synchronous !== 2 || foreignKeys !== 1) {
    throw new AppError(
      'INTERNAL',
      `The library could not be opened safely (journal_mode=${String(journalMode)}, synchronous=${String(synchronous)}, foreign_keys=${String(foreignKeys)}).`,
    );
  }
}

/**
 * Copies the library before a migration. This one uses VACUUM INTO rather than the online
 * backup API: opening is synchronous (the API is asynchronous in better-sqlite3) and nothing
 * else may run before the migration does. VACUUM INTO reads one consistent snapshot too; it
 * does not sync its output, so finishBackupFile checks, syncs and renames it.
 */
function backupBeforeMigration(
  db: Db,
  dbPath: string,
  fromVersion: number,
  settings: { backupDir: string; keepBackups: number; now: string; nativeBinding: string | undefined },
): string {
  mkdirSync(settings.backupDir, { recursive: true });
  const target = newBackupPath(dbPath, settings.backupDir, 'before-migration', settings.now, fromVersion);
  const partial = partialPathFor(target);
  removeWithCompanions(partial);
  db.prepare('VACUUM INTO ?').run(partial);
  finishBackupFile(partial, target, { nativeBinding: settings.nativeBinding });
  pruneBackups(dbPath, settings.backupDir, settings.keepBackups);
  return target;
}

/**
 * Applies each pending migration in its own transaction together with its user_version.
 * Foreign keys are off while migrations run: SQLite's way to change a table it cannot ALTER
 * (create the new table, copy, drop the old, rename) fails on the DROP with them on, and the
 * pragma cannot be changed inside a transaction. Instead every migration must pass
 * foreign_key_check before it commits.
 */
function migrate(db: Db, migrations: readonly Migration[], fromVersion: number): void {
  const pending = migrations.filter((migration) => migration.version > fromVersion);
  if (pending.length === 0) return;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      db.transaction(() => {
        migration.up(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new AppError(
            'INTERNAL',
            `Migration ${migration.version} (${migration.name}) would leave ${broken.length} broken reference(s), so it was rolled back.`,
          );
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * Stamps the main file "in use" (see sqliteHeader.ts): written, then checkpointed so the stamp
 * is in the main file itself and travels with any copy of it taken while the -wal matters.
 */
function markInUse(db: Db): void {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID_IN_USE)
    db.pragma(`application_id = ${APPLICATION_ID_IN_USE}`);
  db.pragma('wal_checkpoint(PASSIVE)');
}

/** Libraries open in this process, stamped closed if the process ends without closing them. */
const openLibraries = new Set<Db>();
let exitHookInstalled = false;

function stampClosed(db: Db): void {
  if (!db.open || db.readonly) return;
  try {
    if (db.inTransaction) db.exec('ROLLBACK'); // closing would roll it back anyway
    db.pragma(`application_id = ${APPLICATION_ID_CLOSED}`);
  } catch {
    // Busy or read-only: the stamp stays "in use", which can only err towards a warning.
  }
}

/**
 * Makes every way of closing this connection — OpenedLibrary.close(), Library.close(), a plain
 * db.close(), or the process ending while it is open (better-sqlite3 then closes it, and
 * SQLite checkpoints and removes the -wal) — stamp the library closed first, so a library
 * closed cleanly is never mistaken for one whose -wal went missing. A crash or a kill leaves
 * both the "in use" stamp and the -wal behind, which is consistent.
 */
function closeCleanlyOnClose(db: Db): void {
  const close = db.close.bind(db);
  db.close = function closeCleanly(this: Db) {
    openLibraries.delete(db);
    stampClosed(db);
    return close();
  };
  openLibraries.add(db);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const open of openLibraries) stampClosed(open);
    });
  }
}
