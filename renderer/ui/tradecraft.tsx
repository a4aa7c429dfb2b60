// Small badges for the tradecraft vocabularies (shared/tradecraft/vocabularies.ts), so every
// pane shows a grade, a marking or a status the same way, always with its meaning spelled out
// for assistive technology and on hover.
import type { Citation } from '../../shared/api/citations';
import {
  describeLikelihood,
  formatGrading,
  INFORMATION_CREDIBILITY,
  markingScheme,
  SOURCE_RELIABILITY,
  type ClaimStatus,
  type InformationCredibility,
  type LikelihoodTerm,
  type SourceReliability,
} from '../../shared/tradecraft/vocabularies';

export function ReliabilityBadge({ grade, long }: { grade: SourceReliability; long?: boolean }) {
  const meaning = SOURCE_RELIABILITY[grade];
  return (
    <span className={`badge badge--grade badge--grade-${grade}`} title={`Source reliability ${grade}: ${meaning}`}>
      <span className="visually-hidden">Source reliability </span>
      {grade}
      {long ? (
        <span className="badge__long">{` · ${meaning}`}</span>
      ) : (
        <span className="visually-hidden">{`, ${meaning}`}</span>
      )}
    </span>
  );
}

/** A citation's grading such as B2: its source's reliability and the claim's information credibility. */
export function GradingBadge({
  reliability,
  credibility,
}: {
  reliability: SourceReliability;
  credibility: InformationCredibility | null;
}) {
  const grading = formatGrading(reliability, credibility);
  const meaning = `source ${SOURCE_RELIABILITY[reliability]}${credibility ? `, information ${INFORMATION_CREDIBILITY[credibility]}` : ', information credibility not graded'}`;
  return (
    <span className={`badge badge--grading badge--grade-${reliability}`} title={`Grading ${grading}: ${meaning}`}>
      <span aria-hidden="true">{grading}</span>
      <span className="visually-hidden">{`Grading ${grading}: ${meaning}`}</span>
    </span>
  );
}

export function MarkingBadge({ marking }: { marking: string }) {
  if (!marking) return null;
  const scheme = markingScheme(marking);
  const level =
    scheme === 'tlp'
      ? marking.slice(4).split('+')[0]!.toLowerCase()
      : marking.split('//')[0]!.toLowerCase().replace(' ', '-');
  return (
    <span
      className={`badge badge--marking badge--marking-${scheme} badge--marking-${level}`}
      title={`Handling marking: ${marking}`}
    >
      {marking}
    </span>
  );
}

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`badge badge--status badge--status-${status}`}>{status}</span>;
}

export function LikelihoodText({ term }: { term: LikelihoodTerm }) {
  const { band } = describeLikelihood(term);
  return (
    <span className="likelihood" title={`${term}: ${band}`}>
      {term}
    </span>
  );
}

/** Whether a citation was found exactly, approximately (with its score) or not at all. */
export function AnchorStatusBadge({ citation }: { citation: Pick<Citation, 'anchorStatus' | 'score'> }) {
  if (citation.anchorStatus === 'exact') return null;
  if (citation.anchorStatus === 'fuzzy') {
    const percent = Math.round((citation.score ?? 0) * 100);
    return (
      <span
        className="badge badge--fuzzy"
        title="The source changed since this passage was cited; it was found again approximately."
      >
        approximate · {percent} %
      </span>
    );
  }
  return (
    <span className="badge badge--orphaned" title="The passage is no longer in the current version of the source.">
      passage not found
    </span>
  );
}
