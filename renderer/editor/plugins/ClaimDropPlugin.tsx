// Drag-and-drop from the workspace: a claim card dragged from the library (CLAIM_DRAG_MIME) is
// inserted between the blocks where it is dropped — before or after the block under the pointer,
// shown by a drop line while dragging — and a citation (CITATION_DRAG_MIME) becomes an inline
// marker at the text position under the pointer.
import { caretFromPoint } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  $isParagraphNode,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { CITATION_DRAG_MIME, CLAIM_DRAG_MIME } from '../dragMime';
import { $createClaimCardNode } from '../nodes/ClaimCardNode';
import { $insertCitation } from './CitationPlugin';
import { $insertClaimCard, scrollNodeIntoView } from './ClaimCardPlugin';

const DROP_TARGET_CLASS = 'be-drop-target';
const DROP_BEFORE_CLASS = 'be-drop-before';
const DROP_AFTER_CLASS = 'be-drop-after';

function carries(event: DragEvent): 'claim' | 'citation' | null {
  const types = event.dataTransfer?.types;
  if (!types) return null;
  if (Array.from(types).includes(CLAIM_DRAG_MIME)) return 'claim';
  if (Array.from(types).includes(CITATION_DRAG_MIME)) return 'citation';
  return null;
}

/** The node under the pointer (read or update context). */
function $nodeAtPoint(editor: LexicalEditor, event: DragEvent): { node: LexicalNode | null; offset: number | null } {
  const caret = caretFromPoint(event.clientX, event.clientY, editor.getRootElement());
  const target = caret?.node ?? (event.target as Node | null);
  return { node: target ? $getNearestNodeFromDOMNode(target) : null, offset: caret?.offset ?? null };
}

/** The top-level block under the pointer and whether the pointer is in its upper half. */
function $blockDropTarget(editor: LexicalEditor, event: DragEvent): { key: string; before: boolean } | null {
  const { node } = $nodeAtPoint(editor, event);
  if (node === null || node.getKey() === 'root') return null;
  const block = node.getParent()?.getKey() === 'root' ? node : node.getTopLevelElement();
  if (block === null) return null;
  const rect = editor.getElementByKey(block.getKey())?.getBoundingClientRect();
  return {
    key: block.getKey(),
    before: rect !== undefined && rect.height > 0 && event.clientY < rect.top + rect.height / 2,
  };
}

/** Inserts a card before or after the block under the pointer (into it, if it is an empty paragraph). */
function $dropClaimCard(editor: LexicalEditor, event: DragEvent, claimId: number): LexicalNode {
  const target = $blockDropTarget(editor, event);
  const block = target ? $getNodeByKey(target.key) : null;
  if (block === null) {
    $getRoot().selectEnd();
    return $insertClaimCard(claimId);
  }
  if ($isParagraphNode(block) && block.isEmpty()) {
    block.selectStart();
    return $insertClaimCard(claimId);
  }
  const card = $createClaimCardNode(claimId);
  if (target!.before) block.insertBefore(card);
  else block.insertAfter(card);
  const next = card.getNextSibling();
  if (next === null) card.insertAfter($createParagraphNode());
  card.selectNext(0, 0);
  return card;
}

/** Puts the caret at the text position under the pointer (for an inline citation). */
function $selectTextAtPoint(editor: LexicalEditor, event: DragEvent): void {
  const { node, offset } = $nodeAtPoint(editor, event);
  if ($isTextNode(node) && offset !== null) {
    const selection = $createRangeSelection();
    const at = Math.min(offset, node.getTextContentSize());
    selection.anchor.set(node.getKey(), at, 'text');
    selection.focus.set(node.getKey(), at, 'text');
    $setSelection(selection);
  } else if ($isDecoratorNode(node) && !node.isInline()) {
    node.selectNext(0, 0);
  } else if ($isElementNode(node) && node.getKey() !== 'root') {
    node.selectEnd();
  } else {
    $getRoot().selectEnd();
  }
}

export function ClaimDropPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let marked: HTMLElement | null = null;
    const unmark = () => {
      marked?.classList.remove(DROP_BEFORE_CLASS, DROP_AFTER_CLASS);
      marked = null;
      editor.getRootElement()?.classList.remove(DROP_TARGET_CLASS);
    };
    const mark = (event: DragEvent, kind: 'claim' | 'citation') => {
      editor.getRootElement()?.classList.add(DROP_TARGET_CLASS);
      if (kind !== 'claim') return;
      const target = editor.read('latest', () => $blockDropTarget(editor, event));
      const element = target ? editor.getElementByKey(target.key) : null;
      if (element !== marked) marked?.classList.remove(DROP_BEFORE_CLASS, DROP_AFTER_CLASS);
      marked = element;
      element?.classList.toggle(DROP_BEFORE_CLASS, target!.before);
      element?.classList.toggle(DROP_AFTER_CLASS, !target!.before);
    };
    const onDragLeave = (event: DragEvent) => {
      const root = editor.getRootElement();
      if (root && !(event.relatedTarget instanceof Node && root.contains(event.relatedTarget))) unmark();
    };
    return mergeRegister(
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          const kind = carries(event);
          if (kind === null) return false;
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
          mark(event, kind);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('dragleave', onDragLeave);
        previous?.removeEventListener('dragend', unmark);
        root?.addEventListener('dragleave', onDragLeave);
        root?.addEventListener('dragend', unmark);
      }),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const kind = carries(event);
          if (kind === null) return false;
          unmark();
          event.preventDefault();
          const id = Number(event.dataTransfer?.getData(kind === 'claim' ? CLAIM_DRAG_MIME : CITATION_DRAG_MIME));
          if (!Number.isInteger(id) || id <= 0) return true;
          let node: LexicalNode;
          if (kind === 'claim') node = $dropClaimCard(editor, event, id);
          else {
            $selectTextAtPoint(editor, event);
            node = $insertCitation(id);
          }
          scrollNodeIntoView(editor, node.getKey());
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      unmark,
    );
  }, [editor]);
  return null;
}
