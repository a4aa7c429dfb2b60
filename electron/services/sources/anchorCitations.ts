// Placing citations in source text: new anchors from a range or a quote, and re-anchoring
// every citation of a source when a new version of it is imported.
import { createAnchor, findExactOccurrences, normalizeText, reanchor } from '../../../shared/anchoring';
import type { TextAnchor } from '../../../shared/anchoring';
import { AppError } from '../../../shared/api/errors';
import type { ReanchorSummary } from '../../../shared/api/sources';
import type { ServiceContext } from '../context';

export type CitationTarget = { sourceId: number; start: number; end: number } | { sourceId: number; quote: string };

/** The anchor of a new citation in the source's current version; refuses a quote that is not there. */
export function anchorInCurrentVersion(
  ctx: ServiceContext,
  target: CitationTarget,
): { versionId: number; anchor: TextAnchor } {
  const source = ctx.sources.get(target.sourceId);
  if (!source) throw new AppError('NOT_FOUND', `There is no source with id ${target.sourceId}.`);
  const text = ctx.sources.versionText(source.currentVersionId)!;
  if ('quote' in target) {
    const quote = normalizeText(target.quote);
    const [first] = findExactOccurrences(text, quote);
    if (first === undefined) {
      throw new AppError(
        'CONFLICT',
        `The quote "${abbreviate(quote)}" does not occur in the current version of source ${source.id} ("${abbreviate(source.title)}"). Copy the passage exactly as it appears in the source.`,
      );
    }
    return { versionId: source.currentVersionId, anchor: createAnchor(text, first, first + quote.length) };
  }
  if (target.end > text.length) {
    throw new AppError(
      'INVALID_INPUT',
      `The passage ${target.start}–${target.end} lies outside source ${source.id}, whose text is ${text.length} characters long.`,
    );
  }
  return { versionId: source.currentVersionId, anchor: createAnchor(text, target.start, target.end) };
}

/**
 * Moves every live citation of a source to `newVersionId`: exact where the passage is
 * unchanged or moved, fuzzy with its score where it was edited, orphaned where it is gone.
 */
export function reanchorSourceCitations(
  ctx: ServiceContext,
  sourceId: number,
  newVersionId: number,
  newText: string,
): ReanchorSummary {
  const summary: ReanchorSummary = { exact: 0, fuzzy: 0, orphaned: 0 };
  const now = ctx.now();
  for (const citation of ctx.citations.forSource(sourceId)) {
    // An orphan keeps its quote but no position: search for it anew without a position hint.
    const anchor: TextAnchor = {
      start: citation.start ?? 0,
      end: citation.end ?? citation.exact.length,
      exact: citation.exact,
      prefix: citation.prefix,
      suffix: citation.suffix,
    };
    const result = reanchor(anchor, newText);
    summary[result.status] += 1;
    if (result.status === 'orphaned') {
      // Keep the version it was last found in, so the quote can still be shown in context.
      ctx.citations.updateAnchor(
        {
          id: citation.id,
          versionId: citation.versionId,
          start: null,
          end: null,
          exact: citation.exact,
          prefix: citation.prefix,
          suffix: citation.suffix,
          anchorStatus: 'orphaned',
          score: null,
        },
        now,
      );
    } else {
      ctx.citations.updateAnchor(
        {
          id: citation.id,
          versionId: newVersionId,
          ...result.anchor,
          anchorStatus: result.status,
          score: result.score,
        },
        now,
      );
    }
  }
  return summary;
}

export function abbreviate(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
