// The claims part of the contract: claim cards and their revisions (their citations: ./citations.ts).
import { z } from 'zod';
import {
  claimKindSchema,
  claimStatusSchema,
  confidenceSchema,
  credibilitySchema,
  likelihoodSchema,
} from '../tradecraft/vocabularies';
import { citationSchema, newCitationSchema } from './citations';
import { idSchema, isoDateTime, nonEmptyText } from './common';
import type { ContractPart } from './method';

export const tagSchema = z
  .string()
  .trim()
  .min(1, 'A tag must not be empty.')
  .max(60, 'A tag is at most 60 characters.')
  .regex(/^[^\s,"]+(?: [^\s,"]+)*$/, 'A tag may not contain commas or quotes.');

/** The fields of a claim, each required: the shape of an edit (with `.partial()`), without defaults. */
export const claimFieldsExactSchema = z.object({
  statement: nonEmptyText('Statement', 4000),
  kind: claimKindSchema,
  likelihood: likelihoodSchema.nullable(),
  confidence: confidenceSchema.nullable(),
  credibility: credibilitySchema.nullable(),
  status: claimStatusSchema,
  tags: z.array(tagSchema).max(50),
});

/** The fields of a new claim: everything but the statement has a default. Never `.partial()` this
 * one for edits — zod applies defaults inside optional fields, which would reset them. */
export const claimFieldsSchema = claimFieldsExactSchema.extend({
  kind: claimKindSchema.default('fact'),
  likelihood: likelihoodSchema.nullable().default(null),
  confidence: confidenceSchema.nullable().default(null),
  credibility: credibilitySchema.nullable().default(null),
  status: claimStatusSchema.default('draft'),
  tags: z.array(tagSchema).max(50).default([]),
});
export type ClaimFields = z.infer<typeof claimFieldsSchema>;

export const claimSchema = claimFieldsSchema.extend({
  id: idSchema,
  revision: z.number().int().positive(),
  citations: z.array(citationSchema),
  usedInBriefs: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Claim = z.infer<typeof claimSchema>;

export const claimRevisionSchema = claimFieldsSchema.extend({
  claimId: idSchema,
  revision: z.number().int().positive(),
  createdAt: isoDateTime,
});

export const claimSearchHitSchema = claimSchema.extend({
  /** Statement excerpt with matches wrapped in SNIPPET_OPEN / SNIPPET_CLOSE; null without a query. */
  snippet: z.string().nullable(),
});
export type ClaimSearchHit = z.infer<typeof claimSearchHitSchema>;

export const claimsApi = {
  'claims.create': {
    input: claimFieldsSchema.extend({ citations: z.array(newCitationSchema).max(100).default([]) }),
    output: claimSchema,
    writes: ['claims', 'citations'],
  },
  'claims.update': {
    input: z.object({
      claimId: idSchema,
      /** The revision the editor started from; a stale one is refused instead of overwriting someone's change. */
      baseRevision: z.number().int().positive().optional(),
      fields: claimFieldsExactSchema.partial(),
    }),
    output: claimSchema,
    writes: ['claims'],
  },
  'claims.get': { input: z.object({ claimId: idSchema }), output: claimSchema, writes: [] },
  'claims.getMany': {
    input: z.object({ claimIds: z.array(idSchema).max(5000) }),
    output: z.array(claimSchema),
    writes: [],
  },
  'claims.search': {
    input: z.object({
      query: z.string().max(1000).default(''),
      tag: tagSchema.optional(),
      status: claimStatusSchema.optional(),
      likelihood: likelihoodSchema.optional(),
      confidence: confidenceSchema.optional(),
      sourceId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({
      hits: z.array(claimSearchHitSchema),
      total: z.number().int(),
      /** True when more claims match than were counted (`total` is then a lower bound, shown as "2,000+"). */
      totalIsLowerBound: z.boolean(),
    }),
    writes: [],
  },
  'claims.revisions': { input: z.object({ claimId: idSchema }), output: z.array(claimRevisionSchema), writes: [] },
  'claims.usedIn': {
    input: z.object({ claimId: idSchema }),
    output: z.array(z.object({ briefId: idSchema, title: z.string(), updatedAt: isoDateTime })),
    writes: [],
  },
  'claims.tags': {
    input: z.object({}).default({}),
    output: z.array(z.object({ tag: z.string(), count: z.number().int() })),
    writes: [],
  },
} as const satisfies ContractPart;
