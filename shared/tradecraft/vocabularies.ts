// The closed analytic vocabularies of ../shared/tradecraft.md. The UI offers exactly these
// values, the store rejects others, and exports print them as written here.
import { z } from 'zod';

/** The two equivalent estimative-language rows of ICD 203, from least to most likely. */
export const LIKELIHOOD_ROWS = {
  1: [
    'almost no chance',
    'very unlikely',
    'unlikely',
    'roughly even chance',
    'likely',
    'very likely',
    'almost certain',
  ],
  2: [
    'remote',
    'highly improbable',
    'improbable',
    'roughly even odds',
    'probable',
    'highly probable',
    'nearly certain',
  ],
} as const;

export const LIKELIHOOD_BANDS = ['1–5 %', '5–20 %', '20–45 %', '45–55 %', '55–80 %', '80–95 %', '95–99 %'] as const;

export const LIKELIHOOD_TERMS = [...LIKELIHOOD_ROWS[1], ...LIKELIHOOD_ROWS[2]] as const;
export type LikelihoodTerm = (typeof LIKELIHOOD_TERMS)[number];

/** Which ICD 203 row a term belongs to, and its probability band. */
export function describeLikelihood(term: LikelihoodTerm): { row: 1 | 2; band: string } {
  for (const row of [1, 2] as const) {
    const index = (LIKELIHOOD_ROWS[row] as readonly string[]).indexOf(term);
    if (index >= 0) return { row, band: LIKELIHOOD_BANDS[index]! };
  }
  throw new Error(`unknown likelihood term: ${term}`);
}

export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export const SOURCE_RELIABILITY = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
} as const;
export type SourceReliability = keyof typeof SOURCE_RELIABILITY;
export const SOURCE_RELIABILITY_GRADES = Object.keys(SOURCE_RELIABILITY) as SourceReliability[];

export const INFORMATION_CREDIBILITY = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
} as const;
export type InformationCredibility = 1 | 2 | 3 | 4 | 5 | 6;

/** A graded citation reads like `B2`: source reliability then information credibility. */
export function formatGrading(reliability: SourceReliability, credibility: InformationCredibility | null): string {
  return credibility == null ? reliability : `${reliability}${credibility}`;
}

export const CLAIM_KINDS = ['fact', 'assessment', 'judgment'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_STATUSES = ['draft', 'verified', 'disputed', 'retracted'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CITATION_STANCES = ['supports', 'contradicts', 'mentions'] as const;
export type CitationStance = (typeof CITATION_STANCES)[number];

export const TLP_MARKINGS = ['TLP:RED', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:GREEN', 'TLP:CLEAR'] as const;
export const CLASSIFICATION_LEVELS = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;
export const PORTION_MARKS = { UNCLASSIFIED: '(U)', CONFIDENTIAL: '(C)', SECRET: '(S)', 'TOP SECRET': '(TS)' } as const;

/** A caveat is uppercase letters, digits and spaces, e.g. NOFORN or REL TO USA. */
const CAVEAT = /^[A-Z0-9][A-Z0-9 ,]*$/;

/**
 * A brief's handling marking: empty for none, a TLP 2.0 label, or a classification banner
 * with optional caveats joined by `//` (e.g. `SECRET//NOFORN`).
 */
export const markingSchema = z.string().refine(isValidMarking, {
  message:
    'Marking must be empty, a TLP label (TLP:RED, TLP:AMBER, TLP:AMBER+STRICT, TLP:GREEN, TLP:CLEAR) or a classification banner such as SECRET//NOFORN.',
});

export function isValidMarking(marking: string): boolean {
  if (marking === '') return true;
  if ((TLP_MARKINGS as readonly string[]).includes(marking)) return true;
  const [level, ...caveats] = marking.split('//');
  return (CLASSIFICATION_LEVELS as readonly string[]).includes(level!) && caveats.every((c) => CAVEAT.test(c));
}

export type MarkingScheme = 'none' | 'tlp' | 'classification';
export function markingScheme(marking: string): MarkingScheme {
  if (marking === '') return 'none';
  return marking.startsWith('TLP:') ? 'tlp' : 'classification';
}

function closedVocabulary<T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: () => `${what} must be one of: ${values.join(', ')}.` });
}

export const likelihoodSchema = closedVocabulary(
  LIKELIHOOD_TERMS as unknown as [LikelihoodTerm, ...LikelihoodTerm[]],
  'Likelihood',
);
export const confidenceSchema = closedVocabulary(CONFIDENCE_LEVELS, 'Confidence');
export const reliabilitySchema = closedVocabulary(['A', 'B', 'C', 'D', 'E', 'F'] as const, 'Source reliability');
export const credibilitySchema = z
  .number({ error: () => 'Information credibility must be a whole number from 1 to 6.' })
  .int('Information credibility must be a whole number from 1 to 6.')
  .min(1, 'Information credibility must be a whole number from 1 to 6.')
  .max(
    6,
    'Information credibility must be a whole number from 1 to 6.',
  ) as unknown as z.ZodType<InformationCredibility>;
export const claimKindSchema = closedVocabulary(CLAIM_KINDS, 'Claim kind');
export const claimStatusSchema = closedVocabulary(CLAIM_STATUSES, 'Claim status');
export const stanceSchema = closedVocabulary(CITATION_STANCES, 'Citation stance');
