// The backups of one open library: the daily backup on open and while in use, manual
// backups, the list, and restoring while the library is open (close, swap, reopen).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Output } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { listBackups, removeWithCompanions, type BackupFile } from '../../db/backupFiles';
import { openLibraryDatabase, type OpenedLibrary, type OpenOptions } from '../../db/connection';
import { createServiceContext, type ServiceContext } from '../context';
import { DAY_MS, takeDailyBackupIfDue, type AutomaticBackupSettings } from './automaticBackups';
import { writeBackup } from './onlineBackup';
import { installRestoredCopy, prepareRestoreCopy } from './restore';

/** How often an open library checks whether its daily backup is due. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface BackupServiceOptions extends OpenOptions {
  /** Where a failed automatic backup is reported (it never interrupts the user). */
  logError: (error: unknown) => void;
}

export interface BackupService {
  /** The daily backup started when the library was opened: the new backup, or null if none was due. */
  automaticBackup: Promise<BackupFile | null>;
  /** Copies the open library with the online backup API to `outFile` (which must not exist). */
  backup: (outFile: string) => Promise<Output<'library.backup'>>;
  list: () => Output<'library.backups'>;
  /** Restores the open library from `backupFile`: waits for running backups, closes, swaps, reopens. */
  restore: (backupFile: string) => Promise<Output<'library.restore'>>;
  /** Resolves when no backup of this library is running. */
  whenIdle: () => Promise<void>;
  /** Stops the daily check and closes the library (stamped closed cleanly). */
  close: () => void;
}

export function createBackupService(
  ctx: ServiceContext,
  opened: OpenedLibrary,
  options: BackupServiceOptions,
): BackupService {
  const settings: AutomaticBackupSettings = {
    dbPath: opened.path,
    backupDir: opened.backupDir,
    keepBackups: opened.keepBackups,
    now: ctx.now,
    nativeBinding: options.nativeBinding,
  };
  const running = new Set<Promise<unknown>>();
  /** Remembers a backup until it settles, so restore and tests can wait for it. */
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    const forget = () => running.delete(work);
    work.then(forget, forget);
    return work;
  };
  let closed = false;

  const daily = (): Promise<BackupFile | null> =>
    track(
      takeDailyBackupIfDue(settings).catch((error: unknown) => {
        // A library that is gone (its folder removed, say) has nothing left to back up.
        if (!closed || existsSync(settings.dbPath)) options.logError(error);
        return null;
      }),
    );

  const automaticBackup = opened.created ? Promise.resolve(null) : daily();
  const timer = setInterval(() => void daily(), Math.min(CHECK_EVERY_MS, DAY_MS));
  timer.unref();

  async function whenIdle(): Promise<void> {
    while (running.size > 0) await Promise.allSettled([...running]);
  }

  /** Opens the library file again, with the options it was opened with. */
  function openAgain(): OpenedLibrary {
    return openLibraryDatabase(settings.dbPath, {
      ...options,
      backupDir: settings.backupDir,
      keepBackups: settings.keepBackups,
      now: ctx.now,
    });
  }

  /** Points every repository at the new connection (handlers read `ctx` at call time). */
  function useConnection(next: OpenedLibrary): void {
    Object.assign(ctx, createServiceContext(next.db, next.path, ctx.now));
  }

  return {
    automaticBackup,

    backup(outFile) {
      return track(
        (async () => {
          const target = resolve(outFile);
          if (target === resolve(settings.dbPath))
            throw new AppError('INVALID_INPUT', 'A backup cannot overwrite the library it copies.');
          if (existsSync(target))
            throw new AppError(
              'CONFLICT',
              `${target} already exists; choose a new file name so no earlier backup is overwritten.`,
            );
          try {
            mkdirSync(dirname(target), { recursive: true });
            await writeBackup(ctx.db, target, { nativeBinding: options.nativeBinding });
          } catch (error) {
            if (error instanceof AppError) throw error;
            throw new AppError('INVALID_INPUT', `Cannot write a backup to ${target}: ${(error as Error).message}.`);
          }
          return { path: target, bytes: statSync(target).size, createdAt: ctx.now() };
        })(),
      );
    },

    list() {
      return {
        directory: settings.backupDir,
        keep: settings.keepBackups,
        backups: listBackups(settings.dbPath, settings.backupDir),
      };
    },

    async restore(backupFile) {
      if (closed) throw new AppError('NOT_AVAILABLE', 'The library is closed.');
      await whenIdle();
      // From here on everything is synchronous: no other call can use the library half-way.
      const restoreOptions = {
        latestSchemaVersion: opened.schemaVersion,
        backupDir: settings.backupDir,
        nativeBinding: options.nativeBinding,
        now: ctx.now,
      };
      const prepared = prepareRestoreCopy(settings.dbPath, backupFile, restoreOptions); // a bad backup stops here, nothing changed
      try {
        ctx.db.close();
        let installed;
        try {
          installed = installRestoredCopy(settings.dbPath, prepared, restoreOptions, openAgain);
        } catch (error) {
          useConnection(openAgain()); // the library was not replaced, or was put back: carry on with it
          throw error;
        }
        useConnection(installed.opened);
        return { ...installed.result, schemaVersion: installed.opened.schemaVersion };
      } finally {
        if (existsSync(prepared.copy)) removeWithCompanions(prepared.copy);
      }
    },

    whenIdle,

    close() {
      closed = true;
      clearInterval(timer);
      if (ctx.db.open) ctx.db.close();
    },
  };
}
