// The briefs part of the contract: Lexical documents that embed claim cards and citations.
import { z } from 'zod';
import { markingSchema } from '../tradecraft/vocabularies';
import { anchorStatusSchema } from './citations';
import { idSchema, isoDateTime, nonEmptyText } from './common';
import { refusedPathField, type ContractPart } from './method';

/** A serialized Lexical editor state. Its shape is Lexical's; the store checks only that it has a root. */
export const briefDocumentSchema = z
  .object({ root: z.object({ type: z.literal('root'), children: z.array(z.unknown()) }).passthrough() })
  .passthrough();
export type BriefDocument = z.infer<typeof briefDocumentSchema>;

export const briefSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  marking: z.string(),
  author: z.string().nullable(),
  revision: z.number().int().positive(),
  claimCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
});
export type BriefSummary = z.infer<typeof briefSummarySchema>;

export const briefSchema = briefSummarySchema.extend({ document: briefDocumentSchema });
export type Brief = z.infer<typeof briefSchema>;

export const briefCheckSchema = z.object({
  briefId: idSchema,
  citations: z.array(
    z.object({
      citationId: idSchema,
      claimId: idSchema.nullable(),
      status: anchorStatusSchema,
      score: z.number().nullable(),
      quote: z.string(),
      sourceId: idSchema,
    }),
  ),
  /** Claims embedded in the brief that have no citation at all. */
  uncitedClaims: z.array(z.object({ claimId: idSchema, statement: z.string() })),
  /** Ids the document refers to that no longer exist in the library. */
  missingClaimIds: z.array(idSchema),
  missingCitationIds: z.array(idSchema),
});
export type BriefCheck = z.infer<typeof briefCheckSchema>;

export const appendableBlockSchema = z.union([
  z.object({ claimId: idSchema }),
  z.object({ heading: nonEmptyText('Heading', 500) }),
  z.object({ text: nonEmptyText('Text', 100_000) }),
]);

/** A citation the pre-flight reports (orphaned or fuzzy), with enough to find it in the app. */
export const preflightCitationSchema = z.object({
  citationId: idSchema,
  claimId: idSchema.nullable(),
  sourceId: idSchema,
  sourceTitle: z.string(),
  quote: z.string(),
  score: z.number().nullable(),
});

/** What the analyst sees before every export (DESIGN.md §7): orphans block unless confirmed. */
export const exportPreflightSchema = z.object({
  briefId: idSchema,
  briefTitle: z.string(),
  revision: z.number().int().positive(),
  citationCount: z.number().int(),
  orphaned: z.array(preflightCitationSchema),
  fuzzy: z.array(preflightCitationSchema),
  uncitedClaims: z.array(z.object({ claimId: idSchema, statement: z.string() })),
  missingClaimIds: z.array(idSchema),
  missingCitationIds: z.array(idSchema),
  /** True when the brief has orphaned citations: export only with `allowOrphans`. */
  blocked: z.boolean(),
});
export type ExportPreflight = z.infer<typeof exportPreflightSchema>;

export const exportPdfResultSchema = z.object({
  preflight: exportPreflightSchema,
  /** False when the pre-flight blocked the export (orphans without `allowOrphans`); nothing was written. */
  exported: z.boolean(),
  /** True when the user closed the save dialog: nothing was written, and that is not an error. */
  cancelled: z.boolean(),
  path: z.string().nullable(),
  bytes: z.number().int().nullable(),
  pages: z.number().int().nullable(),
});
export type ExportPdfResult = z.infer<typeof exportPdfResultSchema>;

const exportPdfInputSchema = z.object({
  briefId: idSchema,
  /** Where to write the PDF: the CLI passes --out; without one, the app's save dialog asks. */
  outFile: nonEmptyText('Output file', 4096).optional(),
  allowOrphans: z.boolean().default(false),
});

export const briefsApi = {
  'briefs.create': {
    input: z.object({
      title: nonEmptyText('Title', 300),
      marking: markingSchema.default(''),
      author: z.string().trim().max(200).nullable().default(null),
      /** Start from the BLUF / Key judgments / Discussion / Outlook template, or empty. */
      template: z.enum(['standard', 'empty']).default('standard'),
    }),
    output: briefSchema,
    writes: ['briefs'],
  },
  'briefs.list': {
    input: z.object({ includeDeleted: z.boolean().default(false) }).default({ includeDeleted: false }),
    output: z.array(briefSummarySchema),
    writes: [],
  },
  'briefs.get': { input: z.object({ briefId: idSchema }), output: briefSchema, writes: [] },
  'briefs.update': {
    input: z.object({
      briefId: idSchema,
      title: nonEmptyText('Title', 300).optional(),
      marking: markingSchema.optional(),
      author: z.string().trim().max(200).nullable().optional(),
    }),
    output: briefSummarySchema,
    writes: ['briefs'],
  },
  'briefs.save': {
    input: z.object({
      briefId: idSchema,
      document: briefDocumentSchema,
      /** The revision this document was edited from; a stale one is refused rather than lose the other change. */
      baseRevision: z.number().int().positive().optional(),
    }),
    output: briefSummarySchema,
    // Deliberately not 'claims': claim cards in the editor listen to it, and an autosave must not re-render them.
    writes: ['briefs', 'usage'],
  },
  'briefs.append': {
    input: z.object({ briefId: idSchema, block: appendableBlockSchema }),
    output: briefSummarySchema,
    writes: ['briefs', 'usage'],
  },
  'briefs.delete': { input: z.object({ briefId: idSchema }), output: briefSummarySchema, writes: ['briefs', 'usage'] },
  'briefs.restore': { input: z.object({ briefId: idSchema }), output: briefSummarySchema, writes: ['briefs', 'usage'] },
  'briefs.check': { input: z.object({ briefId: idSchema }), output: briefCheckSchema, writes: [] },
  /** The pre-flight list the app shows before exporting (orphaned, fuzzy, uncited). */
  'briefs.preflight': { input: z.object({ briefId: idSchema }), output: exportPreflightSchema, writes: [] },
  /** Exports to a PDF file; with orphaned citations it writes nothing unless `allowOrphans` (the analyst confirmed). */
  'briefs.exportPdf': {
    input: exportPdfInputSchema,
    output: exportPdfResultSchema,
    writes: [],
    // The window never names the file: the main process asks with a save dialog; a path a page sends is refused.
    pageInput: exportPdfInputSchema.extend({ outFile: refusedPathField }),
  },
  'briefs.showExportedPdf': {
    /** Shows a PDF exported in this session in the system's file manager. Only a path that
     * briefs.exportPdf returned since the library was opened is accepted: the page cannot point
     * the file manager anywhere else. */
    input: z.object({ exportedFile: nonEmptyText('Exported file', 4096) }),
    output: z.object({ shown: z.literal(true) }),
    writes: [],
  },
} as const satisfies ContractPart;
