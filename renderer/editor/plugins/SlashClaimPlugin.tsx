// The claim picker: typing `/claim` (then search words) at the caret opens a menu of claims from
// the library (claims.search); Enter or a click inserts the chosen card. Ctrl/Cmd+Shift+C opens
// the same menu by typing the trigger for you (and removes it again if you dismiss the menu).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MenuOption } from '@lexical/react/LexicalMenuOption';
import { LexicalTypeaheadMenuPlugin, type MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import {
  $createParagraphNode,
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  type TextNode,
} from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { createPortal } from 'react-dom';
import type { ClaimSearchHit } from '../../../shared/api/claims';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../shared/api/common';
import { formatGrading } from '../../../shared/tradecraft/vocabularies';
import { describeError, invoke } from '../state/bridge';
import { primeClaims } from '../state/claimStore';
import { OPEN_CLAIM_PICKER_COMMAND } from '../uiCommands';
import { $insertClaimCard, scrollNodeIntoView } from './ClaimCardPlugin';

const TRIGGER = '/claim';
const MAX_RESULTS = 8;
const SEARCH_DELAY_MS = 120;
// "/claim" at the start of a line or after a space, then optionally whitespace and a query.
const SLASH_CLAIM = /(^|\s)(\/claim(?:\s+([^\n]{0,100}))?)$/i;

/** The `/claim` trigger in the text before the caret, if any. */
export function matchClaimTrigger(textBeforeCaret: string): MenuTextMatch | null {
  const match = SLASH_CLAIM.exec(textBeforeCaret);
  if (!match) return null;
  return {
    leadOffset: match.index + match[1]!.length,
    matchingString: (match[3] ?? '').trim(),
    replaceableString: match[2]!,
  };
}

class ClaimOption extends MenuOption {
  constructor(readonly hit: ClaimSearchHit) {
    super(`claim-${hit.id}`);
  }
}

/** A search snippet with its match marks as <mark>, never interpreted as HTML. */
function Snippet({ text }: { text: string }): JSX.Element {
  const parts: JSX.Element[] = [];
  let rest = text;
  let i = 0;
  while (rest.length > 0) {
    const open = rest.indexOf(SNIPPET_OPEN);
    if (open < 0) {
      parts.push(<span key={i++}>{rest}</span>);
      break;
    }
    const close = rest.indexOf(SNIPPET_CLOSE, open + 1);
    if (open > 0) parts.push(<span key={i++}>{rest.slice(0, open)}</span>);
    parts.push(<mark key={i++}>{rest.slice(open + 1, close < 0 ? undefined : close)}</mark>);
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return <>{parts}</>;
}

function bestGrading(hit: ClaimSearchHit): string | null {
  const reliabilities = hit.citations
    .filter((c) => c.anchorStatus !== 'orphaned')
    .map((c) => c.sourceReliability)
    .sort();
  return reliabilities[0] ? formatGrading(reliabilities[0], hit.credibility) : null;
}

export function SlashClaimPlugin(): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const [hits, setHits] = useState<ClaimSearchHit[]>([]);
  const [state, setState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const openedByShortcut = useRef(false);

  useEffect(() => {
    if (query === null) return;
    let cancelled = false;
    setState((s) => (s.loading ? s : { loading: true, error: null }));
    const timer = setTimeout(() => {
      invoke('claims.search', { query, limit: MAX_RESULTS }).then(
        (result) => {
          if (cancelled) return;
          setHits(result.hits);
          setState({ loading: false, error: null });
        },
        (error: unknown) => {
          if (cancelled) return;
          setHits([]);
          setState({ loading: false, error: describeError(error).message });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  const options = useMemo(() => hits.map((hit) => new ClaimOption(hit)), [hits]);

  const onSelectOption = useCallback(
    (option: ClaimOption, textNode: TextNode | null, closeMenu: () => void) => {
      openedByShortcut.current = false;
      editor.update(() => {
        if (textNode !== null && textNode.isAttached()) {
          const previous = textNode.getPreviousSibling();
          const parent = textNode.getParent();
          textNode.remove();
          // Keep the caret where the trigger was.
          if ($isTextNode(previous)) previous.select();
          else if (parent) parent.selectStart();
        }
        const { snippet, ...claim } = option.hit;
        primeClaims([claim]);
        const card = $insertClaimCard(option.hit.id);
        scrollNodeIntoView(editor, card.getKey());
      });
      closeMenu();
    },
    [editor],
  );

  // Dismissing a menu the shortcut opened removes the "/claim " it typed.
  const onClose = useCallback(() => {
    if (!openedByShortcut.current) return;
    openedByShortcut.current = false;
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || !selection.isCollapsed()) return;
      const node = selection.anchor.getNode();
      if (!$isTextNode(node)) return;
      const before = node.getTextContent().slice(0, selection.anchor.offset);
      const match = /\s?\/claim\s*$/i.exec(before);
      if (match) node.spliceText(match.index, match[0].length, '', true);
    });
  }, [editor]);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_CLAIM_PICKER_COMMAND,
        () => {
          let selection = $getSelection();
          if ($isNodeSelection(selection)) {
            const last = selection.getNodes().at(-1)?.getTopLevelElement() ?? selection.getNodes().at(-1);
            const paragraph = $createParagraphNode();
            if (last) last.insertAfter(paragraph);
            else $getRoot().append(paragraph);
            paragraph.selectStart();
            selection = $getSelection();
          } else if (!$isRangeSelection(selection)) {
            $getRoot().selectEnd();
            selection = $getSelection();
          }
          if (!$isRangeSelection(selection)) return false;
          if (!selection.isCollapsed()) {
            const end = selection.isBackward() ? selection.anchor : selection.focus;
            const collapsed = $createRangeSelection();
            collapsed.anchor.set(end.key, end.offset, end.type);
            collapsed.focus.set(end.key, end.offset, end.type);
            $setSelection(collapsed);
          }
          const range = $getSelection();
          if (!$isRangeSelection(range)) return false;
          const anchor = range.anchor;
          const node = anchor.getNode();
          const charBefore = $isTextNode(node) ? node.getTextContent().slice(0, anchor.offset).slice(-1) : '';
          openedByShortcut.current = true;
          range.insertText(charBefore === '' || /\s/.test(charBefore) ? `${TRIGGER} ` : ` ${TRIGGER} `);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  return (
    <LexicalTypeaheadMenuPlugin<ClaimOption>
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      onClose={onClose}
      triggerFn={matchClaimTrigger}
      options={options}
      anchorClassName="be-typeahead-anchor"
      menuRenderFn={(anchorElementRef, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchorElementRef.current
          ? createPortal(
              <div className="be-typeahead" aria-label="Insert a claim card">
                <div className="be-typeahead__title">Insert claim card{query ? ` — “${query}”` : ''}</div>
                {options.length > 0 ? (
                  <ul role="listbox" aria-label="Claims">
                    {options.map((option, i) => (
                      <li
                        key={option.key}
                        id={`typeahead-item-${i}`}
                        ref={(el) => option.setRefElement(el)}
                        role="option"
                        aria-selected={selectedIndex === i}
                        className={`be-typeahead__item${selectedIndex === i ? ' is-active' : ''}`}
                        onMouseEnter={() => setHighlightedIndex(i)}
                        onMouseDown={(event) => event.preventDefault()}
                        onClick={() => {
                          setHighlightedIndex(i);
                          selectOptionAndCleanUp(option);
                        }}
                      >
                        <span className="be-typeahead__statement">
                          {option.hit.snippet ? <Snippet text={option.hit.snippet} /> : option.hit.statement}
                        </span>
                        <span className="be-typeahead__meta">
                          {bestGrading(option.hit) && (
                            <span className="be-card__grading">{bestGrading(option.hit)}</span>
                          )}
                          <span className={`be-badge be-badge--${option.hit.status}`}>{option.hit.status}</span>
                          {option.hit.citations.length === 0 && (
                            <span className="be-typeahead__uncited">no citation</span>
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="be-typeahead__empty" role="status">
                    {state.error ??
                      (state.loading
                        ? 'Searching…'
                        : query
                          ? 'No claim matches. Create one from a source passage.'
                          : 'No claims yet.')}
                  </p>
                )}
                <div className="be-typeahead__hint">↑↓ to choose · Enter to insert · Esc to close</div>
              </div>,
              anchorElementRef.current,
            )
          : null
      }
    />
  );
}
