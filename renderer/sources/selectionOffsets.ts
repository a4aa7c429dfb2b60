// Turns a DOM selection in the reader into offsets of the stored text. The reader renders each
// segment as an element with `data-start` holding one text node (readerLayout.ts), each line as
// an element with `data-start`/`data-end`, inside a container with `data-length`; so a point in
// a text node is `data-start + offset`, and a point between elements is the start or end of
// the element next to it. Offsets are UTF-16 code units, as DOM offsets are.
import { createAnchor } from '../../shared/anchoring';

const WHITESPACE = /\s/;

/** The text offset of a DOM boundary point (node, offset), clamped to the container. */
export function domPointToOffset(container: HTMLElement, node: Node, offset: number): number {
  const length = Number(container.dataset.length);
  if (node !== container && !container.contains(node)) {
    // Outside the reader: a selection that starts above it starts at 0, one that ends below it ends at the end.
    return container.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING ? 0 : length;
  }
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = node.parentElement;
    return Number(segment?.dataset.start ?? 0) + offset;
  }
  const element = node as HTMLElement;
  if (element.dataset.segment !== undefined) {
    // Inside a segment element, before (0) or after (1) its single text node.
    return offset === 0 ? Number(element.dataset.start) : Number(element.dataset.end);
  }
  const child = element.childNodes[offset];
  if (child)
    return child.nodeType === Node.ELEMENT_NODE
      ? startOf(child as HTMLElement, length)
      : domPointToOffset(container, child, 0);
  if (element === container) return length;
  return Number(element.dataset.end ?? length);
}

function startOf(element: HTMLElement, fallback: number): number {
  const start = element.dataset.start ?? element.querySelector<HTMLElement>('[data-start]')?.dataset.start;
  return start === undefined ? fallback : Number(start);
}

export interface SelectedRange {
  start: number;
  end: number;
  exact: string;
}

/**
 * The passage `selection` covers in `text` (what `container` renders), trimmed of surrounding
 * white space and widened to whole characters exactly as the store will anchor it; null when
 * nothing of the reader is selected.
 */
export function selectionToRange(
  container: HTMLElement,
  selection: Selection | null,
  text: string,
): SelectedRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  let start = domPointToOffset(container, range.startContainer, range.startOffset);
  let end = domPointToOffset(container, range.endContainer, range.endOffset);
  while (start < end && WHITESPACE.test(text[start]!)) start += 1;
  while (end > start && WHITESPACE.test(text[end - 1]!)) end -= 1;
  if (start >= end) return null;
  const anchor = createAnchor(text, start, end);
  return { start: anchor.start, end: anchor.end, exact: anchor.exact };
}
