// A claim card's editable fields as the form holds them, and the checks before saving. The
// contract's own schema (claimFieldsSchema) validates, so the form says what the store would.
import { claimFieldsSchema, type Claim, type ClaimFields } from '../../shared/api/claims';

export type ClaimDraft = ClaimFields;

export const EMPTY_DRAFT: ClaimDraft = {
  statement: '',
  kind: 'fact',
  likelihood: null,
  confidence: null,
  credibility: null,
  status: 'draft',
  tags: [],
};

export function draftOfClaim(claim: Claim): ClaimDraft {
  const { statement, kind, likelihood, confidence, credibility, status, tags } = claim;
  return { statement, kind, likelihood, confidence, credibility, status, tags: [...tags] };
}

export function sameDraft(a: ClaimDraft, b: ClaimDraft): boolean {
  return (
    a.statement === b.statement &&
    a.kind === b.kind &&
    a.likelihood === b.likelihood &&
    a.confidence === b.confidence &&
    a.credibility === b.credibility &&
    a.status === b.status &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

export type DraftErrors = Partial<Record<keyof ClaimDraft, string>>;

/** The draft as the contract wants it, or the first problem with each field. */
export function checkDraft(draft: ClaimDraft): { ok: true; fields: ClaimFields } | { ok: false; errors: DraftErrors } {
  const parsed = claimFieldsSchema.safeParse(draft);
  if (parsed.success) return { ok: true, fields: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as keyof ClaimDraft] ??= issue.message;
  return { ok: false, errors };
}

/** "Used in 3 briefs — the change shows in all of them", or null when no other brief shows this card. */
export function sharedUseWarning(usedIn: readonly { briefId: number }[], openBriefId: number | null): string | null {
  const elsewhere = usedIn.some((use) => use.briefId !== openBriefId);
  if (!elsewhere) return null;
  const n = usedIn.length;
  return n === 1
    ? 'Used in 1 brief — the change shows there too'
    : `Used in ${n} briefs — the change shows in all of them`;
}
