// Use cases for claim cards (their citations: ../citations/handlers.ts).
import type { Claim, ClaimFields } from '../../../shared/api/claims';
import type { Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { buildFtsQuery } from '../../../shared/search/ftsQuery';
import { rankByTermFrequency } from '../../../shared/search/rank';
import { makeSnippet } from '../../../shared/search/snippet';
import { claimFieldsOf, type ClaimRow } from '../../db/repositories/claims';
import { insertCitation } from '../citations/insertCitation';
import type { ServiceContext } from '../context';

type ClaimHandlers = Pick<
  Handlers,
  | 'claims.create'
  | 'claims.update'
  | 'claims.get'
  | 'claims.getMany'
  | 'claims.search'
  | 'claims.revisions'
  | 'claims.usedIn'
  | 'claims.tags'
>;

/** How many of the newest matches a search ranks; more are counted as "2,000+". */
export const SEARCH_WINDOW = 2000;

function toClaim(ctx: ServiceContext, row: ClaimRow, citations = ctx.citations.forClaim(row.id)): Claim {
  return {
    ...claimFieldsOf(row),
    id: row.id,
    revision: row.revision,
    citations,
    usedInBriefs: row.used_in_briefs,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function requireClaimRow(ctx: ServiceContext, claimId: number): ClaimRow {
  const row = ctx.claims.get(claimId);
  if (!row) throw new AppError('NOT_FOUND', `There is no claim with id ${claimId}.`);
  return row;
}

function sameFields(a: ClaimFields, b: ClaimFields): boolean {
  return JSON.stringify({ ...a, tags: [...new Set(a.tags)] }) === JSON.stringify({ ...b, tags: [...new Set(b.tags)] });
}

export function createClaimHandlers(ctx: ServiceContext): ClaimHandlers {
  return {
    'claims.create'({ citations, ...fields }) {
      return ctx.write(() => {
        const claimId = ctx.claims.insert(fields, ctx.now());
        for (const citation of citations)
          insertCitation(ctx, { claimId, briefId: null }, citation.target, citation.stance);
        return toClaim(ctx, ctx.claims.get(claimId)!);
      });
    },

    'claims.update'({ claimId, baseRevision, fields }) {
      return ctx.write(() => {
        const row = requireClaimRow(ctx, claimId);
        if (baseRevision !== undefined && baseRevision !== row.revision) {
          throw new AppError(
            'CONFLICT',
            `Claim ${claimId} was changed elsewhere (revision ${row.revision}, you edited revision ${baseRevision}). Reload it and apply your change again.`,
          );
        }
        const current = claimFieldsOf(row);
        const next = { ...current, ...fields };
        if (!sameFields(current, next)) ctx.claims.update(claimId, next, ctx.now());
        return toClaim(ctx, ctx.claims.get(claimId)!);
      });
    },

    'claims.get'({ claimId }) {
      return toClaim(ctx, requireClaimRow(ctx, claimId));
    },

    'claims.getMany'({ claimIds }) {
      const rows = ctx.claims.getMany(claimIds);
      const citations = ctx.citations.forClaims(rows.map((r) => r.id));
      return rows.map((row) => toClaim(ctx, row, citations.get(row.id) ?? []));
    },

    'claims.search'({ query, limit, offset, ...filters }) {
      const ftsQuery = buildFtsQuery(query);
      let rows: ClaimRow[];
      let total: number;
      let totalIsLowerBound = false;
      if (ftsQuery) {
        // Rank the newest matches (all of them, up to the window) rather than every match in a
        // large library: see shared/search/rank.ts for why this is BM25 without a second pass.
        const candidates = ctx.claims.matchCandidates({ ...filters, ftsQuery }, SEARCH_WINDOW + 1);
        totalIsLowerBound = candidates.length > SEARCH_WINDOW;
        const window = candidates.slice(0, SEARCH_WINDOW);
        total = window.length;
        const ranked = rankByTermFrequency(
          window.map((c) => ({ id: c.id, text: `${c.statement} ${(JSON.parse(c.tags) as string[]).join(' ')}` })),
          query,
        );
        const pageIds = ranked.slice(offset, offset + limit);
        const byId = new Map(ctx.claims.getMany(pageIds).map((row) => [row.id, row]));
        rows = pageIds.map((id) => byId.get(id)!);
      } else {
        ({ rows, total } = ctx.claims.list(filters, limit, offset));
      }
      const citations = ctx.citations.forClaims(rows.map((r) => r.id));
      return {
        hits: rows.map((row) => ({
          ...toClaim(ctx, row, citations.get(row.id) ?? []),
          snippet: ftsQuery ? makeSnippet(row.statement, query) : null,
        })),
        total,
        totalIsLowerBound,
      };
    },

    'claims.revisions'({ claimId }) {
      requireClaimRow(ctx, claimId);
      return ctx.claims.revisions(claimId).map((r) => ({
        ...claimFieldsOf({ ...r, used_in_briefs: 0, updated_at: r.created_at }),
        claimId: r.claim_id,
        revision: r.revision,
        createdAt: r.created_at,
      }));
    },

    'claims.usedIn'({ claimId }) {
      requireClaimRow(ctx, claimId);
      return ctx.claims.usedIn(claimId);
    },

    'claims.tags'() {
      return ctx.claims.tags();
    },
  };
}
