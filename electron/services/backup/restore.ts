// Restoring a library from a backup: check the backup on a private copy first, keep the
// library it replaces beside it under a new name (never deleted), and swap the names so that
// at every moment the library's path holds either the old file or the restored one.
import Database from 'better-sqlite3';
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Output } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { fileStamp, fsyncPath, removeWithCompanions } from '../../db/backupFiles';
import { connectionOptions, openLibraryDatabase, type OpenOptions } from '../../db/connection';
import { inspectLibraryFile } from '../../db/fileHealth';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations';
import {
  APPLICATION_ID_CLOSED,
  LIBRARY_APPLICATION_IDS,
  isSqliteHeader,
  parseHeader,
  readFileStart,
} from '../../db/sqliteHeader';

export interface RestoreOptions {
  /** The newest schema version this build reads (a newer backup is refused). */
  latestSchemaVersion?: number;
  backupDir?: string;
  nativeBinding?: string;
  now?: () => string;
}

export interface PreparedRestore {
  /** The checked private copy of the backup, in the library's folder, ready to be renamed into place. */
  copy: string;
  restoredFrom: string;
  backupSchemaVersion: number;
}

export interface RestoreResult {
  path: string;
  restoredFrom: string;
  replacedFile: string | null;
  backupSchemaVersion: number;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;
/** Tables every library version has; a file without them is not a library backup. */
const LIBRARY_TABLES = ['sources', 'source_versions', 'claims', 'claim_revisions', 'briefs', 'citations'];

function stem(dbPath: string): string {
  return basename(dbPath).replace(/\.db$/i, '');
}

function uniquePath(candidate: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const path = candidate(n);
    if (!existsSync(path) && SIDE_FILES.every((s) => !existsSync(`${path}${s}`))) return path;
  }
}

/**
 * Copies `backupFile` beside the library and checks the copy: a SQLite file, a Briefing
 * Composer library no newer than this app, passing `integrity_check`. The copy is made
 * self-contained and stamped closed. Nothing else is touched; on any failure the copy is
 * removed and an AppError says what is wrong with the backup.
 */
export function prepareRestoreCopy(dbPath: string, backupFile: string, options: RestoreOptions = {}): PreparedRestore {
  const source = resolve(backupFile);
  const latest = options.latestSchemaVersion ?? LATEST_SCHEMA_VERSION;
  const name = basename(source);
  let size: number;
  try {
    const stat = statSync(source);
    if (!stat.isFile()) throw new AppError('INVALID_INPUT', `${source} is a folder, not a backup file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', `There is no backup file at ${source}.`);
  }
  const start = size > 0 ? readFileStart(source) : Buffer.alloc(0);
  if (start.length < 100 || !isSqliteHeader(start))
    throw new AppError(
      'INVALID_INPUT',
      `${name} is not a Briefing Composer backup (it is not a SQLite database); nothing was changed.`,
    );
  if (!LIBRARY_APPLICATION_IDS.has(parseHeader(start).applicationId)) {
    throw new AppError(
      'INVALID_INPUT',
      `${name} is not a Briefing Composer backup (it is a SQLite database of another program); nothing was changed.`,
    );
  }

  const folder = dirname(resolve(dbPath));
  mkdirSync(folder, { recursive: true });
  const stamp = fileStamp(options.now?.() ?? new Date().toISOString());
  const copy = uniquePath((n) => join(folder, `.${basename(dbPath)}.restoring-${stamp}${n > 1 ? `-${n}` : ''}`));
  try {
    copyFileSync(source, copy, constants.COPYFILE_EXCL);
    // A copy of a library taken while it was open brings its write-ahead log along.
    if (existsSync(`${source}-wal`) && statSync(`${source}-wal`).size > 0)
      copyFileSync(`${source}-wal`, `${copy}-wal`, constants.COPYFILE_EXCL);
    const db = new Database(copy, connectionOptions(options.nativeBinding, { fileMustExist: true }));
    let backupSchemaVersion: number;
    try {
      backupSchemaVersion = db.pragma('user_version', { simple: true }) as number;
      if (backupSchemaVersion > latest) {
        throw new AppError(
          'DATABASE_NEWER',
          `${name} was made by a newer version of Briefing Composer (library version ${backupSchemaVersion}; this app reads up to ${latest}); nothing was changed.`,
        );
      }
      const tables = new Set(
        db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[],
      );
      if (backupSchemaVersion < 1 || LIBRARY_TABLES.some((t) => !tables.has(t))) {
        throw new AppError(
          'INVALID_INPUT',
          `${name} is not a Briefing Composer backup (it holds no library); nothing was changed.`,
        );
      }
      const problems = (db.pragma('integrity_check(5)') as Array<{ integrity_check: string }>).map(
        (r) => r.integrity_check,
      );
      if (problems[0] !== 'ok') {
        throw new AppError(
          'DATABASE_CORRUPT',
          `The backup ${name} is damaged (SQLite's check found "${problems[0]}"); nothing was changed. Try an older backup.`,
        );
      }
      db.pragma('journal_mode = DELETE');
      db.pragma(`application_id = ${APPLICATION_ID_CLOSED}`);
    } finally {
      db.close();
    }
    fsyncPath(copy);
    return { copy, restoredFrom: source, backupSchemaVersion };
  } catch (error) {
    removeWithCompanions(copy);
    if (error instanceof AppError) throw error;
    throw new AppError(
      'DATABASE_CORRUPT',
      `The backup ${name} is damaged (SQLite cannot read it: ${(error as Error).message}); nothing was changed. Try an older backup.`,
    );
  }
}

