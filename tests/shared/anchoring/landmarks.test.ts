// Landmarks: which pieces of a passage and its context are looked up, and the index that finds
// them — checked on a realistic report, at the edges of a document, and against a plain scan.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAnchor } from '../../../shared/anchoring/anchor';
import {
  LANDMARK,
  LandmarkIndex,
  landmarkIndexOf,
  mergeRanges,
  passageLandmarks,
  quoteLandmarks,
  type Range,
} from '../../../shared/anchoring/landmarks';

const REPORT = [
  'Border report, 14 March.',
  'Troops crossed the river at dawn on Tuesday, according to two residents of the village.',
  'Local officials confirmed the crossing but said no shots were fired.',
  'Fuel prices in the capital rose by twelve percent over the week.',
].join('\n');

function anchorOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  return createAnchor(text, start, start + quote.length);
}

/** Every offset where `piece` occurs, by scanning. */
function scan(text: string, piece: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) found.push(at);
  return found;
}

describe('passageLandmarks', () => {
  it('takes three pieces of the prefix, four across the quote and three of the suffix', () => {
    const quote = 'Local officials confirmed the crossing but said no shots were fired.';
    const anchor = anchorOf(REPORT, quote);
    const landmarks = passageLandmarks(anchor);
    // The quote's pieces are spread from its first 12 characters (offset 0) to its last (68 − 12).
    expect(quote).toHaveLength(68);
    expect(landmarks.map((l) => l.offset)).toEqual([-32, -22, -12, 0, 18, 37, 56, 68, 78, 88]);
    // Each piece is the text found at its offset from the quote's start.
    for (const { piece, offset } of landmarks) {
      expect(piece).toHaveLength(LANDMARK);
      expect(REPORT.slice(anchor.start + offset, anchor.start + offset + LANDMARK)).toBe(piece);
    }
    expect(landmarks[3]!.piece).toBe('Local offici');
    expect(landmarks[6]!.piece).toBe(' were fired.');
    expect(landmarks[7]!.piece).toBe('\nFuel prices');
  });

  it('still points at the passage after its paragraph moved', () => {
    const quote = 'Local officials confirmed the crossing';
    const anchor = anchorOf(REPORT, quote);
    const [title, troops, officials, fuel] = REPORT.split('\n');
    const moved = [title, fuel, troops, officials].join('\n');
    const index = new LandmarkIndex(moved);
    const starts = passageLandmarks(anchor).flatMap(({ piece, offset }) =>
      index.occurrences(piece).map((at) => at - offset),
    );
    expect(starts.length).toBeGreaterThanOrEqual(8);
    expect(new Set(starts)).toEqual(new Set([moved.indexOf(quote)]));
  });

  it('has fewer pieces for a passage at the start of the document or a short quote, and none when all is too short', () => {
    const atStart = passageLandmarks(anchorOf(REPORT, 'Border report'));
    expect(atStart.map((l) => l.offset)).toEqual([0, 1, 13, 23, 33]);
    for (const { piece, offset } of atStart) expect(REPORT.slice(offset, offset + LANDMARK)).toBe(piece);

    // A quote under LANDMARK characters gives one piece, running into the suffix.
    const short = anchorOf(REPORT, 'twelve');
    const shortLandmarks = passageLandmarks(short);
    expect(shortLandmarks.filter((l) => l.offset === 0).map((l) => l.piece)).toEqual(['twelve perce']);
    expect(shortLandmarks).toHaveLength(7);

    expect(passageLandmarks({ prefix: 'Hi, ', exact: 'all', suffix: '.' })).toEqual([]);
  });

  it('gives only pieces found at their offset, never twice the same offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('the ', 'river ', 'crossed ', 'שלום ', '👍 ', '.\n'), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (parts, startSeed, lengthSeed) => {
          const text = parts.join('');
          const start = startSeed % text.length;
          const end = start + 1 + (lengthSeed % (text.length - start));
          const anchor = createAnchor(text, start, end);
          const landmarks = passageLandmarks(anchor);
          expect(new Set(landmarks.map((l) => l.offset)).size).toBe(landmarks.length);
          for (const { piece, offset } of landmarks) {
            expect(piece).toHaveLength(LANDMARK);
            expect(text.slice(anchor.start + offset, anchor.start + offset + LANDMARK)).toBe(piece);
          }
        },
      ),
    );
  });
});

describe('quoteLandmarks', () => {
  it('cuts the quote into consecutive pieces and leaves out a short remainder', () => {
    expect(quoteLandmarks('Troops crossed the river at dawn')).toEqual([
      { piece: 'Troops cross', offset: 0 },
      { piece: 'ed the river', offset: 12 },
    ]);
    expect(quoteLandmarks('twelve')).toEqual([]);
  });
});

describe('mergeRanges', () => {
  it('joins ranges that overlap or touch, sorts them, and leaves its input alone', () => {
    const ranges: Range[] = [
      [50, 60],
      [0, 10],
      [10, 20],
      [15, 18],
      [30, 40],
      [35, 45],
    ];
    const copy = ranges.map((r) => [...r]);
    expect(mergeRanges(ranges)).toEqual([
      [0, 20],
      [30, 45],
      [50, 60],
    ]);
    expect(ranges).toEqual(copy);
    expect(mergeRanges([])).toEqual([]);
  });
});

describe('LandmarkIndex', () => {
  it('finds every occurrence of a piece in increasing order', () => {
    const text = `${REPORT}\n${REPORT}`;
    const index = new LandmarkIndex(text);
    expect(index.occurrences('the crossing')).toEqual(scan(text, 'the crossing'));
    expect(index.occurrences('the crossing')).toHaveLength(2);
    expect(index.occurrences('tanks rolled')).toEqual([]);
    expect(new LandmarkIndex('too short').occurrences('too short...')).toEqual([]);
  });

  it('lists the occurrences nearest a position first, the earlier of two as near', () => {
    const text = 'x'.repeat(5) + 'ceasefire ok' + 'x'.repeat(10) + 'ceasefire ok' + 'x'.repeat(10) + 'ceasefire ok';
    const index = new LandmarkIndex(text);
    expect(index.occurrences('ceasefire ok')).toEqual([5, 27, 49]);
    expect(index.nearestOccurrences('ceasefire ok', 40, 4)).toEqual([49, 27, 5]);
    expect(index.nearestOccurrences('ceasefire ok', 38, 2)).toEqual([27, 49]);
    expect(index.nearestOccurrences('ceasefire ok', 16, 4)).toEqual([5, 27, 49]);
  });

  it('agrees with a plain scan, repeats and surrogate pairs included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '👍'), { maxLength: 300 }), fc.nat(), (parts, at) => {
        const text = parts.join('');
        const index = new LandmarkIndex(text);
        const piece = text.slice(at % Math.max(1, text.length), (at % Math.max(1, text.length)) + LANDMARK);
        if (piece.length === LANDMARK) expect(index.occurrences(piece)).toEqual(scan(text, piece));
        expect(index.occurrences('ab ab ab ab ')).toEqual(scan(text, 'ab ab ab ab '));
      }),
    );
  });

  it('is built once for the text asked about again', () => {
    const first = landmarkIndexOf(REPORT);
    expect(landmarkIndexOf(REPORT)).toBe(first);
    expect(landmarkIndexOf(`${REPORT} Updated.`)).not.toBe(first);
  });
});
