// @vitest-environment jsdom
// A selection in the reader becomes the passage to cite. The reader groups its lines in chunks
// (so the browser can skip laying out those far from view); a selection that starts or ends in
// any kind of place — inside a text, between segments, between lines, between chunks, on the
// container itself — must still name exactly the characters selected, with or without marks.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutReaderText } from '../../../renderer/sources/readerLayout';
import { ReaderText } from '../../../renderer/sources/ReaderText';
import { domPointToOffset, selectionToRange } from '../../../renderer/sources/selectionOffsets';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// 130 lines: more than three chunks; a few empty lines, a right-to-left line and an emoji.
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
  it('groups the lines in chunks, and every line is still one block holding exactly its text', () => {
    render([]);
    expect(container.querySelectorAll('.reader__chunk').length).toBeGreaterThan(3);
    const lines = [...container.querySelectorAll<HTMLElement>('.reader__line')];
    expect(lines.map((line) => line.textContent)).toEqual(TEXT.split('\n'));
  });

  for (const [name, highlights] of [
    ['plain text', []],
    [
      'cited passages and a find match across chunk edges',
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

  it('cites exactly the characters selected across chunks, starting and ending between chunks or inside a line', () => {
    render([]);
    const chunks = [...container.querySelectorAll<HTMLElement>('.reader__chunk')];
    const select = (startNode: Node, startOffset: number, endNode: Node, endOffset: number) => {
      const range = document.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selectionToRange(container, selection, TEXT);
    };
    // From between the first two chunks (on the container) to the end of the third chunk.
    const second = [...container.children].indexOf(chunks[1]!);
    const wide = select(container, second, chunks[2]!, chunks[2]!.childNodes.length)!;
    expect(wide.exact).toBe(TEXT.slice(Number(chunks[1]!.dataset.start), Number(chunks[2]!.dataset.end)).trim());
    // Inside a line of the first chunk to inside a line of the fourth.
    const from = container.querySelector<HTMLElement>('[data-start] [data-segment]')!.firstChild!;
    const lineIn4th = chunks[3]!.querySelector('.reader__line [data-segment]')!.firstChild!;
    const across = select(from, 2, lineIn4th, 6)!;
    const start = Number((from.parentElement as HTMLElement).dataset.start) + 2;
    const end = Number((lineIn4th.parentElement as HTMLElement).dataset.start) + 6;
    expect(across.exact).toBe(TEXT.slice(start, end).trim());
  });
});
