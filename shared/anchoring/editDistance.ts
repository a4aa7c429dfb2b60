// Edit distances for re-anchoring: how many single-character insertions, deletions and
// substitutions separate a stored quote or context from the text now there. Counted in UTF-16
// code units, like every offset of the anchoring algorithm (DESIGN.md §5).
//
// approx-string-match answers one of these questions (the best part of a text anywhere, see
// alignmentCost 'neither'), so that one is asked of it. The others pin one end of the alignment
// to a boundary or both to the strings' ends, which it cannot express; jsdiff counts a
// substitution as a deletion plus an insertion (two edits, not one). Those stay hand-written.
import search from 'approx-string-match';

/** Levenshtein distance between `a` and `b` (substitution, insertion and deletion each cost one). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // One row of the table: contexts are at most 32 code units, so it stays tiny.
  const row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) row[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** 1 − edit distance / length of the longer: 1 for equal strings (two empty ones included), 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/**
 * Edit distance between `pattern` and the best-matching part of `text`, where the part must
 * reach the text's end ('end'), start at its start ('start'), or may lie anywhere ('neither').
 */
export function alignmentCost(pattern: string, text: string, anchored: 'start' | 'end' | 'neither'): number {
  if (anchored === 'neither') {
    // The search reports only the fewest-error matches; with the whole pattern as error budget
    // it computes every column exactly. It reports nothing for an empty pattern (cost 0) or an
    // empty text (every character of the pattern deleted).
    return search(text, pattern, pattern.length)[0]?.errors ?? pattern.length;
  }
  if (anchored === 'end') return alignmentCost(reversed(pattern), reversed(text), 'start');
  // Row i holds, for each prefix of the text, the cheapest alignment of pattern[0, i) ending there.
  let row = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= text.length; j += 1) {
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1),
      );
    }
    row = next;
  }
  return Math.min(...row);
}

/**
 * Edit distance between one side of a stored context (at most 32 code units) and the text read
 * from a boundary outwards, the far end free: min over lengths ℓ of distance(side, the ℓ
 * characters read). Myers' bit-vector algorithm, one machine word, because every candidate of
 * every citation is measured on both sides. 'backward' reads from the boundary to the left and
 * compares with the side reversed, so that both are read from the quote outwards. A side longer
 * than 32 code units is measured by the 32 nearest the boundary.
 */
export class SideMatcher {
  private readonly equal = new Map<number, number>();
  private readonly last: number;
  readonly length: number;

  constructor(
    side: string,
    private readonly direction: 'forward' | 'backward',
  ) {
    // One 32-bit word holds 32 characters: the ones nearest the quote are kept.
    const units = (direction === 'forward' ? side : reversed(side)).slice(0, 32);
    for (let i = 0; i < units.length; i += 1) {
      const unit = units.charCodeAt(i);
      this.equal.set(unit, (this.equal.get(unit) ?? 0) | (1 << i));
    }
    this.last = 1 << (units.length - 1);
    this.length = units.length;
  }

  /** The distance, reading text from `boundary` towards `limit` (exclusive). */
  cost(text: string, boundary: number, limit: number): number {
    let positive = -1; // vertical +1 deltas: the first column is 0, 1, 2, …
    let negative = 0;
    let score = this.length;
    let bestScore = score;
    const step = this.direction === 'forward' ? 1 : -1;
    for (
      let at = this.direction === 'forward' ? boundary : boundary - 1;
      step > 0 ? at < limit : at >= limit;
      at += step
    ) {
      const equal = this.equal.get(text.charCodeAt(at)) ?? 0;
      const xv = equal | negative;
      const xh = (((equal & positive) + positive) ^ positive) | equal;
      let ph = negative | ~(xh | positive);
      let mh = positive & xh;
      if (ph & this.last) score += 1;
      else if (mh & this.last) score -= 1;
      // The first row grows by one per character read: the side is aligned from the boundary.
      ph = (ph << 1) | 1;
      mh <<= 1;
      positive = mh | ~(xv | ph);
      negative = ph & xv;
      if (score < bestScore) bestScore = score;
    }
    return bestScore;
  }
}

function reversed(s: string): string {
  return s.split('').reverse().join('');
}
