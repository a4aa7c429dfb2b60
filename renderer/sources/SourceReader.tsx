// The source reader: a source version's normalized text with every cited passage highlighted,
// a find box, and the step from a selected passage to a claim card. Opened for a citation, it
// scrolls to the passage, outlines it and moves focus there; a citation that could not be found
// in this version is explained, with its stored quote.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createAnchor, reanchor } from '../../shared/anchoring';
import type { Citation } from '../../shared/api/citations';
import { invoke, useQuery } from '../bridge';
import type { ReaderTarget } from '../workspace/workspaceState';
import { useWorkspace, useWorkspaceActions } from '../workspace/workspaceState';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { formatUpdated, plural } from '../ui/formatDate';
import { Kbd } from '../ui/Kbd';
import { SHORTCUTS, ariaShortcut, matchesShortcut } from '../ui/keyboard';
import { useToasts } from '../ui/Toasts';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { ReliabilityBadge } from '../ui/tradecraft';
import { ReaderText } from './ReaderText';
import { layoutReaderText, type ReaderHighlight } from './readerLayout';
import { setReaderSelection, useReaderSelection, getReaderSelection, passageTarget } from './readerSelection';
import { selectionToRange } from './selectionOffsets';
import { SourceDetailsDialog } from './SourceDetailsDialog';
import { SourceMeta } from './SourceMeta';
import { FOCUS_TARGETS } from '../workspace/focusTargets';
import { findAll } from './findInText';
import { insertCitationIntoBrief } from '../briefs/insertIntoBrief';

/** Characters above which the reader waits for typing in "find" to pause before searching. */
const LONG_TEXT = 100_000;

const PULSE = [{ outlineOffset: '6px', outlineColor: 'transparent' }, { outlineOffset: '1px' }];

