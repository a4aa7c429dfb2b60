// Looking at a library file before trusting it: its header, its size, its companions (-wal,
// -journal) and SQLite's own quick check — without writing a byte of it. What is wrong is
// said in a sentence that names the latest backup and the command that restores it.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { statSync, type Stats } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { latestBackup, type BackupFile } from './backupFiles';
import {
  APPLICATION_ID_IN_USE,
  HEADER_BYTES,
  LIBRARY_APPLICATION_IDS,
  isSqliteHeader,
  parseHeader,
  readFileStart,
} from './sqliteHeader';

/** What is wrong with a library file that we refuse to open. */
export type LibraryProblem = 'not-sqlite' | 'foreign' | 'truncated' | 'damaged' | 'missing-wal' | 'orphan-wal';

/**
 * A library file that cannot be opened safely. Nothing was written to it; `backup` is the
 * newest backup beside it (or null). The message names it together with the command that
 * restores it (for the CLI); `reason` is what is wrong without that command (for the app,
 * which offers the backup with a button instead).
 */
export class DamagedLibraryError extends AppError {
  constructor(
    readonly problem: LibraryProblem,
    readonly dbPath: string,
    readonly backup: BackupFile | null,
    readonly reason: string,
    message: string,
  ) {
    super('DATABASE_CORRUPT', message);
  }

