// @vitest-environment jsdom
// A selection in the reader becomes the passage to cite. A selection that starts or ends in any
// kind of place — inside a text, between segments, between lines, on the container itself — must
// name exactly the characters selected, with or without marks.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutReaderText } from '../../../renderer/sources/readerLayout';
import { ReaderText } from '../../../renderer/sources/ReaderText';
import { domPointToOffset, selectionToRange } from '../../../renderer/sources/selectionOffsets';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// 40 lines: a few empty lines, a right-to-left line and an emoji.
const TEXT = Array.from({ length: 40 }, (_, i) =>
  i % 17 === 5 ? '' : i === 27 ? 'שלוש מכליות עגנו 🚢 במסוף.' : `Line ${i}: tankers moored at berth ${i}.`,
).join('\n');

let host: HTMLDivElement;
let root: Root;
let container: HTMLElement;

function render(highlights: Parameters<typeof layoutReaderText>[1]): void {
  act(() =>
    root.render(
      <ReaderText text={TEXT} lines={layoutReaderText(TEXT, highlights)} focusCitationId={null} label="Source text" />,
    ),
  );
  container = host.querySelector<HTMLElement>('.reader__text')!;
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

/**
 * The text offset a boundary point stands for, worked out from the DOM alone (not from the data
 * attributes the code under test reads): the characters of everything before the point, plus one
 * line break for every line the point is past. A point inside a line is not past it; a point
 * between lines is past the ones before it; the last line has no break after it.
 */
function offsetBefore(node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  const before = range.cloneContents();
  const lines = before.querySelectorAll('.reader__line').length;
  const insideALine = node !== container;
  return Math.min(TEXT.length, (before.textContent ?? '').length + lines - (insideALine && lines > 0 ? 1 : 0));
}

/** Every boundary point the DOM offers in the reader: in every text node and between every two children. */
function boundaryPoints(): Array<{ node: Node; offset: number; expected: number }> {
  const points: Array<{ node: Node; offset: number; expected: number }> = [];
  const visit = (node: Node): void => {
    const last = node.nodeType === Node.TEXT_NODE ? node.textContent!.length : node.childNodes.length;
    // Inside a text the offset grows one by one; its ends and a step in from each are enough.
    const offsets =
      node.nodeType === Node.TEXT_NODE
        ? new Set([0, 1, last - 1, last].filter((o) => o >= 0 && o <= last))
        : Array.from({ length: last + 1 }, (_, o) => o);
    for (const offset of offsets) points.push({ node, offset, expected: offsetBefore(node, offset) });
    node.childNodes.forEach(visit);
  };
  visit(container);
  return points;
}

describe('reader selection offsets', () => {
  it('renders every line as one block holding exactly its text', () => {
    render([]);
    const lines = [...container.querySelectorAll<HTMLElement>('.reader__line')];
    expect(lines.map((line) => line.textContent)).toEqual(TEXT.split('\n'));
  });

  for (const [name, highlights] of [
    ['plain text', []],
    [
      'cited passages across lines, and a find match',
      [
        { start: TEXT.indexOf('Line 8'), end: TEXT.indexOf('Line 12') + 4, kind: 'exact', citationId: 1 },
        { start: TEXT.indexOf('מכליות'), end: TEXT.indexOf('במסוף'), kind: 'fuzzy', citationId: 2 },
        { start: TEXT.indexOf('berth 30'), end: TEXT.indexOf('berth 30') + 8, kind: 'match', citationId: null },
      ],
    ],
  ] as const) {
    it(`maps every boundary point to its text offset: ${name}`, () => {
      render([...highlights]);
      const points = boundaryPoints();
      expect(points.length).toBeGreaterThan(TEXT.split('\n').length * 4);
      for (const { node, offset, expected } of points) expect(domPointToOffset(container, node, offset)).toBe(expected);
    });
  }

  it('cites exactly the characters selected, starting and ending between lines or inside a line', () => {
    render([]);
    const lines = [...container.querySelectorAll<HTMLElement>('.reader__line')];
    const select = (startNode: Node, startOffset: number, endNode: Node, endOffset: number) => {
      const range = document.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selectionToRange(container, selection, TEXT);
    };
    // From between two lines (on the container) to the end of a later line.
    const wide = select(container, 10, lines[30]!, lines[30]!.childNodes.length)!;
    expect(wide.exact).toBe(TEXT.slice(Number(lines[10]!.dataset.start), Number(lines[30]!.dataset.end)).trim());
    // From inside one line to inside another.
    const from = lines[3]!.querySelector('[data-segment]')!.firstChild!;
    const to = lines[35]!.querySelector('[data-segment]')!.firstChild!;
    const across = select(from, 2, to, 6)!;
    const start = Number((from.parentElement as HTMLElement).dataset.start) + 2;
    const end = Number((to.parentElement as HTMLElement).dataset.start) + 6;
    expect(across.exact).toBe(TEXT.slice(start, end).trim());
  });
});