/**
 * Makes sure no other connection (another app window, a `briefing` command) has the library
 * open: only a sole connection may leave WAL mode, so switching to a rollback journal doubles
 * as the test — and leaves the file that is about to be kept aside whole, with no -wal.
 */
function ensureNotOpenElsewhere(dbPath: string, nativeBinding: string | undefined): void {
  const db = new Database(dbPath, connectionOptions(nativeBinding, { fileMustExist: true, timeout: 1000 }));
  try {
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error('still in WAL mode'), { code: 'SQLITE_BUSY' });
  } catch (error) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: string }).code))) {
      throw new AppError(
        'NOT_AVAILABLE',
        `${basename(dbPath)} is open in another program (Briefing Composer or a briefing command). Close it and restore again; nothing was changed.`,
      );
    }
    throw error;
  } finally {
    db.close();
  }
}

/** Renames the library (and any -wal/-shm/-journal) to `<name>.replaced-<time>.db`; the library's own path is never left empty. */
function keepAside(dbPath: string, nowIso: string): string {
  const stamp = fileStamp(nowIso);
  const replaced = uniquePath((n) =>
    join(dirname(dbPath), `${stem(dbPath)}.replaced-${stamp}${n > 1 ? `-${n}` : ''}.db`),
  );
  for (const suffix of SIDE_FILES)
    if (existsSync(`${dbPath}${suffix}`)) renameSync(`${dbPath}${suffix}`, `${replaced}${suffix}`);
  try {
    linkSync(dbPath, replaced); // the next rename then replaces the library's name atomically
  } catch {
    renameSync(dbPath, replaced); // no hard links on this file system
  }
  return replaced;
}

/**
 * Puts a prepared copy in place of the closed library at `dbPath`, keeping the old file aside.
 * A healthy library is first checked to be closed everywhere; a damaged one is never opened
 * for writing, only renamed.
 */
