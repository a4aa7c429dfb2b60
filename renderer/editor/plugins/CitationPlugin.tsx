// Inserting inline citations: INSERT_CITATION_COMMAND puts a CitationNode at the end of the
// selection (never replacing selected text — the citation marks the sentence it follows).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isDecoratorNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';
import { $createCitationNode, CitationNode } from '../nodes/CitationNode';
import { scrollNodeIntoView } from './ClaimCardPlugin';

/** Inserts an inline citation (payload: the citation id) at the end of the selection. */
export const INSERT_CITATION_COMMAND: LexicalCommand<number> = createCommand('INSERT_CITATION_COMMAND');

/** Inserts a citation marker at the caret (or after a selected card, or at the end of the brief). */
export function $insertCitation(citationId: number): CitationNode {
  const citation = $createCitationNode(citationId);
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    const end = selection.isBackward() ? selection.anchor : selection.focus;
    selection.anchor.set(end.key, end.offset, end.type);
    selection.focus.set(end.key, end.offset, end.type);
    selection.insertNodes([citation]);
  } else {
    const nodes = $isNodeSelection(selection) ? selection.getNodes() : [];
    const after = nodes[nodes.length - 1]?.getTopLevelElement() ?? nodes[nodes.length - 1];
    const last = $getRoot().getLastChild();
    if (after && $isDecoratorNode(after)) {
      after.insertAfter($createParagraphNode().append(citation));
    } else if ($isParagraphNode(last)) {
      last.append(citation);
    } else {
      $getRoot().append($createParagraphNode().append(citation));
    }
  }
  citation.selectNext();
  return citation;
}

export function CitationPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([CitationNode]))
      throw new Error('CitationPlugin: CitationNode is not registered on the editor.');
    return editor.registerCommand(
      INSERT_CITATION_COMMAND,
      (citationId) => {
        if (!Number.isInteger(citationId) || citationId <= 0) return false;
        const node = $insertCitation(citationId);
        scrollNodeIntoView(editor, node.getKey());
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
  }, [editor]);
  return null;
}
