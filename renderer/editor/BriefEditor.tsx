// The brief editor: loads a brief, edits its Lexical document with live claim cards and inline
// citations, and autosaves it. One editor session per brief id; the editor subtree is memoized
// and receives only stable objects, so the host re-rendering (status, layout) renders no card.
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import {
  Component,
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ErrorInfo,
  type JSX,
  type ReactNode,
  type RefObject,
} from 'react';
import type { Brief } from '../../shared/api/briefs';
import { BriefHeader } from './BriefHeader';
import { BriefEditorContext, type BriefEditorServices } from './editorContext';
import { EDITOR_THEME } from './editorTheme';
import { BRIEF_NODES } from './nodes';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { CitationNumberingPlugin } from './plugins/CitationNumberingPlugin';
import { CitationPlugin } from './plugins/CitationPlugin';
import { ControlledTypingPlugin } from './plugins/ControlledTypingPlugin';
import { ClaimCardPlugin } from './plugins/ClaimCardPlugin';
import { ClaimDropPlugin } from './plugins/ClaimDropPlugin';
import { InsertTargetPlugin } from './plugins/InsertTargetPlugin';
import { ListsPlugin } from './plugins/ListsPlugin';
import { NodeSelectionPlugin } from './plugins/NodeSelectionPlugin';
import { SafeLinkPlugin } from './plugins/SafeLinkPlugin';
import { SafePastePlugin } from './plugins/SafePastePlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { SlashClaimPlugin } from './plugins/SlashClaimPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { describeError, invoke } from './state/bridge';
import { whenSaved } from './state/briefSaver';
import { CitationNumbering } from './state/citationNumbering';
import { claimStore } from './state/claimStore';
import { NodeSelectionTracker } from './state/nodeSelection';
import { StatusStore } from './state/statusStore';
import './editor.css';

/** What the host hears about the open brief. */
export interface BriefEditorStatus {
  saving: boolean;
  /** When the brief was last saved (ISO), or its last change before it was opened. */
  savedAt: string | null;
  wordCount: number;
  error: string | null;
}

export interface BriefEditorProps {
  briefId: number;
  /** A citation marker (on a card or inline) was activated: open the reader at its passage. */
  onCitationClick: (citationId: number) => void;
  /** A card's Edit button (or a double click) asks to open the claim in the inspector. */
  onClaimOpen?: (claimId: number) => void;
  onStatus?: (status: BriefEditorStatus) => void;
  /** Autosave debounce in ms (default 800; tests shorten it). */
  autosaveDelayMs?: number;
}

type Callbacks = RefObject<BriefEditorProps>;

/** Edits one brief; switching `briefId` saves the previous brief and opens the next. */
export function BriefEditor(props: BriefEditorProps): JSX.Element {
  return <BriefEditorSession key={props.briefId} {...props} />;
}

function BriefEditorSession(props: BriefEditorProps): JSX.Element {
  const callbacks = useRef(props);
  callbacks.current = props;
  const { briefId } = props;
  const [load, setLoad] = useState<
    { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; brief: Brief }
  >({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoad({ state: 'loading' });
    // A save of this brief may still be travelling (it was just closed): open what it wrote.
    whenSaved(briefId)
      .then(() => invoke('briefs.get', { briefId }))
      .then(
        (brief) => !cancelled && setLoad({ state: 'ready', brief }),
        (error: unknown) => !cancelled && setLoad({ state: 'error', message: describeError(error).message }),
      );
    return () => {
      cancelled = true;
    };
  }, [briefId, attempt]);

  if (load.state === 'loading') {
    return (
      <div className="be-root be-root--message" aria-busy="true">
        <p className="be-message">Opening brief…</p>
      </div>
    );
  }
  if (load.state === 'error') {
    return (
      <div className="be-root be-root--message">
        <p className="be-message be-message--error" role="alert">
          This brief could not be opened: {load.message}
        </p>
        <button type="button" className="be-button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <DocumentErrorBoundary>
      <LoadedBriefEditor brief={load.brief} callbacks={callbacks} autosaveDelayMs={props.autosaveDelayMs} />
    </DocumentErrorBoundary>
  );
}

class DocumentErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The brief editor failed:', error, info.componentStack);
  }
  override render(): ReactNode {
    if (this.state.error) {
      return (
        <div className="be-root be-root--message">
          <p className="be-message be-message--error" role="alert">
            This brief’s document could not be shown ({this.state.error.message}). Nothing was saved over it.
          </p>
        </div>
      );
    }
    return this.props.children;
  }
}

