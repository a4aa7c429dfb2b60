// Inserting and selecting claim cards: INSERT_CLAIM_CARD_COMMAND (used by the library button,
// the slash menu, the shortcut and drag-and-drop) and click-to-select on a card.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createNodeSelection,
  $createParagraphNode,
  $createRangeSelectionFromDom,
  $getNearestNodeFromDOMNode,
  $getSelection,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $onUpdate,
  $setSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  createCommand,
  getDOMSelection,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { $createClaimCardNode, $isClaimCardNode, ClaimCardNode } from '../nodes/ClaimCardNode';

/** Inserts a claim card (payload: the claim id) at the selection, as its own block. */
export const INSERT_CLAIM_CARD_COMMAND: LexicalCommand<number> = createCommand('INSERT_CLAIM_CARD_COMMAND');

/**
 * Inserts a card at the selection: an empty paragraph is replaced by it, a paragraph with text is
 * split, and a paragraph follows the card so typing can go on. Returns the new node.
 */
export function $insertClaimCard(claimId: number): ClaimCardNode {
  const card = $createClaimCardNode(claimId);
  const selection = $getSelection();
  if ($isRangeSelection(selection) && selection.isCollapsed()) {
    const block = selection.anchor.getNode().getTopLevelElement();
    if ($isParagraphNode(block) && block.isEmpty()) {
      block.replace(card);
      const next = card.getNextSibling();
      if ($isParagraphNode(next)) next.selectStart();
      else card.insertAfter($createParagraphNode()).selectStart();
      return card;
    }
  }
  return $insertNodeToNearestRoot(card);
}

/** Scrolls a node's element into view once the update that made it has been rendered. */
export function scrollNodeIntoView(editor: LexicalEditor, key: string): void {
  $onUpdate(() => editor.getElementByKey(key)?.scrollIntoView?.({ block: 'nearest' }));
}

export function ClaimCardPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([ClaimCardNode]))
      throw new Error('ClaimCardPlugin: ClaimCardNode is not registered on the editor.');
    return mergeRegister(
      editor.registerCommand(
        INSERT_CLAIM_CARD_COMMAND,
        (claimId) => {
          if (!Number.isInteger(claimId) || claimId <= 0) return false;
          const card = $insertClaimCard(claimId);
          scrollNodeIntoView(editor, card.getKey());
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // A click on a card (not on one of its buttons) selects it, so Backspace removes it and
      // arrows move past it; Shift adds it to the selection.
      editor.registerCommand(
        CLICK_COMMAND,
        (event) => {
          const target = event.target as Element | null;
          if (!target || target.closest('button, a, input, select, textarea')) return false;
          const node = $getNearestNodeFromDOMNode(target);
          if (!$isClaimCardNode(node)) {
            // Leaving a selected card by clicking into text: put the caret where the browser
            // put it (Lexical's default would clear the selection and lose the caret).
            const previous = $getSelection();
            if (!$isNodeSelection(previous)) return false;
            const caret = $createRangeSelectionFromDom(getDOMSelection(editor._window ?? window), editor);
            if (caret === null) return false;
            $setSelection(caret);
            return true;
          }
          const previous = $getSelection();
          const selection = event.shiftKey && $isNodeSelection(previous) ? previous.clone() : $createNodeSelection();
          selection.add(node.getKey());
          $setSelection(selection);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return null;
}
