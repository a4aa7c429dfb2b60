// Use cases for briefs: create from the template, save documents (keeping the usage index
// current), rename, delete recoverably, and check every citation before export.
import type { BriefCheck } from '../../../shared/api/briefs';
import type { Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import {
  appendBlock,
  collectReferences,
  templateDocument,
  type SerializedDocument,
} from '../../../shared/briefs/document';
import type { ServiceContext } from '../context';

type BriefHandlers = Pick<
  Handlers,
  | 'briefs.create'
  | 'briefs.list'
  | 'briefs.get'
  | 'briefs.update'
  | 'briefs.save'
  | 'briefs.append'
  | 'briefs.delete'
  | 'briefs.restore'
  | 'briefs.check'
>;

function requireBrief(ctx: ServiceContext, briefId: number) {
  const brief = ctx.briefs.get(briefId);
  if (!brief) throw new AppError('NOT_FOUND', `There is no brief with id ${briefId}.`);
  return brief;
}

/** Stores a document and re-indexes which claims and inline citations it embeds. */
function saveDocument(ctx: ServiceContext, briefId: number, document: SerializedDocument): void {
  const { claimIds, citationIds } = collectReferences(document);
  ctx.briefs.saveDocument(briefId, JSON.stringify(document), { claimIds, citationIds }, ctx.now());
}

/** The check that runs before export: every citation's anchor status, and claims with no citation. */
export function checkBrief(ctx: ServiceContext, briefId: number): BriefCheck {
  const brief = requireBrief(ctx, briefId);
  const { claimIds, citationIds } = collectReferences(JSON.parse(brief.document) as SerializedDocument);
  const claims = new Map(ctx.claims.getMany(claimIds).map((row) => [row.id, row]));
  const citationsByClaim = ctx.citations.forClaims(claimIds);
  const result: BriefCheck = { briefId, citations: [], uncitedClaims: [], missingClaimIds: [], missingCitationIds: [] };
  const report = (c: {
    id: number;
    claimId: number | null;
    anchorStatus: 'exact' | 'fuzzy' | 'orphaned';
    score: number | null;
    exact: string;
    sourceId: number;
  }) =>
    result.citations.push({
      citationId: c.id,
      claimId: c.claimId,
      status: c.anchorStatus,
      score: c.score,
      quote: c.exact,
      sourceId: c.sourceId,
    });

  for (const claimId of claimIds) {
    const claim = claims.get(claimId);
    if (!claim) {
      result.missingClaimIds.push(claimId);
      continue;
    }
    const citations = citationsByClaim.get(claimId) ?? [];
    if (citations.length === 0) result.uncitedClaims.push({ claimId, statement: claim.statement });
    citations.forEach(report);
  }
  for (const citationId of citationIds) {
    const citation = ctx.citations.get(citationId);
    if (citation) report(citation);
    else result.missingCitationIds.push(citationId);
  }
  return result;
}

export function createBriefHandlers(ctx: ServiceContext): BriefHandlers {
  return {
    'briefs.create'({ title, marking, author, template }) {
      return ctx.write(() => {
        const document = templateDocument(template);
        const id = ctx.briefs.insert({ title, marking, author, document: JSON.stringify(document) }, ctx.now());
        const brief = ctx.briefs.get(id)!;
        return { ...brief, document };
      });
    },

    'briefs.list'({ includeDeleted }) {
      return ctx.briefs.list(includeDeleted);
    },

    'briefs.get'({ briefId }) {
      const brief = requireBrief(ctx, briefId);
      return { ...brief, document: JSON.parse(brief.document) as SerializedDocument };
    },

    'briefs.update'({ briefId, ...changes }) {
      return ctx.write(() => {
        const brief = requireBrief(ctx, briefId);
        const next = {
          title: changes.title ?? brief.title,
          marking: changes.marking ?? brief.marking,
          author: changes.author === undefined ? brief.author : changes.author,
        };
        ctx.briefs.updateMeta(briefId, next, ctx.now());
        return ctx.briefs.getSummary(briefId)!;
      });
    },

    'briefs.save'({ briefId, document, baseRevision }) {
      return ctx.write(() => {
        const brief = requireBrief(ctx, briefId);
        if (brief.deletedAt)
          throw new AppError('CONFLICT', `Brief "${brief.title}" is in the trash; restore it before editing.`);
        if (baseRevision !== undefined && baseRevision !== brief.revision) {
          throw new AppError(
            'CONFLICT',
            `Brief "${brief.title}" was saved elsewhere since you opened it (revision ${brief.revision}, yours ${baseRevision}). Reopen it to see the other change.`,
          );
        }
        saveDocument(ctx, briefId, document as SerializedDocument);
        return ctx.briefs.getSummary(briefId)!;
      });
    },

    'briefs.append'({ briefId, block }) {
      return ctx.write(() => {
        const brief = requireBrief(ctx, briefId);
        if ('claimId' in block && !ctx.claims.exists(block.claimId))
          throw new AppError('NOT_FOUND', `There is no claim with id ${block.claimId}.`);
        saveDocument(ctx, briefId, appendBlock(JSON.parse(brief.document) as SerializedDocument, block));
        return ctx.briefs.getSummary(briefId)!;
      });
    },

    'briefs.delete'({ briefId }) {
      return ctx.write(() => {
        const brief = requireBrief(ctx, briefId);
        if (!brief.deletedAt) ctx.briefs.setDeleted(briefId, ctx.now(), ctx.now());
        return ctx.briefs.getSummary(briefId)!;
      });
    },

    'briefs.restore'({ briefId }) {
      return ctx.write(() => {
        requireBrief(ctx, briefId);
        ctx.briefs.setDeleted(briefId, null, ctx.now());
        return ctx.briefs.getSummary(briefId)!;
      });
    },

    'briefs.check'({ briefId }) {
      return checkBrief(ctx, briefId);
    },
  };
}
