// Use cases for the library FILE that work without opening it: listing its backups and restoring
// one. They must work on a library that will not open (damaged, missing its -wal, from a newer
// app) — that is when a user needs them — and must not open it: opening would also start the
// daily backup, which a listing could then show half-way or not at all.
import type { Handlers, ParsedInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { BackupFileInfo, LibraryFileMethod } from '../../../shared/api/library';
import { listBackups } from '../../db/backupFiles';
import { defaultBackupDir, resolveKeepBackups, type OpenOptions } from '../../db/connection';
import { restoreClosedLibrary } from '../backup/restore';

export type LibraryFileHandlers = Pick<Handlers, LibraryFileMethod>;

export interface LibraryFileSettings extends OpenOptions {
  dbPath: string;
}

/** The backup file `library.restore` asks for: a path as given, or a backup of the backups folder by its file name. */
export function backupToRestore(input: ParsedInput<'library.restore'>, listed: () => BackupFileInfo[]): string {
  if ('backupFile' in input) return input.backupFile;
  const backup = listed().find((b) => b.fileName === input.backupName);
  if (!backup)
    throw new AppError('NOT_FOUND', `There is no backup called “${input.backupName}” in the backups folder.`);
  return backup.path;
}

/** The handlers for the library at `settings.dbPath`, open elsewhere or not, healthy or not. */
export function createLibraryFileHandlers(settings: LibraryFileSettings): LibraryFileHandlers {
  const backupDir = settings.backupDir ?? defaultBackupDir(settings.dbPath);
  const keep = resolveKeepBackups(settings.keepBackups);
  const list = () => ({ directory: backupDir, keep, backups: listBackups(settings.dbPath, backupDir) });
  return {
    'library.backups': list,
    'library.restore': (input) =>
      restoreClosedLibrary(
        settings.dbPath,
        backupToRestore(input, () => list().backups),
        { ...settings, backupDir, keepBackups: keep },
      ),
  };
}
