// Opening the library at startup, and what the app does when it cannot: a damaged library with
// a backup beside it is offered the latest backup with a button (the CLI names the command
// instead); anything else is explained and the app quits. Restoring goes through the library
// file's handler table (library.restore), the path the CLI's `restore` takes too: the damaged
// file is never written, only renamed aside, and if the restored copy will not open it is put
// back in its place exactly as it was.
import { basename } from 'node:path';
import type { Output } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { DamagedLibraryError, formatBackupTime } from '../db/fileHealth';
import type { ClosedLibrary } from '../services/createClosedLibrary';
import type { Library } from '../services/createLibrary';

/** A native message box (dialog.showMessageBox): resolves with the index of the button pressed. */
export type AskUser = (box: {
  type: 'error' | 'info';
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}) => Promise<number>;

export type OpenedOrNot = { library: Library; restored: Output<'library.restore'> | null } | { library: null };

/**
 * Opens the library with `open`; on a damaged file, offers its latest backup through `ask` and
 * restores it through `openFile`'s table — made with the same options as `open` (native addon,
 * migrations), so the restored copy is proven to open the way the app will open it.
 */
export async function openLibraryOrRecover(
  dbPath: string,
  open: () => Library,
  ask: AskUser,
  openFile: () => Pick<ClosedLibrary, 'invoke'>,
): Promise<OpenedOrNot> {
  try {
    return { library: open(), restored: null };
  } catch (error) {
    if (error instanceof DamagedLibraryError && error.backup) {
      const backup = error.backup;
      const choice = await ask({
        type: 'error',
        message: 'The library cannot be opened',
        detail:
          `${error.reason}\n\n` +
          `The latest backup was made ${formatBackupTime(backup.createdAt)} (${backup.fileName}). ` +
          `Opening it puts a copy of it in the library’s place; the damaged file is kept beside it, renamed, exactly as it is.\n\n${dbPath}`,
        buttons: ['Quit', 'Open Latest Backup'],
        defaultId: 1,
        cancelId: 0,
      });
      if (choice !== 1) return { library: null };
      let restored: Output<'library.restore'>;
      try {
        restored = await openFile().invoke('library.restore', { backupFile: backup.path });
      } catch (restoreError) {
        await explain(
          ask,
          'The backup could not be opened',
          `${messageOf(restoreError)}\n\nThe damaged library is in its place, as it was.\n\n${dbPath}`,
        );
        return { library: null };
      }
      try {
        return { library: open(), restored };
      } catch (openError) {
        await explain(
          ask,
          'The restored library cannot be opened',
          `${messageOf(openError)}\n\nThe damaged library is kept as ${restored.replacedFile ? basename(restored.replacedFile) : 'it was'}.\n\n${dbPath}`,
        );
        return { library: null };
      }
    }
    const reason =
      error instanceof DamagedLibraryError ? `${error.reason} No backup of it was found beside it.` : messageOf(error);
    await explain(ask, 'Briefing Composer cannot open its library', `${reason}\n\n${dbPath}`);
    return { library: null };
  }
}

function messageOf(error: unknown): string {
  return error instanceof AppError ? error.message : String((error as Error)?.message ?? error);
}

async function explain(ask: AskUser, message: string, detail: string): Promise<void> {
  await ask({ type: 'error', message, detail, buttons: ['Quit'], defaultId: 0, cancelId: 0 });
}
