// The composition root: open a library file and return the handler table every transport
// (Electron IPC, the browser test harness, the CLI) calls.
import {
  inputSchemaFor,
  isMethod,
  type Handlers,
  type Input,
  type Method,
  type Output,
} from '../../shared/api/contract';
import type { z } from 'zod';
import { AppError, ERROR_CODES, type ErrorCode } from '../../shared/api/errors';
import type { BackupFile } from '../db/backupFiles';
import { openLibraryDatabase, type OpenOptions } from '../db/connection';
import { createBackupService } from './backup/backupService';
import { createBriefHandlers } from './briefs/handlers';
import { createCitationHandlers } from './citations/handlers';
import { createClaimHandlers } from './claims/handlers';
import { createExportHandlers } from './export/handlers';
import type { Printer } from './export/printer';
import { createServiceContext, type ServiceContext } from './context';
import { createLibraryHandlers } from './library/handlers';
import { describeValidationError } from './validation';
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

export interface Library {
  handlers: Handlers;
  /** Validates untrusted input against the contract, runs the handler, and turns every failure into an AppError. */
  invoke: <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;
  /**
   * As `invoke`, for input of unknown shape. A `page` caller (the app's window) is held to the
   * method's page schema, which refuses file paths; `trusted` (the CLI, the main process) gets the full input.
   */
  invokeUnknown: (method: unknown, input: unknown, caller?: 'page' | 'trusted') => Promise<unknown>;
  context: ServiceContext;
  /** The daily backup started on open (an existing library with no backup in the last 24 h): the new backup, or null. */
  automaticBackup: Promise<BackupFile | null>;
  /** Resolves when no backup of this library is running (a one-shot CLI run or a test may wait for it). */
  whenIdle: () => Promise<void>;
  close: () => void;
}

/**
 * INVALID_INPUT with the first problem, unless the failed check names the code it stands for
 * (`params.appErrorCode`, e.g. TOO_LARGE for an oversize document); its message then speaks for itself.
 */
function inputError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const code: unknown = issue?.code === 'custom' ? issue.params?.appErrorCode : undefined;
  if (issue && (ERROR_CODES as readonly unknown[]).includes(code))
    return new AppError(code as ErrorCode, issue.message);
  return new AppError('INVALID_INPUT', describeValidationError(error));
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

  async function invokeUnknown(
    method: unknown,
    input: unknown,
    caller: 'page' | 'trusted' = 'trusted',
  ): Promise<unknown> {
    if (!isMethod(method))
      throw new AppError('INVALID_INPUT', `There is no method called ${JSON.stringify(String(method)).slice(0, 80)}.`);
    const parsed = inputSchemaFor(method, caller).safeParse(input ?? {});
    if (!parsed.success) throw inputError(parsed.error);
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return await handler(parsed.data);
    } catch (error) {
      if (error instanceof AppError) throw error;
      logError(error);
      throw new AppError(
        'INTERNAL',
        `Something went wrong while running ${method}; nothing was changed. (${(error as Error)?.message ?? String(error)})`,
      );
    }
  }

  return {
    handlers,
    context: ctx,
    invoke: (method, input) => invokeUnknown(method, input) as Promise<never>,
    invokeUnknown,
    automaticBackup: backups.automaticBackup,
    whenIdle: backups.whenIdle,
    close: () => {
      extractor.close();
      backups.close();
    },
  };
}
