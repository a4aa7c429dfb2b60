// The live view of a claim card: statement, estimate (likelihood, confidence), grading such as
// B2, numbered citation markers and status, read from the shared claim cache. Memoized on
// (claimId, nodeKey), so typing elsewhere in the brief never renders it, and typing stays fast. Until the
// browser first shows the card (hostVisibility.ts) only its statement is rendered.
import { memo, type JSX } from 'react';
import type { Citation } from '../../../shared/api/citations';
import type { Claim } from '../../../shared/api/claims';
import {
  describeLikelihood,
  formatGrading,
  INFORMATION_CREDIBILITY,
  SOURCE_RELIABILITY,
  type InformationCredibility,
  type SourceReliability,
} from '../../../shared/tradecraft/vocabularies';
import {
  useBriefEditorServices,
  useCitationNumbers,
  useNodeSelected,
  type BriefEditorServices,
} from '../editorContext';
import { editorStats } from '../editorStats';
import { useClaim } from '../state/claimStore';
import { useHostShown } from './hostVisibility';
import { useKeyboardIsolation } from './keyboardIsolation';

const KIND_LABEL = { fact: 'Fact', assessment: 'Assessment', judgment: 'Judgment' } as const;
const STATUS_LABEL = { draft: 'Draft', verified: 'Verified', disputed: 'Disputed', retracted: 'Retracted' } as const;
const STANCE_LABEL = { supports: 'supports', contradicts: 'contradicts', mentions: 'mentions' } as const;

/** The card's grading: the most reliable supporting, still-anchored source with the claim's credibility. */
export function cardGrading(claim: Claim): { text: string; title: string } | null {
  const anchored = claim.citations.filter((c) => c.anchorStatus !== 'orphaned');
  const supporting = anchored.filter((c) => c.stance === 'supports');
  const pool = supporting.length > 0 ? supporting : anchored;
  if (pool.length === 0) return null;
  const best = pool.reduce((a, b) => (b.sourceReliability < a.sourceReliability ? b : a));
  return gradingOf(best.sourceReliability, claim.credibility);
}

function gradingOf(
  reliability: SourceReliability,
  credibility: InformationCredibility | null,
): { text: string; title: string } {
  const info =
    credibility == null ? 'information credibility not graded' : `information ${INFORMATION_CREDIBILITY[credibility]}`;
  return { text: formatGrading(reliability, credibility), title: `Source ${SOURCE_RELIABILITY[reliability]}; ${info}` };
}

function percent(score: number | null): string {
  return score == null ? '' : `${Math.round(score * 100)} %`;
}

function citationLabel(n: number, c: Citation): string {
  const where = c.sourceTitle || `source ${c.sourceId}`;
  const status =
    c.anchorStatus === 'orphaned'
      ? ', passage not found in the current version'
      : c.anchorStatus === 'fuzzy'
        ? `, approximate match ${percent(c.score)}`
        : '';
  return `Citation ${n || ''}: ${where}${status}. Open the passage.`;
}

function CitationItem({
  citation,
  n,
  claim,
  services,
}: {
  citation: Citation;
  n: number;
  claim: Claim;
  services: BriefEditorServices | null;
}): JSX.Element {
  const grading = gradingOf(citation.sourceReliability, claim.credibility);
  return (
    <li className={`be-card__citation be-card__citation--${citation.anchorStatus}`}>
      <button
        type="button"
        className={`be-cite be-cite--${citation.anchorStatus}`}
        data-citation-id={citation.id}
        aria-label={citationLabel(n, citation)}
        title={citation.anchorStatus === 'orphaned' ? `Passage not found: “${citation.exact}”` : citation.exact}
        onClick={() => services?.openCitation(citation.id)}
      >
        {n > 0 ? n : '·'}
      </button>
      <span className="be-card__source">{citation.sourceTitle || `Source ${citation.sourceId}`}</span>
      <span className="be-card__grade" title={grading.title}>
        {grading.text}
      </span>
      {citation.stance !== 'supports' && (
        <span className={`be-card__stance be-card__stance--${citation.stance}`}>{STANCE_LABEL[citation.stance]}</span>
      )}
      {citation.anchorStatus === 'fuzzy' && (
        <span className="be-flag be-flag--fuzzy" title="The source changed; the passage was found approximately.">
          ≈ {percent(citation.score)} match
        </span>
      )}
      {citation.anchorStatus === 'orphaned' && (
        <span className="be-flag be-flag--orphaned">
          Passage not found — <q className="be-card__orphan-quote">{citation.exact}</q>
        </span>
      )}
    </li>
  );
}

