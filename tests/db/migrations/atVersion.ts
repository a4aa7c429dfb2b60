// Real library files at an older schema version, for the migration tests in this folder.
//
// Adding migration NNN? Add `NNN-<what-it-does>.test.ts` here that starts from version NNN-1
// with data in it: libraryAtVersion(NNN - 1), write() the rows a user would have, migrateTo(NNN),
// then check the rows survived and the new schema is there. (runner.test.ts tests the runner
// itself: order, rollback, backups, files from a newer app.)
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { openLibraryDatabase, type OpenedLibrary } from '../../../electron/db/connection';
import { MIGRATIONS } from '../../../electron/db/migrations';
import type { Migration } from '../../../electron/db/migrations/types';
import { makeTempDir } from '../../helpers/tempDir';

/** Migrations 1..`version` as the app lists them, i.e. the schema history of the build whose newest is `version`. */
export function migrationsUpTo(version: number): Migration[] {
  const history = MIGRATIONS.filter((migration) => migration.version <= version);
  if (version < 0 || (version > 0 && history[history.length - 1]?.version !== version)) {
    const known = MIGRATIONS.map((migration) => migration.version).join(', ');
    throw new Error(`There is no schema version ${version}; the app lists versions ${known}.`);
  }
  return history;
}

export interface LibraryAtVersion {
  /** The library file, alone in a temporary folder. */
  readonly file: string;
  /** Where migrateTo() puts the backup it takes before migrating. */
  readonly backupDir: string;
  /** Writes into the library as it is now (the rows the next migration must keep), in one transaction. */
  write: (change: (db: Db) => void) => void;
  /** Opens the file as a build whose newest migration is `version` would: backup, then the pending migrations. */
  migrateTo: (version: number) => OpenedLibrary;
  /** Closes every library migrateTo() opened and deletes the folder. */
  remove: () => void;
}

/**
 * A real SQLite library file at schema `version`, made by the app's own runner applying
 * migrations 1..version (so it is exactly what that older build left on disk). Version 0 is
 * the empty file SQLite creates before anything is written: what a brand-new library path holds.
 */
export function libraryAtVersion(version: number): LibraryAtVersion {
  const history = migrationsUpTo(version); // first, so a wrong version leaves no folder behind
  const temp = makeTempDir('briefing-migration-');
  const file = temp.path('library.db');
  const backupDir = temp.path('backups');
  const opened: OpenedLibrary[] = [];
  if (version === 0) new Database(file).close();
  else openLibraryDatabase(file, { migrations: history, backupDir }).close();

  return {
    file,
    backupDir,
    write(change) {
      // Rows written into an empty file would make it "a database of another program".
      if (version === 0) throw new Error('A library at version 0 is an empty file: there is no table to write into.');
      const db = new Database(file);
      try {
        db.pragma('foreign_keys = ON'); // as the app writes: test data must be data the app could hold
        db.transaction(() => change(db))();
      } finally {
        db.close();
      }
    },
    migrateTo(to) {
      const library = openLibraryDatabase(file, { migrations: migrationsUpTo(to), backupDir });
      opened.push(library);
      return library;
    },
    remove() {
      for (const library of opened) if (library.db.open) library.close();
      temp.remove();
    },
  };
}
