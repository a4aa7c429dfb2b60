// The backups folder beside a library: how backup files are named, listed, completed and
// rotated. A backup is written under a hidden partial name, checked, made self-contained
// (rollback journal, no -wal needed), synced, and only then renamed into place — so a file
// with a backup's name is always a complete, checked copy.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { APPLICATION_ID_CLOSED, readHeaderOrNull } from './sqliteHeader';

/** daily: taken at most once a day while the library is in use; before-migration: taken before a schema upgrade; manual: asked for. */
export type BackupKind = 'daily' | 'before-migration' | 'manual';

export interface BackupFile {
  path: string;
  fileName: string;
  kind: BackupKind;
  /** When the backup was taken (ISO 8601, from its name). */
  createdAt: string;
  bytes: number;
  /** The library's schema version inside the backup; null if its header cannot be read. */
  schemaVersion: number | null;
}

/** How many automatic backups of each kind are kept unless the library is opened with another number. */
export const DEFAULT_KEEP_BACKUPS = 7;

/** The rotated kinds; manual backups are never deleted by rotation. */
const ROTATED: readonly BackupKind[] = ['daily', 'before-migration'];

/** The folder beside a library where its backups are kept. */
export function defaultBackupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** The library's file name without `.db`: the prefix of all its backups' names. */
function libraryStem(dbPath: string): string {
  return basename(dbPath).replace(/\.(db|sqlite3?)$/i, '');
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** ISO time as it appears in a file name: `2026-05-01T10-00-00-000Z`. */
export function fileStamp(iso: string): string {
  const date = new Date(iso);
  const safe = Number.isNaN(date.getTime()) ? new Date() : date;
  return safe.toISOString().replace(/[:.]/g, '-');
}

function stampToIso(stamp: string): string {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

function namePattern(dbPath: string): RegExp {
  return new RegExp(
    `^${escapeRegex(libraryStem(dbPath))}-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-(daily|manual|v\\d+-before-migration)(?:-\\d+)?\\.db$`,
  );
}

/**
 * A new, unused path for a backup of `dbPath` taken at `nowIso`:
 * `<stem>-<time>-daily.db`, `<stem>-<time>-v<N>-before-migration.db`, `<stem>-<time>-manual.db`.
 */
export function newBackupPath(
  dbPath: string,
  backupDir: string,
  kind: BackupKind,
  nowIso: string,
  fromVersion?: number,
): string {
  const label = kind === 'before-migration' ? `v${fromVersion ?? 0}-before-migration` : kind;
  const base = `${libraryStem(dbPath)}-${fileStamp(nowIso)}-${label}`;
  let candidate = join(backupDir, `${base}.db`);
  for (let n = 2; existsSync(candidate) || existsSync(partialPathFor(candidate)); n++)
    candidate = join(backupDir, `${base}-${n}.db`);
  return candidate;
}

/** Where a backup is written before it is complete (hidden, never listed as a backup). */
export function partialPathFor(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.partial`);
}

/** Every backup of the library in `backupDir`, newest first. */
export function listBackups(dbPath: string, backupDir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return [];
  }
  const pattern = namePattern(dbPath);
  const backups: BackupFile[] = [];
  for (const fileName of names) {
    const match = pattern.exec(fileName);
    if (!match) continue;
    const path = join(backupDir, fileName);
    let bytes: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      bytes = stat.size;
    } catch {
      continue;
    }
    backups.push({
      path,
      fileName,
      kind: match[2]!.endsWith('before-migration') ? 'before-migration' : (match[2] as BackupKind),
      createdAt: stampToIso(match[1]!),
      bytes,
      schemaVersion: readHeaderOrNull(path)?.userVersion ?? null,
    });
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** The newest backup whose header is a SQLite header, or null. */
export function latestBackup(dbPath: string, backupDir: string): BackupFile | null {
  return listBackups(dbPath, backupDir).find((b) => b.schemaVersion !== null) ?? null;
}

/** Deletes the oldest automatic backups beyond `keep` of each rotated kind; returns what was deleted. */
export function pruneBackups(dbPath: string, backupDir: string, keep: number): string[] {
  const deleted: string[] = [];
  const backups = listBackups(dbPath, backupDir);
  for (const kind of ROTATED) {
    for (const old of backups.filter((b) => b.kind === kind).slice(keep)) {
      try {
        rmSync(old.path);
        deleted.push(old.path);
      } catch {
        // Still there: the next rotation tries again.
      }
    }
  }
  return deleted;
}

/** Flushes a file (or, where the platform allows, a folder entry) to stable storage. */
export function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Folders cannot be opened for syncing on Windows; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Removes a partial file and the -wal/-shm/-journal SQLite may have left beside it. */
export function removeWithCompanions(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Turns a freshly written copy at `partialPath` into a finished backup at `finalPath`:
 * rollback-journal mode (one self-contained file), stamped closed, integrity-checked, synced,
 * renamed atomically. On failure the partial file is removed and nothing appears at `finalPath`.
 */
export function finishBackupFile(
  partialPath: string,
  finalPath: string,
  options: { nativeBinding?: string } = {},
): void {
  try {
    const copy = new Database(partialPath, {
      fileMustExist: true,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
    try {
      copy.pragma('journal_mode = DELETE');
      copy.pragma(`application_id = ${APPLICATION_ID_CLOSED}`);
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw new AppError(
          'INTERNAL',
          `The backup copy failed its integrity check (${String(check)}); it was discarded.`,
        );
    } finally {
      copy.close();
    }
    fsyncPath(partialPath);
    renameSync(partialPath, finalPath);
    fsyncPath(dirname(finalPath));
  } catch (error) {
    removeWithCompanions(partialPath);
    throw error;
  }
}
