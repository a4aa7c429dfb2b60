// The citations part of the contract: links from a claim card (or a brief's running text) to
// the exact passage of a source version, and where each one stands after a new version.
import { z } from 'zod';
import { reliabilitySchema, stanceSchema } from '../tradecraft/vocabularies';
import { idSchema, nonEmptyText } from './common';
import type { ContractPart } from './method';

export const anchorStatusSchema = z.enum(['exact', 'fuzzy', 'orphaned']);

export const citationSchema = z.object({
  id: idSchema,
  claimId: idSchema.nullable(),
  briefId: idSchema.nullable(),
  sourceId: idSchema,
  /** The version the position refers to: the current one, or for an orphan the last one it was found in. */
  versionId: idSchema,
  stance: stanceSchema,
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  anchorStatus: anchorStatusSchema,
  /** 1 for exact, the match score for fuzzy, null for orphaned. */
  score: z.number().nullable(),
  sourceTitle: z.string(),
  sourceReliability: reliabilitySchema,
});
export type Citation = z.infer<typeof citationSchema>;

/**
 * A passage selected in a reader: offsets into the version the selection was made in. The
 * version is required because offsets mean nothing without the text they count in; the library,
 * not the page, carries a passage from an older version into the current one (or refuses).
 */
export const offsetsTargetSchema = z.object({
  sourceId: idSchema,
  versionId: idSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

/** A passage given as words to find in the current version (the command line's `--cite ID:"quote"`). */
export const quoteTargetSchema = z.object({ sourceId: idSchema, quote: nonEmptyText('Quote', 4000) });

/** Where a citation's passage lies, given as offsets in a named version or as a quote to find in the current version. */
export const citationTargetSchema = z.union([offsetsTargetSchema, quoteTargetSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? describeTargetProblem(issue.input, issue.errors) : undefined),
});
export type CitationTarget = z.infer<typeof citationTargetSchema>;

/**
 * One sentence for a target neither kind accepts: the problem of the kind it was meant to be
 * (a quote when it names one, offsets otherwise), rather than zod's "Invalid input".
 */
function describeTargetProblem(input: unknown, problems: readonly (readonly z.core.$ZodIssue[])[]): string {
  const fields = typeof input === 'object' && input !== null ? input : {};
  const meantQuote = 'quote' in fields && !('start' in fields);
  if (!meantQuote && !('versionId' in fields))
    return 'A passage given by offsets must name the version it was selected in (versionId): offsets mean nothing without the text they count in.';
  const first = problems[meantQuote ? 1 : 0]?.[0];
  if (!first) return 'A passage is given as { sourceId, versionId, start, end } or as { sourceId, quote }.';
  return `${first.path.length ? `${first.path.join('.')}: ` : ''}${first.message}`;
}

export const newCitationSchema = z.object({ target: citationTargetSchema, stance: stanceSchema.default('supports') });

/**
 * What an analyst may change on a saved citation: their judgement of the passage, never the
 * passage itself. Quote, selectors, anchor status and score belong to anchoring and review, so
 * they are not fields here, and an unknown field is refused rather than ignored. A new editable
 * field (a note, say) is one more optional key.
 */
export const citationEditSchema = z
  .object({ stance: stanceSchema })
  .partial()
  .strict()
  .refine((fields) => Object.values(fields).some((v) => v !== undefined), 'Name at least one field to change.');

export const citationsApi = {
  'citations.attach': {
    /** A citation belongs to a claim card, or to a brief when it cites a passage in running text. */
    input: newCitationSchema
      .extend({ claimId: idSchema.optional(), briefId: idSchema.optional() })
      .refine(
        (c) => (c.claimId === undefined) !== (c.briefId === undefined),
        'A citation belongs to either a claim or a brief.',
      ),
    output: citationSchema,
    writes: ['claims', 'citations'],
  },
  'citations.detach': {
    input: z.object({ citationId: idSchema }),
    output: z.object({ detached: z.literal(true) }),
    writes: ['claims', 'citations'],
  },
  'citations.update': {
    /** Changes what the analyst says about a citation (its stance) in place: same id, same passage, same status. */
    input: z.object({ citationId: idSchema, fields: citationEditSchema }).strict(),
    output: citationSchema,
    // A card shows its citations' stances, as the source reader and the citation views do.
    writes: ['claims', 'citations'],
  },
  'citations.get': { input: z.object({ citationId: idSchema }), output: citationSchema, writes: [] },
  'citations.forSource': { input: z.object({ sourceId: idSchema }), output: z.array(citationSchema), writes: [] },
} as const satisfies ContractPart;