export function swapInRestoredCopy(
  dbPath: string,
  prepared: PreparedRestore,
  options: RestoreOptions = {},
): RestoreResult {
  const nowIso = options.now?.() ?? new Date().toISOString();
  let replacedFile: string | null = null;
  const current = existsSync(dbPath) ? statSync(dbPath) : null;
  if (current && current.size > 0) {
    let healthy = false;
    try {
      inspectLibraryFile(dbPath, {
        latest: Number.MAX_SAFE_INTEGER,
        backupDir: options.backupDir ?? join(dirname(dbPath), 'backups'),
        nativeBinding: options.nativeBinding,
      });
      healthy = true;
    } catch {
      // Damaged, or not a library: nothing may write to it; it is only renamed.
    }
    if (healthy) ensureNotOpenElsewhere(dbPath, options.nativeBinding);
    replacedFile = keepAside(dbPath, nowIso);
  } else {
    // An empty or missing library: any stray -wal/-shm must not be applied to the restored file.
    for (const suffix of SIDE_FILES) {
      if (existsSync(`${dbPath}${suffix}`)) {
        replacedFile ??= keepAside(dbPath, nowIso);
      }
    }
  }
  renameSync(prepared.copy, dbPath);
  fsyncPath(dirname(resolve(dbPath)));
  return {
    path: dbPath,
    restoredFrom: prepared.restoredFrom,
    replacedFile,
    backupSchemaVersion: prepared.backupSchemaVersion,
  };
}

/**
 * Swaps the prepared copy in and opens the restored library with `open` (which brings an older
 * backup up to date). If it will not open, the replaced library is put back, the restored copy
 * is kept as `<name>.failed-restore-<time>.db`, and an AppError says so. The same steps whether
 * the library was open until now (the app) or was never opened (a damaged library, the CLI).
 */
export function installRestoredCopy<T>(
  dbPath: string,
  prepared: PreparedRestore,
  options: RestoreOptions,
  open: () => T,
): { result: RestoreResult; opened: T } {
  const result = swapInRestoredCopy(dbPath, prepared, options);
  try {
    return { result, opened: open() };
  } catch (error) {
    const failed = undoRestore(result, options.now?.() ?? new Date().toISOString());
    throw new AppError(
      'INTERNAL',
      `The restored library would not open (${(error as Error).message}), so ${result.replacedFile ? 'the previous library was put back' : 'nothing was put in its place'}. The restored copy is kept as ${failed}.`,
    );
  }
}

/**
 * Restores the library at `libraryPath` without ever opening the file it replaces (it may be
 * damaged, missing, or from a newer app): checks the backup, swaps it in, then opens the
 * restored library once — to bring an older backup up to date and prove it opens — and closes
 * it again. Opening it here starts no daily backup; that is the open library's business.
 */
export function restoreClosedLibrary(
  libraryPath: string,
  backupFile: string,
  options: OpenOptions = {},
): Output<'library.restore'> {
  const dbPath = resolve(libraryPath);
  const migrations = options.migrations ?? MIGRATIONS;
  const restoreOptions: RestoreOptions = { ...options, latestSchemaVersion: migrations.at(-1)!.version };
  const prepared = prepareRestoreCopy(dbPath, backupFile, restoreOptions);
  try {
    const { result, opened } = installRestoredCopy(dbPath, prepared, restoreOptions, () =>
      openLibraryDatabase(dbPath, options),
    );
    opened.close();
    return { ...result, schemaVersion: opened.schemaVersion };
  } finally {
    if (existsSync(prepared.copy)) removeWithCompanions(prepared.copy);
  }
}

/** Undoes a swap whose restored library would not open: the replaced file goes back to its place. */
export function undoRestore(result: RestoreResult, nowIso: string): string {
  const failed = uniquePath((n) =>
    join(dirname(result.path), `${stem(result.path)}.failed-restore-${fileStamp(nowIso)}${n > 1 ? `-${n}` : ''}.db`),
  );
  for (const suffix of ['', ...SIDE_FILES])
    if (existsSync(`${result.path}${suffix}`)) renameSync(`${result.path}${suffix}`, `${failed}${suffix}`);
  if (result.replacedFile) {
    for (const suffix of SIDE_FILES)
      if (existsSync(`${result.replacedFile}${suffix}`))
        renameSync(`${result.replacedFile}${suffix}`, `${result.path}${suffix}`);
    renameSync(result.replacedFile, result.path);
  }
  return failed;
}
