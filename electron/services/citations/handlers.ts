// Use cases for citations: links from a claim card, or from a brief's running text, to an exact
// passage of a source version.
import type { Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { ServiceContext } from '../context';
import { insertCitation } from './insertCitation';

type CitationHandlers = Pick<
  Handlers,
  'citations.attach' | 'citations.detach' | 'citations.update' | 'citations.get' | 'citations.forSource'
>;

export function createCitationHandlers(ctx: ServiceContext): CitationHandlers {
  return {
    'citations.attach'({ claimId, briefId, target, stance }) {
      return ctx.write(() => {
        if (claimId !== undefined && !ctx.claims.get(claimId))
          throw new AppError('NOT_FOUND', `There is no claim with id ${claimId}.`);
        if (briefId !== undefined && !ctx.briefs.getSummary(briefId))
          throw new AppError('NOT_FOUND', `There is no brief with id ${briefId}.`);
        const id = insertCitation(ctx, { claimId: claimId ?? null, briefId: briefId ?? null }, target, stance);
        return ctx.citations.get(id)!;
      });
    },

    'citations.detach'({ citationId }) {
      return ctx.write(() => {
        if (!ctx.citations.detach(citationId, ctx.now()))
          throw new AppError('NOT_FOUND', `There is no attached citation with id ${citationId}.`);
        return { detached: true as const };
      });
    },

    // An edit in place: the citation keeps its id, quote, selectors, anchor status and score,
    // so a fuzzy or orphaned one still waits for review after its stance changes.
    'citations.update'({ citationId, fields }) {
      return ctx.write(() => {
        const current = ctx.citations.get(citationId);
        if (!current) throw new AppError('NOT_FOUND', `There is no attached citation with id ${citationId}.`);
        if (fields.stance !== undefined && fields.stance !== current.stance)
          ctx.citations.updateStance(citationId, fields.stance, ctx.now());
        return ctx.citations.get(citationId)!;
      });
    },

    'citations.get'({ citationId }) {
      const citation = ctx.citations.get(citationId);
      if (!citation) throw new AppError('NOT_FOUND', `There is no citation with id ${citationId}.`);
      return citation;
    },

    'citations.forSource'({ sourceId }) {
      return ctx.citations.forSource(sourceId);
    },
  };
}
