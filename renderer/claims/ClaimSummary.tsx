// The compact description of a claim card used in lists: its grading and vocabulary terms,
// status, tags, citations and how many briefs use it.
import type { Claim } from '../../shared/api/claims';
import { plural } from '../ui/formatDate';
import { AnchorStatusBadge, GradingBadge, LikelihoodText, StatusBadge } from '../ui/tradecraft';

export function ClaimFacts({ claim }: { claim: Claim }) {
  const first = claim.citations[0];
  const worst =
    claim.citations.find((c) => c.anchorStatus === 'orphaned') ??
    claim.citations.find((c) => c.anchorStatus === 'fuzzy');
  return (
    <p className="claim-facts">
      <span className="claim-facts__kind">{claim.kind}</span>
      {claim.likelihood && <LikelihoodText term={claim.likelihood} />}
      {claim.confidence && <span>{claim.confidence} confidence</span>}
      {first && <GradingBadge reliability={first.sourceReliability} credibility={claim.credibility} />}
      <StatusBadge status={claim.status} />
      {worst && <AnchorStatusBadge citation={worst} />}
      {claim.tags.map((tag) => (
        <span key={tag} className="tag" dir="auto">
          #{tag}
        </span>
      ))}
    </p>
  );
}

export function ClaimUsage({ claim }: { claim: Claim }) {
  return (
    <p className="claim-usage">
      <span>{plural(claim.citations.length, 'citation')}</span>
      <span>{claim.usedInBriefs === 0 ? 'not in any brief' : `used in ${plural(claim.usedInBriefs, 'brief')}`}</span>
    </p>
  );
}
