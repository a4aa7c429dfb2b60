// The second composition root, beside createLibrary: the handler table of a library FILE that is
// not opened — for the contract methods that act on the file itself (LIBRARY_FILE_METHODS:
// listing backups, restoring one), so they work when the library is damaged and cannot be
// opened. Same contract, same schemas, same errors as the open library's table.
import type { Method } from '../../shared/api/contract';
import { LIBRARY_FILE_METHODS, type LibraryFileMethod } from '../../shared/api/library';
import type { OpenOptions } from '../db/connection';
import { createInvoker, type Invoker } from './invoker';
import { createLibraryFileHandlers, type LibraryFileHandlers } from './library/fileHandlers';

export interface ClosedLibraryOptions extends OpenOptions {
  dbPath: string;
  /** Where unexpected errors are reported in full; defaults to stderr. */
  logError?: (error: unknown) => void;
}

export interface ClosedLibrary extends Invoker<LibraryFileMethod> {
  handlers: LibraryFileHandlers;
}

const unavailable = (method: Method) =>
  `${method} needs the library open; only ${LIBRARY_FILE_METHODS.join(' and ')} work on a library that is not.`;

/** The file-level handler table of the library at `dbPath`; creating it touches nothing on disk. */
export function createClosedLibrary(options: ClosedLibraryOptions): ClosedLibrary {
  const handlers = createLibraryFileHandlers(options);
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  return { handlers, ...createInvoker(handlers, { logError, unavailable }) };
}
