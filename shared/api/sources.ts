// The sources part of the contract: importing documents as immutable text versions.
import { z } from 'zod';
import { reliabilitySchema } from '../tradecraft/vocabularies';
import { idSchema, isoDateTime, nonEmptyText, publishedDateSchema } from './common';

export const sourceFormatSchema = z.enum(['text', 'markdown', 'html']);

export const sourceMetadataSchema = z.object({
  title: nonEmptyText('Title', 500),
  publisher: z.string().trim().max(300).nullable(),
  author: z.string().trim().max(300).nullable(),
  url: z.string().trim().max(2000).nullable(),
  publishedAt: publishedDateSchema.nullable(),
  language: z.string().trim().max(35).nullable(),
  reliability: reliabilitySchema,
});
export type SourceMetadata = z.infer<typeof sourceMetadataSchema>;

export const sourceSchema = sourceMetadataSchema.extend({
  id: idSchema,
  currentVersionId: idSchema,
  versionCount: z.number().int(),
  citationCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Source = z.infer<typeof sourceSchema>;

export const sourceVersionSchema = z.object({
  id: idSchema,
  sourceId: idSchema,
  versionNo: z.number().int().positive(),
  sha256: z.string(),
  format: sourceFormatSchema,
  fileName: z.string().nullable(),
  importedAt: isoDateTime,
  length: z.number().int(),
});
export type SourceVersion = z.infer<typeof sourceVersionSchema>;

export const reanchorSummarySchema = z.object({ exact: z.number().int(), fuzzy: z.number().int(), orphaned: z.number().int() });
export type ReanchorSummary = z.infer<typeof reanchorSummarySchema>;

const importContent = z
  .object({
    /** Text given directly (paste, CLI --text). */
    text: z.string().optional(),
    /** A file's bytes, base64-encoded so every transport carries them as JSON. */
    base64: z.string().optional(),
    fileName: z.string().max(500).optional(),
    format: sourceFormatSchema.optional(),
  })
  .refine((c) => (c.text === undefined) !== (c.base64 === undefined), 'Give either text or a file, not both and not neither.');

export const sourcesApi = {
  'sources.import': {
    input: z.object({
      content: importContent,
      /** Metadata to use; anything left out is taken from the document (e.g. an HTML title) or defaulted. */
      metadata: sourceMetadataSchema.partial().default({}),
      /** Import as a new version of this source, re-anchoring all its citations. */
      sourceId: idSchema.optional(),
    }),
    output: z.object({
      sourceId: idSchema,
      versionId: idSchema,
      /** True when the same text was already the source's current version (nothing was written). */
      unchanged: z.boolean(),
      /** Another source whose current text is identical, if any (a likely duplicate import). */
      duplicateOfSourceId: idSchema.nullable(),
      reanchor: reanchorSummarySchema,
      warnings: z.array(z.string()),
    }),
  },
  'sources.list': { input: z.object({}).default({}), output: z.array(sourceSchema) },
  'sources.get': {
    input: z.object({ sourceId: idSchema, versionId: idSchema.optional() }),
    output: z.object({ source: sourceSchema, version: sourceVersionSchema, text: z.string() }),
  },
  'sources.update': {
    input: z.object({ sourceId: idSchema, metadata: sourceMetadataSchema.partial() }),
    output: sourceSchema,
  },
  'sources.versions': { input: z.object({ sourceId: idSchema }), output: z.array(sourceVersionSchema) },
} as const;
