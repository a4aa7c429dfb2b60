// The library part of the contract: the file itself — where it is, its health, its backups.
import { z } from 'zod';
import { isoDateTime, nonEmptyText } from './common';

export const libraryApi = {
  'library.info': {
    input: z.object({}).default({}),
    output: z.object({
      path: z.string(),
      schemaVersion: z.number().int(),
      counts: z.object({ sources: z.number().int(), claims: z.number().int(), citations: z.number().int(), briefs: z.number().int() }),
    }),
  },
  'library.backup': {
    input: z.object({ outFile: nonEmptyText('Backup file', 4096) }),
    output: z.object({ path: z.string(), bytes: z.number().int(), createdAt: isoDateTime }),
  },
} as const;
