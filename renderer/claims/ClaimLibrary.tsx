// The claim library: every card in the library, searched as you type and filtered by tag,
// status, likelihood, confidence and source. A card goes into the open brief by its Insert
// button, by Ctrl/Cmd+Enter on it, or by dragging it into the editor.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ClaimSearchHit } from '../../shared/api/claims';
import type { Input } from '../../shared/api/contract';
import {
  CLAIM_STATUSES,
  CONFIDENCE_LEVELS,
  type ClaimStatus,
  type ConfidenceLevel,
  type LikelihoodTerm,
} from '../../shared/tradecraft/vocabularies';
import { invoke, useQuery } from '../bridge';
import { useWorkspace, useWorkspaceActions } from '../workspace/workspaceState';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { plural } from '../ui/formatDate';
import { Kbd } from '../ui/Kbd';
import { ariaShortcut, matchesShortcut, SHORTCUTS } from '../ui/keyboard';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { useToasts } from '../ui/Toasts';
import { insertClaimIntoBrief, startClaimDrag } from '../briefs/insertIntoBrief';
import { ClaimFacts, ClaimUsage } from './ClaimSummary';
import { LikelihoodSelect } from './LikelihoodSelect';
import { SnippetText } from './snippet';
import { FOCUS_TARGETS } from '../workspace/focusTargets';

interface Filters {
  tag?: string;
  status?: ClaimStatus;
  likelihood?: LikelihoodTerm;
  confidence?: ConfidenceLevel;
  sourceId?: number;
}

const PAGE = 50;
const SEARCH_DELAY_MS = 200;

export function ClaimLibrary() {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [limit, setLimit] = useState(PAGE);
  const [debouncedQuery] = useDebouncedValue(query, SEARCH_DELAY_MS);
  const search = useMemo<Input<'claims.search'>>(
    () => ({ query: debouncedQuery, ...filters, limit }),
    [debouncedQuery, filters, limit],
  );
  const results = useQuery(() => invoke('claims.search', search), [search], ['claims', 'citations', 'usage']);
  const filtering = debouncedQuery.trim() !== '' || Object.keys(filters).length > 0;

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K] | undefined) => {
    setLimit(PAGE);
    setFilters((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  };

  const hits = results.data?.hits ?? [];
  const total = results.data?.total ?? 0;

  return (
    <div className="claim-library">
      <div className="claim-library__search" role="search">
        <label className="visually-hidden" htmlFor={FOCUS_TARGETS.claimSearch}>
          Search claim cards
        </label>
        <input
          id={FOCUS_TARGETS.claimSearch}
          type="search"
          className="input"
          placeholder="Search claim cards"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setLimit(PAGE);
          }}
          onKeyDown={(e) => {
            // Down arrow goes from the search box straight to the results.
            if (e.key === 'ArrowDown') {
              const first = document.querySelector<HTMLElement>('.claim-results .claim-result[tabindex="0"]');
              if (first) {
                e.preventDefault();
                first.focus();
              }
            }
          }}
        />
        <ClaimFilters filters={filters} onChange={setFilter} />
        <div className="claim-library__summary">
          <span aria-live="polite">
            {results.data ? (filtering ? `${plural(total, 'card')} found` : plural(total, 'card')) : ''}
          </span>
          {filtering && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setQuery('');
                setFilters({});
              }}
            >
              Clear search and filters
            </button>
          )}
        </div>
      </div>

      <div className="panel-body">
        {results.error && <ErrorNote error={results.error} onRetry={results.reload} />}
        {!results.data ? (
          !results.error && <p className="loading">Loading claim cards…</p>
        ) : hits.length === 0 ? (
          filtering ? (
            <EmptyState title="No claim cards match">
              <p>Try fewer words, or clear the filters.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No claim cards yet">
              <p>
                Open a source, select a passage and choose “Create claim card” — the card will be listed here, ready to
                insert into any brief.
              </p>
            </EmptyState>
          )
        ) : (
          <>
            <p className="hint">
              <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> move · <kbd className="kbd">Enter</kbd> edit ·{' '}
              <Kbd shortcut={SHORTCUTS.insertClaimIntoBrief} /> insert into the brief · or drag a card into the brief
            </p>
            <ResultList hits={hits} />
          </>
        )}
        {hits.length < total && (
          <button
            type="button"
            className="button button--small claim-library__more"
            onClick={() => setLimit((l) => l + PAGE)}
          >
            Show more ({plural(total - hits.length, 'card')} left)
          </button>
        )}
      </div>
    </div>
  );
}

function ClaimFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: <K extends keyof Filters>(key: K, value: Filters[K] | undefined) => void;
}) {
  const tags = useQuery(() => invoke('claims.tags', {}), [], ['claims']);
  const sources = useQuery(() => invoke('sources.list', {}), [], ['sources']);
  return (
    <div className="filters" aria-label="Filters" role="group">
      <label className="filter">
        <span className="filter__label">Tag</span>
        <select
          className="input input--small"
          value={filters.tag ?? ''}
          onChange={(e) => onChange('tag', e.target.value || undefined)}
        >
          <option value="">Any</option>
          {(tags.data ?? []).map((t) => (
            <option key={t.tag} value={t.tag}>{`${t.tag} (${t.count})`}</option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter__label">Status</span>
        <select
          className="input input--small"
          value={filters.status ?? ''}
          onChange={(e) => onChange('status', (e.target.value || undefined) as ClaimStatus | undefined)}
        >
          <option value="">Any</option>
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter__label">Likelihood</span>
        <LikelihoodSelect
          small
          value={filters.likelihood ?? null}
          emptyLabel="Any"
          onChange={(v) => onChange('likelihood', v ?? undefined)}
        />
      </label>
      <label className="filter">
        <span className="filter__label">Confidence</span>
        <select
          className="input input--small"
          value={filters.confidence ?? ''}
          onChange={(e) => onChange('confidence', (e.target.value || undefined) as ConfidenceLevel | undefined)}
        >
          <option value="">Any</option>
          {CONFIDENCE_LEVELS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="filter filter--wide">
        <span className="filter__label">Source</span>
        <select
          className="input input--small"
          value={filters.sourceId ?? ''}
          onChange={(e) => onChange('sourceId', e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">Any</option>
          {(sources.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The results; arrow keys move between cards, Enter opens one, Ctrl/Cmd+Enter inserts it. */
function ResultList({ hits }: { hits: readonly ClaimSearchHit[] }) {
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const current = Math.min(active, hits.length - 1);

  const focusItem = (index: number) => {
    const clamped = Math.max(0, Math.min(hits.length - 1, index));
    setActive(clamped);
    listRef.current?.querySelectorAll<HTMLElement>('.claim-result')[clamped]?.focus();
  };

  return (
    <ul ref={listRef} className="claim-results" aria-label="Claim cards">
      {hits.map((hit, index) => (
        <ClaimResult
          key={hit.id}
          hit={hit}
          tabbable={index === current}
          onFocus={() => setActive(index)}
          onMove={(step) => focusItem(index + step)}
          onEdge={(edge) => focusItem(edge === 'first' ? 0 : hits.length - 1)}
        />
      ))}
    </ul>
  );
}

function ClaimResult({
  hit,
  tabbable,
  onFocus,
  onMove,
  onEdge,
}: {
  hit: ClaimSearchHit;
  tabbable: boolean;
  onFocus: () => void;
  onMove: (step: 1 | -1) => void;
  onEdge: (edge: 'first' | 'last') => void;
}) {
  const { openBriefId } = useWorkspace();
  const actions = useWorkspaceActions();
  const toasts = useToasts();

  const insert = () => {
    if (openBriefId === null) {
      toasts.info('No brief is open', 'Open or create a brief first, then insert the card.');
      return;
    }
    insertClaimIntoBrief(hit.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return; // keys typed on the buttons inside are theirs
    if (matchesShortcut(event, SHORTCUTS.insertClaimIntoBrief)) {
      event.preventDefault();
      insert();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      actions.inspectClaim(hit.id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      onEdge(event.key === 'Home' ? 'first' : 'last');
    }
  };

  return (
    <li
      className="claim-result"
      tabIndex={tabbable ? 0 : -1}
      draggable
      data-claim-id={hit.id}
      aria-label={hit.statement}
      aria-keyshortcuts={`Enter ${ariaShortcut(SHORTCUTS.insertClaimIntoBrief)}`}
      onFocus={(e) => e.target === e.currentTarget && onFocus()}
      onKeyDown={onKeyDown}
      onDragStart={(event) => startClaimDrag(event, hit)}
    >
      <p className="claim-result__statement" dir="auto">
        {hit.snippet ? <SnippetText snippet={hit.snippet} /> : hit.statement}
      </p>
      <ClaimFacts claim={hit} />
      <div className="claim-result__footer">
        <ClaimUsage claim={hit} />
        <div className="claim-result__actions">
          <button
            type="button"
            className="button button--small button--quiet"
            tabIndex={-1}
            onClick={() => actions.inspectClaim(hit.id)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button--small"
            tabIndex={-1}
            disabled={openBriefId === null}
            title={
              openBriefId === null ? 'Open a brief to insert cards into it' : 'Insert this card into the open brief'
            }
            onClick={insert}
          >
            Insert <Kbd shortcut={SHORTCUTS.insertClaimIntoBrief} />
          </button>
        </div>
      </div>
    </li>
  );
}
