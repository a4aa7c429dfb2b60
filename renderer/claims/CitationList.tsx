// The passages a card cites, each with its quote, source, grading, anchor status and stance.
// Saved citations change stance or detach through the library at once; the passages of a card
// not yet saved are only held by the form until it is saved.
import type { Citation } from '../../shared/api/citations';
import {
  CITATION_STANCES,
  type CitationStance,
  type InformationCredibility,
} from '../../shared/tradecraft/vocabularies';
import { AnchorStatusBadge, GradingBadge } from '../ui/tradecraft';

export interface CitationRow {
  key: string;
  quote: string;
  sourceTitle: string;
  stance: CitationStance;
  /** Saved citations only. */
  citation?: Citation;
}

interface CitationListProps {
  rows: readonly CitationRow[];
  credibility: InformationCredibility | null;
  onStance: (row: CitationRow, stance: CitationStance) => void;
  onShow: (row: CitationRow) => void;
  onRemove: (row: CitationRow) => void;
}

export function CitationList({ rows, credibility, onStance, onShow, onRemove }: CitationListProps) {
  return (
    <ol className="citation-list">
      {rows.map((row, index) => (
        <li
          key={row.key}
          className={`citation-item${row.citation ? ` citation-item--${row.citation.anchorStatus}` : ''}`}
        >
          <span className="citation-item__number" aria-hidden="true">
            {index + 1}
          </span>
          <div className="citation-item__body">
            <blockquote className="quote citation-item__quote" dir="auto">
              {row.quote}
            </blockquote>
            <p className="citation-item__source">
              <span dir="auto">{row.sourceTitle}</span>
              {row.citation && <GradingBadge reliability={row.citation.sourceReliability} credibility={credibility} />}
              {row.citation && <AnchorStatusBadge citation={row.citation} />}
            </p>
            <div className="citation-item__actions">
              <span className="inline-field">
                <label htmlFor={`stance-${row.key}`}>Stance</label>
                <select
                  id={`stance-${row.key}`}
                  className="input input--small"
                  value={row.stance}
                  onChange={(e) => onStance(row, e.target.value as CitationStance)}
                >
                  {CITATION_STANCES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </span>
              <button type="button" className="button button--small button--quiet" onClick={() => onShow(row)}>
                Show in source
              </button>
              <button
                type="button"
                className="button button--small button--quiet button--danger"
                onClick={() => onRemove(row)}
              >
                {row.citation ? 'Detach' : 'Remove'}
              </button>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
