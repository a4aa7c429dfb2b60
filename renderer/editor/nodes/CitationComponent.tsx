// The inline citation marker: a superscript number (order of appearance in the brief) that
// opens the cited passage. Fuzzy and orphaned anchors are marked and explained.
import { memo, type JSX } from 'react';
import { useBriefEditorServices, useCitationNumbers, useNodeSelected } from '../editorContext';
import { editorStats } from '../editorStats';
import { useCitation } from '../state/citationStore';
import { useKeyboardIsolation } from './keyboardIsolation';

function CitationView({ citationId, nodeKey }: { citationId: number; nodeKey: string }): JSX.Element {
  editorStats.citationRenders += 1;
  const entry = useCitation(citationId);
  const services = useBriefEditorServices();
  const [n = 0] = useCitationNumbers(services, [citationId]);
  const selected = useNodeSelected(services, nodeKey);
  const isolate = useKeyboardIsolation<HTMLElement>();

  let status: string;
  let description: string;
  if (citationId === 0) {
    status = 'missing';
    description = 'A citation that could not be read.';
  } else if (entry.state === 'ready') {
    const c = entry.citation;
    status = c.anchorStatus;
    const where = c.sourceTitle ?? `source ${c.sourceId}`;
    description =
      c.anchorStatus === 'orphaned'
        ? `${where} — passage not found in the current version. Stored quote: “${c.quote}”`
        : c.anchorStatus === 'fuzzy'
          ? `${where} — approximate match (${Math.round((c.score ?? 0) * 100)} %): “${c.quote}”`
          : `${where}: “${c.quote}”`;
  } else if (entry.state === 'missing') {
    status = 'missing';
    description = `Citation ${citationId} is no longer in the library.`;
  } else if (entry.state === 'error') {
    status = 'missing';
    description = `Citation ${citationId} could not be loaded: ${entry.message}`;
  } else {
    status = 'loading';
    description = 'Loading citation…';
  }

  return (
    <sup ref={isolate} className={`be-inline-cite${selected ? ' is-selected' : ''}`}>
      <button
        type="button"
        className={`be-cite be-cite--${status}`}
        data-citation-id={citationId}
        title={description}
        aria-label={`Citation ${n || ''}. ${description}. Open the passage.`}
        onClick={() => services?.openCitation(citationId)}
      >
        {n > 0 ? n : '·'}
        {status === 'orphaned' && <span className="be-cite__flag">!</span>}
        {status === 'fuzzy' && <span className="be-cite__flag">≈</span>}
      </button>
    </sup>
  );
}

/** The live inline citation marker; memoized like the claim card. */
export const CitationComponent = memo(CitationView);
