// What the pre-flight found, as the analyst reads it before exporting: the
// counts, then every orphaned citation (they block), every approximate one and every claim
// without a citation. Each entry opens the citation in the reader or the claim in the inspector.
import type { ReactNode } from 'react';
import type { ExportPreflight } from '../../shared/api/briefs';

type PreflightCitation = ExportPreflight['orphaned'][number];

export interface PreflightReportProps {
  preflight: ExportPreflight;
  /** While exporting, the entries do nothing. */
  disabled: boolean;
  onOpenCitation: (citationId: number) => void;
  onOpenClaim: (claimId: number) => void;
}

/** "1 citation", "3 citations". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const percent = (score: number | null) => `${Math.round((score ?? 0) * 100)} %`;

export function PreflightReport({ preflight, disabled, onOpenCitation, onOpenClaim }: PreflightReportProps) {
  const { citationCount, orphaned, fuzzy, uncitedClaims, missingClaimIds, missingCitationIds } = preflight;
  const missing = missingClaimIds.length + missingCitationIds.length;

  return (
    <div className="preflight">
      <dl className="preflight__counts" aria-label="Pre-flight counts">
        <Count label={citationCount === 1 ? 'citation' : 'citations'} value={citationCount} tone="neutral" />
        <Count label="orphaned" value={orphaned.length} tone={orphaned.length ? 'danger' : 'ok'} />
        <Count label="approximate" value={fuzzy.length} tone={fuzzy.length ? 'warning' : 'ok'} />
        <Count
          label={uncitedClaims.length === 1 ? 'uncited claim' : 'uncited claims'}
          value={uncitedClaims.length}
          tone={uncitedClaims.length ? 'warning' : 'ok'}
        />
      </dl>

      {orphaned.length === 0 && fuzzy.length === 0 && (
        <p className="preflight__verdict preflight__verdict--ok">
          <CheckIcon />
          {citationCount === 0
            ? 'This brief cites no passages yet.'
            : citationCount === 1
              ? 'The 1 citation was found exactly in its source.'
              : `All ${citationCount} citations found exactly.`}
        </p>
      )}

      <div className="preflight__sections">
        {orphaned.length > 0 && (
          <Section
            tone="danger"
            title={`Orphaned citations (${orphaned.length})`}
            hint="The cited passage is no longer in the current version of its source. The PDF shows the stored quote, marked as orphaned."
          >
            {orphaned.map((c) => (
              <CitationEntry
                key={c.citationId}
                citation={c}
                badge={<span className="badge badge--orphaned">passage not found</span>}
                disabled={disabled}
                onOpen={onOpenCitation}
              />
            ))}
          </Section>
        )}
        {fuzzy.length > 0 && (
          <Section
            tone="warning"
            title={`Found approximately (${fuzzy.length})`}
            hint="The source changed since these passages were cited; they were found again with small differences."
          >
            {fuzzy.map((c) => (
              <CitationEntry
                key={c.citationId}
                citation={c}
                badge={<span className="badge badge--fuzzy">{`${percent(c.score)} match`}</span>}
                disabled={disabled}
                onOpen={onOpenCitation}
              />
            ))}
          </Section>
        )}
        {uncitedClaims.length > 0 && (
          <Section
            tone="warning"
            title={`Claims without a citation (${uncitedClaims.length})`}
            hint="These cards rest on no source passage; the PDF prints them without a note."
          >
            {uncitedClaims.map((claim) => (
              <li key={claim.claimId}>
                <button
                  type="button"
                  className="preflight__entry preflight__entry--claim"
                  disabled={disabled}
                  onClick={() => onOpenClaim(claim.claimId)}
                >
                  <span className="preflight__statement" dir="auto">
                    {claim.statement}
                  </span>
                  <span className="preflight__open">Open card</span>
                </button>
              </li>
            ))}
          </Section>
        )}
        {missing > 0 && (
          <p className="preflight__missing">
            {[
              missingClaimIds.length > 0 && plural(missingClaimIds.length, 'claim card'),
              missingCitationIds.length > 0 && plural(missingCitationIds.length, 'citation'),
            ]
              .filter(Boolean)
              .join(' and ')}{' '}
            in this brief {missing === 1 ? 'is' : 'are'} no longer in the library and will not be printed.
          </p>
        )}
      </div>
    </div>
  );
}

function Count({
  label,
  value,
  tone,
}: {
  label: string;
  value: number;
  tone: 'neutral' | 'ok' | 'warning' | 'danger';
}) {
  return (
    <div className={`preflight__count preflight__count--${tone}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Section({
  tone,
  title,
  hint,
  children,
}: {
  tone: 'danger' | 'warning';
  title: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <section className={`preflight__section preflight__section--${tone}`} aria-label={title}>
      <h3 className="preflight__heading">{title}</h3>
      <p className="preflight__hint">{hint}</p>
      <ul className="preflight__list">{children}</ul>
    </section>
  );
}

function CitationEntry({
  citation,
  badge,
  disabled,
  onOpen,
}: {
  citation: PreflightCitation;
  badge: ReactNode;
  disabled: boolean;
  onOpen: (citationId: number) => void;
}) {
  return (
    <li>
      <button
        type="button"
        className="preflight__entry"
        disabled={disabled}
        onClick={() => onOpen(citation.citationId)}
      >
        <span className="preflight__quote" dir="auto">
          {citation.quote}
        </span>
        <span className="preflight__meta">
          {badge}
          <span className="preflight__source" dir="auto">
            {citation.sourceTitle}
          </span>
          <span className="preflight__open">Open in reader</span>
        </span>
      </button>
    </li>
  );
}

export function CheckIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M3 8.5l3 3 7-7" />
    </svg>
  );
}
