// Storing a new citation: anchoring its passage in the source's current version, then writing
// it for its owner. Claim cards created with citations and citations.attach both come here.
import type { Citation } from '../../../shared/api/citations';
import type { ServiceContext } from '../context';
import { anchorInCurrentVersion, type CitationTarget } from '../sources/anchorCitations';

/** Anchors `target` in its source's current version and stores the citation for `owner`; returns its id. Throws if the passage is not there. */
export function insertCitation(
  ctx: ServiceContext,
  owner: { claimId: number | null; briefId: number | null },
  target: CitationTarget,
  stance: Citation['stance'],
): number {
  const { versionId, anchor } = anchorInCurrentVersion(ctx, target);
  return ctx.citations.insert({ ...owner, sourceId: target.sourceId, versionId, stance, ...anchor }, ctx.now());
}
