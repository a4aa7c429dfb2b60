// Copies a library with SQLite's online backup API into a finished, checked backup file.
import type { Database } from 'better-sqlite3';
import { finishBackupFile, partialPathFor, removeWithCompanions } from '../../db/backupFiles';

/** Pages copied per step at first: small steps keep the event loop (and the app) responsive. */
const FIRST_STEP_PAGES = 1024;
/** After this many restarts, the rest is copied in one step, which another writer cannot interrupt. */
const RESTARTS_BEFORE_ONE_STEP = 3;

/**
 * Copies `source` to a new file at `target` with the online backup API. A write through
 * another connection (another process, or the app while a separate connection backs up)
 * makes SQLite restart the copy at its next step; steady writers could starve a stepwise
 * copy forever, so each restart makes the steps larger, and after a few the remaining copy is
 * one step: one read transaction, a consistent snapshot that writers in WAL mode don't block.
 */
export async function copyWithOnlineBackup(
  source: Database,
  target: string,
  options: { firstStepPages?: number } = {},
): Promise<{ restarts: number; totalPages: number }> {
  let pagesPerStep = options.firstStepPages ?? FIRST_STEP_PAGES;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  const result = await source.backup(target, {
    progress({ remainingPages }) {
      // Each step lowers the remaining count unless the copy started over.
      if (remainingPages >= lastRemaining) {
        restarts += 1;
        pagesPerStep = restarts >= RESTARTS_BEFORE_ONE_STEP ? 0x7fffffff : pagesPerStep * 8;
      }
      lastRemaining = remainingPages;
      return pagesPerStep;
    },
  });
  return { restarts, totalPages: result.totalPages };
}

/**
 * Writes a finished backup of `source` at `finalPath` (which must not exist): online backup to
 * a hidden partial file, then finishBackupFile (integrity check, self-contained, synced,
 * renamed). Nothing appears at `finalPath` unless all of that succeeded.
 */
export async function writeBackup(
  source: Database,
  finalPath: string,
  options: { nativeBinding?: string } = {},
): Promise<{ restarts: number }> {
  const partial = partialPathFor(finalPath);
  removeWithCompanions(partial);
  let restarts: number;
  try {
    ({ restarts } = await copyWithOnlineBackup(source, partial));
  } catch (error) {
    removeWithCompanions(partial);
    throw error;
  }
  finishBackupFile(partial, finalPath, options);
  return { restarts };
}
