// Automatic rolling backups: at most one a day while the library is in use, the newest N of
// each kind kept, in the backups folder beside the library.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultBackupDir, listBackups, newBackupPath, pruneBackups, type BackupFile } from '../../db/backupFiles';
import { connectionOptions } from '../../db/connection';
import { writeBackup } from './onlineBackup';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A partial backup this recent is another process's backup in progress. */
const IN_PROGRESS_MS = 10 * 60 * 1000;
/** A partial backup this old was abandoned by a process that stopped; it is removed. */
const ABANDONED_MS = DAY_MS;

export interface AutomaticBackupSettings {
  dbPath: string;
  backupDir: string;
  keepBackups: number;
  now: () => string;
  nativeBinding?: string;
}

/** True when the newest backup of the library is 24 hours old or more (or there is none). */
export function isDailyBackupDue(dbPath: string, backupDir: string, nowIso: string): boolean {
  const newest = listBackups(dbPath, backupDir)[0];
  if (!newest) return true;
  // A clock that jumped far back must not stop backups for good.
  return Math.abs(Date.parse(nowIso) - Date.parse(newest.createdAt)) >= DAY_MS;
}

/** True if another process is writing a backup into the folder right now; removes abandoned partial files. */
function backupInProgress(backupDir: string, nowMs: number): boolean {
  let busy = false;
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return false;
  }
  for (const name of names) {
    if (!/^\..+\.partial(-wal|-shm|-journal)?$/.test(name)) continue;
    const path = join(backupDir, name);
    try {
      const age = nowMs - statSync(path).mtimeMs;
      if (age < IN_PROGRESS_MS) busy = true;
      else if (age > ABANDONED_MS) rmSync(path, { force: true });
    } catch {
      // Gone meanwhile.
    }
  }
  return busy;
}

/**
 * Takes the daily backup if one is due: through its own connection (so closing the app's
 * connection does not cut it short, and a one-shot CLI run lets it finish before exiting),
 * with the online backup API, then rotates. Resolves to the new backup, or null if none was
 * due or another process is already taking one.
 */
export async function takeDailyBackupIfDue(settings: AutomaticBackupSettings): Promise<BackupFile | null> {
  const nowIso = settings.now();
  if (!isDailyBackupDue(settings.dbPath, settings.backupDir, nowIso)) return null;
  if (backupInProgress(settings.backupDir, Date.now())) return null;
  mkdirSync(settings.backupDir, { recursive: true });
  const target = newBackupPath(settings.dbPath, settings.backupDir, 'daily', nowIso);
  const source = new Database(settings.dbPath, connectionOptions(settings.nativeBinding, { fileMustExist: true }));
  try {
    source.pragma('query_only = 1');
    await writeBackup(source, target, { nativeBinding: settings.nativeBinding });
  } finally {
    source.close();
  }
  pruneBackups(settings.dbPath, settings.backupDir, settings.keepBackups);
  return listBackups(settings.dbPath, settings.backupDir).find((b) => b.path === target) ?? null;
}

/** A new file name in the backups folder for a backup someone asked for (never rotated away). */
export function newManualBackupPath(
  dbPath: string,
  nowIso = new Date().toISOString(),
  backupDir = defaultBackupDir(dbPath),
): string {
  return newBackupPath(dbPath, backupDir, 'manual', nowIso);
}
