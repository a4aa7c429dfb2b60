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

// 130 lines: a few empty lines, a right-to-left line and an emoji.
const TEXT = Array.from({ length: 130 }, (_, i) => (i % 17 === 5 ? '' : i === 77 ? 'שלוש מכליות עגנו 🚢 במסוף.' : `Line ${i}: tankers moored at berth ${i}.`)).join('\n');

let host: HTMLDivElement;
let root: Root;
let container: HTMLElement;

function render(highlights: Parameters<typeof layoutReaderText>[1]): void {
  act(() => root.render(<ReaderText text={TEXT} lines={layoutReaderText(TEXT, highlights)} focusCitationId={null} label="Source text" />));
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

/** Every boundary point the DOM offers in the reader, with the text offset it stands for. */
function boundaryPoints(): Array<{ node: Node; offset: number; expected: number }> {
  const points: Array<{ node: Node; offset: number; expected: number }> = [];
  const visit = (node: Node): void => {
    const childCount = node.childNodes.length;
    if (node.nodeType === Node.TEXT_NODE) {
      const start = Number((node.parentElement as HTMLElement).dataset.start);
      for (let offset = 0; offset <= node.textContent!.length; offset++) points.push({ node, offset, expected: start + offset });
      return;
    }
    for (let offset = 0; offset <= childCount; offset++) {
      const next = node.childNodes[offset];
      const expected =
        next instanceof Text
          ? Number((node as HTMLElement).dataset.start)
          : next instanceof HTMLElement
          ? Number(next.dataset.start ?? next.querySelector<HTMLElement>('[data-start]')!.dataset.start)
          : node === container
            ? TEXT.length
            : Number((node as HTMLElement).dataset.end);
      points.push({ node, offset, expected });
    }
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
        { start: TEXT.indexOf('Line 38'), end: TEXT.indexOf('Line 42') + 4, kind: 'exact', citationId: 1 },
        { start: TEXT.indexOf('מכליות'), end: TEXT.indexOf('במסוף'), kind: 'fuzzy', citationId: 2 },
        { start: TEXT.indexOf('berth 80'), end: TEXT.indexOf('berth 80') + 8, kind: 'match', citationId: null },
      ],
    ],
  ] as const) {
    it(`maps every boundary point to its text offset: ${name}`, () => {
      render([...highlights]);
      const points = boundaryPoints();
      expect(points.length).toBeGreaterThan(TEXT.length);
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
    const wide = select(container, 40, lines[90]!, lines[90]!.childNodes.length)!;
    expect(wide.exact).toBe(TEXT.slice(Number(lines[40]!.dataset.start), Number(lines[90]!.dataset.end)).trim());
    // From inside one line to inside another.
    const from = lines[3]!.querySelector('[data-segment]')!.firstChild!;
    const to = lines[120]!.querySelector('[data-segment]')!.firstChild!;
    const across = select(from, 2, to, 6)!;
    const start = Number((from.parentElement as HTMLElement).dataset.start) + 2;
    const end = Number((to.parentElement as HTMLElement).dataset.start) + 6;
    expect(across.exact).toBe(TEXT.slice(start, end).trim());
  });
});
