// Storing a new citation: placing its passage in the source's current version, then writing it
// for its owner. Claim cards created with citations and citations.attach both come here.
import type { Citation, CitationTarget } from '../../../shared/api/citations';
import type { ServiceContext } from '../context';
import { anchorInCurrentVersion } from '../sources/anchorCitations';
import { placeSelection, type PlacedCitation } from './anchorSelection';

/**
 * Places `target` in its source's current version and stores the citation for `owner`; returns
 * its id. A selection from an older version is carried over (exact or fuzzy) or refused; a quote
 * is looked up in the current version. Throws if the passage is not there.
 */
export function insertCitation(
  ctx: ServiceContext,
  owner: { claimId: number | null; briefId: number | null },
  target: CitationTarget,
  stance: Citation['stance'],
): number {
  const placed: PlacedCitation =
    'quote' in target
      ? { ...anchorInCurrentVersion(ctx, target), anchorStatus: 'exact', score: 1 }
      : placeSelection(ctx, target);
  const { versionId, anchor, anchorStatus, score } = placed;
  // One carried over approximately is stored fuzzy with its score, as re-anchoring marks one, and waits for review.
  return ctx.citations.insert(
    { ...owner, sourceId: target.sourceId, versionId, stance, ...anchor, anchorStatus, score },
    ctx.now(),
  );
}