export function SourceReader({ target }: { target: ReaderTarget }) {
  const { sourceId, versionId, focusCitationId, request } = target;
  const actions = useWorkspaceActions();
  const document_ = useQuery(
    () => invoke('sources.get', versionId ? { sourceId, versionId } : { sourceId }),
    [sourceId, versionId],
    ['sources'],
  );
  const citations = useQuery(() => invoke('citations.forSource', { sourceId }), [sourceId], ['citations']);
  const [editing, setEditing] = useState(false);
  const [find, setFind] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const textRef = useRef<HTMLDivElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const handledRequest = useRef(0);

  const data = document_.data?.source.id === sourceId ? document_.data : undefined;
  const text = data?.text ?? '';
  const isCurrent = data ? data.version.id === data.source.currentVersionId : false;

  // On a long text every search re-lays out the reader: let fast typing settle first.
  const [settledFind, settleFind] = useDebouncedValue(find, text.length > LONG_TEXT ? 150 : 0);
  const matches = useMemo(() => findAll(text, settledFind), [text, settledFind]);
  const match = matches.length > 0 ? matches[((matchIndex % matches.length) + matches.length) % matches.length]! : null;

  const focused: Citation | undefined = citations.data?.find((c) => c.id === focusCitationId);

  const highlights = useMemo<ReaderHighlight[]>(() => {
    if (!data) return [];
    const list: ReaderHighlight[] = [];
    for (const c of citations.data ?? []) {
      if (c.anchorStatus !== 'orphaned' && c.versionId === data.version.id && c.start !== null && c.end !== null) {
        list.push({ start: c.start, end: c.end, kind: c.anchorStatus, citationId: c.id });
      } else if (c.anchorStatus === 'orphaned' && c.versionId === data.version.id) {
        // Reading the version an orphan was last found in: find its quote there to show it.
        const found = reanchor(
          { start: 0, end: c.exact.length, exact: c.exact, prefix: c.prefix, suffix: c.suffix },
          data.text,
        );
        if (found.status !== 'orphaned')
          list.push({ start: found.anchor.start, end: found.anchor.end, kind: 'orphaned', citationId: c.id });
      }
    }
    if (match) list.push({ start: match.start, end: match.end, kind: 'match', citationId: null });
    return list;
  }, [data, citations.data, match]);

  const lines = useMemo(() => layoutReaderText(text, highlights), [text, highlights]);

  // A selection in the reader becomes the passage to cite (only in the current version: new
  // citations always anchor there). A selection elsewhere leaves the last passage in place.
  useEffect(() => {
    if (!data || !isCurrent) return;
    const onSelectionChange = () => {
      const container = textRef.current;
      const selection = window.getSelection();
      if (!container || !selection || selection.rangeCount === 0) return;
      if (!selection.getRangeAt(0).intersectsNode(container)) return;
      const range = selectionToRange(container, selection, data.text);
      if (range)
        setReaderSelection({
          sourceId: data.source.id,
          versionId: data.version.id,
          sourceTitle: data.source.title,
          ...range,
        });
      else if (selection.isCollapsed && getReaderSelection()?.sourceId === data.source.id) setReaderSelection(null);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [data, isCurrent]);

  // The current find match is also the passage to cite, so the keyboard alone can go from a
  // source to a card: find the words, then "Create claim card". A layout effect, so the passage
  // is set before the match is painted — a shortcut pressed right after always sees it.
  useLayoutEffect(() => {
    if (!data || !isCurrent || !match) return;
    const anchor = createAnchor(data.text, match.start, match.end);
    setReaderSelection({
      sourceId: data.source.id,
      versionId: data.version.id,
      sourceTitle: data.source.title,
      start: anchor.start,
      end: anchor.end,
      exact: anchor.exact,
    });
  }, [data, isCurrent, match]);

  useEffect(() => {
    if (!match) return;
    textRef.current?.querySelector('.reader__mark--match')?.scrollIntoView({ block: 'center' });
  }, [match]);

  // Opened for a citation: once its text and citations are here, scroll to it and focus it.
  useEffect(() => {
    if (!focusCitationId || !data || !citations.data || handledRequest.current === request) return;
    handledRequest.current = request;
    const mark = textRef.current?.querySelector<HTMLElement>(`mark[data-citations~="${focusCitationId}"]`);
    if (mark) {
      mark.scrollIntoView({ block: 'center' });
      mark.focus({ preventScroll: true });
      if (!window.matchMedia('(prefers-reduced-motion: reduce)').matches)
        mark.animate(PULSE, { duration: 700, iterations: 2 });
    } else {
      bannerRef.current?.focus();
    }
  }, [focusCitationId, request, data, citations.data]);

  const orphans = (citations.data ?? []).filter((c) => c.anchorStatus === 'orphaned');

  if (document_.error && !data) return <ErrorNote error={document_.error} onRetry={document_.reload} />;
  if (!data) return <p className="loading">Loading source…</p>;

  return (
    <section className="reader" aria-labelledby="reader-title">
      <header className="reader__header">
        <button type="button" className="link-button reader__back" onClick={() => actions.closeReader()}>
          ← All sources
        </button>
        <div className="reader__title-row">
          <h2 id="reader-title" className="reader__title" dir="auto">
            {data.source.title}
          </h2>
          <button type="button" className="button button--small button--quiet" onClick={() => setEditing(true)}>
            Edit details
          </button>
        </div>
        <div className="reader__meta">
          <ReliabilityBadge grade={data.source.reliability} long />
          <SourceMeta source={data.source} withLink />
        </div>
        <VersionLine
          sourceId={sourceId}
          shownVersionId={data.version.id}
          source={data.source}
          citationCount={citations.data?.length ?? data.source.citationCount}
          onPick={(id) => actions.openSource(sourceId, id === data.source.currentVersionId ? null : id)}
        />
      </header>

      <ReaderToolbar
        find={find}
        onFind={(value) => {
          setFind(value);
          setMatchIndex(0);
        }}
        onStep={(step) => setMatchIndex((i) => i + step)}
        onSettleFind={() => flushSync(settleFind)}
        matchCount={matches.length}
        matchIndex={matches.length ? ((matchIndex % matches.length) + matches.length) % matches.length : 0}
        citable={isCurrent}
        sourceId={sourceId}
      />

      {!isCurrent && (
        <div className="banner banner--info">
          <p>
            You are reading version {data.version.versionNo} of {data.source.versionCount}, imported{' '}
            {formatUpdated(data.version.importedAt)}. New claim cards always cite the current version.
          </p>
          <button type="button" className="button button--small" onClick={() => actions.openSource(sourceId, null)}>
            Go to the current version
          </button>
        </div>
      )}

      {focused && focused.anchorStatus !== 'exact' && (
        <div
          ref={bannerRef}
          tabIndex={-1}
          className={`banner ${focused.anchorStatus === 'orphaned' ? 'banner--danger' : 'banner--warning'}`}
        >
          {focused.anchorStatus === 'orphaned' ? (
            <p>
              <strong>This passage is no longer in the current version of the source.</strong> The citation keeps the
              quote it was made with:
            </p>
          ) : (
            <p>
              <strong>Found approximately ({Math.round((focused.score ?? 0) * 100)} % match).</strong> The source
              changed since this passage was cited; check that the highlighted text still says what the card claims.
            </p>
          )}
          {focused.anchorStatus === 'orphaned' && (
            <blockquote className="quote" dir="auto">
              {focused.exact}
            </blockquote>
          )}
          {focused.anchorStatus === 'orphaned' && focused.versionId !== data.version.id && (
            <button
              type="button"
              className="button button--small"
              onClick={() => actions.openSource(sourceId, focused.versionId)}
            >
              Show the version it was last found in
            </button>
          )}
        </div>
      )}

      {orphans.length > 0 && isCurrent && (
        <details className="reader__orphans">
          <summary>{plural(orphans.length, 'citation')} could not be found in this version</summary>
          <ul>
            {orphans.map((c) => (
              <li key={c.id}>
                <q dir="auto">{c.exact}</q>
              </li>
            ))}
          </ul>
        </details>
      )}

      {text.length === 0 ? (
        <EmptyState title="This version has no text" />
      ) : (
        <ReaderText
          ref={textRef}
          text={text}
          lines={lines}
          focusCitationId={focusCitationId}
          label={`Text of ${data.source.title}, version ${data.version.versionNo}`}
        />
      )}

      <SourceDetailsDialog source={editing ? data.source : null} onClose={() => setEditing(false)} />
      {citations.error && <ErrorNote error={citations.error} onRetry={citations.reload} />}
    </section>
  );
}

function VersionLine({
  sourceId,
  shownVersionId,
  source,
  citationCount,
  onPick,
}: {
  sourceId: number;
  shownVersionId: number;
  source: { versionCount: number; currentVersionId: number };
  /** Live: from the citations query, which follows every attach and detach. */
  citationCount: number;
  onPick: (versionId: number) => void;
}) {
  const selectId = useId();
  const versions = useQuery(
    () => (source.versionCount > 1 ? invoke('sources.versions', { sourceId }) : Promise.resolve([])),
    [sourceId, source.versionCount],
    ['sources'],
  );
  return (
    <div className="reader__versions">
      <span>{plural(citationCount, 'citation')}</span>
      {source.versionCount > 1 && versions.data && versions.data.length > 0 && (
        <span className="inline-field">
          <label htmlFor={selectId}>Version</label>
          <select
            id={selectId}
            className="input input--small"
            value={shownVersionId}
            onChange={(e) => onPick(Number(e.target.value))}
          >
            {versions.data.map((v) => (
              <option key={v.id} value={v.id}>
                {`${v.versionNo}${v.id === source.currentVersionId ? ' (current)' : ''} · ${formatUpdated(v.importedAt)}`}
              </option>
            ))}
          </select>
        </span>
      )}
    </div>
  );
}

interface ToolbarProps {
  find: string;
  onFind: (value: string) => void;
  onStep: (step: 1 | -1) => void;
  /** Searches for what is typed now, before a command acts on the match. */
  onSettleFind: () => void;
  matchCount: number;
  matchIndex: number;
  citable: boolean;
  sourceId: number;
}

function ReaderToolbar({
  find,
  onFind,
  onStep,
  onSettleFind,
  matchCount,
  matchIndex,
  citable,
  sourceId,
}: ToolbarProps) {
  const selection = useReaderSelection();
  const passage = selection?.sourceId === sourceId ? selection : null;
  const { inspector, openBriefId } = useWorkspace();
  const actions = useWorkspaceActions();
  const toasts = useToasts();

  /** Cites the passage in the running text of the open brief: a citation owned by the brief, marked at the editor's caret. */
  const citeInBrief = async () => {
    if (!passage || openBriefId === null) return;
    try {
      const citation = await invoke('citations.attach', {
        briefId: openBriefId,
        target: passageTarget(passage),
        stance: 'supports',
      });
      insertCitationIntoBrief(citation.id);
    } catch (error) {
      toasts.error(error, 'Could not cite the passage in the brief');
    }
  };

  const addToCard = async () => {
    if (!passage || !inspector) return;
    if (inspector.kind === 'new') {
      actions.addPassageToNewCard(passage);
      return;
    }
    try {
      await invoke('citations.attach', {
        claimId: inspector.claimId,
        target: passageTarget(passage),
        stance: 'supports',
      });
      toasts.success('Citation added', `The passage now supports card #${inspector.claimId}.`);
    } catch (error) {
      toasts.error(error, 'Could not add the citation');
    }
  };

  return (
    <div className="reader__toolbar">
      <div className="find" role="search">
        <label className="visually-hidden" htmlFor={FOCUS_TARGETS.readerFind}>
          Find in source
        </label>
        <input
          id={FOCUS_TARGETS.readerFind}
          type="search"
          className="input input--small"
          placeholder="Find in source"
          value={find}
          aria-keyshortcuts={ariaShortcut(SHORTCUTS.find)}
          onChange={(e) => onFind(e.target.value)}
          onKeyDown={(e) => {
            // "Create claim card" straight after typing must cite the whole match, not the
            // match of a shorter query still waiting out the long-text delay. The global
            // shortcut handler runs after this one, once the match is the passage.
            if (matchesShortcut(e, SHORTCUTS.createClaimFromSelection)) onSettleFind();
            if (e.key === 'Enter') {
              e.preventDefault();
              onStep(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <span className="find__count" aria-live="polite">
          {find ? (matchCount ? `${matchIndex + 1} of ${matchCount}` : 'No match') : ''}
        </span>
      </div>
      <div className="reader__actions">
        {passage && (
          <span className="reader__selection" title={passage.exact}>
            “<bdi>{abbreviate(passage.exact, 48)}</bdi>”
          </span>
        )}
        {openBriefId !== null && citable && (
          <button
            type="button"
            className="button button--small"
            disabled={!passage}
            title="Mark this passage as a citation in the brief's running text, at the caret"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void citeInBrief()}
          >
            Cite in brief
          </button>
        )}
        {inspector && citable && (
          <button
            type="button"
            className="button button--small"
            disabled={!passage}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void addToCard()}
          >
            Add to card
          </button>
        )}
        <button
          type="button"
          className="button button--small button--primary"
          disabled={!passage || !citable}
          aria-keyshortcuts={ariaShortcut(SHORTCUTS.createClaimFromSelection)}
          title={
            citable
              ? passage
                ? 'Create a claim card citing the selected passage'
                : 'Select a passage first'
              : 'Switch to the current version to cite'
          }
          // Keep the text selection: pressing a button must not collapse it before the click.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => passage && actions.newClaim(passage)}
        >
          Create claim card <Kbd shortcut={SHORTCUTS.createClaimFromSelection} />
        </button>
      </div>
    </div>
  );
}

/** At most `max` characters, never cutting an emoji or other astral character in half. */
function abbreviate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