  /** The path of the newest backup beside the library, or null. */
  get latestBackup(): string | null {
    return this.backup?.path ?? null;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** What a file that is not a SQLite database seems to be, for the error message. */
function describeForeignBytes(start: Buffer): string {
  const ascii = start.toString('latin1');
  if (start.length === 0) return 'it is empty';
  if (ascii.startsWith('%PDF')) return 'it looks like a PDF document';
  if (ascii.startsWith('PK\x03\x04')) return 'it looks like a ZIP archive (or an Office document)';
  if (ascii.startsWith('\x89PNG')) return 'it looks like a PNG image';
  if (ascii.startsWith('SQLite format')) return 'its SQLite header is damaged';
  const printable = [...start].filter(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2,
  ).length;
  if (printable / start.length > 0.95) {
    if (/^\s*</.test(ascii)) return 'it looks like an HTML or XML document';
    if (/^\s*[[{]/.test(ascii)) return 'it looks like a JSON file';
    return 'it looks like a text file';
  }
  return 'its first bytes are not a SQLite header (the file holds other data or random bytes)';
}

/** Quotes a path for a shell command line if it needs quoting. */
export function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `"${path.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** When a backup was made, as people read it: "2026-11-26 19:30:05 UTC". */
export function formatBackupTime(createdAt: string): string {
  return createdAt.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

/** The sentence that offers the latest backup, or says there is none. */
export function offerBackup(dbPath: string, backup: BackupFile | null): string {
  if (!backup) {
    return `No backup was found beside it; if you have a copy of the library, restore it with: briefing restore FILE --db ${shellQuote(dbPath)}`;
  }
  const shown = relative(dirname(dbPath), backup.path) || backup.fileName;
  const shownPath = shown.startsWith('..') ? backup.path : shown;
  return `Open the latest backup (${shownPath}, made ${formatBackupTime(backup.createdAt)}) with: briefing restore ${shellQuote(backup.path)} --db ${shellQuote(dbPath)}`;
}

export interface InspectOptions {
  /** The newest schema version this build reads. */
  latest: number;
  /** Where this library's backups are kept (to name the latest one). */
  backupDir: string;
  nativeBinding?: string;
}

export interface InspectedLibrary {
  /** False when there is no file (or an empty one): a new library will be created. */
  existed: boolean;
  /** user_version; 0 for a new library. */
  version: number;
}

/**
 * Decides whether the file at `dbPath` may be opened, without writing to it. Throws a
 * DamagedLibraryError (DATABASE_CORRUPT) or DATABASE_NEWER with a sentence a person can act
 * on; returns the schema version otherwise.
 *
 * No -wal or -journal with content: SQLite is asked through a read-write connection that only
 * reads — SQLite writes a database file only to commit, checkpoint or roll back a journal, and
 * with no journal there is nothing to checkpoint or roll back; as the last connection it removes
 * the empty -wal and -shm it made. (A read-only connection would leave them behind, and this
 * build of SQLite has no URI filenames for `immutable=1`.) With a -wal or -journal that has
 * content, a read-only connection reads it, so a damaged file never gets a checkpoint.
 */
export function inspectLibraryFile(dbPath: string, options: InspectOptions): InspectedLibrary {
  const name = basename(dbPath);
  const refuse = (problem: LibraryProblem, what: string, lastResort = ''): never => {
    const backup = latestBackup(dbPath, options.backupDir);
    const reason = `${what} The file was left untouched.`;
    throw new DamagedLibraryError(
      problem,
      dbPath,
      backup,
      reason,
      `${reason} ${offerBackup(dbPath, backup)}${lastResort}`,
    );
  };

  const main = statOrNull(dbPath);
  const walSize = statOrNull(`${dbPath}-wal`)?.size ?? null;
  const journalSize = statOrNull(`${dbPath}-journal`)?.size ?? null;
  if (!main || (main.isFile() && main.size === 0)) {
    if (walSize !== null && walSize > 0) {
      refuse(
        'orphan-wal',
        `The library ${name} is missing or empty, but its write-ahead log (${name}-wal, ${walSize.toLocaleString('en')} bytes) is still there: creating a new library beside it would lose or damage that data.`,
      );
    }
    return { existed: false, version: 0 };
  }
  if (!main.isFile()) refuse('not-sqlite', `${name} is not a Briefing Composer library: it is a folder, not a file.`);

  const start = readFileStart(dbPath);
  if (!isSqliteHeader(start))
    refuse('not-sqlite', `${name} is not a Briefing Composer library: ${describeForeignBytes(start)}.`);
  if (main.size < HEADER_BYTES)
    refuse(
      'truncated',
      `The library ${name} is cut short: it is only ${main.size} bytes long, too short even for its header.`,
    );
  const header = parseHeader(start);
  if (header.pageSize < 512 || header.pageSize > 65536 || (header.pageSize & (header.pageSize - 1)) !== 0) {
    refuse('damaged', `The library ${name} is damaged: its header is garbled (page size ${header.pageSize}).`);
  }
  if (!LIBRARY_APPLICATION_IDS.has(header.applicationId)) {
    refuse(
      'foreign',
      `${name} is not a Briefing Composer library: it is a SQLite database of another program (application id 0x${(header.applicationId >>> 0).toString(16)}).`,
    );
  }

  const walHasContent = walSize !== null && walSize > 0;
  const journalHasContent = journalSize !== null && journalSize > 0;
  if (!walHasContent && !journalHasContent) {
    // Complete on its own, so its size must agree with its header.
    const expected = header.pageCountValid ? header.pageCount * header.pageSize : null;
    if (main.size % header.pageSize !== 0 || (expected !== null && main.size < expected)) {
      const should =
        expected !== null
          ? `its header says ${expected.toLocaleString('en')} (${header.pageCount.toLocaleString('en')} pages of ${header.pageSize.toLocaleString('en')} bytes)`
          : `it should be a whole number of ${header.pageSize.toLocaleString('en')}-byte pages`;
      refuse(
        'truncated',
        `The library ${name} is cut short: it is ${main.size.toLocaleString('en')} bytes, but ${should}.`,
      );
    }
    if (header.walMode && header.applicationId === APPLICATION_ID_IN_USE && walSize === null) {
      refuse(
        'missing-wal',
        `The library ${name} was not closed cleanly and its write-ahead log (${name}-wal) is missing: changes saved since its last checkpoint may not be in this file. If you have ${name}-wal (for example in the folder you copied the library from), put it back beside ${name} and open it again.`,
        `. To keep the library as this file has it instead, run: briefing restore ${shellQuote(dbPath)} --db ${shellQuote(dbPath)}`,
      );
    }
  }

  let probe: Db | undefined;
  try {
    const nativeBinding = options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding };
    probe =
      walHasContent || journalHasContent
        ? new Database(dbPath, { readonly: true, fileMustExist: true, ...nativeBinding })
        : new Database(dbPath, { fileMustExist: true, ...nativeBinding });
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > options.latest) {
      throw new AppError(
        'DATABASE_NEWER',
        `${name} was written by a newer version of Briefing Composer (library version ${version}; this app reads up to ${options.latest}). Update the app to open it; the file was left untouched.`,
      );
    }
    if (version === 0 && (probe.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) > 0) {
      refuse('foreign', `${name} is not a Briefing Composer library: it is a SQLite database of another program.`);
    }
    const problems = (probe.pragma('quick_check(20)') as Array<{ quick_check: string }>).map((row) => row.quick_check);
    if (problems[0] !== 'ok') {
      const more = problems.length > 1 ? ` and ${problems.length - 1}${problems.length === 20 ? '+' : ''} more` : '';
      refuse('damaged', `The library ${name} is damaged: SQLite's check found "${problems[0]}"${more}.`);
    }
    return { existed: true, version };
  } catch (error) {
    if (error instanceof AppError) throw error;
    return refuse('damaged', `The library ${name} is damaged: SQLite cannot read it (${(error as Error).message}).`);
  } finally {
    probe?.close();
  }
}
