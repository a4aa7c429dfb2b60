// Block and text formatting actions shared by the toolbar and the keyboard shortcuts.
import { $isLinkNode } from '@lexical/link';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isParagraphNode, $isRangeSelection, type LexicalEditor } from 'lexical';

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

export const BLOCK_LABELS: Record<BlockType, string> = {
  paragraph: 'Paragraph',
  h1: 'Heading 1',
  h2: 'Heading 2',
  h3: 'Heading 3',
  quote: 'Block quote',
  bullet: 'Bulleted list',
  number: 'Numbered list',
};

/** The block type at the caret (null when the selection is not text, e.g. a selected card). */
export function $currentBlockType(): BlockType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const block = anchor.getKey() === 'root' ? null : anchor.getTopLevelElement();
  if (block === null || $isParagraphNode(block)) return 'paragraph';
  if ($isListNode(block)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? block;
    return list.getListType() === 'number' ? 'number' : 'bullet';
  }
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h1' || tag === 'h2' ? tag : 'h3';
  }
  if ($isQuoteNode(block)) return 'quote';
  return null;
}

/** True when the caret or selection is inside a link. */
export function $selectionInLink(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const node = selection.anchor.getNode();
  return $isLinkNode(node) || $isLinkNode(node.getParent());
}

/** Turns the selected blocks into `type`; choosing the current heading, quote or list type turns it back into paragraphs. */
export function setBlockType(editor: LexicalEditor, type: BlockType): void {
  const current = editor.read('latest', $currentBlockType);
  if (type === 'bullet' || type === 'number') {
    if (current === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else
      editor.dispatchCommand(
        type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
    return;
  }
  const target = current === type ? 'paragraph' : type;
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    $setBlocksType(selection, () =>
      target === 'paragraph'
        ? $createParagraphNode()
        : target === 'quote'
          ? $createQuoteNode()
          : $createHeadingNode(target),
    );
  });
}
