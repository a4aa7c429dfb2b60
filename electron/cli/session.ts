// What the commands of one `briefing` run share: where output goes, which library file, and
// the library itself, opened at most once and only by a command that needs it — or, for the
// commands that must work when it will not open (backup --list, restore), the file's own table.
import { createClosedLibrary, type ClosedLibrary } from '../services/createClosedLibrary';
import { createLibrary, type Library } from '../services/createLibrary';
import type { Printer } from '../services/export/printer';
import { defaultLibraryPath } from '../services/paths';

/** The options every command takes, declared on the program itself. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** Everything a command writes goes through here, so tests can capture it. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export interface Session {
  io: CliIo;
  /** The library file this run works on. */
  libraryPath: () => string;
  /** The library's handler table, opened on first use; only `export` passes a printer, so no other command loads Chromium's driver. */
  open: (printer?: Printer) => Library;
  /** The library file's handler table (its backups, restoring one): never opens the library as it is, so it works on a damaged one. */
  file: () => ClosedLibrary;
  /** Prints the JSON object with --json, else the human-readable lines. */
  print: (json: unknown, human: () => string) => void;
  /** Whether --json was given: errors are then printed as JSON on stdout too. */
  json: () => boolean;
  /** Closes the library if this run opened it. */
  close: () => void;
}

/** A session reading the global options through `globals` when a command runs, after commander has parsed them. */
export function createSession(io: CliIo, globals: () => GlobalOptions): Session {
  let library: Library | undefined;
  let file: ClosedLibrary | undefined;
  const libraryPath = (): string => globals().db ?? defaultLibraryPath();
  const logError = (e: unknown) => io.stderr(String((e as Error)?.stack ?? e));
  return {
    io,
    libraryPath,
    open: (printer) =>
      (library ??= createLibrary({
        dbPath: libraryPath(),
        printer,
        logError,
      })),
    file: () => (file ??= createClosedLibrary({ dbPath: libraryPath(), logError })),
    print: (json, human) => io.stdout(globals().json ? JSON.stringify(json) : human()),
    json: () => Boolean(globals().json),
    close: () => library?.close(),
  };
}
