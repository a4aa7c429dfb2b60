// Feeds the editor's NodeSelectionTracker: one update listener for all cards, constant work per
// keystroke (it only looks at the kind of selection), instead of one listener per card.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isNodeSelection } from 'lexical';
import { useEffect } from 'react';
import type { NodeSelectionTracker } from '../state/nodeSelection';

const NONE: ReadonlySet<string> = new Set();

export function NodeSelectionPlugin({ tracker }: { tracker: NodeSelectionTracker }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read(() => {
          const selection = $getSelection();
          return $isNodeSelection(selection) ? new Set(selection.getNodes().map((n) => n.getKey())) : NONE;
        });
        tracker.set(next);
      }),
    [editor, tracker],
  );
  return null;
}
