// The library part of the contract: the file itself — where it is, its health, its backups.
import { z } from 'zod';
import { isoDateTime, nonEmptyText } from './common';
import { LIBRARY_PARTS, refusedFromPage, refusedPathField, type ContractPart } from './method';

export const backupKindSchema = z.enum(['daily', 'before-migration', 'manual']);

/** One backup file in the library's backups folder. */
export const backupFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  /** daily: taken at most once a day while the library is in use; before-migration: before a schema upgrade; manual: asked for. */
  kind: backupKindSchema,
  createdAt: isoDateTime,
  bytes: z.number().int(),
  /** The library's schema version inside the backup; null if the file's header cannot be read. */
  schemaVersion: z.number().int().nullable(),
});
export type BackupFileInfo = z.infer<typeof backupFileSchema>;

/** A backup listed by library.backups, by its file name: what the app's page may ask to restore. */
const restoreByNameSchema = z
  .object({
    backupName: z
      .string()
      .regex(/^[^/\\\0]+\.db$/, 'Give the file name of a backup listed in the backups folder.')
      .max(255),
  })
  .strict();

export const libraryApi = {
  'library.info': {
    input: z.object({}).default({}),
    output: z.object({
      path: z.string(),
      schemaVersion: z.number().int(),
      counts: z.object({
        sources: z.number().int(),
        claims: z.number().int(),
        citations: z.number().int(),
        briefs: z.number().int(),
      }),
    }),
    writes: [],
  },
  'library.backup': {
    input: z.object({ outFile: nonEmptyText('Backup file', 4096) }),
    output: z.object({ path: z.string(), bytes: z.number().int(), createdAt: isoDateTime }),
    writes: [],
    // The window asks for a backup through the File menu, where the main process shows a save dialog.
    pageInput: refusedFromPage,
  },
  'library.backups': {
    input: z.object({}).default({}),
    output: z.object({
      /** The folder the automatic backups go to. */
      directory: z.string(),
      /** How many automatic backups of each kind are kept. */
      keep: z.number().int(),
      /** Newest first. */
      backups: z.array(backupFileSchema),
    }),
    writes: [],
  },
  'library.restore': {
    /**
     * Replaces the library with a copy of `backupFile` after checking the backup's integrity.
     * The replaced library is kept beside it as `<name>.replaced-<time>.db`, never deleted.
     * Every view must reload afterwards: all ids and revisions are the backup's.
     */
    input: z.union([
      // A path anywhere: for the CLI and the main process (the app's page can never send one).
      z.object({ backupFile: nonEmptyText('Backup file', 4096) }).strict(),
      restoreByNameSchema,
    ]),
    // A page may only name a backup of the backups folder; a path it sends is refused.
    // (The refused path field is listed first so its reason is the one reported.)
    pageInput: z.object({ backupFile: refusedPathField, ...restoreByNameSchema.shape }).strict(),
    output: z.object({
      path: z.string(),
      restoredFrom: z.string(),
      /** Where the library that was replaced now is; null if there was none. */
      replacedFile: z.string().nullable(),
      /** The schema version of the backup, before it was brought up to date. */
      backupSchemaVersion: z.number().int(),
      schemaVersion: z.number().int(),
    }),
    writes: LIBRARY_PARTS,
  },
} as const satisfies ContractPart;

/**
 * The methods that act on the library FILE rather than on its contents, and so also work on a
 * library that cannot be opened (damaged, missing its -wal, from a newer app): listing its
 * backups and restoring one are what a user whose library will not open is told to do.
 */
export const LIBRARY_FILE_METHODS = [
  'library.backups',
  'library.restore',
] as const satisfies readonly (keyof typeof libraryApi)[];
export type LibraryFileMethod = (typeof LIBRARY_FILE_METHODS)[number];
