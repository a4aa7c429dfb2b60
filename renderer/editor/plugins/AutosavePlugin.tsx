// Autosave: saves the brief after content changes — never after a mere selection change — at
// most once per debounce window, and flushes when the editor closes, the page hides or unloads.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useEffect, useRef } from 'react';
import type { BriefSummary } from '../../../shared/api/briefs';
import { serializeDocument } from '../serializeDocument';
import { BriefSaver, registerOpenSaver } from '../state/briefSaver';
import type { StatusStore } from '../state/statusStore';

export interface AutosavePluginProps {
  briefId: number;
  revision: number;
  status: StatusStore;
  delayMs?: number;
  onSaved?: (summary: BriefSummary) => void;
}

export function AutosavePlugin({ briefId, revision, status, delayMs, onSaved }: AutosavePluginProps): null {
  const [editor] = useLexicalComposerContext();
  // The session starts from these; later prop changes must not restart the saver.
  const initial = useRef({ revision, delayMs, onSaved });
  initial.current.onSaved = onSaved;

  useEffect(() => {
    const saver = new BriefSaver({
      briefId,
      revision: initial.current.revision,
      delayMs: initial.current.delayMs,
      status,
      serialize: () => serializeDocument(editor.getEditorState()),
      onSaved: (summary) => initial.current.onSaved?.(summary),
    });
    let edited = false;
    const stopListening = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      // Selection-only updates (caret moves, clicks) touch no node: nothing to save.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (prevEditorState.isEmpty()) return; // the initial load
      // Plugins re-marking nodes when they register (history-merge) before the first edit is not an edit.
      if (!edited && tags.has(HISTORY_MERGE_TAG)) return;
      edited = true;
      saver.markDirty();
    });
    const unregister = registerOpenSaver(briefId, saver);
    const onPageHide = () => saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saver.flush();
    };
    window.addEventListener('beforeunload', onPageHide);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unregister();
      stopListening();
      window.removeEventListener('beforeunload', onPageHide);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      saver.flush();
      saver.dispose();
    };
  }, [editor, briefId, status]);

  return null;
}
