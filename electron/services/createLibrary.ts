// The composition root: open a library file and return the handler table every transport
// (Electron IPC, the browser test harness, the CLI) calls.
import type { Handlers, Method } from '../../shared/api/contract';
import type { BackupFile } from '../db/backupFiles';
import { openLibraryDatabase, type OpenOptions } from '../db/connection';
import { createBackupService } from './backup/backupService';
import { createBriefHandlers } from './briefs/handlers';
import { createCitationHandlers } from './citations/handlers';
import { createClaimHandlers } from './claims/handlers';
import { createExportHandlers } from './export/handlers';
import type { Printer } from './export/printer';
import { createServiceContext, type ServiceContext } from './context';
import { createInvoker, type Invoker } from './invoker';
import { createLibraryHandlers } from './library/handlers';
import { createSourceHandlers } from './sources/handlers';
import { createTextExtractor } from './sources/textExtractor';

export interface LibraryOptions extends OpenOptions {
  dbPath: string;
  /** Pin the clock (tests). */
  now?: () => string;
  /** Prints export HTML to PDF (Electron's printToPDF in the app, Chromium in the CLI and tests); without one, export is NOT_AVAILABLE. */
  printer?: Printer;
  /** Asks the user where to save an export that names no file (the app's save dialog); null = cancelled. */
  chooseExportFile?: (suggestedName: string) => Promise<string | null>;
  /** Shows a file in the system's file manager ("Show in folder" after an export). */
  revealFile?: (path: string) => void;
  /** The folder holding print.css and other resources; defaults to the repository's resources/. */
  resourcesDir?: string;
  /** Where unexpected errors are reported in full; defaults to stderr. */
  logError?: (error: unknown) => void;
  /** Caps the heap (MB) of the worker thread that reads imported documents; see textExtractor.ts. Default: V8's own limit. */
  extractionMaxHeapMb?: number;
}

export interface Library extends Invoker<Method> {
  handlers: Handlers;
  context: ServiceContext;
  /** The daily backup started on open (an existing library with no backup in the last 24 h): the new backup, or null. */
  automaticBackup: Promise<BackupFile | null>;
  /** Resolves when no backup of this library is running (a one-shot CLI run or a test may wait for it). */
  whenIdle: () => Promise<void>;
  close: () => void;
}

/** Opens the library at `dbPath` (creating and migrating it as needed) and wires every use case. */
export function createLibrary(options: LibraryOptions): Library {
  const opened = openLibraryDatabase(options.dbPath, options);
  const ctx = createServiceContext(opened.db, opened.path, options.now);
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const backups = createBackupService(ctx, opened, { ...options, logError });
  const extractor = createTextExtractor({ logError, maxHeapMb: options.extractionMaxHeapMb });
  const handlers: Handlers = {
    ...createLibraryHandlers(ctx, backups),
    ...createSourceHandlers(ctx, extractor),
    ...createClaimHandlers(ctx),
    ...createCitationHandlers(ctx),
    ...createBriefHandlers(ctx),
    ...createExportHandlers(ctx, {
      printer: options.printer,
      resourcesDir: options.resourcesDir,
      chooseOutputFile: options.chooseExportFile,
      revealFile: options.revealFile,
    }),
  };

  return {
    handlers,
    context: ctx,
    ...createInvoker(handlers, { logError }),
    automaticBackup: backups.automaticBackup,
    whenIdle: backups.whenIdle,
    close: () => {
      extractor.close();
      backups.close();
    },
  };
}
