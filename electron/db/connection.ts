// Opening a library file: refuse what we must not touch, migrate what is ours, and set the
// pragmas that make every acknowledged commit durable.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenOptions {
  /** Where the pre-migration backup goes; default: a `backups` folder beside the library. */
  backupDir?: string;
  /** The schema history to apply; the app's own by default (tests pass a longer one to exercise upgrades). */
  migrations?: readonly Migration[];
}

export interface OpenedLibrary {
  db: Db;
  path: string;
  schemaVersion: number;
  /** The backup taken before migrating, if a migration ran on an existing library. */
  migrationBackup: string | null;
}

/** The folder beside a library where its backups are kept. */
export function defaultBackupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/**
 * Opens (creating if absent) the library at `dbPath` and brings it to the current schema.
 * A file that is not a SQLite database, is damaged, or was written by a newer version of the
 * app is refused with an AppError and left byte-for-byte as it was.
 */
export function openLibraryDatabase(dbPath: string, options: OpenOptions = {}): OpenedLibrary {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]!.version;
  const existed = existsSync(dbPath) && statSync(dbPath).size > 0;
  let fromVersion = 0;
  if (existed) fromVersion = inspectExistingLibrary(dbPath, latest);

  mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    applyPragmas(db);
    let migrationBackup: string | null = null;
    if (existed && fromVersion < latest) {
      migrationBackup = backupBeforeMigration(db, dbPath, fromVersion, options.backupDir ?? defaultBackupDir(dbPath));
    }
    migrate(db, migrations, fromVersion);
    return { db, path: dbPath, schemaVersion: latest, migrationBackup };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Reads an existing file without writing to it: header, health and schema version. */
function inspectExistingLibrary(dbPath: string, latest: number): number {
  const header = Buffer.alloc(16);
  const fd = openSync(dbPath, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new AppError('DATABASE_CORRUPT', `${basename(dbPath)} is not a Briefing Composer library (it is not a SQLite database). The file was left untouched.`);
  }
  let probe: Db | undefined;
  try {
    probe = new Database(dbPath, { readonly: true, fileMustExist: true });
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      throw new AppError(
        'DATABASE_NEWER',
        `${basename(dbPath)} was written by a newer version of Briefing Composer (library version ${version}; this app reads up to ${latest}). Update the app to open it; the file was left untouched.`,
      );
    }
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new AppError('DATABASE_CORRUPT', `${basename(dbPath)} is damaged (${String(check)}). The file was left untouched; restore a backup.`);
    }
    return version;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('DATABASE_CORRUPT', `${basename(dbPath)} cannot be read as a library (${(error as Error).message}). The file was left untouched.`);
  } finally {
    probe?.close();
  }
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 leaves WAL at NORMAL, which can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const synchronous = db.pragma('synchronous', { simple: true });
  const foreignKeys = db.pragma('foreign_keys', { simple: true });
  if (synchronous !== 2 || foreignKeys !== 1) {
    throw new AppError('INTERNAL', `The library could not be opened safely (synchronous=${String(synchronous)}, foreign_keys=${String(foreignKeys)}).`);
  }
}

function backupBeforeMigration(db: Db, dbPath: string, fromVersion: number, backupDir: string): string {
  mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(backupDir, `${basename(dbPath, '.db')}-v${fromVersion}-before-migration-${stamp}.db`);
  db.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
  return target;
}

/** Applies each pending migration in its own transaction together with its user_version. */
function migrate(db: Db, migrations: readonly Migration[], fromVersion: number): void {
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