function ClaimCardView({ claimId, nodeKey }: { claimId: number; nodeKey: string }): JSX.Element {
  editorStats.cardRenders += 1;
  const entry = useClaim(claimId);
  const services = useBriefEditorServices();
  const selected = useNodeSelected(services, nodeKey);
  const claim = entry.state === 'ready' ? entry.claim : null;
  const numbers = useCitationNumbers(services, claim ? claim.citations.map((c) => c.id) : []);
  const isolate = useKeyboardIsolation<HTMLElement>();
  const shown = useHostShown(nodeKey);
  const selectedClass = selected ? ' is-selected' : '';

  if (claim === null) {
    const message =
      claimId === 0
        ? 'This card refers to a claim that could not be read.'
        : entry.state === 'missing'
          ? `Claim ${claimId} is no longer in the library.`
          : entry.state === 'error'
            ? `Claim ${claimId} could not be loaded: ${entry.message}`
            : 'Loading claim…';
    const state = entry.state === 'loading' && claimId !== 0 ? 'loading' : 'broken';
    return (
      <article
        className={`be-card be-card--${state}${selectedClass}`}
        data-claim-id={claimId}
        aria-label="Claim card"
        aria-busy={state === 'loading'}
      >
        <p className="be-card__placeholder">{message}</p>
      </article>
    );
  }

  if (!shown) {
    // Far from the viewport: what finding and reading the brief need, not the citations; about
    // as tall as the full card, so the brief does not jump when the browser shows it.
    return (
      <article
        className={`be-card be-card--${claim.status} be-card--deferred${selectedClass}`}
        data-claim-id={claimId}
        aria-label={`Claim card: ${claim.statement}`}
        style={{ ['--be-card-citations' as string]: claim.citations.length }}
      >
        <p className="be-card__statement">{claim.statement}</p>
      </article>
    );
  }

  const grading = cardGrading(claim);
  const band = claim.likelihood ? describeLikelihood(claim.likelihood).band : null;
  const canOpen = services?.canOpenClaim() ?? false;
  return (
    <article
      ref={isolate}
      className={`be-card be-card--${claim.status}${selectedClass}`}
      data-claim-id={claimId}
      aria-label={`Claim card: ${claim.statement}`}
      onDoubleClick={canOpen ? () => services?.openClaim(claimId) : undefined}
    >
      <header className="be-card__head">
        <span className="be-card__kind">{KIND_LABEL[claim.kind]}</span>
        {grading && (
          <span className="be-card__grading" title={grading.title}>
            {grading.text}
          </span>
        )}
        <span className={`be-badge be-badge--${claim.status}`}>{STATUS_LABEL[claim.status]}</span>
        <span className="be-card__spacer" />
        {claim.usedInBriefs > 1 && <span className="be-card__usage">used in {claim.usedInBriefs} briefs</span>}
        {canOpen && (
          <button
            type="button"
            className="be-card__action"
            onClick={() => services?.openClaim(claimId)}
            aria-label="Edit this claim card"
          >
            Edit
          </button>
        )}
      </header>
      <p className="be-card__statement">{claim.statement}</p>
      {(claim.likelihood || claim.confidence) && (
        <p className="be-card__estimate">
          {claim.likelihood && (
            <span className="be-card__likelihood">
              {claim.likelihood} <span className="be-card__band">({band})</span>
            </span>
          )}
          {claim.likelihood && claim.confidence && <span aria-hidden="true"> · </span>}
          {claim.confidence && <span className="be-card__confidence">{claim.confidence} confidence</span>}
        </p>
      )}
      {claim.citations.length > 0 ? (
        <ol className="be-card__citations" aria-label="Citations">
          {claim.citations.map((citation, i) => (
            <CitationItem key={citation.id} citation={citation} n={numbers[i] ?? 0} claim={claim} services={services} />
          ))}
        </ol>
      ) : (
        <p className="be-card__warning">No citation yet — this claim is not sourced.</p>
      )}
    </article>
  );
}

/** The live claim card; re-renders only when its claim, its citation numbers or its selection change. */
export const ClaimCardComponent = memo(ClaimCardView);