/** Focuses the body's start (Enter in the title). */
function useFocusBody(): () => void {
  const [editor] = useLexicalComposerContext();
  return () => editor.focus(undefined, { defaultSelection: 'rootStart' });
}

function Header({ brief, editable }: { brief: Brief; editable: boolean }): JSX.Element {
  const focusBody = useFocusBody();
  return <BriefHeader brief={brief} editable={editable} onEnterBody={focusBody} />;
}

const LoadedBriefEditor = memo(function LoadedBriefEditor({
  brief,
  callbacks,
  autosaveDelayMs,
}: {
  brief: Brief;
  callbacks: Callbacks;
  autosaveDelayMs: number | undefined;
}): JSX.Element {
  const editable = brief.deletedAt === null;
  const status = useMemo(() => new StatusStore({ savedAt: brief.updatedAt }), [brief]);
  const selection = useMemo(() => new NodeSelectionTracker(), []);
  const numbering = useMemo(() => new CitationNumbering(claimStore), []);
  useEffect(() => numbering.connect(), [numbering]);

  const services = useMemo<BriefEditorServices>(
    () => ({
      briefId: brief.id,
      numbering,
      selection,
      openCitation: (id) => callbacks.current.onCitationClick(id),
      openClaim: (id) => callbacks.current.onClaimOpen?.(id),
      canOpenClaim: () => typeof callbacks.current.onClaimOpen === 'function',
    }),
    [brief.id, numbering, selection, callbacks],
  );

  // Report status changes (not the internal "dirty" flag) to the host.
  useEffect(() => {
    let last = '';
    const emit = () => {
      const s = status.get();
      const next = { saving: s.saving, savedAt: s.savedAt, wordCount: s.wordCount, error: s.error };
      const key = JSON.stringify(next);
      if (key === last) return;
      last = key;
      callbacks.current.onStatus?.(next);
    };
    emit();
    return status.subscribe(emit);
  }, [status, callbacks]);

  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'briefing-composer',
      nodes: BRIEF_NODES,
      theme: EDITOR_THEME,
      editable,
      // Read once: the stored document as Lexical's serialized state.
      editorState: JSON.stringify(brief.document),
      onError: (error) => {
        console.error(error);
        status.update({ error: `The editor hit a problem: ${error.message}` });
      },
    }),
    [brief, editable, status],
  );

  return (
    <BriefEditorContext.Provider value={services}>
      <LexicalComposer initialConfig={initialConfig}>
        <div className={`be-root${editable ? '' : ' is-readonly'}`}>
          <Header brief={brief} editable={editable} />
          {!editable && (
            <p className="be-message be-message--notice" role="status">
              This brief is in the trash. Restore it to edit.
            </p>
          )}
          <ToolbarPlugin status={status} />
          <div className="be-scroll">
            <div className="be-page">
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    className="be-content"
                    aria-label="Brief body"
                    aria-multiline
                    spellCheck
                    tabIndex={0}
                  />
                }
                ErrorBoundary={LexicalErrorBoundary}
              />
            </div>
          </div>
          <HistoryPlugin />
          <ListsPlugin />
          <SafeLinkPlugin />
          <SafePastePlugin />
          <ControlledTypingPlugin />
          <ClaimCardPlugin />
          <CitationPlugin />
          <ClaimDropPlugin />
          <SlashClaimPlugin />
          <ShortcutsPlugin />
          <NodeSelectionPlugin tracker={selection} />
          <CitationNumberingPlugin numbering={numbering} />
          <WordCountPlugin status={status} />
          {editable && <InsertTargetPlugin />}
          {editable && (
            <AutosavePlugin briefId={brief.id} revision={brief.revision} status={status} delayMs={autosaveDelayMs} />
          )}
        </div>
      </LexicalComposer>
    </BriefEditorContext.Provider>
  );
});
