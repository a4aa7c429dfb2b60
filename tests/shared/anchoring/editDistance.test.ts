// The edit distances re-anchoring scores candidates with: known values, the empty string, UTF-16
// code units, and each routine checked against the definition it promises on random strings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignmentCost, editDistance, SideMatcher, similarity } from '../../../shared/anchoring/editDistance';

/** The definition, slowly: min over the parts of `text` allowed by `anchored` of editDistance(pattern, part). */
function bruteAlignmentCost(pattern: string, text: string, anchored: 'start' | 'end' | 'neither'): number {
  let best = Infinity;
  for (let from = 0; from <= text.length; from += 1) {
    if (anchored === 'start' && from > 0) break;
    for (let to = from; to <= text.length; to += 1) {
      if (anchored === 'end' && to < text.length) continue;
      best = Math.min(best, editDistance(pattern, text.slice(from, to)));
    }
  }
  return best;
}

/** Strings over a small alphabet (so that they share letters), with a surrogate pair and a combining mark. */
const smallText = (maxLength: number) =>
  fc.array(fc.constantFrom('a', 'b', 'c', ' ', '👍', 'e\u0301'), { maxLength }).map((parts) => parts.join(''));

describe('editDistance', () => {
  it('counts substitutions, insertions and deletions one each', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('ceasefire held', 'ceasefire hold')).toBe(1);
    expect(editDistance('the minister said', 'the minister has said')).toBe(4);
  });

  it('is 0 for equal strings and the other length against the empty string', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('same words', 'same words')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('counts UTF-16 code units, as every anchoring offset does', () => {
    // Two emoji that share their high surrogate differ in one unit.
    expect(editDistance('👍', '👎')).toBe(1);
    // A precomposed é against e + combining acute: one substitution, one insertion.
    expect(editDistance('\u00e9', 'e\u0301')).toBe(2);
    expect(editDistance('שלום עולם', 'שלום לעולם')).toBe(1);
    expect(editDistance('سلام', 'سلم')).toBe(1);
  });

  it('is a metric bounded by the lengths', () => {
    fc.assert(
      fc.property(smallText(12), smallText(12), smallText(12), (a, b, c) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d === 0).toBe(a === b);
        expect(editDistance(a, c)).toBeLessThanOrEqual(d + editDistance(b, c));
      }),
    );
  });
});

describe('similarity', () => {
  it('is 1 − distance / the longer length, 1 for two empty strings and 0 for nothing in common', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('officials confirmed', 'officials confirmed')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('', 'abc')).toBe(0);
    expect(similarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 12);
  });
});

describe('alignmentCost', () => {
  const text = 'the river at dawn on Tuesday';

  it('aligns the pattern to the start, the end, or anywhere in the text', () => {
    expect(alignmentCost('the river', text, 'start')).toBe(0);
    expect(alignmentCost('river at dawn', text, 'start')).toBe(4); // "the " deleted
    expect(alignmentCost('river at dawn', text, 'neither')).toBe(0);
    expect(alignmentCost('on Tuesday', text, 'end')).toBe(0);
    expect(alignmentCost('on Tuesdays', text, 'end')).toBe(1);
    expect(alignmentCost('river at down', text, 'neither')).toBe(1);
  });

  it('costs nothing for an empty pattern and the whole pattern in an empty text', () => {
    for (const anchored of ['start', 'end', 'neither'] as const) {
      expect(alignmentCost('', text, anchored)).toBe(0);
      expect(alignmentCost('dawn', '', anchored)).toBe(4);
      expect(alignmentCost('', '', anchored)).toBe(0);
    }
  });

  it('equals the definition: the cheapest part of the text the anchoring allows', () => {
    fc.assert(
      fc.property(
        smallText(10),
        smallText(14),
        fc.constantFrom('start' as const, 'end' as const, 'neither' as const),
        (pattern, text, anchored) => {
          expect(alignmentCost(pattern, text, anchored)).toBe(bruteAlignmentCost(pattern, text, anchored));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('SideMatcher', () => {
  // A stored suffix and prefix of 32 code units, as createAnchor keeps them.
  const suffix = ' Local officials confirmed the c';
  const prefix = 'ce crossed the river at dawn on ';

  it('measures a stored side against the text read from the boundary, the far end free', () => {
    const text = 'Tuesday. Local officials have confirmed the crossing.';
    const boundary = text.indexOf(' Local');
    const forward = new SideMatcher(suffix, 'forward');
    expect(forward.length).toBe(32);
    // "have " inserted: five edits, however far past the side's length the text is read.
    expect(forward.cost(text, boundary, text.length)).toBe(5);
    expect(forward.cost(text, boundary, boundary + 40)).toBe(5);
  });

  it('reads leftwards for a prefix, from the quote outwards', () => {
    const text = 'Police crossed the river at dusk on Tuesday.';
    const boundary = text.indexOf('Tuesday');
    const backward = new SideMatcher(prefix, 'backward');
    expect(backward.cost(text, boundary, 0)).toBe(editDistance(prefix, text.slice(boundary - 32, boundary)));
    expect(backward.cost(text, boundary, 0)).toBe(3); // "dawn" → "dusk"
  });

  it('costs the whole side when nothing can be read, and keeps the 32 units nearest the quote', () => {
    expect(new SideMatcher(suffix, 'forward').cost('anything', 3, 3)).toBe(32);
    const long = new SideMatcher(`${suffix}rossing`, 'forward');
    expect(long.length).toBe(32);
    expect(long.cost(suffix, 0, suffix.length)).toBe(0);
    const longPrefix = new SideMatcher(`Border police${prefix}`, 'backward');
    expect(longPrefix.cost(prefix, prefix.length, 0)).toBe(0);
  });

  it('equals the definition: min over the lengths read of the edit distance', () => {
    fc.assert(
      fc.property(
        smallText(16).filter((side) => side.length > 0 && side.length <= 32),
        smallText(24),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (side, text, boundarySeed, limitSeed, forward) => {
          const boundary = boundarySeed % (text.length + 1);
          let best = Infinity;
          if (forward) {
            const limit = boundary + (limitSeed % (text.length - boundary + 1));
            for (let to = boundary; to <= limit; to += 1)
              best = Math.min(best, editDistance(side, text.slice(boundary, to)));
            expect(new SideMatcher(side, 'forward').cost(text, boundary, limit)).toBe(best);
          } else {
            const limit = boundary - (limitSeed % (boundary + 1));
            for (let from = boundary; from >= limit; from -= 1)
              best = Math.min(best, editDistance(side, text.slice(from, boundary)));
            expect(new SideMatcher(side, 'backward').cost(text, boundary, limit)).toBe(best);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
